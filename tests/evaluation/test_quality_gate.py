"""Quality gate: `accord eval` on three gold sets must not fall below the pinned floors.

* the development set (`../shared/eval/dev`): 60 real articles from 54 outlets, coded by the
  codebook; the primary gate;
* the seeds (`../shared/eval/seeds-gold`): the five demo articles, coded before the codebook
  took its present form (they differ from it on years as event dates, translators as people and
  growth attached to a figure; see the notes at the floors);
* the held-out set (`tests/data/heldout`): twenty-three articles written for accord on other
  pairs by annotators blind to the extractor, coded by the codebook.

Floors sit just under what extraction reaches (docs/EXTRACTION.md gives the full tables).
Raise a floor when extraction improves; never lower one without saying why.
"""

from pathlib import Path

import pytest

from accord.evaluation.runner import evaluate

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"

GATES = {
    "dev": (SHARED / "eval" / "dev" / "gold", SHARED / "eval" / "dev" / "articles", {
        "events": 0.66,
        "events_directed": 0.58,
        "facts": 0.99,
        "facts_period": 0.99,
        "people": 0.99,
        "people_country": 0.99,
        "agreements": 0.99,
    }),
    "seeds": (SHARED / "eval" / "seeds-gold", SHARED / "seeds", {
        # The seeds' gold lists 30 event tuples for five long state-media articles, sparser than
        # the codebook the coder follows (0.87 under the rules fitted to these five articles).
        "events": 0.61,
        "events_directed": 0.51,
        # "an increase of 39%" after a reported figure is a fact in the seeds' gold and not in
        # the codebook (growth attached to a reported figure).
        "facts": 0.96,
        # Seed 003's gold counts its translator, whom the codebook puts among the non-people.
        "people": 0.98,
        "people_country": 0.99,
        "agreements": 0.99,
    }),
    "heldout": (HELDOUT / "gold", HELDOUT / "articles", {
        # 23 articles since 2026-12-02 (was 8, with gold that disagreed with the codebook on
        # years as event dates, economic pledges and growth figures; audited and extended).
        "events": 0.69,
        "events_directed": 0.60,
        "facts": 0.84,
        "people": 0.90,
        "people_country": 0.88,
        "agreements": 0.73,
    }),
}


@pytest.fixture(scope="module", params=sorted(GATES))
def gate(request):
    gold, articles, floors = GATES[request.param]
    if not gold.is_dir() or not articles.is_dir():
        pytest.fail(f"the {request.param} gold set is missing: {gold} / {articles}")
    return request.param, evaluate(gold, articles), floors


def test_every_category_stays_at_or_above_its_floor(gate):
    name, report, floors = gate
    below = {category: round(report.totals[category].f1, 3) for category, floor in floors.items()
             if report.totals[category].f1 < floor}
    assert not below, f"{name}: below the floor: {below} (floors {floors})"


def test_every_gold_article_was_found(gate):
    name, report, _ = gate
    assert report.missing_articles == []
    assert len(report.articles) == {"dev": 60, "seeds": 5, "heldout": 23}[name]
