"""The extraction pipeline: components registered in one place, each taking and returning state.

`extract_document` runs every component of PIPELINE in order over one document.
Components are pure: they read the state built so far and add their records.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from accord.extract import EXTRACTOR_VERSION
from accord.extract.actors import find_people
from accord.extract.agreements import find_agreements
from accord.extract.dates import DateContext, DateMention, find_dates, infer_document_year
from accord.extract.events import ActorRef, SentenceFrame, find_events, load_triggers
from accord.extract.facts import find_facts
from accord.extract.gazetteer import Gazetteer, Mention, load_gazetteer
from accord.extract.labels import find_labels
from accord.extract.nlp import Sentence, parse_sentences
from accord.extract.records import Agreement, Evidence, Extraction, RelationLabel
from accord.folding import fold

_ACTOR_KINDS = ("country", "demonym", "capital", "org", "person")


@dataclass
class DocumentState:
    """What the components share while one document is extracted."""

    doc_id: str
    text: str
    published: date | None
    gazetteer: Gazetteer
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    dates: dict[int, list[DateMention]] = field(default_factory=dict)
    extraction: Extraction | None = None


Component = Callable[[DocumentState], DocumentState]


def parse(state: DocumentState) -> DocumentState:
    """Sentences and the spaCy parse."""
    state.sentences = parse_sentences(state.text)
    return state


def gazetteer_mentions(state: DocumentState) -> DocumentState:
    """Countries, demonyms, capitals, organisations and known office holders in the text."""
    state.mentions = state.gazetteer.find(state.text)
    return state


def people(state: DocumentState) -> DocumentState:
    """People with their countries, and every place a person is named, as a country reference."""
    state.extraction.people = find_people(state.sentences, state.mentions, state.gazetteer)
    state.actors = [ActorRef(m.start, m.end, m.country, m.kind)
                    for m in state.mentions if m.country and m.kind in _ACTOR_KINDS]
    folded = fold(state.text)
    covered = {(a.start, a.end) for a in state.actors}
    for person in state.extraction.people:
        if not person.country:
            continue
        for surface in {person.name, *person.aliases, *_name_parts(person.name)}:
            for match in re.finditer(rf"(?<!\w){re.escape(fold(surface))}(?!\w)", folded):
                if (match.start(), match.end()) not in covered and state.text[match.start()].isupper():
                    state.actors.append(ActorRef(match.start(), match.end(), person.country, "person"))
                    covered.add((match.start(), match.end()))
    state.actors.sort(key=lambda a: a.start)
    return state


def _name_parts(name: str) -> list[str]:
    parts = name.split()
    return [p for p in parts if len(p) >= 4] if len(parts) >= 2 else []


def country_pair(state: DocumentState) -> DocumentState:
    """The document's two main countries: the two most often referred to, in order of first mention
    (joint acts are attributed to the first-named side when nothing else decides)."""
    counts = Counter(a.country for a in state.actors)
    top = {country for country, _ in counts.most_common(2)}
    # Capitals are skipped in the ordering: a dateline ("VIENTIANE -") names where, not who.
    first_seen = list(dict.fromkeys(a.country for a in state.actors
                                    if a.country in top and a.kind != "capital"))
    first_seen += [c for c in dict.fromkeys(a.country for a in state.actors)  # text order, not set order
                   if c in top and c not in first_seen]
    state.extraction.pair = tuple(first_seen)
    return state


def events(state: DocumentState) -> DocumentState:
    """Events sentence by sentence, with dates resolved against publication and narrative.

    A first pass finds who visits whom; joint acts during that visit are then
    attributed to the visiting side, as the annotation convention does.
    """
    document_year = None if state.published else infer_document_year(state.text)
    first_pass = _events_pass(state, document_year, visit=None)
    visit = next((e for e in first_pass if e.type == "visit" and not e.planned and not e.negated), None)
    found = _events_pass(state, document_year, visit) if visit else first_pass
    state.extraction.events = sharpen_dates(found)
    return state


def sharpen_dates(events: list) -> list:
    """Within one document, an event dated only to the year or month ("the visit in 2026") takes
    the more precise date of the one event of the same type and pair that it agrees with."""
    sharpened = []
    for event in events:
        if event.date and event.date.precision != "day":
            finer = {e.date.iso for e in events if e.type == event.type and e.date
                     and e.date.precision == "day" and e.date.iso.startswith(event.date.iso)
                     and {e.source, e.target} == {event.source, event.target}}
            if len(finer) == 1:
                match = next(e for e in events if e.date and e.date.iso in finer)
                event = replace(event, date=match.date)
        sharpened.append(event)
    return sharpened


def _events_pass(state: DocumentState, document_year: int | None, visit) -> list:
    context = DateContext(published=state.published, document_year=document_year)
    triggers = load_triggers()
    pair = state.extraction.pair
    found_events = []
    for index, sentence in enumerate(state.sentences):
        mentions = find_dates(sentence.text, context)
        state.dates[index] = mentions
        actors = [a for a in state.actors if sentence.start <= a.start < sentence.end]
        frame = SentenceFrame(sentence, actors, mentions, pair, context,
                              visit.source if visit else None, visit.date if visit else None)
        found_events.extend(find_events(frame, triggers))  # negated ones are kept, flagged
        for mention in mentions:
            if mention.value and mention.kind in ("explicit", "partial") and not mention.parenthetical:
                context.remember(mention.value)
    return found_events


def facts(state: DocumentState) -> DocumentState:
    """Numeric facts per sentence."""
    for sentence in state.sentences:
        countries = tuple(dict.fromkeys(a.country for a in state.actors
                                        if sentence.start <= a.start < sentence.end))
        state.extraction.facts.extend(find_facts(
            sentence.text, _evidence_builder(sentence), countries or state.extraction.pair))
    return state


def agreements(state: DocumentState) -> DocumentState:
    """Named agreements, dated when their sentence states a full date."""
    for index, sentence in enumerate(state.sentences):
        dated = [d.value for d in state.dates.get(index, []) if d.value and d.kind == "explicit"]
        for found in find_agreements(sentence.text):
            countries = tuple(dict.fromkeys(a.country for a in state.actors
                                            if sentence.start <= a.start < sentence.end))
            state.extraction.agreements.append(Agreement(
                name=found.name, kind=found.kind, date=dated[0] if dated else None,
                evidence=_evidence_builder(sentence)(found.start, found.end),
                countries=countries or state.extraction.pair, confidence=0.6))
    return state


def relation_labels(state: DocumentState) -> DocumentState:
    """Framework phrases naming the relationship."""
    for sentence in state.sentences:
        for found in find_labels(sentence.text):
            state.extraction.labels.append(RelationLabel(
                label=found.label, countries=state.extraction.pair,
                evidence=_evidence_builder(sentence)(found.start, found.end), confidence=0.6))
    return state


def _evidence_builder(sentence: Sentence) -> Callable[[int, int], Evidence]:
    def build(start: int, end: int) -> Evidence:
        return Evidence(sentence.text, sentence.start, sentence.end,
                        sentence.start + start, sentence.start + end)
    return build


PIPELINE: list[tuple[str, Component]] = [
    ("parse", parse),
    ("gazetteer", gazetteer_mentions),
    ("people", people),
    ("pair", country_pair),
    ("events", events),
    ("facts", facts),
    ("agreements", agreements),
    ("labels", relation_labels),
]


def extract_document(doc_id: str, text: str, published: date | None,
                     gazetteer: Gazetteer | None = None) -> Extraction:
    """Run every registered component over one document's clean text."""
    state = DocumentState(doc_id, text, published, gazetteer or load_gazetteer(),
                          extraction=Extraction(doc_id, EXTRACTOR_VERSION))
    for _, component in PIPELINE:
        state = component(state)
    return state.extraction
