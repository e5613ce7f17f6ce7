"""The codebook's event types, read from accord/data/cameo/event_types.tsv: their order,
labels, chart colours and the words a question uses for them. The web filters, the charts
and `ask` read this table; which CAMEO code is which type is in cameo_codes.tsv."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class EventType:
    """One coarse event type of the codebook."""

    name: str
    label: str
    colour: str
    question_words: re.Pattern
    description: str


@lru_cache(maxsize=1)
def event_types() -> tuple[EventType, ...]:
    """Every event type, in the table's order."""
    text = resources.files("accord").joinpath("data/cameo/event_types.tsv").read_text("utf-8")
    return tuple(EventType(row["type"], row["label"], row["colour"], re.compile(row["question_words"], re.I),
                           row["description"])
                 for row in csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


def type_names() -> list[str]:
    """The type names, in order."""
    return [t.name for t in event_types()]


def type_colours() -> dict[str, str]:
    """Chart colour of each type."""
    return {t.name: t.colour for t in event_types()}
