"""What makes two event mentions the same real-world event, beyond type, pair and date
(the codebook's event identity, used by analysis/canonical.py).

- One-sided acts (praise, protest, an award, aid) have a giver: the praise of one side and the
  praise of the other are two acts, and so are a welcome, thanks and a congratulation made on one
  day. `act_key` tells them apart by direction and by the kind of statement.
- An undated report can still name its visit or meeting by day and month ("on Dec 1-2", "from
  September 10-13"): `named_day` reads that day, so the report can join the one dated event of
  that day, and undated reports naming the same day go together.
"""

from __future__ import annotations

import re

from accord.analysis.load import EventMention
from accord.extract.dates import MONTHS
from accord.folding import fold

ONE_SIDED_TYPES = frozenset({"statement_praise", "protest_criticism", "award_honor", "aid_provided"})
# Kinds of statement that are separate acts even on one day between the same two sides; the
# first that matches names the act, anything else is a positive assessment ("").
_STATEMENT_ACTS = (
    ("congratulation", re.compile(r"congratulat|felicitat")),
    ("condolence", re.compile(r"condolence|sympath")),
    ("thanks", re.compile(r"\bthank|gratitude|grateful")),
    ("welcome", re.compile(r"\bwelcom")),
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NO_YEAR = r"(?!\d)(?!\s*[-–]\s*\d)(?!,?\s*(?:1[89]|20)\d\d)"
_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
                        rf"(?:\s*(?:[-–]|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?)?{_NO_YEAR}", re.I)
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:[-–]|to|and)\s*\d{{1,2}})?\s+"
                        rf"(?:of\s+)?(?P<month>{_MONTH})\b\.?{_NO_YEAR}", re.I)


def act_key(mention: EventMention) -> tuple:
    """What, beyond type, pair and date, one act shares with every report of it: for one-sided
    acts the giver and receiver and the kind of statement; nothing for joint acts (their
    direction depends on which side a sentence names first)."""
    if mention.type not in ONE_SIDED_TYPES:
        return ()
    sentence = fold(mention.mention.sentence).lower()
    act = next((name for name, pattern in _STATEMENT_ACTS if pattern.search(sentence)), "")
    return mention.source, mention.target, act


def named_day(sentence: str) -> str | None:
    """The one day and month a sentence names without a year ("on Dec 1-2" -> "12-01"), as
    MM-DD; None when it names none, or several different ones."""
    days = set()
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(sentence):
            day = int(match.group("day"))
            if 1 <= day <= 31:
                days.add(f"{MONTHS[match.group('month').lower()]:02d}-{day:02d}")
    return days.pop() if len(days) == 1 else None


def undated_anchors(mentions: list[EventMention]) -> dict[int, str]:
    """For each undated mention (by record id), what it is grouped by: the day it names, else
    the one day its document's other undated mentions of the type and pair name, else its
    document ("doc:ID")."""
    days: dict[tuple, set[str]] = {}
    for mention in mentions:
        if not mention.date and (day := named_day(mention.mention.sentence)):
            days.setdefault(_document_kind(mention), set()).add(day)
    anchors = {}
    for mention in mentions:
        if mention.date:
            continue
        named = named_day(mention.mention.sentence)
        document_days = days.get(_document_kind(mention), set())
        if not named and len(document_days) == 1:
            named = next(iter(document_days))
        anchors[mention.mention.id] = named or f"doc:{mention.mention.doc_id}"
    return anchors


def _document_kind(mention: EventMention) -> tuple:
    return (mention.mention.doc_id, mention.type, *sorted(c for c in (mention.source, mention.target) if c),
            *act_key(mention))
