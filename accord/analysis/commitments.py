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
    latest_actual: FactMention | None = None
    progress: float | None = None
    status: str = "no data"

    @property
    def documents(self) -> list[str]:
        """Documents stating the target."""
        return list(dict.fromkeys(s.mention.doc_id for s in self.statements))

    def as_json(self) -> dict:
        """The commitments item of the JSON contract, with evidence."""
        actual = self.latest_actual
        return {
            "quantity": self.quantity, "unit": self.unit, "target_value": self.target_value,
            "deadline": self.deadline,
            "latest_actual": {"value": actual.value, "period": actual.period,
                              "document": actual.mention.doc_id,
                              "evidence": actual.mention.sentence} if actual else None,
            "progress": round(self.progress, 4) if self.progress is not None else None,
            "status": self.status, "documents": self.documents,
            "evidence": list(dict.fromkeys(s.mention.sentence for s in self.statements)),
        }


def track_commitments(facts: list[FactMention], reference_year: int) -> list[Commitment]:
    """Targets merged across documents (same kind, unit, value and deadline), each with the
    latest whole-year actual of the same kind and unit, a progress ratio and a status:
    met (progress >= 1), overdue (deadline before `reference_year`), no data, on track
    (progress >= 0.5) or behind."""
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
    return "on track" if commitment.progress >= ON_TRACK_SHARE else "behind"
