"""The extraction pipeline: components registered in one place, each declaring what it needs
and what it sets, checked once when this module is imported (as spaCy's requires/assigns).

`extract_documents` runs every component of PIPELINE in order over a batch of documents.
Components are pure: they read the state built so far and add their records.

The spaCy parse is what costs, so the pipeline is a cascade: `sentences` finds sentence
boundaries only (the model's small sentence recogniser); before a component that reads the
parse (`people`, `events`), its cheap pre-filter (in its own module: actors.people_sentences,
events.may_hold_event) picks the sentences it could take anything from, and only those are
parsed, in one `nlp.pipe` batch for all the documents of the call (NER only where a person's
name depends on it). Any sentence whose parse is read anyway is parsed on the spot, so the
cascade changes speed, never records. `cascade=False` parses every sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from accord.extract import EXTRACTOR_VERSION
from accord.extract.actors import find_people, people_sentences
from accord.extract.agreement_dates import SentenceInput, collect_agreements, headline_end
from accord.extract.coder import load_coder
from accord.extract.coder.candidates import ActorRef
from accord.extract.dates import DateContext, DateMention, find_dates, infer_document_year
from accord.extract.events import (SentenceContext, attribute_joint_acts, is_headline, sentence_events,
                                   sharpen_dates, skip_reason)
from accord.extract.facts import find_facts, may_hold_facts, merge_repeats
from accord.extract.gazetteer import Gazetteer, Mention, load_gazetteer
from accord.extract.labels import find_labels
from accord.extract.nlp import Sentence, parse_sentences, split_sentences
from accord.extract.nlp import parse as parse_selected
from accord.extract.records import Agreement, DateValue, Evidence, Extraction, RelationLabel
from accord.folding import fold

_ACTOR_KINDS = ("country", "demonym", "capital", "org", "person")


@dataclass(frozen=True)
class DocumentInput:
    """What extraction reads of a document: its clean text, publication date, and the spans of
    its photo captions (from cleaning)."""

    doc_id: str
    text: str
    published: date | None = None
    captions: tuple[tuple[int, int], ...] = ()


@dataclass
class DocumentState:
    """What the components share while one document is extracted."""

    doc_id: str
    text: str
    published: date | None
    gazetteer: Gazetteer
    captions: tuple[tuple[int, int], ...] = ()
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    dates: dict[int, list[DateMention]] = field(default_factory=dict)
    anchors: dict[int, DateValue | None] = field(default_factory=dict)  # narrative date before each sentence
    last_stated: dict[int, DateValue | None] = field(default_factory=dict)  # last date stated before it
    extraction: Extraction | None = None
    cascade: bool = False  # sentences from split_sentences, parsed only where selected

    def actors_in(self, sentence: Sentence) -> list[ActorRef]:
        """The country references inside one sentence."""
        return [a for a in self.actors if sentence.start <= a.start < sentence.end]


@dataclass(frozen=True)
class Component:
    """One extraction step: what it reads from the state, what it sets, and, for a step that
    reads the parse, the pre-filter saying which sentences it needs parsed (index -> whether
    named entities are needed too)."""

    name: str
    run: Callable[[DocumentState], DocumentState]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    needs_parse: Callable[[DocumentState], dict[int, bool]] | None = None


# -- the components ----------------------------------------------------------------------------

def sentences(state: DocumentState) -> DocumentState:
    """Sentences (boundaries only under the cascade; parsed otherwise)."""
    state.sentences = split_sentences(state.text) if state.cascade else parse_sentences(state.text)
    return state


def gazetteer_mentions(state: DocumentState) -> DocumentState:
    """Countries, demonyms, capitals, organisations and known office holders in the text."""
    state.mentions = state.gazetteer.find(state.text)
    return state


def people(state: DocumentState) -> DocumentState:
    """People with their countries, and every place a person is named, as a country reference."""
    chosen = people_sentences(state.sentences, state.mentions) if state.cascade else range(len(state.sentences))
    named = [state.sentences[i] for i in chosen]
    state.extraction.people = find_people(named, state.mentions, state.gazetteer, state.published)
    state.actors = [ref for ref in (_actor_ref(m, state) for m in state.mentions) if ref]
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


def _actor_ref(mention: Mention, state: DocumentState) -> ActorRef | None:
    """The country a gazetteer mention stands for as an actor, if any. News media are no
    actors (an agency's name says who reports, "(AFP)", "Kyodo"); an office holder stands for
    the country the people step found them acting for, which is none for an official of an
    international body ("NATO Secretary General X", a former prime minister)."""
    if not mention.country or mention.kind not in _ACTOR_KINDS:
        return None
    if mention.kind == "org":
        organisation = state.gazetteer.organizations.get(mention.key)
        if organisation and organisation.kind == "media":
            return None
    if mention.kind == "person":
        folded = fold(mention.text)
        person = next((p for p in state.extraction.people
                       if folded in {fold(n) for n in (p.name, *p.aliases)}), None)
        # No person record: the people step found the name to be no state official here.
        return ActorRef(mention.start, mention.end, person.country, "person") if person and person.country else None
    if mention.kind == "capital" and _DATELINE_AFTER.match(state.text, mention.end) and (
            mention.start == 0 or state.text[mention.start - 1] == "\n"):
        return None  # a dateline left in the text ("Cairo: ..."): where, not who
    return ActorRef(mention.start, mention.end, mention.country, mention.kind)


_DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{1,20}\))?\s*[:\u2013\u2014-]")


def _name_parts(name: str) -> list[str]:
    parts = name.split()
    return [p for p in parts if len(p) >= 4] if len(parts) >= 2 else []


def country_pair(state: DocumentState) -> DocumentState:
    """The document's two main countries, in order of first mention (joint acts are attributed
    to the first-named side when nothing else decides): the two named together in the most
    sentences, ties going to the pair referred to most; the two referred to most when no
    sentence names two. A third state that hosts or is quoted often is mentioned often, but
    the two sides of the story are the ones the sentences put together."""
    counts = Counter(a.country for a in state.actors)
    together: Counter = Counter()
    for sentence in state.sentences:
        named = sorted({a.country for a in state.actors_in(sentence) if a.kind != "capital"})
        together.update(combinations(named, 2))
    if together:
        top = set(max(together, key=lambda pair: (together[pair], counts[pair[0]] * counts[pair[1]])))
    else:
        top = {country for country, _ in counts.most_common(2)}
    # Capitals are skipped in the ordering: a dateline ("VIENTIANE -") names where, not who.
    first_seen = list(dict.fromkeys(a.country for a in state.actors
                                    if a.country in top and a.kind != "capital"))
    first_seen += [c for c in dict.fromkeys(a.country for a in state.actors)  # text order, not set order
                   if c in top and c not in first_seen]
    state.extraction.pair = tuple(first_seen)
    return state


def dates(state: DocumentState) -> DocumentState:
    """Date expressions of every sentence, resolved against publication and the narrative:
    each sentence's explicit dates become the anchor that later relative ones ("the same
    day") and undated acts follow. A photo caption's date dates only the caption."""
    document_year = None if state.published else infer_document_year(state.text)
    context = DateContext(published=state.published, document_year=document_year)
    for index, sentence in enumerate(state.sentences):
        mentions = find_dates(sentence.text, context)
        state.dates[index] = mentions
        state.anchors[index] = context.undated_anchor
        state.last_stated[index] = context.last_stated
        if is_caption(sentence, state.captions):
            continue
        for mention in mentions:
            if mention.value and not mention.parenthetical and (
                    mention.kind in ("explicit", "partial")
                    or mention.kind == "relative" and mention.value.precision == "day"):
                context.remember(mention.value, mention.is_range)
    return state


_PHOTO_INLINE = re.compile(r"\((?:photo|image|file photo|photograph)\s*:[^)]*\)", re.I)


def is_caption(sentence: Sentence, captions: tuple[tuple[int, int], ...]) -> bool:
    """Whether a sentence belongs to a photo caption: a paragraph cleaning found captioning a
    photo, or a sentence carrying a photo credit ("(Photo: VNA)")."""
    return any(start <= sentence.start < end for start, end in captions) or bool(
        _PHOTO_INLINE.search(sentence.text))


def events(state: DocumentState) -> DocumentState:
    """Events of every sentence by the trained coder, joint acts attributed by the codebook's
    rules, and dates shared between reports of the same act."""
    coder = load_coder()
    pair = state.extraction.pair
    found = []
    for index in _event_sentences(state):
        sentence = state.sentences[index]
        context = SentenceContext(sentence, state.actors_in(sentence), state.dates.get(index, []),
                                  state.anchors.get(index), pair, state.published)
        found.extend(sentence_events(context, coder))  # negated ones are kept, flagged
    state.extraction.events = sharpen_dates(attribute_joint_acts(found, pair))
    return state


def _event_sentences(state: DocumentState) -> dict[int, bool]:
    """The sentences the coder is asked about (their parse needs no entities); the others are
    counted in the extraction report by why they were skipped."""
    pair = state.extraction.pair
    chosen, skipped = {}, Counter()
    for index, sentence in enumerate(state.sentences):
        reason = ("headline" if is_headline(sentence, state.text)
                  else skip_reason(sentence.text, state.actors_in(sentence), pair))
        if reason:
            skipped[reason] += 1
        else:
            chosen[index] = False
    state.extraction.skipped = dict(sorted(skipped.items()))
    return chosen


def facts(state: DocumentState) -> DocumentState:
    """Numeric facts per sentence; a figure the document states twice is one fact."""
    found = []
    for sentence in state.sentences:
        if not may_hold_facts(sentence.text):
            continue  # no digit and no number word: no figure
        actors = state.actors_in(sentence)
        # A capital names where ("WASHINGTON —"), not whose money: it comes after the others.
        countries = tuple(dict.fromkeys([a.country for a in actors if a.kind != "capital"]
                                        + [a.country for a in actors]))
        found.extend(find_facts(sentence.text, _evidence_builder(sentence),
                                countries or state.extraction.pair, published=state.published))
    state.extraction.facts.extend(merge_repeats(found))
    return state


def agreements(state: DocumentState) -> DocumentState:
    """Named agreements, one per instrument in a document, dated by their signing where the
    text states it (see accord/extract/agreement_dates.py)."""
    headline = headline_end(state.text)
    # A signing is dated by the last date the text stated, however old (the ministers met on 7
    # March; "the sides also signed the protocol"), not by the week-old narrative anchor.
    inputs = [SentenceInput(sentence.text, state.dates.get(index, []), state.last_stated.get(index),
                            headline=sentence.start < headline)
              for index, sentence in enumerate(state.sentences)]
    for found in collect_agreements(inputs, state.published):
        sentence = state.sentences[found.sentence]
        countries = tuple(dict.fromkeys(a.country for a in state.actors_in(sentence)))
        state.extraction.agreements.append(Agreement(
            name=found.name, kind=found.kind, date=found.date,
            evidence=_evidence_builder(sentence)(found.span.start, found.span.end),
            countries=countries or state.extraction.pair, confidence=0.7 if found.signing else 0.6))
    state.extraction.agreements.sort(key=lambda a: a.evidence.start)
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


PIPELINE: list[Component] = [
    Component("sentences", sentences, assigns=("sentences",)),
    Component("gazetteer", gazetteer_mentions, assigns=("mentions",)),
    Component("people", people, requires=("sentences", "mentions"), assigns=("people", "actors"),
              needs_parse=lambda state: people_sentences(state.sentences, state.mentions)),
    Component("pair", country_pair, requires=("actors",), assigns=("pair",)),
    Component("dates", dates, requires=("sentences",), assigns=("dates", "anchors", "last_stated")),
    Component("events", events, requires=("sentences", "actors", "pair", "dates", "anchors"),
              assigns=("events",), needs_parse=_event_sentences),
    Component("facts", facts, requires=("sentences", "actors", "pair"), assigns=("facts",)),
    Component("agreements", agreements, requires=("sentences", "actors", "pair", "dates", "last_stated"),
              assigns=("agreements",)),
    Component("labels", relation_labels, requires=("sentences", "pair"), assigns=("labels",)),
]


def check_order(components: list[Component]) -> None:
    """Raise ValueError when a component requires what no earlier component assigns, or when
    two components assign the same thing."""
    assigned: set[str] = set()
    for component in components:
        missing = [need for need in component.requires if need not in assigned]
        if missing:
            raise ValueError(f"component {component.name!r} requires {missing}, which no earlier component assigns")
        twice = assigned & set(component.assigns)
        if twice:
            raise ValueError(f"component {component.name!r} assigns {sorted(twice)} again")
        assigned |= set(component.assigns)


check_order(PIPELINE)


def extract_document(doc_id: str, text: str, published: date | None,
                     gazetteer: Gazetteer | None = None, cascade: bool = True,
                     captions: tuple[tuple[int, int], ...] = ()) -> Extraction:
    """Run every registered component over one document's clean text."""
    return extract_documents([DocumentInput(doc_id, text, published, captions)], gazetteer, cascade)[0]


def extract_documents(documents: list[DocumentInput], gazetteer: Gazetteer | None = None,
                      cascade: bool = True) -> list[Extraction]:
    """Extract many documents at once: the same records as `extract_document` on each, with
    the sentences the cascade selects parsed in shared batches."""
    gazetteer = gazetteer or load_gazetteer()
    states = [DocumentState(d.doc_id, d.text, d.published, gazetteer, d.captions,
                            extraction=Extraction(d.doc_id, EXTRACTOR_VERSION), cascade=cascade)
              for d in documents]
    for component in PIPELINE:
        if cascade and component.needs_parse:
            chosen = [(state.sentences[i], entities) for state in states
                      for i, entities in component.needs_parse(state).items()]
            parse_selected([s for s, entities in chosen if entities], entities=True)
            parse_selected([s for s, entities in chosen if not entities], entities=False)
        states = [component.run(state) for state in states]
    return [state.extraction for state in states]
