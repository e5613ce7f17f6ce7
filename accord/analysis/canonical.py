"""Canonical events: sentence-level event records that describe one real-world event, merged.

Two mentions are the same event when they have the same type, the same
(unordered) country pair, dates that agree at the coarser of their precisions,
no conflicting locations, and, for one-sided acts, the same giver and kind of
statement (analysis/identity.py: a welcome and thanks on one day are two acts).
An undated mention joins the dated event of its own document, or the one dated
event of the day it names ("on Dec 1-2"); undated mentions of different
documents go together only when they name the same day. The canonical event keeps every mention, the
documents and outlets behind it, the earliest report and the most precise date.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from accord.analysis.identity import act_key, named_day, undated_anchors
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


def event_bucket(mention: EventMention, document_years: set[str]) -> str:
    """The part of the merge a mention belongs to: its year when dated; for an undated mention,
    the one year of its document's dated mentions of the same type and pair (the only events
    it may join), else "" (the undated events of the type and pair). `document_years`: the
    years of those dated mentions."""
    if mention.date:
        return mention.date[:4]
    return next(iter(document_years)) if len(document_years) == 1 else ""


def bucket_key(mention: EventMention, document_years: set[str]) -> tuple[str, tuple[str, ...], str]:
    """(type, pair, bucket): mentions in different buckets are never the same event."""
    return mention.type, _pair_of(mention), event_bucket(mention, document_years)


def buckets_of(mentions: list[EventMention]) -> dict[tuple[str, tuple[str, ...], str], list[EventMention]]:
    """The mentions by (type, pair, bucket), each list in the input's order."""
    years: dict[tuple, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.date:
            years[(mention.mention.doc_id, mention.type, _pair_of(mention))].add(mention.date[:4])
    buckets: dict[tuple, list[EventMention]] = defaultdict(list)
    for mention in mentions:
        document_years = years.get((mention.mention.doc_id, mention.type, _pair_of(mention)), set())
        buckets[bucket_key(mention, document_years)].append(mention)
    return buckets


def merge_events(mentions: list[EventMention]) -> list[CanonicalEvent]:
    """Group event mentions into canonical events, in timeline order (`timeline_order`).

    Dates agree only within a year, so the merge runs bucket by bucket (`buckets_of`): the
    mentions of one type, pair and year, with the undated mentions whose document dates its
    events of that type and pair in that year. That is what lets the store keep canonical
    events up to date by re-merging only the buckets an ingest touched (analysis/materialize.py)
    and Dask merge the buckets in parallel.
    """
    merged = [(key, merge_bucket(bucket)) for key, bucket in buckets_of(mentions).items()]
    in_years = [event for key, events in merged if key[2] for event in events]
    undated = [event for key, events in merged if not key[2] for event in events]
    return sorted(in_years + link_undated(in_years, undated), key=timeline_order)


def link_key(event: CanonicalEvent) -> tuple:
    """What an undated event must share with a dated one to join it by the day it names."""
    return event.type, event.pair, *act_key(event.mentions[0])


def event_named_day(event: CanonicalEvent) -> str | None:
    """The one day (MM-DD) the mentions of an undated event name, if they name exactly one."""
    days = {day for m in event.mentions if (day := named_day(m.mention.sentence))}
    return days.pop() if len(days) == 1 else None


def link_undated(in_years: list[CanonicalEvent], undated: list[CanonicalEvent]) -> list[CanonicalEvent]:
    """The events of the undated buckets that stay undated: those that name a day join the one
    dated event of that day (any year) with the same type, pair and act, and drop out; when
    several years have such an event, the report stays apart. The store does the same when it
    merges an undated bucket (analysis/materialize.py)."""
    by_day: dict[tuple, list[CanonicalEvent]] = defaultdict(list)
    for event in in_years:
        if event.date and event.precision == "day":
            by_day[(*link_key(event), event.date[5:10])].append(event)
    kept = []
    for event in undated:
        day = event_named_day(event)
        targets = by_day.get((*link_key(event), day), []) if day else []
        if len(targets) == 1:
            targets[0].mentions = sorted(targets[0].mentions + event.mentions, key=mention_order)
            continue
        kept.append(event)
    return kept


def timeline_order(event: CanonicalEvent) -> tuple:
    """Dated events by date, then type, then first report; undated ones last."""
    return event.date is None, event.date or "", event.type, event.mentions[0].mention.id


def mention_order(mention: EventMention) -> tuple:
    """The order mentions are merged in, and kept in: most precise dates first."""
    return _PRECISION_RANK.get(mention.precision, 3), mention.date or "", mention.mention.id


def merge_bucket(mentions: list[EventMention]) -> list[CanonicalEvent]:
    """Merge the mentions of one bucket (see `merge_events`), most precise dates first.

    Undated mentions join a dated event of the same type, pair and act only when their own
    document reports exactly one such event; otherwise they form one undated event per day they
    name, or per document (`identity.undated_anchors`).
    """
    index = _Index()
    events: list[CanonicalEvent] = []
    anchors = undated_anchors(mentions)
    for mention in sorted(mentions, key=mention_order):
        kind = (mention.type, _pair_of(mention), *act_key(mention))
        anchor = anchors.get(mention.mention.id, "")
        home = index.find(kind, mention, anchor)
        if home is None:
            home = CanonicalEvent(mention.type, mention.cameo, mention.source, mention.target,
                                  mention.date, mention.precision, mention.location,
                                  mention.goldstein, mention.quad_class)
            events.append(home)
            index.add(kind, home, anchor)
        home.mentions.append(mention)
        home.location = home.location or mention.location
        index.reported(kind, home, mention.mention.doc_id)
    for event in events:
        _settle_direction(event)
    return events


def _pair_of(mention: EventMention) -> tuple[str, ...]:
    return tuple(sorted(c for c in (mention.source, mention.target) if c))


class _Index:
    """Where to look for a mention's canonical event. Dated events are filed under their date
    and every coarser prefix of it (2025-12-01 under 2025, 2025-12 and 2025-12-01) and under
    their exact date, so the events a date agrees with are found by a few dictionary lookups."""

    def __init__(self) -> None:
        self.by_prefix: dict[tuple, list[CanonicalEvent]] = defaultdict(list)
        self.by_exact: dict[tuple, list[CanonicalEvent]] = defaultdict(list)
        self.undated: dict[tuple, list[CanonicalEvent]] = defaultdict(list)
        self.by_document: dict[tuple, list[CanonicalEvent]] = defaultdict(list)
        self.order: dict[int, int] = {}

    def add(self, kind: tuple, event: CanonicalEvent, anchor: str) -> None:
        self.order[id(event)] = len(self.order)
        if not event.date:
            self.undated[(*kind, anchor)].append(event)
            return
        self.by_exact[(*kind, event.date)].append(event)
        for length in (4, 7, 10):
            if len(event.date) >= length:
                self.by_prefix[(*kind, event.date[:length])].append(event)

    def reported(self, kind: tuple, event: CanonicalEvent, doc_id: str) -> None:
        if event.date:
            listed = self.by_document[(*kind, doc_id)]
            if not any(e is event for e in listed):
                listed.append(event)

    def find(self, kind: tuple, mention: EventMention, anchor: str) -> CanonicalEvent | None:
        def fits(event: CanonicalEvent) -> bool:
            return _locations_agree(event.location, mention.location)

        if mention.date:
            date = mention.date
            # Events at least as precise that fall within the date, and coarser events containing it.
            candidates = list(self.by_prefix.get((*kind, date), []))
            for length in (4, 7):
                if len(date) > length:
                    candidates += self.by_exact.get((*kind, date[:length]), [])
            fitting = [e for e in candidates if fits(e)]
            return min(fitting, key=lambda e: self.order[id(e)]) if fitting else None
        same_doc = [e for e in self.by_document[(*kind, mention.mention.doc_id)] if fits(e)]
        if len(same_doc) == 1:
            return same_doc[0]
        return next((e for e in self.undated[(*kind, anchor)] if fits(e)), None)


def _settle_direction(event: CanonicalEvent) -> None:
    """The direction most mentions give; ties keep the most precise mention's."""
    votes = Counter((m.source, m.target) for m in event.mentions)
    (source, target), _ = votes.most_common(1)[0]
    event.source, event.target = source, target
