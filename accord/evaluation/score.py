"""Scoring rules of the gold-annotation schema, as pure functions over plain records.

Categories (see /work/shared/eval/SCHEMA.md): events, events_directed, facts, people,
people_country, agreements, and two attribute scores computed over matched records only:

- people_country: among matched people, the share whose country agrees.
- facts_period: among matched facts whose gold `period` is a year (`2023`), a quarter
  (`2024-Q1`) or a range (`2022-01..2022-11`, or a span of years written `2024-2029`), the
  share whose predicted period agrees. Agreeing means equal as written, except that a span of
  years may be written with `..` or `-` on either side. Relative periods ("so far"), fiscal
  years and null gold periods are not scored: their wording varies too much to compare.

An attribute score is reported as a Score with tp = agreeing and fp = fn = disagreeing, so
its precision, recall and F1 all equal the share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from accord.folding import fold


@dataclass
class Score:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        """Micro-average: sum the counts."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0 when there is no gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict:
        """{"precision", "recall", "f1"} rounded to 4 places, with the counts."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Matched:
    """A score and, for --verbose, what was missed and what was wrong."""

    score: Score
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    pairs: list[tuple[dict, dict]] = field(default_factory=list)  # (gold, predicted) matched


def date_agrees(gold: str | None, predicted: str | None) -> bool:
    """A gold date matches to its own precision; a null gold date matches any date."""
    if not gold:
        return True
    if not predicted:
        return False
    return predicted[:len(gold)] == gold


def _match(gold: list[dict], predicted: list[dict], agrees) -> Matched:
    used: set[int] = set()
    result = Matched(Score())
    for p in predicted:
        hit = next((i for i, g in enumerate(gold) if i not in used and agrees(g, p)), None)
        if hit is None:
            result.score.fp += 1
            result.false_positives.append(p)
        else:
            used.add(hit)
            result.score.tp += 1
            result.pairs.append((gold[hit], p))
    result.misses = [g for i, g in enumerate(gold) if i not in used]
    result.score.fn = len(result.misses)
    return result


def _event_tuples(events: list[dict], directed: bool) -> list[dict]:
    seen, result = set(), []
    for e in events:
        sides = (e.get("source"), e.get("target")) if directed else tuple(sorted(
            [e.get("source") or "", e.get("target") or ""]))
        key = (e.get("type"), sides, e.get("date"))
        if key not in seen:
            seen.add(key)
            result.append({**e, "_sides": sides})
    return result


def score_events(gold: list[dict], predicted: list[dict], directed: bool = False) -> Matched:
    """Distinct (type, pair, date) tuples; dates agree to the gold's precision."""
    def agrees(g: dict, p: dict) -> bool:
        return g["type"] == p["type"] and g["_sides"] == p["_sides"] and date_agrees(g.get("date"), p.get("date"))
    # Specific gold dates are matched first so that a null-dated gold tuple does not use up a prediction.
    gold_tuples = sorted(_event_tuples(gold, directed), key=lambda g: g.get("date") is None)
    return _match(gold_tuples, _event_tuples(predicted, directed), agrees)


def score_facts(gold: list[dict], predicted: list[dict]) -> Matched:
    """Units equal, values within 1 %, is_target equal."""
    def agrees(g: dict, p: dict) -> bool:
        value, other = float(g["value"]), float(p["value"])
        close = abs(value - other) <= 0.01 * abs(value) if value else other == 0
        return g["unit"] == p["unit"] and close and bool(g["is_target"]) == bool(p["is_target"])
    return _match(gold, predicted, agrees)


_YEAR = re.compile(r"\d{4}")
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_RANGE = re.compile(r"\d{4}(?:-\d{2}){0,2}\.\.\d{4}(?:-\d{2}){0,2}")
_YEAR_SPAN = re.compile(r"(\d{4})(?:\.\.|-)(\d{4})")


def period_is_scored(period: str | None) -> bool:
    """Whether a gold period is a year, a quarter or a range (the periods facts_period scores)."""
    text = (period or "").strip()
    return any(p.fullmatch(text) for p in (_YEAR, _QUARTER, _RANGE, _YEAR_SPAN))


def period_agrees(gold: str | None, predicted: str | None) -> bool:
    """Equal as written; a span of years may be written 2024..2029 or 2024-2029."""
    def canonical(period: str | None) -> str:
        text = (period or "").strip()
        span = _YEAR_SPAN.fullmatch(text)
        return f"{span.group(1)}..{span.group(2)}" if span else text
    return bool(predicted) and canonical(gold) == canonical(predicted)


def score_fact_periods(matched: Matched) -> Matched:
    """facts_period: among matched facts with a scored gold period, the share that agrees."""
    result = Matched(Score())
    for gold, predicted in matched.pairs:
        if not period_is_scored(gold.get("period")):
            continue
        if period_agrees(gold.get("period"), predicted.get("period")):
            result.score.tp += 1
        else:
            result.score.fp += 1
            result.score.fn += 1
            result.misses.append(gold)
            result.false_positives.append(predicted)
    return result


def _names(person: dict) -> set[str]:
    return {fold(n).strip() for n in [person["name"], *person.get("aliases", [])] if n}


def score_people(gold: list[dict], predicted: list[dict]) -> tuple[Matched, Matched]:
    """People matched by any folded name; then the country of each matched person."""
    people = _match(gold, predicted, lambda g, p: bool(_names(g) & _names(p)))
    country = Score()
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, p in enumerate(predicted) if i not in used and _names(g) & _names(p)), None)
        if hit is None:
            continue
        used.add(hit)
        if predicted[hit].get("country") == g.get("country"):
            country.tp += 1
        else:
            country.fp += 1
            country.fn += 1
    return people, Matched(country)


def _tokens(name: str) -> set[str]:
    return set(re.findall(r"\w+", fold(name)))


def score_agreements(gold: list[dict], predicted: list[dict]) -> Matched:
    """Names share at least 60 % of their word tokens (Jaccard); dates agree as for events."""
    def agrees(g: dict, p: dict) -> bool:
        a, b = _tokens(g["name"]), _tokens(p["name"])
        jaccard = len(a & b) / len(a | b) if a | b else 0.0
        return jaccard >= 0.6 and date_agrees(g.get("date"), p.get("date"))
    return _match(gold, predicted, agrees)
