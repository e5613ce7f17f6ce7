"""The relationship's timeline and its index by period, from canonical events."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from accord.analysis.canonical import CanonicalEvent


def timeline(events: list[CanonicalEvent], date_from: str | None = None,
             date_to: str | None = None) -> list[CanonicalEvent]:
    """Canonical events in date order within [date_from, date_to]; undated ones last, and only
    when no range is given."""
    def inside(event: CanonicalEvent) -> bool:
        if event.date is None:
            return date_from is None and date_to is None
        if date_from and event.date[:len(date_from)] < date_from[:len(event.date)]:
            return False
        if date_to and event.date[:len(date_to)] > date_to[:len(event.date)]:
            return False
        return True
    return [e for e in events if inside(e)]


@dataclass(frozen=True)
class PeriodIndex:
    """One period of the relationship index."""

    period: str
    events: int
    goldstein_sum: float
    goldstein_mean: float
    cooperative_share: float
    conflictual_share: float

    def as_json(self) -> dict:
        """Plain values for --json."""
        return {"period": self.period, "events": self.events,
                "goldstein_sum": round(self.goldstein_sum, 2),
                "goldstein_mean": round(self.goldstein_mean, 2),
                "cooperative_share": round(self.cooperative_share, 3),
                "conflictual_share": round(self.conflictual_share, 3)}


def period_of(date: str, by: str) -> str | None:
    """The period label of a date, or None when the date is less precise than the period."""
    if by == "year":
        return date[:4]
    if by == "month":
        return date[:7] if len(date) >= 7 else None
    if by == "quarter":
        return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}" if len(date) >= 7 else None
    raise ValueError(f"unknown period {by!r}: use month, quarter or year")


def relationship_index(events: list[CanonicalEvent], by: str = "year") -> list[PeriodIndex]:
    """Per period: canonical events, Goldstein sum and mean, and cooperative vs conflictual share
    (CAMEO quad classes 1-2 vs 3-4). Events dated less precisely than the period are left out."""
    counts = [PeriodCount(e.date, 1, e.goldstein or 0.0, int((e.quad_class or 1) <= 2))
              for e in events if e.date]
    return index_from_periods(counts, by)


@dataclass(frozen=True)
class PeriodCount:
    """Canonical events of one date or period: how many, their Goldstein sum, how many cooperative."""

    period: str
    events: int
    goldstein_sum: float
    cooperative: int


def index_from_periods(counts: list[PeriodCount], by: str = "year") -> list[PeriodIndex]:
    """The index rolled up from finer counts (per date, or the store's per-month rows): by
    month, quarter or year."""
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0])
    for count in counts:
        period = period_of(count.period, by)
        if period:
            total = totals[period]
            total[0] += count.events
            total[1] += count.goldstein_sum
            total[2] += count.cooperative
    return [PeriodIndex(period, events, total, total / events, cooperative / events, 1 - cooperative / events)
            for period, (events, total, cooperative) in sorted(totals.items())]
