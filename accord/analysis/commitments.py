"""Commitments: targets and pledges with a number, set against the latest reported figure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from accord.analysis.load import FactMention

_YEAR = re.compile(r"(19|20)\d\d")
# Periods shorter or other than a whole year: "first 7 months of 2024", and in the codebook's
# notation a range (2024-01..2024-07), a quarter (2024-Q1), a month or a fiscal year (2023-24).
_PARTIAL_PERIOD = re.compile(r"\b(first|last|past)\s+\w+\s+(months?|quarters?|weeks?)\b|\.\.|-Q[1-4]\b"
                             r"|\b\d{4}-\d\d\b", re.I)
ON_TRACK_SHARE = 0.5


@dataclass
class Commitment:
    """A numeric target with the documents stating it and the best comparable actual figure."""

    quantity: str
    unit: str
    target_value: float
    deadline: str | None
    statements: list[FactMention] = field(default_factory=list)
    latest_actual: FactMention | None = None  # a figure for the year the target was set or later
    baseline: FactMention | None = None  # the latest figure only for a year before the target was set
    progress: float | None = None
    status: str = "no data"

    @property
    def set_year(self) -> int | None:
        """The year the target was first reported (its earliest dated statement)."""
        dates = [s.mention.published for s in self.statements if s.mention.published]
        return int(min(dates)[:4]) if dates else None

    @property
    def documents(self) -> list[str]:
        """Documents stating the target."""
        return list(dict.fromkeys(s.mention.doc_id for s in self.statements))

    def as_json(self) -> dict:
        """The commitments item of the JSON contract, with evidence."""
        return {
            "quantity": self.quantity, "unit": self.unit, "target_value": self.target_value,
            "deadline": self.deadline, "set_year": self.set_year,
            "latest_actual": _figure(self.latest_actual), "baseline": _figure(self.baseline),
            "progress": round(self.progress, 4) if self.progress is not None else None,
            "status": self.status, "documents": self.documents,
            "evidence": list(dict.fromkeys(s.mention.sentence for s in self.statements)),
        }


def _figure(fact: FactMention | None) -> dict | None:
    if fact is None:
        return None
    return {"value": fact.value, "period": fact.period, "document": fact.mention.doc_id,
            "evidence": fact.mention.sentence}


def deadline_of(period: str | None) -> str | None:
    """A target's deadline year: 'by 2030' -> '2030', and '2030' (the codebook's notation for a
    target's year, which extraction writes for "by 2030" too) -> '2030'; other periods give None."""
    if period and re.fullmatch(r"\s*(19|20)\d\d\s*", period):
        return period.strip()
    if period and re.match(r"\s*by\b", period, re.I):
        match = _YEAR.search(period)
        return match.group(0) if match else None
    return None


def period_year(period: str | None) -> int | None:
    """The year a reported figure refers to, when its period is a whole year ("in 2023")."""
    if not period or _PARTIAL_PERIOD.search(period):
        return None
    match = _YEAR.search(period)
    return int(match.group(0)) if match else None


def track_commitments(facts: list[FactMention], reference_year: int) -> list[Commitment]:
    """Targets merged across documents (same kind, unit, value and deadline), each with the
    latest whole-year actual of the same kind and unit, a progress ratio and a status:
    met (progress >= 1), overdue (deadline before `reference_year`), no data, no deadline
    (progress short of the target, with no date to be behind), on track (progress >= 0.5) or
    behind. A figure for a year before the target was set is its baseline, not progress."""
    commitments: dict[tuple, Commitment] = {}
    for fact in facts:
        if not fact.is_target:
            continue
        key = (fact.quantity, fact.unit, round(fact.value, 2), deadline_of(fact.period))
        commitment = commitments.setdefault(key, Commitment(fact.quantity, fact.unit, fact.value,
                                                            deadline_of(fact.period)))
        commitment.statements.append(fact)
    actuals = [f for f in facts if not f.is_target and period_year(f.period)]
    for commitment in commitments.values():
        comparable = [a for a in actuals if a.quantity == commitment.quantity and a.unit == commitment.unit]
        if comparable:
            latest = max(comparable, key=lambda a: (period_year(a.period), a.mention.published or ""))
            if commitment.set_year and period_year(latest.period) < commitment.set_year:
                commitment.baseline = latest
            else:
                commitment.latest_actual = latest
                commitment.progress = latest.value / commitment.target_value if commitment.target_value else None
        commitment.status = _status(commitment, reference_year)
    return sorted(commitments.values(), key=lambda c: (c.quantity, c.deadline or "9999", c.target_value))


def _status(commitment: Commitment, reference_year: int) -> str:
    if commitment.progress is not None and commitment.progress >= 1:
        return "met"
    if commitment.deadline and int(commitment.deadline) < reference_year:
        return "overdue"
    if commitment.progress is None:
        return "no data"
    if not commitment.deadline:
        return "no deadline"
    return "on track" if commitment.progress >= ON_TRACK_SHARE else "behind"
