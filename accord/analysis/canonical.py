"""Canonical events: sentence-level event records that describe one real-world event, merged.

Two mentions are the same event when they have the same type, the same
(unordered) country pair, dates that agree at the coarser of their precisions,
and no conflicting locations. The canonical event keeps every mention, the
documents and outlets behind it, the earliest report and the most precise date.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from accord.analysis.load import EventMention
from accord.folding import fold

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}


@dataclass
class CanonicalEvent:
    """One real-world event and every report of it."""

    type: str
    cameo: str
    source: str | None
    target: str | None
    date: str | None
    precision: str | None
    location: str | None
    goldstein: float | None
    quad_class: int | None
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        """Distinct documents reporting the event, in first-report order."""
        return list(dict.fromkeys(m.mention.doc_id for m in self.mentions))

    @property
    def outlets(self) -> list[str]:
        """Distinct known outlets reporting the event."""
        return sorted({m.mention.outlet for m in self.mentions if m.mention.outlet})

    @property
    def earliest_report(self) -> str | None:
        """The earliest publication date among the reporting documents."""
        dates = [m.mention.published for m in self.mentions if m.mention.published]
        return min(dates) if dates else None

    @property
    def pair(self) -> tuple[str, ...]:
        """The two countries, sorted."""
        return tuple(sorted(c for c in (self.source, self.target) if c))

    def as_json(self) -> dict:
        """The timeline item of the JSON contract, plus extra detail."""
        return {
            "date": self.date, "precision": self.precision, "type": self.type, "cameo": self.cameo,
            "source": self.source, "target": self.target, "location": self.location,
            "goldstein": self.goldstein, "documents": self.documents, "outlets": self.outlets,
            "mentions": len(self.mentions), "earliest_report": self.earliest_report,
            "evidence": list(dict.fromkeys(m.mention.sentence for m in self.mentions)),
            "evidence_spans": [{"doc_id": m.mention.doc_id, "start": m.mention.start,
                                "end": m.mention.end} for m in self.mentions],
        }


def dates_agree(first: str | None, second: str | None) -> bool:
    """Dates agree when one is a prefix of the other (2025-12 agrees with 2025-12-01)."""
    if not first or not second:
        return False
    shorter = min(len(first), len(second))
    return first[:shorter] == second[:shorter]


def _locations_agree(first: str | None, second: str | None) -> bool:
    return not first or not second or fold(first) == fold(second)


def merge_events(mentions: list[EventMention]) -> list[CanonicalEvent]:
    """Group event mentions into canonical events; most precise dates are placed first.

    Undated mentions join a dated event of the same type and pair only when their
    own document reports exactly one such event; otherwise they form one undated
    event per type and pair.
    """
    ordered = sorted(mentions, key=lambda m: (_PRECISION_RANK.get(m.precision, 3), m.date or "",
                                              m.mention.id))
    events: list[CanonicalEvent] = []
    for mention in ordered:
        home = _find_home(events, mention)
        if home is None:
            home = CanonicalEvent(mention.type, mention.cameo, mention.source, mention.target,
                                  mention.date, mention.precision, mention.location,
                                  mention.goldstein, mention.quad_class)
            events.append(home)
        home.mentions.append(mention)
        home.location = home.location or mention.location
    for event in events:
        _settle_direction(event)
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.type))


def _same_kind(event: CanonicalEvent, mention: EventMention) -> bool:
    return event.type == mention.type and event.pair == tuple(
        sorted(c for c in (mention.source, mention.target) if c))


def _find_home(events: list[CanonicalEvent], mention: EventMention) -> CanonicalEvent | None:
    candidates = [e for e in events if _same_kind(e, mention)
                  and _locations_agree(e.location, mention.location)]
    if mention.date:
        return next((e for e in candidates if dates_agree(e.date, mention.date)), None)
    same_doc = [e for e in candidates if e.date and mention.mention.doc_id in e.documents]
    if len(same_doc) == 1:
        return same_doc[0]
    return next((e for e in candidates if e.date is None), None)


def _settle_direction(event: CanonicalEvent) -> None:
    """The direction most mentions give; ties keep the most precise mention's."""
    votes = Counter((m.source, m.target) for m in event.mentions)
    (source, target), _ = votes.most_common(1)[0]
    event.source, event.target = source, target
