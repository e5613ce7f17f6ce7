"""Every CAMEO root: sentences that must be coded with it, and near misses that must not be.

tests/data/cameo_roots.jsonl holds, for each root 01-20, seven sentences written for accord
that state one act of that root between two named countries, and seven near misses (the act
cancelled, hypothetical or hoped for, the same verb between sports teams, companies or the
UN). None of them is in the training data. The goal is five of seven right each way for every
root; where the coder is not there yet, the floor is pinned at what it reaches (GOAL_SHORT) so
that it can only go up.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from accord.extract.pipeline import extract_document

CASES = [json.loads(line) for line in
         (Path(__file__).resolve().parents[2] / "data" / "cameo_roots.jsonl").read_text("utf-8").splitlines()]
GOAL = 5
# (root, "coded" | "not_coded") -> floor below GOAL, pinned at what the coder reaches today.
# Since the model trained with the root sentences (training/sentences/roots.jsonl, none of
# them from this set), 18 of the 20 roots reach five of seven both ways (241 of 280 right, from
# 225): appeals (02) are still coded in three of seven, and near misses of disapproval (11)
# between non-states or left hypothetical are coded in three of seven.
GOAL_SHORT: dict[tuple[str, str], int] = {
    ("02", "coded"): 3, ("11", "not_coded"): 4,
}


def coded_roots(case: dict) -> set[str]:
    """The roots of the events (not negated) the pipeline codes between the case's pair."""
    extraction = extract_document("t", case["text"], date.fromisoformat(case["published"]))
    pair = {case["source"], case["target"]}
    return {e.cameo[:2] for e in extraction.events if not e.negated and {e.source, e.target} == pair}


@pytest.fixture(scope="module")
def right() -> Counter:
    tally: Counter = Counter()
    for case in CASES:
        roots = coded_roots(case)
        good = case["root"] in roots if case["expect"] == "coded" else case["root"] not in roots
        tally[(case["root"], case["expect"])] += good
    return tally


def test_the_set_has_seven_each_way_for_every_root():
    counts = Counter((c["root"], c["expect"]) for c in CASES)
    assert set(counts) == {(f"{n:02d}", e) for n in range(1, 21) for e in ("coded", "not_coded")}
    assert set(counts.values()) == {7}


@pytest.mark.parametrize("root", [f"{n:02d}" for n in range(1, 21)])
@pytest.mark.parametrize("expect", ["coded", "not_coded"])
def test_each_root_is_coded_right(right, root, expect):
    floor = GOAL_SHORT.get((root, expect), GOAL)
    assert right[(root, expect)] >= floor, f"root {root} {expect}: {right[(root, expect)]} of 7 right"
