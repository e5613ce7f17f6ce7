"""People and the countries they act for, found per document.

Three sources feed the person list: gazetteer office holders, runs of
capitalised words behind a title ("Lao Prime Minister Sonexay Siphandone"), and
spaCy's PERSON entities. Mentions of one person are merged within a document
(partial names, transliteration variants), and each person gets a country from
the gazetteer, else from the title's context, else from the sentence's pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from accord.extract.gazetteer import Gazetteer, HolderIndex, Mention
from accord.extract.nlp import Sentence
from accord.extract.records import Evidence, Person
from accord.folding import fold

FUZZY_SAME_PERSON = 88
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
_NOT_BEFORE_NAMES = {"the", "in", "at", "from", "near", "into", "across", "a", "an"}
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.-]*$")
_NOT_NAMES = {"the", "of", "and", "in", "on", "for", "to", "a", "an", "at", "by", "with",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "photo", "source", "news", "times",
              "post", "daily", "agency", "newspaper", "online", "tv", "radio", "honor", "guard",
              "palace", "hall", "house", "square", "monument", "park", "port", "airport",
              "railway", "road", "street", "bridge", "river", "sea", "ocean", "mountain",
              "trail", "route", "corridor", "highway", "pass", "valley", "lake", "dam", "plant",
              "zone", "gate", "border", "pier", "station", "center", "centre", "stadium",
              "province", "city", "district", "village", "capital", "region", "island",
              "day", "week", "month", "year", "congress", "session", "meeting", "summit",
              "medal", "order", "award", "prize", "treaty", "agreement", "protocol",
              "memorandum", "declaration", "statement", "strategy", "plan", "project",
              "university", "school", "institute", "academy", "hospital", "company", "group",
              "bank", "fund", "corporation", "ltd", "inc", "co", "party", "parties", "friendship",
              "solidarity", "cooperation", "partnership", "vision", "unknown", "soldier",
              "according", "during", "after", "before", "following", "since", "while",
              "desk", "markets", "market", "news", "reporting", "editing", "staff", "correspondent"}


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Title and institution words (accord/data/lexicon/titles.txt)."""
    text = resources.files("accord").joinpath("data/lexicon/titles.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def surname_countries() -> dict[str, str]:
    """Distinctive family names and their country (accord/data/lexicon/surnames.tsv)."""
    text = resources.files("accord").joinpath("data/lexicon/surnames.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:]
            if line.strip() and not line.startswith("#")]
    return {fold(name): iso3.strip() for name, iso3 in rows if not name.startswith("surname")}


@dataclass
class _Candidate:
    name: str
    start: int
    end: int
    sentence: Sentence
    title: str | None
    country: str | None
    from_gazetteer: bool
    confident: bool
    aliases: set[str] = field(default_factory=set)


def find_people(sentences: list[Sentence], mentions: list[Mention], gazetteer: Gazetteer) -> list[Person]:
    """People named in a document, one record per person, with country and role."""
    candidates = []
    for sentence in sentences:
        sentence_mentions = [m for m in mentions if sentence.start <= m.start < sentence.end]
        candidates.extend(_candidates_in(sentence, sentence_mentions, gazetteer))
    merged = _merge(candidates)
    people = []
    for candidate in merged:
        country = candidate.country or _surname_country(candidate.name)
        sent = candidate.sentence
        people.append(Person(
            name=candidate.name, country=country, role=candidate.title,
            evidence=Evidence(sent.text, sent.start, sent.end, candidate.start, candidate.end),
            aliases=tuple(sorted(candidate.aliases - {candidate.name})),
            confidence=0.9 if candidate.from_gazetteer else 0.7 if candidate.confident else 0.5,
            source="gazetteer" if candidate.from_gazetteer else "title" if candidate.title else "ner"))
    return people


def _candidates_in(sentence: Sentence, mentions: list[Mention], gazetteer: Gazetteer) -> list[_Candidate]:
    span = sentence.span
    person_tokens = {t.i for ent in span.ents if ent.label_ == "PERSON" for t in ent}
    titles = title_words()
    found: list[_Candidate] = []
    tokens = list(span)
    index = 0
    while index < len(tokens):
        if not _capitalised(tokens[index]):
            index += 1
            continue
        end = index + 1
        while end < len(tokens) and _continues_name(tokens, end):
            end += 1
        run = tokens[index:end]
        index = end
        found.extend(_names_in_run(run, sentence, mentions, person_tokens, titles, gazetteer))
    return found


_PARTICLES = {"de", "da", "do", "dos", "das", "van", "von", "der", "den", "bin", "binti", "al", "el",
              "la", "le", "du", "di", "del", "ibn", "y"}


def _attached(first, second) -> bool:
    return first.idx + len(first.text) == second.idx


def _continues_name(tokens, index: int) -> bool:
    """Whether tokens[index] continues a run of name words: a capitalised word, an attached
    hyphen and what follows it ("Akufo-Addo", "Min-jun"), or a particle before a capitalised
    word ("Charles de Gaulle")."""
    token, previous = tokens[index], tokens[index - 1]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if token.text in ("-", "‐") and following is not None and _attached(previous, token) \
            and _attached(token, following) and following.text[:1].isalpha():
        return True
    if previous.text in ("-", "‐") and _attached(previous, token) and token.text.isalpha():
        return True
    if token.text in _PARTICLES and following is not None and _capitalised(following):
        return True
    return _capitalised(token)


def _capitalised(token) -> bool:
    text = token.text
    if token.i == token.sent.start and token.pos_ == "VERB":
        return False
    return bool(_NAME_TOKEN.match(text)) and text[0].isupper()


def _names_in_run(run, sentence: Sentence, mentions: list[Mention], person_tokens: set[int],
                  titles: frozenset[str], gazetteer: Gazetteer) -> list[_Candidate]:
    """Split a run of capitalised tokens into title words and a name, and judge the name."""
    offset = sentence.offset
    # Gazetteer person mentions inside the run are names by themselves.
    run_start, run_end = offset + run[0].idx, offset + run[-1].idx + len(run[-1])
    for mention in mentions:
        if mention.kind == "person" and run_start <= mention.start < run_end:
            title, _ = _title_and_context(sentence, mention.start - offset, mentions, titles)
            return [_Candidate(mention.text, mention.start, mention.end, sentence, title,
                               mention.country, True, True, {mention.text, mention.key})]
    # Strip title and institution words (and gazetteer words) from the left.
    cut = 0
    while cut < len(run) and (run[cut].text.lower().strip(".") in titles
                              or run[cut].text.lower() in titles
                              or _in_mention(offset + run[cut].idx, mentions)):
        cut += 1
    name_tokens = run[cut:]
    while name_tokens and name_tokens[-1].text.lower() in ("’s", "'s", "’", "'"):
        name_tokens = name_tokens[:-1]
    # A name stops where title or institution words start again ("Nguyen Van A Party").
    for position, token in enumerate(name_tokens):
        if token.text.lower() in titles or _in_mention(offset + token.idx, mentions):
            name_tokens = name_tokens[:position]
            break
    if not name_tokens or len(name_tokens) > 4:
        return []
    # Where spaCy marks a PERSON inside the run, its boundaries beat the title list
    # ("Minister of Energy and Mineral Development [Ruth Nankabirwa]").
    entity = [t for t in name_tokens if t.i in person_tokens]
    if entity and len(entity) >= 2:
        name_tokens = name_tokens[name_tokens.index(entity[0]):name_tokens.index(entity[-1]) + 1]
    words = [t.text for t in name_tokens if t.text not in ("-", "‐")]
    if any(w.lower() in _NOT_NAMES for w in words) or \
            any(w.isupper() and len(w) > 1 and not _INITIALS.match(w) for w in words):
        return []
    before = name_tokens[0].nbor(-1) if name_tokens[0].i > name_tokens[0].sent.start else None
    if before is not None and before.lower_ in _NOT_BEFORE_NAMES:
        return []  # "the Upper Rhine", "in Siem Reap": a thing or a place, not a person
    if any(t.tag_ in ("NNS", "NNPS") or t.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB", "X", "PUNCT", "ADP", "DET")
           for t in name_tokens) or _hyphen_follows(name_tokens[-1]):
        return []
    titled = cut > 0 and run[cut - 1].text.lower().strip(".") in titles
    is_ner = any(t.i in person_tokens for t in name_tokens)
    if len(name_tokens) == 1 and (name_tokens[0].pos_ != "PROPN" or not is_ner):
        return []  # a lone word after a title is a name only when NER agrees
    byline = _after_by(name_tokens[0])
    if not (titled or (is_ner and len(words) >= 2) or (byline and len(words) >= 2)):
        return []
    if len(words) == 1 and not titled:
        return []
    start = offset + name_tokens[0].idx
    end = offset + name_tokens[-1].idx + len(name_tokens[-1])
    name = sentence.span.doc.text[name_tokens[0].idx:name_tokens[-1].idx + len(name_tokens[-1])]
    title, country = _title_and_context(sentence, name_tokens[0].idx, mentions, titles)
    country = country or _appositive_country(sentence, name_tokens[-1].idx + len(name_tokens[-1]), mentions)
    holder = _gazetteer_match(name, gazetteer)
    if holder:
        return [_Candidate(name, start, end, sentence, title, holder[1], True, True,
                           {name, holder[0]})]
    return [_Candidate(name, start, end, sentence, title, country, False, titled or is_ner, {name})]


def _hyphen_follows(token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.text in ("-", "–") and following.idx == token.idx + len(token)


def _after_by(token) -> bool:
    previous = token.nbor(-1) if token.i > token.sent.start else None
    return previous is not None and previous.text.lower() == "by"


def _in_mention(position: int, mentions: list[Mention]) -> bool:
    return any(m.kind != "person" and m.start <= position < m.end for m in mentions)


def _title_and_context(sentence: Sentence, name_idx: int, mentions: list[Mention],
                       titles: frozenset[str]) -> tuple[str | None, str | None]:
    """The title words before a name (within its clause) and the nearest country they name."""
    tokens = [t for t in sentence.span if t.idx < name_idx]
    window = []
    for token in reversed(tokens):
        if token.pos_ in ("VERB", "AUX") or token.text in (";", ":") \
                or token.lower_ in ("with", "by", "to", "from", "for", "on", "than") \
                or (token.lower_ == "and" and window and window[-1].text[0].islower()):
            break
        window.append(token)
        if len(window) >= 14:
            break
    window.reverse()
    title = _title_text(window, titles)
    country = None
    lo = sentence.offset + (window[0].idx if window else name_idx)
    if len(tokens) >= 2 and tokens[-1].lower_ == "by" and tokens[-2].lower_ in _LED:
        lo = sentence.start  # "a delegation of the X Party led by NAME": the party names the country
    hi = sentence.offset + name_idx
    # A capital names where something happened ("signed in Paris by ..."), not whose official.
    inside = [m for m in mentions if lo <= m.start < hi and m.country and m.kind not in ("person", "capital")]
    if inside:
        country = inside[-1].country
    return title, country


def _appositive_country(sentence: Sentence, name_end_idx: int, mentions: list[Mention]) -> str | None:
    """The country an appositive after the name gives: "Nadia El-Sayed, an Egyptian analyst"."""
    after = [t for t in sentence.span if t.idx >= name_end_idx]
    if len(after) < 2 or after[0].text != ",":
        return None
    clause = []
    for token in after[1:13]:
        if token.text in (",", ";", ":", ".", ")") or token.pos_ in ("VERB", "AUX") and token.dep_ == "ROOT":
            break
        clause.append(token)
    if not clause or clause[0].lower_ not in ("a", "an", "the", "who", "his", "her") and \
            clause[0].text[0].islower():
        return None
    lo = sentence.offset + clause[0].idx
    hi = sentence.offset + clause[-1].idx + len(clause[-1])
    inside = [m for m in mentions if lo <= m.start < hi and m.country and m.kind not in ("person", "capital")]
    return inside[0].country if inside else None


_LED = {"led", "headed", "chaired", "accompanied"}


def _title_text(window, titles: frozenset[str]) -> str | None:
    """The title right before a name, read backwards while the words are title words,
    capitalised words (as in "President of Laos") or connectors: "General Secretary and
    President of Laos", "Prime Minister"."""
    words: list[str] = []
    for token in reversed(window):
        text = token.text
        if text.lower() == "and" and token.i > 0 and \
                token.nbor(-1).text.lower().strip(".") not in titles:
            break  # "X and [title] Y": the words before "and" belong to someone else
        if text.lower().strip(".") in titles or text.lower() in ("of", "the", "and") or \
                (text[:1].isupper() and text.isalpha()):
            words.append(text)
            continue
        break
    words.reverse()
    while words and (words[0].lower() in ("of", "the", "and", "his", "her")):
        words.pop(0)
    while words and words[-1].lower() in ("of", "the", "and", "dr", "dr.", "mr", "mrs", "ms"):
        words.pop()
    if not any(w.lower().strip(".") in titles for w in words):
        return None
    return " ".join(words) or None


def _gazetteer_match(name: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """A gazetteer office holder with this name, exactly or as a transliteration variant: the
    same folded name; else a shorter form of a known full name ("Bola Tinubu" of "Bola Ahmed
    Tinubu": two words or more, the surname among them); else the closest spelling."""
    index = gazetteer.holder_index()
    folded = fold(name)
    entry = index.exact.get(folded)
    if entry is None:
        entry = _shorter_form_of(folded, index)
    if entry is None:
        best = process.extractOne(folded, index.folded, scorer=fuzz.ratio,
                                  score_cutoff=FUZZY_SAME_PERSON)
        entry = best[2] if best else None
    return (index.holders[entry].name, index.holders[entry].country) if entry is not None else None


def _shorter_form_of(folded: str, index: HolderIndex) -> int | None:
    tokens = set(folded.replace("-", " ").split())
    if len(tokens) < 2:
        return None
    candidates = sorted(entry for word in tokens for entry in index.by_last_word.get(word, ()))
    return next((entry for entry in candidates if tokens <= set(index.words[entry])), None)


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One candidate per person: full names absorb partial names and spelling variants."""
    full = sorted(candidates, key=lambda c: -len(c.name.replace("-", " ").split()))
    people: list[_Candidate] = []
    for candidate in full:
        same = next((p for p in people if _same_person(p, candidate)), None)
        if same is None:
            people.append(candidate)
            continue
        same.aliases |= candidate.aliases
        same.country = same.country or candidate.country
        same.title = same.title or candidate.title
        same.from_gazetteer = same.from_gazetteer or candidate.from_gazetteer
        if candidate.start < same.start and len(candidate.name.split()) == len(same.name.split()):
            same.start, same.end, same.sentence = candidate.start, candidate.end, candidate.sentence
    return sorted(people, key=lambda p: p.start)


def _same_person(known: _Candidate, other: _Candidate) -> bool:
    a, b = fold(known.name), fold(other.name)
    if a == b or {fold(x) for x in known.aliases} & {fold(x) for x in other.aliases}:
        return True
    # Hyphenated given names count word by word: "Walter Steinmeier" of "Frank-Walter Steinmeier".
    a_tokens, b_tokens = a.replace("-", " ").split(), b.replace("-", " ").split()
    if len(b_tokens) < len(a_tokens) and all(t in a_tokens for t in b_tokens):
        return True  # a partial name ("Thongloun") of a full one ("Thongloun Sisoulith")
    return len(a_tokens) == len(b_tokens) and fuzz.ratio(a, b) >= FUZZY_SAME_PERSON


def _surname_country(name: str) -> str | None:
    table = surname_countries()
    tokens = fold(name).split()
    for token in (tokens[:1] + tokens[-1:]):
        if token in table:
            return table[token]
    return None


# -- the cascade: which sentences need a parse for people ------------------------------------

def people_sentences(sentences: list[Sentence], all_mentions: list[Mention]) -> dict[int, bool]:
    """The cheap test before the parse: sentence index -> whether its parse needs named
    entities, for the sentences `find_people` could take a name from (judged from the words,
    the capitals and the gazetteer mentions alone)."""
    titles = title_words()
    chosen = {}
    for index, sentence in enumerate(sentences):
        mentions = [m for m in all_mentions if sentence.start <= m.start < sentence.end]
        verdicts = [_run_verdict(run, sentence, mentions, titles) for run in _capitalised_runs(sentence)]
        if any(verdicts):
            chosen[index] = "entities" in verdicts
    return chosen


def _capitalised_runs(sentence: Sentence):
    """Runs of capitalised words, as `actors._candidates_in` forms them; a run at the start of
    the sentence is given with and without its first word (a sentence-initial verb is not part
    of a run, and only the parse tells a verb)."""
    tokens = list(sentence._span)
    index = 0
    while index < len(tokens):
        if not _name_like(tokens[index].text):
            index += 1
            continue
        end = index
        while end < len(tokens) and _name_like(tokens[end].text):
            end += 1
        yield tokens[index:end]
        if index == 0 and end > 1:
            yield tokens[1:end]
        index = end


def _name_like(text: str) -> bool:
    return bool(_NAME_TOKEN.match(text)) and text[0].isupper()


def _run_verdict(run, sentence: Sentence, mentions: list[Mention], titles: frozenset[str]) -> str | None:
    """What `actors._names_in_run` could make of a run, from its words alone: None (no name),
    "name" (a name whatever the entities say) or "entities" (a name only if NER agrees)."""
    offset = sentence._offset
    start, end = offset + run[0].idx, offset + run[-1].idx + len(run[-1])
    if any(m.kind == "person" and start <= m.start < end for m in mentions):
        return "name"

    def in_mention(token) -> bool:
        position = offset + token.idx
        return any(m.kind != "person" and m.start <= position < m.end for m in mentions)

    cut = 0
    while cut < len(run) and (run[cut].text.lower().strip(".") in titles or run[cut].text.lower() in titles
                              or in_mention(run[cut])):
        cut += 1
    name = run[cut:]
    while name and name[-1].text.lower() in ("\u2019s", "'s", "\u2019", "'"):
        name = name[:-1]
    for position, token in enumerate(name):
        if token.text.lower() in titles or in_mention(token):
            name = name[:position]
            break
    if not name or len(name) > 4:
        return None
    words = [t.text for t in name]
    if any(w.lower() in _NOT_NAMES for w in words) or any(w.isupper() and len(w) > 1 for w in words):
        return None
    titled = cut > 0 and run[cut - 1].text.lower().strip(".") in titles
    if len(words) == 1:
        return "entities" if titled else None
    return "name" if titled else "entities"  # untitled names (bylines too) need NER's word
