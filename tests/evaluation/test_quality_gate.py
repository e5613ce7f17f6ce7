"""Quality gate: `accord eval` on the seeds gold must not drop below the pinned floors.

Raise a floor when extraction improves; never lower one without saying why.
"""

from pathlib import Path

import pytest

from accord.evaluation.runner import evaluate

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "eval" / "seeds-gold"
SEEDS = SHARED / "seeds"

FLOORS = {
    "events": 0.87,
    "events_directed": 0.79,
    "facts": 1.0,
    "people": 1.0,
    "people_country": 1.0,
    "agreements": 0.97,
}


@pytest.fixture(scope="module")
def report():
    if not GOLD.is_dir() or not SEEDS.is_dir():
        pytest.fail(f"the development set is missing: {GOLD} / {SEEDS}")
    return evaluate(GOLD, SEEDS)


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_f1_stays_at_or_above_its_floor(report, category):
    score = report.totals[category]
    assert score.f1 >= FLOORS[category], (
        f"{category} F1 {score.f1:.3f} fell below its floor {FLOORS[category]} "
        f"(tp {score.tp}, fp {score.fp}, fn {score.fn})")


def test_every_gold_article_was_found(report):
    assert report.missing_articles == []
    assert len(report.articles) == 5
