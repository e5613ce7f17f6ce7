"""Commitments: targets and pledges with a number, set against the latest reported figure."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.analysis.load import FactMention
from accord.analysis.periods import deadline_of, period_year  # noqa: F401  (part of this module's API)

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
