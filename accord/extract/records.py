"""Typed records the extractors produce. Every record carries its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

# Field metadata read by extract/spec.py, which lays every record out for the store, Parquet
# and JSON from its dataclass: an attribute that only steers extraction is not kept, and a
# store column named otherwise than its attribute says so.
NOT_STORED = {"stored": False}


def column(name: str) -> dict:
    """Metadata naming the store column of an attribute that is named otherwise."""
    return {"column": name}


@dataclass(frozen=True)
class Evidence:
    """Where a record comes from: the sentence, its span, and the span of the matched words.

    Spans are character offsets into the document's clean text.
    """

    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int


@dataclass(frozen=True)
class DateValue:
    """A date known to day, month or year precision; `iso` is YYYY-MM-DD, YYYY-MM or YYYY."""

    iso: str
    precision: str  # "day" | "month" | "year"

    @property
    def year(self) -> int:
        """The year."""
        return int(self.iso[:4])


@dataclass(frozen=True)
class Person:
    """A named person found in a document, with the country and role the text gives."""

    name: str
    country: str | None
    role: str | None
    evidence: Evidence
    aliases: tuple[str, ...] = ()
    confidence: float = 0.5
    source: str = field(default="ner", metadata=column("method"))  # "gazetteer" | "ner" | "title"


@dataclass(frozen=True)
class Event:
    """An interaction between two countries found in one sentence."""

    type: str
    cameo: str
    source: str | None
    target: str | None
    date: DateValue | None
    trigger: str
    evidence: Evidence
    plover: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    location: str | None = None
    planned: bool = False
    negated: bool = False
    confidence: float = 0.5
    # Not stored: these only steer extraction.
    joint: bool = field(default=False, metadata=NOT_STORED)  # both sides acted together: decides the source
    date_stated: bool = field(default=False, metadata=NOT_STORED)  # the sentence states it: decides which date wins
    host: str | None = field(default=None, metadata=NOT_STORED)  # whose capital the act is in: decides visitors


@dataclass(frozen=True)
class Fact:
    """A number the text states, normalised: value, unit, kind, period, target or reported."""

    value: float
    unit: str
    quantity: str
    is_target: bool
    evidence: Evidence
    value_max: float | None = None
    qualifier: str | None = None
    period: str | None = None
    countries: tuple[str, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True)
class Agreement:
    """A named document (treaty, agreement, MoU, plan ...) with its signing date when stated."""

    name: str
    kind: str
    date: DateValue | None
    evidence: Evidence
    countries: tuple[str, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True)
class RelationLabel:
    """A framework phrase naming the relationship, kept verbatim for cross-source comparison."""

    label: str
    countries: tuple[str, ...]
    evidence: Evidence
    confidence: float = 0.5


@dataclass
class Extraction:
    """Everything extracted from one document."""

    doc_id: str
    version: str
    pair: tuple[str, ...] = ()
    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    labels: list[RelationLabel] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # sentences the event coder was not asked about, by reason
