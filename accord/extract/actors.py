"""People and the countries they act for, found per document.

Names come from gazetteer office holders, from runs of capitalised words behind a title
("Lao Prime Minister Sonexay Siphandone") and from spaCy's PERSON entities
(accord/extract/person_names.py). Mentions of one person are merged within a document
(partial names, transliteration variants). Each person gets the country of the strongest
clue any mention gives (accord/extract/person_country.py): the gazetteer, the title or an
appositive, the person a relation names ("adviser to Mr. X"), the host of an envoy, the
country a speaker talks about; then a distinctive surname, the sentence's first country, the
document's main one. Names in credit lines, and officials of international bodies, NGOs,
companies and media, are not the codebook's people and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from accord.extract.gazetteer import Gazetteer, HolderIndex, Mention
from accord.extract.nlp import Sentence
from accord.extract.person_country import (FALLBACK, GAZETTEER, PEERS, RELATED, SPEECH, TITLE, CountryClue,
                                           fallback_country, sentence_clues)
from accord.extract.person_names import FoundName, capitalised_runs, is_separator, names_in
from accord.extract.person_titles import LOWERCASE_TITLES, is_title
from accord.extract.records import Evidence, Person
from accord.folding import fold

FUZZY_SAME_PERSON = 88
SURNAME = PEERS  # a distinctive surname is as weak a clue as the sentence's other people


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
    clue: CountryClue
    from_gazetteer: bool
    confident: bool
    aliases: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)
    titled: bool = False
    related: str | None = None  # the name of the person a relation ties this one to
    fallback: str | None = None  # the sentence's first country that is no one else's
    others: set[str] = field(default_factory=set)  # countries the sentence gives to others
    countries_named: bool = False  # the sentence names a country
    absorbed: list[_Candidate] = field(default_factory=list)  # other mentions merged into this one
    thing_only: bool = False  # every mention is the first part of a place's or a body's name

    @property
    def country(self) -> str | None:
        return self.clue.country


def find_people(sentences: list[Sentence], mentions: list[Mention], gazetteer: Gazetteer,
                published: date | None = None) -> list[Person]:
    """People named in a document, one record per person, with country and role (an office
    holder of two countries is taken for the one served at `published`)."""
    candidates = []
    for sentence in sentences:
        sentence_mentions = [m for m in mentions if sentence.start <= m.start < sentence.end]
        candidates.extend(_candidates_in(sentence, sentence_mentions, gazetteer, published))
    people = [p for p in _merge(candidates) if _is_official(p)]
    _resolve_related(people)
    _resolve_by_peers(people)
    main_countries = _main_countries(mentions)
    return [_person(candidate, main_countries) for candidate in people]


def _candidates_in(sentence: Sentence, mentions: list[Mention], gazetteer: Gazetteer,
                   published: date | None) -> list[_Candidate]:
    names = names_in(sentence, mentions)
    clues = sentence_clues(names, mentions, gazetteer, published)
    countries_named = any(m.country and m.kind in ("country", "demonym", "org") for m in mentions)
    candidates = []
    for name, clue in zip(names, clues):
        candidate = _candidate(name, clue, gazetteer, published)
        candidate.titled = name.titled and "place" not in name.flags  # "Governor of [Quang Ninh] province"
        candidate.related = clue.related
        candidate.fallback, candidate.others = fallback_country(name, clue, names, clues, mentions)
        candidate.countries_named = countries_named
        candidate.thing_only = "thing" in name.flags
        candidates.append(candidate)
    return candidates


def _candidate(name: FoundName, clue: CountryClue, gazetteer: Gazetteer, published: date | None) -> _Candidate:
    flags = set(name.flags) | ({"non_state"} if clue.non_state else set())
    if name.holder is not None:
        holder = name.holder
        return _Candidate(holder.text, holder.start, holder.end, name.sentence, name.title, clue,
                          True, True, {holder.text, holder.key}, flags)
    text = name.text
    aliases = {text}
    match = _gazetteer_match(text, gazetteer)
    if match is not None:
        canonical, country, exact = match
        country = gazetteer.holder_country(canonical, published) or country
        # An exact name is the office holder; a shorter form or a near spelling only when
        # the text gives no other country ("Kumar Rai" is not "Ashok Kumar Rai" of Nepal).
        if exact or clue.strength < RELATED or clue.country == country:
            clue.offer(country, GAZETTEER if exact else RELATED)
            aliases.add(canonical)
            return _Candidate(text, name.start, name.end, name.sentence, name.title, clue, True, True,
                              aliases, flags)
    return _Candidate(text, name.start, name.end, name.sentence, name.title, clue, False,
                      name.titled or name.entity, aliases, flags)


def _is_official(candidate: _Candidate) -> bool:
    """Whether a merged person is one of the codebook's: not named in a credit line or with a
    media role, and not an official of an international body, an NGO or a company (unless
    some mention gives them a state)."""
    if candidate.flags & {"credit", "media", "not_official"}:
        return False
    if "place" in candidate.flags and not (candidate.titled or candidate.from_gazetteer):
        return False  # a name the text also uses for a place ("in Kon Tum") is that place
    if candidate.thing_only and not candidate.titled:
        return False  # a known name only ever read in a place's name ("Ho Chi Minh City")
    # The EU's pseudo-state exists so that its office holders can be people (see the gazetteer).
    return "non_state" not in candidate.flags or candidate.country == "EUU"


def _resolve_related(people: list[_Candidate]) -> None:
    """"X, personal adviser to Mr. Y": X acts for Y's country."""
    for person in people:
        if person.related is None or person.clue.strength >= RELATED:
            continue
        other = next((p for p in people if p is not person and _same_name(p, person.related)), None)
        if other is not None and other.country:
            person.clue.offer(other.country, RELATED)


def _resolve_by_peers(people: list[_Candidate]) -> None:
    """A person the sentence gives no clue to, in a sentence that names no country but names
    people of one country, is taken for theirs: "Vice President X will chair the cabinet
    while Mutharika is abroad"."""
    known = [p for p in people if p.clue.strength >= TITLE]
    for person in people:
        if person.clue.strength >= SPEECH:
            continue
        for mention in sorted([person, *person.absorbed], key=lambda c: c.start):
            if mention.countries_named:
                continue
            text = fold(mention.sentence.text)
            countries = {p.country for p in known if p is not person and _named_in(p, text)}
            if len(countries) == 1:
                person.clue.offer(countries.pop(), PEERS)
                break


def _named_in(person: _Candidate, folded_text: str) -> bool:
    """Whether a person's name, an alias or a distinctive part of the name occurs in a text."""
    parts = {fold(a) for a in person.aliases | {person.name}}
    parts |= {w for a in list(parts) for w in a.split() if len(w) >= 4}
    return any(re.search(rf"(?<!\w){re.escape(part)}(?!\w)", folded_text) for part in parts)


def _main_countries(mentions: list[Mention]) -> list[str]:
    """The document's countries in the order they are first named: an official the text
    gives no clue to is most often of the side a report starts from (the other side's
    officials come with their nationality: "China's ambassador")."""
    return list(dict.fromkeys(m.country for m in mentions if m.country and m.kind in ("country", "demonym", "org")))


def _person(candidate: _Candidate, main_countries: list[str]) -> Person:
    clue = candidate.clue
    clue.offer(_surname_country(candidate.name), SURNAME)
    if clue.country is None:
        group = sorted([candidate, *candidate.absorbed], key=lambda c: c.start)
        others = set().union(*(c.others for c in group))
        fallback = next((c.fallback for c in group if c.fallback), None) or \
            next((country for country in main_countries if country not in others), None) or \
            next(iter(main_countries), None)  # a guess beats no country
        clue.offer(fallback, FALLBACK)
    sent = candidate.sentence
    return Person(
        name=candidate.name, country=clue.country, role=candidate.title,
        evidence=Evidence(sent.text, sent.start, sent.end, candidate.start, candidate.end),
        aliases=tuple(sorted(candidate.aliases - {candidate.name})),
        confidence=0.9 if candidate.from_gazetteer else 0.7 if candidate.confident else 0.5,
        source="gazetteer" if candidate.from_gazetteer else "title" if candidate.title else "ner")


def _gazetteer_match(name: str, gazetteer: Gazetteer) -> tuple[str, str, bool] | None:
    """A gazetteer office holder with this name, exactly or as a transliteration variant: the
    same folded name; else a shorter form of a known full name with the same first and last
    words ("Bola Tinubu" of "Bola Ahmed Tinubu"); else the closest spelling. Gives the
    holder's name, country and whether the match was exact."""
    index = gazetteer.holder_index()
    folded = fold(name)
    entry = index.exact.get(folded)
    if entry is not None:
        return index.holders[entry].name, index.holders[entry].country, True
    entry = _shorter_form_of(folded, index)
    if entry is None:
        entry = _near_spelling_of(folded, index)
    return (index.holders[entry].name, index.holders[entry].country, False) if entry is not None else None


def _near_spelling_of(folded: str, index: HolderIndex) -> int | None:
    """A holder's name spelt a little differently ("Sisoulith", "Sisulith"): as many words,
    the last one with the same first letter, about as many letters ("Somchai Wongsa" is not
    "Somchai Wongsawat"), and close by edit distance. Only names of that shape are compared,
    a few hundred of the gazetteer's 30,000."""
    words = folded.replace("-", " ").split()
    if not words:
        return None
    entries = index.shapes.get((len(folded.split()), words[-1][0]), [])
    choices = {entry: index.folded[entry] for entry in entries if abs(len(index.folded[entry]) - len(folded)) <= 2}
    best = process.extractOne(folded, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_SAME_PERSON)
    return best[2] if best else None


def _shorter_form_of(folded: str, index: HolderIndex) -> int | None:
    tokens = folded.replace("-", " ").split()
    if len(tokens) < 2:
        return None
    candidates = sorted(index.by_last_word.get(tokens[-1], ()))
    return next((entry for entry in candidates
                 if index.words[entry][0] == tokens[0] and set(tokens) <= set(index.words[entry])), None)


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One candidate per person: full names absorb partial names and spelling variants; the
    strongest country clue of any mention wins (the first mention's on a tie)."""
    full = sorted(candidates, key=lambda c: -len(c.name.replace("-", " ").split()))
    people: list[_Candidate] = []
    for candidate in full:
        same = next((p for p in people if _same_person(p, candidate)), None)
        if same is None:
            people.append(candidate)
            continue
        same.aliases |= candidate.aliases
        same.flags |= candidate.flags
        same.thing_only = same.thing_only and candidate.thing_only
        if candidate.clue.strength > same.clue.strength or (
                candidate.clue.strength == same.clue.strength and candidate.start < same.start):
            same.clue = candidate.clue
        same.title = same.title or candidate.title
        same.related = same.related or candidate.related
        same.titled = same.titled or candidate.titled
        same.absorbed.append(candidate)
        same.from_gazetteer = same.from_gazetteer or candidate.from_gazetteer
        if candidate.start < same.start and len(candidate.name.split()) == len(same.name.split()):
            same.start, same.end, same.sentence = candidate.start, candidate.end, candidate.sentence
    return sorted(people, key=lambda p: p.start)


def _same_name(known: _Candidate, name: str) -> bool:
    folded = fold(name)
    return folded in {fold(alias) for alias in known.aliases} or \
        set(folded.split()) <= set(fold(known.name).replace("-", " ").split())


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
    the capitals and the gazetteer mentions alone, and generously: a sentence left out here
    is never read for people)."""
    chosen = {}
    for index, sentence in enumerate(sentences):
        mentions = [m for m in all_mentions if sentence.start <= m.start < sentence.end]
        tokens = list(sentence._span)
        verdicts = [_run_verdict(run, tokens, sentence, mentions) for run in capitalised_runs(tokens)]
        if any(verdicts):
            chosen[index] = "entities" in verdicts
    return chosen


def _run_verdict(run, tokens: list, sentence: Sentence, mentions: list[Mention]) -> str | None:
    """What `person_names.names_in` could make of a run before the parse: None (no name),
    "name" (only gazetteer people, whom NER does not judge) or "entities"."""
    offset = sentence._offset

    def mention_at(token, person: bool):
        # A one-word person mention may turn out part of another name ("Jeannette Kagame"):
        # here it is a word like the others.
        position = offset + token.idx
        return any((m.kind == "person") == person and m.start <= position < m.end
                   and not (person and " " not in m.text.strip()) for m in mentions)

    pieces, piece = [], []
    for position, token in enumerate(run + [None]):
        if token is None or mention_at(token, True) or \
                is_separator(token, run, position, lambda t: mention_at(t, False)):
            if piece:
                pieces.append(piece)
            piece = []
        else:
            piece.append(token)
    # A lone word is a name only after a title; any longer piece may be a name by NER's word.
    if any(len(p) > 1 or _may_be_titled(p[0], tokens) for p in pieces):
        return "entities"
    return "name" if any(mention_at(t, True) or _person_word(t, sentence, mentions) for t in run) else None


def _person_word(token, sentence: Sentence, mentions: list[Mention]) -> bool:
    position = sentence._offset + token.idx
    return any(m.kind == "person" and m.start <= position < m.end for m in mentions)


def _may_be_titled(token, tokens: list) -> bool:
    """Whether a title could stand before the word, read back (as `title_before` does, but
    without the parse's clause limits) over capitalised words, connectors and one comma."""
    position = tokens.index(token) - 1
    if position >= 0 and tokens[position].lower_ in LOWERCASE_TITLES:
        return True
    if position >= 0 and tokens[position].text == ",":
        position -= 1
    while position >= 0:
        word = tokens[position]
        if is_title(word):
            return True
        if not (word.text[:1].isupper() or word.lower_ in ("of", "the", "and", "-", "‐")):
            return False
        position -= 1
    return False
