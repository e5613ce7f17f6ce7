"""Crash safety: `accord ingest` killed with SIGKILL at random points loses and corrupts nothing.

A few hundred invented articles (reliability/crash.py) are ingested by a real `accord`
process that is killed after a random delay (fixed seed), over and over into one store;
after every kill the store must pass `PRAGMA integrity_check` and hold no half-stored
document; a last run must then end with exactly what an uninterrupted run stores. Kills
into fresh stores hit the schema migrations. About two minutes on two cores.
"""

from __future__ import annotations

import os
import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from accord.store.db import open_store
from reliability.crash import (kill_a_worker_midway, run_to_completion, run_trials, snapshot,
                               store_problems, timed_baseline, write_corpus)

SEED = 20241124
TRIALS = int(os.environ.get("ACCORD_KILL_TRIALS", "24"))
FRESH_TRIALS = 6
WORKER_TRIALS = int(os.environ.get("ACCORD_KILL_TRIALS_WORKERS", "8"))
CORPUS_DOCUMENTS = 244  # 240 articles and 4 near duplicates (exact repeats add origins only)


def _assert_ends_as_the_uninterrupted_run(tmp_path, log) -> None:
    """killed.db is intact and holds what baseline.db holds, and no run printed a traceback."""
    assert store_problems(tmp_path / "killed.db") == []
    assert snapshot(tmp_path / "killed.db") == snapshot(tmp_path / "baseline.db")
    assert "Traceback" not in log.read_text(errors="replace")


@pytest.mark.slow
def test_killed_ingest_runs_leave_the_store_intact_and_resume_to_the_same_end(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", count=240, seed=11)
    log = tmp_path / "stderr.log"
    with ThreadPoolExecutor(max_workers=1) as pool:  # the uninterrupted run, alongside the kills
        baseline = pool.submit(timed_baseline, tmp_path / "baseline.db", corpus, tmp_path / "base.log")
        trials = run_trials(tmp_path / "killed.db", corpus, TRIALS, SEED, CORPUS_DOCUMENTS, log)
        base_code, _ = baseline.result()

    assert base_code == 1  # the three bad files are rejected, everything else stored
    expected = snapshot(tmp_path / "baseline.db")
    assert expected["counts"]["rejected"] == 3
    assert store_problems(tmp_path / "baseline.db") == []

    killed = [trial for trial in trials if trial.killed]
    assert len(killed) >= 20
    assert [(trial.number, trial.problems) for trial in trials if trial.problems] == []
    # Some kills fell in the middle of the ingest, not only before or after it.
    assert expected["counts"]["documents"] == CORPUS_DOCUMENTS
    assert any(0 < trial.documents_after < CORPUS_DOCUMENTS for trial in killed)

    assert run_to_completion(tmp_path / "killed.db", corpus, log) == 1
    _assert_ends_as_the_uninterrupted_run(tmp_path, log)


@pytest.mark.slow
def test_killed_parallel_ingest_runs_leave_the_store_intact_and_resume_to_the_same_end(tmp_path):
    # The same with a pool of two worker processes (`accord ingest --workers 2`), the process
    # group killed each time: fewer trials, since the pool takes a few seconds to start.
    corpus = write_corpus(tmp_path / "corpus", count=120, seed=13)
    log = tmp_path / "stderr.log"
    assert timed_baseline(tmp_path / "baseline.db", corpus, tmp_path / "base.log", workers=2)[0] == 1
    expected = snapshot(tmp_path / "baseline.db")
    total = expected["counts"]["documents"]
    trials = run_trials(tmp_path / "killed.db", corpus, WORKER_TRIALS, SEED + 1, total, log,
                        startup_share=0.1, workers=2)
    assert [(trial.number, trial.problems) for trial in trials if trial.problems] == []
    assert sum(trial.killed for trial in trials) >= WORKER_TRIALS // 2
    assert any(0 < trial.documents_after < total for trial in trials if trial.killed)
    assert run_to_completion(tmp_path / "killed.db", corpus, log, workers=2) == 1
    _assert_ends_as_the_uninterrupted_run(tmp_path, log)


@pytest.mark.slow
def test_a_worker_killed_midway_costs_nothing(tmp_path):
    # The system kills one worker process of `accord ingest --workers 2` (out of memory): the
    # batches it held are processed again, the run goes on, and the store ends as without it.
    corpus = write_corpus(tmp_path / "corpus", count=80, seed=17)
    log = tmp_path / "stderr.log"
    assert timed_baseline(tmp_path / "baseline.db", corpus, tmp_path / "base.log", workers=2)[0] == 1
    code, killed = kill_a_worker_midway(tmp_path / "killed.db", corpus, log, documents=20)
    assert (code, killed) == (1, 1)
    _assert_ends_as_the_uninterrupted_run(tmp_path, log)


@pytest.mark.slow
def test_runs_killed_while_creating_a_store_leave_one_that_opens(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", count=20, seed=5)
    rng = random.Random(SEED)
    for number in range(FRESH_TRIALS):
        db = tmp_path / f"fresh{number}.db"
        [trial] = run_trials(db, corpus, 1, rng.randrange(10**6), 24, tmp_path / "stderr.log",
                             startup_share=1.0)
        assert trial.problems == []
        with open_store(db):  # the migrations a kill interrupted are applied now
            pass
        assert store_problems(db) == []
