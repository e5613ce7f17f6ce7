"""Where a sentence names a person: runs of capitalised words cut into titles and names, and
the tests that tell an official's name from a place, a thing, a credit line or a title alone.

A run ("Iraqi Central Bank Governor Mustafa Ghaleb Tuesday") is cut at title words, words of
institutions, places and dates, and gazetteer mentions; each piece left is a candidate name,
judged by what stands before it (a title, "the province of"), after it ("temple", "province"),
and by spaCy's PERSON entities where no title vouches for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from accord.extract.gazetteer import Mention
from accord.extract.nlp import Sentence
from accord.extract.person_titles import (TITLE_HYPHENS, is_title, lowercase_title_before, previous, title_after,
                                          title_before)
from accord.extract.person_words import (COMMON_CAPITALS, CONTRIBUTED, CREDIT, INSTITUTIONS, MEDIA_ROLES, MOTION,
                                         NAMES_TOO, NOT_NAMES, NOT_OFFICIAL, OF_PEOPLE, PLACE_PREPOSITIONS,
                                         PLURAL_TITLES, THINGS)

_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
_ROMAN = re.compile(r"^(?=[IVX]{1,5}$)X{0,3}(?:IX|IV|V?I{0,3})$")  # regnal numbers: Mohammed VI
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.-]*$")
_PARTICLES = {"de", "da", "do", "dos", "das", "van", "von", "der", "den", "bin", "binti", "bint", "al",
              "el", "la", "le", "du", "di", "del", "ibn", "y", "ould", "ter"}
MAX_WORDS = 4  # a name of more words holds particles ("Mohamed Ould Cheikh El Ghazouani")
MAX_WORDS_WITH_PARTICLES = 6

@dataclass
class FoundName:
    """A person's name in one sentence: its tokens and span, the title before it, and the
    gazetteer office holder it is, when it is one."""

    tokens: list
    sentence: Sentence
    title: str | None
    titled: bool
    holder: Mention | None = None  # a gazetteer person mention the name is
    entity: bool = False  # spaCy marks it as a PERSON
    flags: set[str] = field(default_factory=set)  # why it may not be a person: "credit", "media"
    title_tokens: list = field(default_factory=list)  # the words of the title before it

    @property
    def start(self) -> int:
        """Start in the clean text."""
        return self.sentence.offset + self.tokens[0].idx

    @property
    def end(self) -> int:
        """End in the clean text."""
        return self.sentence.offset + self.tokens[-1].idx + len(self.tokens[-1])

    @property
    def text(self) -> str:
        """The name as written, from its first token to its last (read from that span: spaCy
        builds `doc.text` anew from every token of the doc at each read)."""
        first, last = self.tokens[0], self.tokens[-1]
        return first.doc[first.i:last.i + 1].text


def names_in(sentence: Sentence, mentions: list[Mention]) -> list[FoundName]:
    """Every person's name in a sentence (mentions: the gazetteer's, inside the sentence)."""
    span = sentence.span
    person_tokens = {t.i for ent in span.ents if ent.label_ == "PERSON" for t in ent}
    credit_from = _credit_start(sentence.text)
    found = []
    for run in capitalised_runs(list(span)):
        for name in _names_in_run(run, sentence, mentions, person_tokens):
            # A caption may open like a credit ("Photo: President X and President Y at the
            # ceremony"): a titled official or a known office holder there is whom the photo
            # shows, not who took it.
            if credit_from is not None and name.tokens[0].idx - span.start_char >= credit_from \
                    and not (name.titled or name.holder is not None):
                name.flags.add("credit")
            found.append(name)
    if len(found) == 1 and _is_byline(sentence, found[0]):
        found[0].flags.add("credit")
    return found


def capitalised_runs(tokens: list) -> list[list]:
    """Runs of capitalised words and what holds them together (hyphens, particles)."""
    runs, index = [], 0
    while index < len(tokens):
        if not _capitalised(tokens[index]):
            index += 1
            continue
        end = index + 1
        while end < len(tokens) and _continues_name(tokens, end):
            end += 1
        runs.append(tokens[index:end])
        index = end
    return runs


def _attached(first, second) -> bool:
    return first.idx + len(first.text) == second.idx


def _continues_name(tokens, index: int) -> bool:
    """Whether tokens[index] continues a run of name words: a capitalised word, an attached
    hyphen and what follows it ("Akufo-Addo", "Min-jun"), or a particle before a capitalised
    word ("Charles de Gaulle")."""
    token, previous = tokens[index], tokens[index - 1]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if token.text in TITLE_HYPHENS and following is not None and _attached(previous, token) \
            and _attached(token, following) and following.text[:1].isalpha():
        return True
    if previous.text in TITLE_HYPHENS and _attached(previous, token) and token.text.isalpha():
        return True
    if token.text in _PARTICLES and following is not None and (
            _capitalised(following) or following.text in TITLE_HYPHENS and _attached(token, following)):
        return True  # "Charles de Gaulle", "Abdel Fattah al-Burhan"
    return _capitalised(token)


def _capitalised(token) -> bool:
    text = token.text
    if token.is_sent_start and token.pos_ == "VERB":  # (token.sent is slow to build)
        return False
    return bool(_NAME_TOKEN.match(text)) and text[0].isupper()


def is_separator(token, run: list, position: int, in_mention) -> bool:
    """Whether a token of a run cuts it: a title or institution word, a word that is never a
    name, a gazetteer mention, or a hyphen between title words ("Lt-Gen.")."""
    text = token.text.lower()
    if text in TITLE_HYPHENS:
        return 0 < position < len(run) - 1 and is_title(run[position - 1]) and is_title(run[position + 1])
    return is_title(token) or text in NOT_NAMES or in_mention(token)


def _names_in_run(run, sentence: Sentence, mentions: list[Mention], person_tokens: set[int]) -> list[FoundName]:
    offset = sentence.offset
    people = [m for m in mentions if m.kind == "person"]
    others = [m for m in mentions if m.kind != "person"]

    def mention_at(token, pool):
        position = offset + token.idx
        return next((m for m in pool if m.start <= position < m.end), None)

    def given_name(token, position) -> bool:
        return not is_separator(token, run, position, lambda t: mention_at(t, others) is not None)

    # A surname the gazetteer knows alone ("Kagame") after a given name that is not the known
    # one ("Jeannette Kagame") is someone else of the family: the full name did not match.
    people = [m for m in people if not (" " not in m.text.strip() and any(
        offset + t.idx + len(t) + 1 >= m.start > offset + t.idx and given_name(t, i)
        for i, t in enumerate(run)))]
    found: list[FoundName] = []
    segment: list = []
    for position, token in enumerate(run + [None]):
        holder = mention_at(token, people) if token is not None else None
        cut = token is None or holder is not None or \
            is_separator(token, run, position, lambda t: mention_at(t, others) is not None)
        if not cut:
            segment.append(token)
            continue
        if segment and found and found[-1].holder is not None and found[-1].tokens[-1].i + 1 == segment[0].i:
            found[-1].tokens = found[-1].tokens + segment  # the text's fuller form: "Sheikh Tamim bin Hamad| Al Thani"
        elif segment and holder is None:  # capitalised words right before a known name are its title
            name = _judge(segment, run, sentence, person_tokens)
            if name is not None:
                found.append(name)
        segment = []
        if holder is not None and (not found or found[-1].holder is not holder):
            found.append(_holder_name(holder, run, sentence))
    return found


def _holder_name(holder: Mention, run, sentence: Sentence) -> FoundName:
    offset = sentence.offset
    tokens = [t for t in run if holder.start <= offset + t.idx < holder.end]
    title, title_tokens = title_before(sentence, tokens[0])
    flags = {"thing"} if _names_a_thing(tokens[-1]) else set()
    return FoundName(tokens, sentence, title, title is not None, holder=holder, entity=True,
                     title_tokens=title_tokens, flags=flags)


_NAME_LINKS = {"and", "of", "for", "&"}


def _names_a_thing(last) -> bool:
    """Whether a known person's name is the first part of a place's or a body's name ("Ho
    Chi Minh City", "the King Salman Humanitarian Aid and Relief Centre", "Jawaharlal Nehru
    University"): capitalised words (and the links of a name) run on from it to a place or
    institution word."""
    doc, index = last.doc, last.i + 1
    for _ in range(6):
        if index >= len(doc):
            return False
        word = doc[index]
        if word.lower_ in THINGS or word.lower_ in INSTITUTIONS:
            return word.text[:1].isupper()
        if not (_capitalised(word) or word.lower_ in _NAME_LINKS):
            return False
        index += 1
    return False


def _judge(tokens: list, run: list, sentence: Sentence, person_tokens: set[int]) -> FoundName | None:
    """A piece of a run as a person's name, or None when it is a place, a thing or no name."""
    while tokens and tokens[-1].text.lower() in ("’s", "'s", "’", "'"):
        tokens = tokens[:-1]
    while tokens and tokens[0].text in TITLE_HYPHENS:
        tokens = tokens[1:]
    if not tokens:
        return None
    tokens = _entity_bounds(tokens, person_tokens)
    words = [t.text for t in tokens if t.text not in TITLE_HYPHENS]
    if all(w.lower() in COMMON_CAPITALS for w in words):
        return None  # the rest of an institution's name ("Mineral Development")
    if any(w.lower() in THINGS for w in words[1:-1]):
        return None  # a building or a body with a name ("Guest House Jamuna")
    particles = sum(1 for w in words if w.lower() in _PARTICLES)
    if len(words) > (MAX_WORDS_WITH_PARTICLES if particles else MAX_WORDS) or len(words) == particles:
        return None
    if any(w.isupper() and len(w) > 1 and not _INITIALS.match(w) and not (i and _ROMAN.match(w))
           for i, w in enumerate(words)):
        return None  # an acronym or a shouted byline ("EDNA TARIGAN"), not a name
    # A plural noun is no name ("Affairs"), unless NER takes it for one ("Tiran Alles").
    if any((t.tag_ == "NNS" or t.tag_ == "NNPS" and t.i not in person_tokens)
           or t.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB", "X", "PUNCT", "ADP", "DET", "NUM") for t in tokens):
        return None
    if _hyphen_follows(tokens[-1]) or _institution_follows(tokens[-1]):
        return None  # "Mae Sot-Myawaddy Model", "the Nigerian Export Promotion Council"
    title, title_tokens = title_before(sentence, tokens[0])
    entity = any(t.i in person_tokens for t in tokens)
    titled = title is not None or lowercase_title_before(tokens[0]) or title_after(tokens) or \
        _shares_a_plural_title(tokens[0])
    if _thing_follows(tokens[-1]) or (not titled and (words[-1].lower() in NAMES_TOO
                                                      or not _may_be_untitled_person(tokens[0]))):
        # A place or a thing ("in Kon Tum", "Ta Kwai temple"): kept, flagged, so that the same
        # name elsewhere ("Kon Tum will grant scholarships") is known for a place too.
        return FoundName(tokens, sentence, title, titled, entity=entity, flags={"place"},
                         title_tokens=title_tokens) if len(words) > 1 else None
    if len(words) == 1 and not (titled and tokens[0].pos_ == "PROPN" and entity):
        return None  # a lone word is a name only after a title, and when NER agrees
    if not titled and not entity:
        return None
    name = FoundName(tokens, sentence, title, titled, entity=entity, title_tokens=title_tokens)
    if _media_role_before(tokens[0]) or _media_role_after(tokens[-1]):
        name.flags.add("media")
    if _described_as_no_official(tokens[0]):
        name.flags.add("not_official")  # "Khalistani terrorist X's killing", "separatist leader X"
    return name


def _described_as_no_official(first) -> bool:
    """Whether the words right before a name (up to three, back to a determiner, a
    preposition or punctuation) call the person a terrorist, a separatist, an activist..."""
    for steps in (1, 2, 3):
        word = previous(first, steps)
        if word is None or word.pos_ in ("DET", "ADP", "PUNCT", "VERB", "AUX", "PRON", "CCONJ"):
            return False
        if word.lower_ in NOT_OFFICIAL:
            return True
    return False


def _shares_a_plural_title(first) -> bool:
    """"Presidents A and B", "Foreign Ministers A, B and C": B and C share A's title."""
    index, start = first.i - 1, first.sent.start  # (token.sent is rebuilt at every read)
    if index < start or first.doc[index].lower_ not in ("and", ","):
        return False
    index -= 1
    while index >= start and (_capitalised(first.doc[index]) or first.doc[index].lower_ in
                                         _PARTICLES or first.doc[index].text in (",", "and")):
        if first.doc[index].lower_ in PLURAL_TITLES:
            return True
        index -= 1
    return False



def _entity_bounds(tokens: list, person_tokens: set[int]) -> list:
    """Where spaCy marks a PERSON of two words or more inside the piece, its start beats the
    title list ("Minister of Energy and Mineral Development [Ruth Nankabirwa]"),
    but a capitalised word NER leaves out on the left is kept when it is no common word
    ("Pavan [Kumar Rai]")."""
    entity = [t for t in tokens if t.i in person_tokens]
    if len(entity) < 2:
        return tokens
    first = tokens.index(entity[0])
    while first > 0 and tokens[first - 1].pos_ == "PROPN" and tokens[first - 1].lower_ not in COMMON_CAPITALS \
            and not tokens[first - 1].is_stop:
        first -= 1
    return tokens[first:]  # the right end is the run's: NER often stops short of a long name



def _thing_follows(token) -> bool:
    """Whether the word after the name is a place or thing it names ("Ta Kwai temple"), also
    across a coordination ("between Kon Tum and Stung Treng provinces")."""
    doc, index = token.doc, token.i + 1
    end = token.sent.end
    if index < end and doc[index].lower_ in ("and", "or", "&"):
        index += 1
        while index < end and (_capitalised(doc[index]) or doc[index].text in TITLE_HYPHENS):
            index += 1
    return index < end and (doc[index].lower_ in THINGS or doc[index].lemma_.lower() in THINGS)



def _institution_follows(token) -> bool:
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.text[:1].isupper() and following.lower_ in INSTITUTIONS


def _hyphen_follows(token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.text in ("-", "–") and following.idx == token.idx + len(token)


def _may_be_untitled_person(first) -> bool:
    """An untitled name is a person unless what stands before it makes it a place: a
    preposition of place, "of" after a place word, or "and" after a country or a capital."""
    before = previous(first)
    if before is None:
        return True
    if before.lower_ in PLACE_PREPOSITIONS:
        return False  # "the Upper Rhine", "in Siem Reap"
    if before.lower_ == "to":
        motion = previous(first, 2)
        return motion is None or motion.lemma_.lower() not in MOTION  # "flew to Phu Quoc"
    if before.lower_ == "of":
        head = previous(first, 2)
        return head is not None and head.lower_ in OF_PEOPLE
    if before.lower_ in ("and", "or"):
        other = previous(first, 2)
        return other is None or other.ent_type_ not in ("GPE", "LOC", "FAC")
    return True


def _media_role_before(first) -> bool:
    before = previous(first)
    return before is not None and before.lower_ in MEDIA_ROLES


def _media_role_after(last) -> bool:
    """", a reporter for ...", "X, VNA correspondent": an appositive naming a media role."""
    doc, index = last.doc, last.i + 1
    if index >= len(doc) or doc[index].text != ",":
        return False
    for token in doc[index + 1:min(index + 6, last.sent.end)]:
        if token.lower_ in MEDIA_ROLES:
            return True
        if token.text in (",", ";", ".") or token.pos_ == "VERB":
            return False
    return False


def _credit_start(text: str) -> int | None:
    """Where a credit line starts in a sentence ("(Reporting by ...; Editing by ...)",
    "Translated by ...", "(Photo: ...)"), or None."""
    if CONTRIBUTED.search(text):
        return 0
    match = CREDIT.search(text)
    return match.start() if match else None


def _is_byline(sentence: Sentence, name: FoundName) -> bool:
    """A sentence that is the name alone, or the name after "By", or the name with an agency
    after a slash ("Pedro Ladeira/Folhapress"): the article's byline or a photo credit."""
    words = [t for t in sentence.span if not t.is_punct]
    name_words = [t for t in name.tokens if not t.is_punct]
    following = name.tokens[-1].nbor(1) if name.tokens[-1].i + 1 < len(name.tokens[-1].doc) else None
    if following is not None and following.text == "/":
        return True
    rest = [t for t in words if t not in name_words and t.lower_ != "by"]
    return not rest and name.holder is None


