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
    # 27 of the seeds' 28 gold people: seed 003's gold counts its translator ("Translated by
    # Tran Hoai", seeds-gold/README item 11), whom the codebook puts among the non-people
    # (bylines, reporters, editors, photographers, translators), so extraction leaves him out.
    "people": 0.98,
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


# The held-out set (tests/data/heldout): eight articles on other country pairs, annotated blind
# to the extractor. First-contact F1 was events 0.473, events_directed 0.345, facts 0.848,
# people 0.818, people_country 0.778, agreements 0.441; it has since been used for development,
# so these floors guard against regressions rather than measure unseen accuracy.
HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"
HELDOUT_FLOORS = {
    "events": 0.65,
    "events_directed": 0.50,
    "facts": 0.94,
    "people": 0.97,  # 0.989 since the people rules of person_names/person_country
    "people_country": 0.93,  # 0.955 since then
    "agreements": 0.65,
}


@pytest.fixture(scope="module")
def heldout_report():
    return evaluate(HELDOUT / "gold", HELDOUT / "articles")


@pytest.mark.parametrize("category", sorted(HELDOUT_FLOORS))
def test_heldout_f1_stays_at_or_above_its_floor(heldout_report, category):
    score = heldout_report.totals[category]
    assert score.f1 >= HELDOUT_FLOORS[category], (
        f"held-out {category} F1 {score.f1:.3f} fell below {HELDOUT_FLOORS[category]}")
