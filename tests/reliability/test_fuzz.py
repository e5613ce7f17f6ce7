"""A fixed-time fuzz run of the reader and extractor entry points (a few seconds each in CI).

`ACCORD_FUZZ_SECONDS` sets the budget per target; `python -m benchmarks.fuzz` runs the long
version whose figures are in docs/RELIABILITY.md. Any exception or broken invariant in a
generated input fails the test with the (shrunk) input.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import strategies as st

from reliability.fuzzing import TARGETS, fuzz

FUZZ_SECONDS = float(os.environ.get("ACCORD_FUZZ_SECONDS", "4"))


@pytest.mark.parametrize("name", list(TARGETS))
def test_fuzz_for_a_fixed_time(name):
    target, strategy = TARGETS[name]
    run = fuzz(name, target, strategy, FUZZ_SECONDS, first_seed=0)
    assert run.executions >= run.batches >= 1


def test_the_fuzzer_reports_a_failing_input():
    def breaks_on_large(value: int) -> None:
        assert value < 1000

    with pytest.raises(AssertionError):
        fuzz("sanity", breaks_on_large, st.integers(), seconds=30)
