"""The state a person acts for, from what a sentence says around the name.

Read in the order news writes it: the title before the name ("Thai Prime Minister X",
"Cambodia's Fourth Army commander, Gen. X", "the delegation of the X Party led by Y"), an
appositive after it ("X, Peru's foreign minister"), a title only one country uses
("Taoiseach"). A country after "to" or "in" in a title is where an envoy is posted, not whom
they represent ("Chinese Ambassador to Armenia"); the officials an envoy deals with in the
same sentence are the host's. Weaker clues come last: the country a speaker talks about
("Ecuador will impose tariffs, President X said"), the other people of the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from accord.extract.gazetteer import Gazetteer, Mention
from accord.extract.person_names import FoundName
from accord.extract.person_titles import LOWERCASE_TITLES, clause_before, is_posting, is_title
from accord.folding import fold

# How sure a country is; merging keeps the strongest, and weaker rules only fill gaps.
GAZETTEER, TITLE, RELATED, HOST, SPEECH, PEERS, FALLBACK = 6, 5, 4, 3, 2, 1, 0

# Bodies whose officials represent no state: the codebook's non-governmental bodies, media,
# companies, and the intergovernmental organisations (a NATO or UN secretary-general).
NON_STATE_KINDS = {"igo", "ngo", "media", "company"}
# The EU's institutions: their office holders act for the EU, which the gazetteer carries as
# the pseudo-state EUU for that reason ("EU Agriculture Commissioner X").
EU_BODIES = {"EU", "EUROPEAN_COMMISSION", "EUROPEAN_COUNCIL", "COUNCIL_EU", "EUROPEAN_PARLIAMENT", "EEAS"}
_RELATIONS = {"adviser", "advisor", "advisers", "advisors", "aide", "aides", "wife", "husband", "spouse",
              "widow", "son", "daughter", "spokesman", "spokeswoman", "spokesperson", "assistant",
              "secretary", "envoy", "counsellor", "counselor", "interpreter", "chief-of-staff"}
_SPEECH = {"say", "tell", "state", "stress", "add", "note", "affirm", "announce", "declare", "insist",
           "warn", "confirm", "explain", "emphasise", "emphasize", "underline", "reiterate", "write",
           "tweet", "claim", "assert", "highlight", "point", "remark", "reply", "respond", "vow"}


@dataclass
class CountryClue:
    """A country for a name and how sure it is, with what else the sentence told."""

    country: str | None = None
    strength: int = -1
    posting: str | None = None  # where the person is posted (an envoy's host)
    related: str | None = None  # "adviser to Mr. X", "wife of X": X's country is theirs (X's name)
    non_state: bool = False  # the title names an international body, an NGO, a company or media
    via: str | None = None  # what gave the country: "gazetteer", or the kind of mention in the title

    def offer(self, country: str | None, strength: int, via: str | None = None) -> None:
        """Take a country if it is stronger than the one held."""
        if country and strength > self.strength:
            self.country, self.strength, self.via = country, strength, via


@lru_cache(maxsize=1)
def country_titles() -> dict[str, str]:
    """Titles that only one country uses (accord/data/lexicon/country_titles.tsv)."""
    text = resources.files("accord").joinpath("data/lexicon/country_titles.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip() and not line.startswith("#")]
    return {fold(title): iso3.strip() for title, iso3 in rows}


def sentence_clues(names: list[FoundName], mentions: list[Mention], gazetteer: Gazetteer,
                   published: date | None = None) -> list[CountryClue]:
    """A country clue for every name of one sentence (mentions: the sentence's)."""
    clues = [_own_clue(name, names, mentions, gazetteer, published) for name in names]
    postings = {clue.posting for clue in clues if clue.posting}
    for name, clue in zip(names, clues):
        if clue.country is None and len(postings) == 1 and not clue.posting:
            clue.offer(next(iter(postings)), HOST)  # the envoy hands over to the host's minister
        if clue.country is None:
            clue.offer(speaker_country(name, mentions), SPEECH)
    return clues


def _own_clue(name: FoundName, names: list[FoundName], mentions: list[Mention],
              gazetteer: Gazetteer, published: date | None) -> CountryClue:
    clue = CountryClue()
    if name.holder is not None:
        clue.offer(gazetteer.holder_country(name.holder.key, published) or name.holder.country, GAZETTEER,
                   via="gazetteer")
    before = _window_before(name, names)
    _read_phrase(clue, before, name, mentions, gazetteer, nearest_last=True, title=name.title_tokens)
    if name.title:
        for word in name.title.split():
            clue.offer(country_titles().get(fold(word).strip(".")), TITLE)
    after = _appositive(name, names)
    role = [t for t in after if t.lower_ in _RELATIONS or t.lower_ in LOWERCASE_TITLES or is_title(t)]
    _read_phrase(clue, after, name, mentions, gazetteer, nearest_last=False, title=after if role else [])
    related = _related_in(before, names) or _related_in(after, names)
    clue.related = related.text if related is not None else _spouse_of(name) or _possessor(name)
    return clue


def _read_phrase(clue: CountryClue, tokens: list, name: FoundName, mentions: list[Mention],
                 gazetteer: Gazetteer, nearest_last: bool, title: list) -> None:
    """Countries a title or an appositive names: the nearest one to the name that is not a
    posting; a posting is kept apart; an international body or company named in the title
    itself (`title`: its tokens) with no country makes the person none of the codebook's
    people ("NATO Secretary General X")."""
    if not tokens:
        return
    offset = name.sentence.offset
    lo, hi = offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1])
    inside = [m for m in mentions if lo <= m.start < hi and m.kind != "person"]
    in_title = {offset + t.idx for t in title}
    own: list[Mention] = []
    bodies = []
    for mention in inside:
        token = next((t for t in tokens if offset + t.idx == mention.start), None)
        if mention.kind == "capital":
            continue  # a capital says where something happened ("signed in Paris by ...")
        if token is not None and is_posting(token) and mention.country:
            clue.posting = clue.posting or mention.country
            continue
        if mention.country:
            own.append(mention)
        elif mention.kind == "org" and mention.key in EU_BODIES:
            own.append(Mention(mention.start, mention.end, mention.text, "org", "EUU", mention.key))
        elif mention.kind == "org" and mention.start in in_title and gazetteer.organizations.get(mention.key) \
                and gazetteer.organizations[mention.key].kind in NON_STATE_KINDS:
            bodies.append(mention.key)
    if own:
        chosen = own[-1] if nearest_last else own[0]
        clue.offer(chosen.country, TITLE, via=chosen.kind)
    elif bodies:
        clue.non_state = True  # "NATO Secretary General X": whatever X did before, X acts for NATO


def _window_before(name: FoundName, names: list[FoundName]) -> list:
    """The clause before a name, from the end of any other name in it (in "Canada's Trade
    Minister Ellen Brody, Okafor said", Canada is Brody's), and from a comma that ends
    no title ("goods from Colombia, President X said"; but "the Emir of Qatar, Sheikh X" and
    "Cambodia's Fourth Army commander, Gen. X" go on)."""
    window = clause_before(name.sentence, name.tokens[0])
    others = [other.tokens[-1].i for other in names if other is not name and other.tokens[-1].i < name.tokens[0].i]
    if others:
        window = [t for t in window if t.i > max(others)]
    for position in range(len(window) - 1, -1, -1):
        if window[position].text == "," and not _title_ends_at(window, position - 1):
            window = window[position + 1:]
            break
    led = _led_by(name)
    if led is not None:
        window = led + window
    return window


def _title_ends_at(window: list, position: int) -> bool:
    """Whether the words up to window[position], read backwards over capitalised words and
    connectors, hold a title word: "the Emir of Qatar", "Fourth Army commander"."""
    while position >= 0:
        token = window[position]
        if is_title(token) or token.lower_ in LOWERCASE_TITLES:
            return True
        if not (token.text[:1].isupper() or token.lower_ in ("of", "the", "and", "to", "in", "for", "'s", "’s")):
            return False
        position -= 1
    return False


_LED = {"led", "headed", "chaired", "accompanied"}


def _led_by(name: FoundName) -> list | None:
    """"A delegation of the X Party led by NAME": the delegation names the country, back to
    the start of the sentence."""
    first = name.tokens[0]
    if first.i - 2 < first.sent.start:
        return None
    by, verb = first.nbor(-1), first.nbor(-2)
    if by.lower_ == "by" and verb.lower_ in _LED:
        return [t for t in name.sentence.span if t.i < verb.i]
    return None


def _appositive(name: FoundName, names: list[FoundName]) -> list:
    """The appositive after a name: ", Peru's foreign minister", ", a spokesperson for the
    state-run Zambia Water Authority" (up to a comma, a clause's verb, or another name)."""
    last = name.tokens[-1]
    doc, sent = last.doc, last.sent
    if last.i + 2 >= sent.end or doc[last.i + 1].text != ",":
        return []
    starts = {other.tokens[0].i for other in names if other is not name}
    clause = []
    for token in doc[last.i + 2:min(last.i + 22, sent.end)]:
        if token.text in (",", ";", ":", ".", ")") or (token.pos_ in ("VERB", "AUX") and token.dep_ == "ROOT"):
            break
        if token.i in starts and (not clause or clause[-1].lower_ in ("and", "or")):
            break  # the next person of a list ("X, Y and Z")
        clause.append(token)
    if not clause:
        return []
    # ", a spokesperson", ", Peru's foreign minister", ", personal adviser to Mr. X" (a role
    # word in it); not ", which ..." nor ", said ...".
    described = clause[0].lower_ in ("a", "an", "the", "who", "his", "her", "its") or clause[0].text[0].isupper() \
        or any(t.lower_ in _RELATIONS or t.lower_ in LOWERCASE_TITLES for t in clause[:4])
    return clause if described else []


def _related_in(tokens: list, names: list[FoundName]) -> FoundName | None:
    """The person a relation word ties the name to: "personal adviser to Mr. X", "wife of X"."""
    if not tokens:
        return None
    indices = {t.i for t in tokens}
    for index, token in enumerate(tokens):
        if token.lower_ in _RELATIONS and index + 1 < len(tokens) and tokens[index + 1].lower_ in ("to", "of"):
            later = [n for n in names if n.tokens[0].i in indices and n.tokens[0].i > token.i]
            if later:
                return later[0]
    return None


def _spouse_of(name: FoundName) -> str | None:
    """"President X and his wife Y", "Lee, accompanied by first lady Y": Y is tied to the
    person named last before the relation (the name before "his"/"her" or "first lady")."""
    first = name.tokens[0]
    doc, start = first.doc, first.sent.start
    if first.i - 2 < start:
        return None
    relation, before = doc[first.i - 1], doc[first.i - 2]
    spouse = relation.lower_ in _RELATIONS and before.lower_ in ("his", "her")
    first_lady = relation.lower_ in ("lady", "gentleman") and before.lower_ == "first"
    if not (spouse or first_lady):
        return None
    index, words = before.i - 1, []
    while index >= start and not (words and not (doc[index].pos_ == "PROPN" and doc[index].text[:1].isupper())):
        if doc[index].pos_ == "PROPN" and doc[index].text[:1].isupper() and not is_title(doc[index]):
            words.insert(0, doc[index].text)
        index -= 1
    return " ".join(words) or None


def _possessor(name: FoundName) -> str | None:
    """"Tokayev's press secretary X", "Lula's wife, X": X is tied to the person whose title
    or relation they hold (the name before "'s", which may be a surname alone)."""
    index = name.tokens[0].i - 1
    doc, start = name.tokens[0].doc, name.tokens[0].sent.start
    if index >= start and doc[index].text == ",":
        index -= 1
    words = 0
    while index >= start and doc[index].text not in ("'s", "’s") and words < 4:
        if not (is_title(doc[index]) or doc[index].lower_ in _RELATIONS or doc[index].lower_ in LOWERCASE_TITLES
                or doc[index].pos_ in ("ADJ", "NOUN", "PROPN")):
            return None
        index, words = index - 1, words + 1
    if index < start or doc[index].text not in ("'s", "’s") or words == 0:
        return None
    owner = []
    index -= 1
    while index >= start and doc[index].text[:1].isupper() and doc[index].pos_ == "PROPN":
        owner.insert(0, doc[index].text)
        index -= 1
    return " ".join(owner) or None


def speaker_country(name: FoundName, mentions: list[Mention]) -> str | None:
    """The country a speaker talks about as the subject of what they say: "Ecuador will impose
    a tariff, President X said", "X said Cambodia has not increased its troops"."""
    head = _head_of(name.tokens)
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in _SPEECH:
        return None
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if verb.dep_ in ("ccomp", "parataxis") and verb.head is not verb:
        clauses.append(verb.head)
    offset = name.sentence.offset
    for clause in sorted(clauses, key=lambda t: t.i):
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            first = min(subject.subtree, key=lambda t: t.i)
            for token in (first, subject):
                position = offset + token.idx
                mention = next((m for m in mentions if m.start <= position < m.end and m.country
                                and m.kind in ("country", "demonym", "org")), None)
                if mention:
                    return mention.country
    return None


def _head_of(tokens: list):
    indices = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in indices or t.head is t), tokens[-1])


# Nouns for people or sides that a country word before them belongs to ("the Ethiopian
# leader", "his Guatemalan counterpart", "the Chinese side").
_PERSON_NOUNS = {"leader", "leaders", "official", "officials", "side", "delegation", "delegations",
                 "government", "counterpart", "counterparts", "people", "envoy", "envoys", "diplomat",
                 "diplomats", "president", "minister", "ministers", "prime", "ambassador", "premier",
                 "king", "queen", "emir", "chancellor", "foreign", "head", "heads", "guests", "guest"}


def fallback_country(name: FoundName, clue: CountryClue, names: list[FoundName], clues: list[CountryClue],
                     mentions: list[Mention]) -> tuple[str | None, set[str]]:
    """The last resort for a person the text gives no clue to: the first country the sentence
    names that is not someone else's, nor where the person is posted. Someone else's: the
    country of another person of the sentence ("Presidents A and B" after "between Mexico and
    Guatemala": A is Mexico's by the gazetteer, so B is Guatemala's; "X met Commerce Minister
    Y": Y is X's counterpart), or of a person noun ("the Ethiopian leader"). The one exception
    is a person coordinated with one whose body names the country ("Economy Minister X and
    Bundestag President Y" are both German). Also gives the countries found to be others',
    which the document's main country must not be either."""
    head = _head_of(name.tokens)
    taken, shared = set(), set()
    for other, other_clue in zip(names, clues):
        if other is name or other_clue.strength < TITLE or not other_clue.country:
            continue
        if other_clue.via == "org" and _coordinated(head, _head_of(other.tokens)):
            shared.add(other_clue.country)
        else:
            taken.add(other_clue.country)
    others = (taken - shared) | ({clue.posting} if clue.posting else set())
    offset = name.sentence.offset
    doc = name.sentence.span.doc
    ends = {offset + t.idx + len(t): t for t in name.sentence.span}
    own_clause = _back_to_verb(name.tokens[0])
    free = []
    for mention in mentions:
        if not mention.country or mention.kind not in ("country", "demonym", "org"):
            continue
        last = ends.get(mention.end)
        if last is not None and last.i not in own_clause and _names_a_person_noun(doc, last.i + 1):
            others.add(mention.country)  # "the Ethiopian leader" elsewhere in the sentence
        elif mention.country not in others:
            free.append(mention.country)
    return (free or [None])[0], others


def _back_to_verb(first) -> set[int]:
    """Token indices before a name back to the nearest verb: the phrase that may be its title
    ("Mozambique's ministers of defence, interior and foreign affairs, X")."""
    indices, index, start = set(), first.i - 1, first.sent.start  # (token.sent is rebuilt at every read)
    while index >= start and first.doc[index].pos_ not in ("VERB", "AUX") \
            and first.doc[index].text not in (";", ":"):
        indices.add(index)
        index -= 1
    return indices


def _coordinated(one, other) -> bool:
    """Whether two names are conjuncts ("X and Y", "X, Y and Z")."""
    return (one.dep_ == "conj" and one.head.i == other.i) or (other.dep_ == "conj" and other.head.i == one.i) \
        or (one.dep_ == "conj" and other.dep_ == "conj" and one.head.i == other.head.i)


def _names_a_person_noun(doc, index: int) -> bool:
    """Whether a lower-case noun for a person or a side follows ("the Ethiopian leader"); a
    capitalised title belongs to a name of the sentence, whose country is theirs anyway."""
    while index < len(doc) and doc[index].text in ("'s", "’s", "'", "’"):
        index += 1
    return index < len(doc) and doc[index].text.islower() and doc[index].lower_ in _PERSON_NOUNS
