"""Quality gate: `accord eval` on the seeds gold must not drop below the pinned floors.

Raise a floor when extraction improves; never lower one without saying why.
"""

from pathlib import Path

import pytest

from accord.evaluation.runner import CATEGORIES, evaluate

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "eval" / "seeds-gold"
SEEDS = SHARED / "seeds"

# facts was 1.0 until facts followed the codebook's rule that growth attached to a reported figure
# is not a fact (GUIDELINES.md, Facts): the seeds gold, older than that rule, still lists one such
# figure (a 39% increase given right after a reported investment figure in 004), which is now a
# miss (16 of 17, F1 0.970).
FLOORS = {
    "events": 0.87,
    "events_directed": 0.79,
    "facts": 0.96,
    "people": 1.0,
    "people_country": 1.0,
    "agreements": 1.0,  # raised from 0.97 with the agreement span and dating rules
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


def test_the_json_report_carries_every_category_with_facts_period(report):
    data = report.as_json()
    assert set(data) == set(CATEGORIES) and "facts_period" in data
    assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(data["facts_period"])


def test_every_gold_article_was_found(report):
    assert report.missing_articles == []
    assert len(report.articles) == 5


# The held-out set (tests/data/heldout): eight articles on other country pairs, annotated blind
# to the extractor. First-contact F1 was events 0.473, events_directed 0.345, facts 0.848,
# people 0.818, people_country 0.778, agreements 0.441; it has since been used for development,
# so these floors guard against regressions rather than measure unseen accuracy.
HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"
# facts was 0.94: the held-out gold follows the seeds' older conventions where the codebook has
# since ruled otherwise, and extraction follows the codebook (GUIDELINES.md, Facts): growth
# attached to a reported figure ("up 6.2 percent") and counts of signed documents ("the signing of
# seven cooperation documents") are not facts, and growth-rate targets ("raise it by 40% by 2026")
# are `percent_growth`, not `percent`. Those disagreements are four of its five misses and both
# false positives (the fifth miss is "2,200 town twinnings"), leaving F1 at 0.935.
HELDOUT_FLOORS = {
    "events": 0.65,
    "events_directed": 0.50,
    "facts": 0.93,
    "people": 0.94,
    "people_country": 0.79,
    "agreements": 0.70,  # 0.711 with the agreement span and dating rules (was 0.653)
}


@pytest.fixture(scope="module")
def heldout_report():
    return evaluate(HELDOUT / "gold", HELDOUT / "articles")


@pytest.mark.parametrize("category", sorted(HELDOUT_FLOORS))
def test_heldout_f1_stays_at_or_above_its_floor(heldout_report, category):
    score = heldout_report.totals[category]
    assert score.f1 >= HELDOUT_FLOORS[category], (
        f"held-out {category} F1 {score.f1:.3f} fell below {HELDOUT_FLOORS[category]}")
