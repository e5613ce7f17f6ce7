"""The extraction pipeline: components registered in one place, each taking and returning state.

`extract_document` runs every component of PIPELINE in order over one document.
Components are pure: they read the state built so far and add their records.

The full spaCy parse is what costs, so by default the pipeline is a cascade: `parse` finds
sentence boundaries only (the model's small sentence recogniser); before `people` and
`events`, a cheap pass over each sentence's words and the gazetteer mentions selects the
sentences those components could take anything from, and only these are parsed, in one
`nlp.pipe` batch for all the documents of an `extract_documents` call (NER only where a
person's name depends on it). Facts, agreements, labels and dates read the sentence text
alone. The selection rules are the text-only conditions of `actors.py` and `events.py`, so
a skipped sentence is one those modules would take nothing from; any sentence whose `span`
is read is parsed on the spot. `cascade=False` (or ACCORD_FULL_PARSE=1) parses every paragraph.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from accord.extract import EXTRACTOR_VERSION
from accord.extract.actors import _NAME_TOKEN, _NOT_NAMES, find_people, title_words
from accord.extract.agreements import find_agreements
from accord.extract.dates import DateContext, DateMention, find_dates, infer_document_year
from accord.extract.events import ActorRef, SentenceFrame, find_events, load_triggers
from accord.extract.events import _GROUP, _PRONOUN_SUBJECTS, GAP, Trigger
from accord.extract.facts import find_facts, may_hold_facts, merge_repeats
from accord.extract.gazetteer import Gazetteer, Mention, load_gazetteer
from accord.extract.labels import find_labels
from accord.extract.nlp import Sentence, load_nlp, parse_sentences, split_sentences
from accord.extract.nlp import parse as parse_selected
from accord.extract.records import Agreement, DateValue, Evidence, Extraction, RelationLabel
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
    anchors: dict[int, DateValue | None] = field(default_factory=dict)  # narrative date before each sentence
    extraction: Extraction | None = None
    cascade: bool = False  # sentences from split_sentences, parsed only where selected
    selected: dict[str, dict[int, bool]] = field(default_factory=dict)  # see select()


Component = Callable[[DocumentState], DocumentState]


def parse(state: DocumentState) -> DocumentState:
    """Sentences and the spaCy parse."""
    state.sentences = split_sentences(state.text) if state.cascade else parse_sentences(state.text)
    return state


def gazetteer_mentions(state: DocumentState) -> DocumentState:
    """Countries, demonyms, capitals, organisations and known office holders in the text."""
    state.mentions = state.gazetteer.find(state.text)
    return state


def people(state: DocumentState) -> DocumentState:
    """People with their countries, and every place a person is named, as a country reference."""
    named = [state.sentences[i] for i in select(state, "people")]
    state.extraction.people = find_people(named, state.mentions, state.gazetteer)
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


def _is_headline(sentence: Sentence) -> bool:
    """The opening paragraph when it reads as a headline (short, no final punctuation): it
    repeats what the body reports, so its events would only be counted twice."""
    text = sentence.span.doc.text
    return sentence.offset == 0 and len(text) <= 200 and not text.rstrip().endswith((".", "!", "?", "”", '"'))


def _events_pass(state: DocumentState, document_year: int | None, visit) -> list:
    context = DateContext(published=state.published, document_year=document_year)
    triggers = load_triggers()
    pair = state.extraction.pair
    found_events = []
    eventful = select(state, "events")
    for index, sentence in enumerate(state.sentences):
        mentions = find_dates(sentence.text, context)
        state.dates[index] = mentions
        state.anchors[index] = context.anchor
        actors = [a for a in state.actors if sentence.start <= a.start < sentence.end]
        if index in eventful and not _is_headline(sentence):  # the cascade found no trigger or no sides elsewhere
            frame = SentenceFrame(sentence, actors, mentions, pair, context,
                                  visit.source if visit else None, visit.date if visit else None)
            found_events.extend(find_events(frame, triggers))  # negated ones are kept, flagged
        for mention in mentions:
            if mention.value and not mention.parenthetical and (
                    mention.kind in ("explicit", "partial")
                    or mention.kind == "relative" and mention.value.precision == "day"):
                context.remember(mention.value)
    return found_events


def facts(state: DocumentState) -> DocumentState:
    """Numeric facts per sentence; a figure the document states twice is one fact."""
    found = []
    for sentence in state.sentences:
        if not may_hold_facts(sentence.text):
            continue  # no digit and no number word: no figure
        actors = [a for a in state.actors if sentence.start <= a.start < sentence.end]
        # A capital names where ("WASHINGTON —"), not whose money: it comes after the others.
        countries = tuple(dict.fromkeys([a.country for a in actors if a.kind != "capital"]
                                        + [a.country for a in actors]))
        found.extend(find_facts(sentence.text, _evidence_builder(sentence),
                                countries or state.extraction.pair, published=state.published))
    state.extraction.facts.extend(merge_repeats(found))
    return state


_SIGNED = re.compile(r"\b(?:sign|signs|signed|signing|conclude[ds]?|inked|adopt(?:s|ed)?|ratified|"
                     r"exchanged|initialled|initialed)\b", re.I)


def agreements(state: DocumentState) -> DocumentState:
    """Named agreements, one per name in a document. A sentence that tells of the signing dates
    it: by its own date, else by the narrative's (as events are dated); the best-dated mention
    of each name is kept."""
    best: dict[str, Agreement] = {}
    for index, sentence in enumerate(state.sentences):
        signing = _SIGNED.search(sentence.text) is not None
        usable = [d.value for d in state.dates.get(index, [])
                  if d.value and d.kind not in ("deadline", "period") and not d.parenthetical]
        date = (usable[0] if usable else state.anchors.get(index)) if signing else None
        for found in find_agreements(sentence.text):
            countries = tuple(dict.fromkeys(a.country for a in state.actors
                                            if sentence.start <= a.start < sentence.end))
            agreement = Agreement(
                name=found.name, kind=found.kind, date=date,
                evidence=_evidence_builder(sentence)(found.start, found.end),
                countries=countries or state.extraction.pair, confidence=0.7 if signing else 0.6)
            key = " ".join(fold(found.name).split())
            if key not in best or (best[key].date is None and date is not None):
                best[key] = agreement
    state.extraction.agreements.extend(sorted(best.values(), key=lambda a: a.evidence.start))
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


CASCADE = os.environ.get("ACCORD_FULL_PARSE", "") in ("", "0")


def extract_document(doc_id: str, text: str, published: date | None,
                     gazetteer: Gazetteer | None = None, cascade: bool | None = None) -> Extraction:
    """Run every registered component over one document's clean text."""
    return extract_documents([(doc_id, text, published)], gazetteer, cascade)[0]


def extract_documents(documents: list[tuple[str, str, date | None]], gazetteer: Gazetteer | None = None,
                      cascade: bool | None = None) -> list[Extraction]:
    """Extract many documents (doc_id, clean text, publication date) at once: the same records as
    `extract_document` on each, with the sentences the cascade selects parsed in shared batches.
    `cascade` defaults to CASCADE (on unless ACCORD_FULL_PARSE=1)."""
    gazetteer = gazetteer or load_gazetteer()
    cascade = CASCADE if cascade is None else cascade
    states = [DocumentState(doc_id, text, published, gazetteer,
                            extraction=Extraction(doc_id, EXTRACTOR_VERSION), cascade=cascade)
              for doc_id, text, published in documents]
    for name, component in PIPELINE:
        if cascade and name in SELECTORS:
            chosen = [(state.sentences[i], entities) for state in states
                      for i, entities in select(state, name).items()]
            parse_selected([s for s, entities in chosen if entities], entities=True)
            parse_selected([s for s, entities in chosen if not entities], entities=False)
        states = [component(state) for state in states]
    return [state.extraction for state in states]


# -- the cascade: which sentences a component needs parsed -------------------------------------

_DIGIT = re.compile(r"\d")


def select(state: DocumentState, component: str) -> dict[int, bool]:
    """Sentence index -> whether its parse needs named entities, for the sentences `component`
    ("people" or "events") could take something from; every sentence without the cascade."""
    if not state.cascade:
        return {index: True for index in range(len(state.sentences))}
    if component not in state.selected:
        state.selected[component] = SELECTORS[component](state)
    return state.selected[component]


def _people_sentences(state: DocumentState) -> dict[int, bool]:
    titles = title_words()
    chosen = {}
    for index, sentence in enumerate(state.sentences):
        mentions = [m for m in state.mentions if sentence.start <= m.start < sentence.end]
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


def _event_sentences(state: DocumentState) -> dict[int, bool]:
    triggers = load_triggers()
    pair = state.extraction.pair
    chosen = {}
    for index, sentence in enumerate(state.sentences):
        actors = [a for a in state.actors if sentence.start <= a.start < sentence.end]
        if _may_hold_event(sentence, actors, pair, triggers):
            chosen[index] = False  # events read tags, lemmas and dependencies, not entities
    return chosen


def _may_hold_event(sentence: Sentence, actors: list[ActorRef], pair: tuple[str, ...],
                    triggers: tuple[Trigger, ...]) -> bool:
    """Whether `events.find_events` could find an event here, judged without the parse: the
    sentence names two sides, one side of the document's pair, or (the pair being known) the
    two sides as a group or a plural pronoun; and every word of some trigger, and one of its
    `requires` words, is among the lemmas the sentence's words can have."""
    named = {a.country for a in actors}
    if len(named) < 2:
        if len(pair) < 2 or (named and not named & set(pair)):
            return False
        if not named and not (_GROUP.search(sentence.text)
                              or any(t.lower_ in _PRONOUN_SUBJECTS for t in sentence._span)):
            return False
    lemmas = frozenset().union(*(possible_lemmas(t.text) for t in sentence._span))
    return any(all(part in lemmas for part in trigger.lemmas if part != GAP)
               and (not trigger.requires or trigger.requires & lemmas) for trigger in triggers)


SELECTORS: dict[str, Callable[[DocumentState], dict[int, bool]]] = {
    "people": _people_sentences,
    "events": _event_sentences,
}


_LEMMA_POS = ("noun", "verb", "adj", "adv", "propn", "aux", "adp", "pron", "det", "num", "cconj",
              "sconj", "part", "intj", "x", "sym", "punct")


@lru_cache(maxsize=1)
def _lemma_tables():
    nlp = load_nlp()
    lookups = nlp.get_pipe("lemmatizer").lookups
    ruled: dict[str, set[str]] = {}  # lemmas the attribute ruler sets for given words
    for pattern in nlp.get_pipe("attribute_ruler").patterns:
        lemma = pattern.get("attrs", {}).get("LEMMA")
        for token in (t for p in pattern["patterns"] for t in p) if lemma else ():
            for value in (token.get(k) for k in ("LOWER", "ORTH", "TEXT", "NORM")):
                values = value.get("IN", []) if isinstance(value, dict) else [value] if value else []
                for surface in values:
                    ruled.setdefault(str(surface).lower(), set()).add(lemma.lower())
    return lookups.get_table("lemma_rules"), lookups.get_table("lemma_exc"), ruled


@lru_cache(maxsize=65536)
def possible_lemmas(word: str) -> frozenset[str]:
    """Every lemma (lower case) spaCy's rule lemmatizer could give `word`, whatever its tag: the
    word itself, each suffix rule's result and each exception, for every part of speech."""
    rules, exceptions, ruled = _lemma_tables()
    lower = word.lower()
    forms = {lower} | ruled.get(lower, set())
    for pos in _LEMMA_POS:
        for old, new in rules.get(pos, []) or []:
            if lower.endswith(old) and (form := lower[:len(lower) - len(old)] + new):
                forms.add(form)
        forms.update(f.lower() for f in (exceptions.get(pos, {}) or {}).get(lower, []))
    return frozenset(forms)
