"""Labelled training sentences, turned into the examples the coder's heads learn from.

Each sentence is read as a one-sentence document by the same components as at run time
(gazetteer, people, dates, candidate pairs, features), with the document's main pair taken
from the line's `doc_pair`. Each candidate pair then gets the labelled events between its two
countries; a labelled event whose pair is no candidate is counted as unreachable (accord did
not find one of its countries in the sentence).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from accord.extract.coder import CandidateFeatures, SentenceView, sentence_candidates
from accord.extract.dates import DateContext, find_dates
from accord.extract.gazetteer import load_gazetteer
from accord.extract.nlp import Sentence, load_nlp
from accord.extract.pipeline import DocumentState, country_pair, gazetteer_mentions, people
from accord.extract.records import Extraction


@dataclass(frozen=True)
class LabelledEvent:
    """One event of a training sentence."""

    code: str
    source: str
    target: str
    planned: bool = False
    negated: bool = False
    joint: bool = False


@dataclass(frozen=True)
class TrainingSentence:
    """One line of a training file."""

    id: str
    text: str
    doc_pair: tuple[str, ...]
    events: tuple[LabelledEvent, ...]
    style: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Example:
    """A candidate pair of a training sentence, its features, and its labelled events."""

    sentence_id: str
    found: CandidateFeatures
    events: tuple[LabelledEvent, ...]


@dataclass
class DatasetReport:
    """What building the examples found."""

    sentences: int = 0
    examples: int = 0
    events: int = 0
    unreachable: list[str] = field(default_factory=list)  # "id: SRC->TGT code"
    by_root: Counter = field(default_factory=Counter)


def read_sentences(folder: Path) -> list[TrainingSentence]:
    """Every line of every *.jsonl file in `folder`, in file and line order."""
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                records.append(TrainingSentence(
                    id=raw["id"], text=raw["text"], doc_pair=tuple(raw.get("doc_pair") or ()),
                    events=tuple(LabelledEvent(**event) for event in raw["events"]),
                    style=raw.get("style", ""), tags=tuple(raw.get("tags", ()))))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path.name}:{number}: not a training line ({error})") from None
    return records


def build_examples(records: list[TrainingSentence], batch_size: int = 256) -> tuple[list[Example], DatasetReport]:
    """Parse every sentence and pair its candidates with their labelled events."""
    nlp, gazetteer = load_nlp(), load_gazetteer()
    report = DatasetReport(sentences=len(records))
    examples: list[Example] = []
    docs = nlp.pipe((r.text for r in records), batch_size=batch_size)
    for record, doc in zip(records, docs):
        state = DocumentState(record.id, record.text, None, gazetteer,
                              extraction=Extraction(record.id, "training"))
        state.sentences = [Sentence(doc[:], 0)]
        state = people(gazetteer_mentions(state))
        pair = record.doc_pair or country_pair(state).extraction.pair
        dates = find_dates(record.text, DateContext())
        found = sentence_candidates(SentenceView.of(doc[:], 0), state.actors, tuple(pair), dates)
        reached = set()
        for item in found:
            events = tuple(e for e in record.events if frozenset((e.source, e.target)) == item.candidate.pair)
            reached.update(events)
            examples.append(Example(record.id, item, events))
        for event in record.events:
            report.by_root[event.code[:2]] += 1
            if event not in reached:
                report.unreachable.append(f"{record.id}: {event.source}->{event.target} {event.code}")
        report.events += len(record.events)
    report.examples = len(examples)
    return examples, report
