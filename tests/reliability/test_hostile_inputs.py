"""Hostile and odd inputs, through the library and through the command line.

Every kind in reliability/hostile.py is ingested into a fresh store with a time bound,
through `ingest_paths` and through the command line (each in a forked child), and some
through a real `accord` process, from a file and from stdin; a child still running at the
bound is a hang. Each must end without a crash, traceback or internal
error, every rejection must carry a one-line reason naming its input, good inputs
must be stored, and the store must hold exactly what the report says.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from reliability.harness import (Outcome, preload, run_cli, run_cli_subprocess, run_in_process,
                                 violations)
from reliability.hostile import KINDS, Kind

BY_NAME = {kind.name: kind for kind in KINDS}
# Kinds also run through a real `accord` process: a file argument, and piped to `accord ingest -`.
PROCESS_KINDS = ["jsonl_broken_lines", "feed_external_entity", "fifo", "mixed_folder"]
STDIN_KINDS = ["binary_junk", "nul_in_text", "utf16le_no_bom", "huge_single_line_50mb", "gzip_bomb",
               "truncated_warc_gz", "feed_billion_laughs", "lao"]


def test_the_corpus_has_forty_kinds_and_every_expectation():
    assert len(KINDS) >= 40
    assert {kind.expect for kind in KINDS} == {"stored", "rejected", "partial", "either"}


@pytest.fixture(scope="module")
def loaded():
    """Children forked from this process start with the model loaded."""
    preload()


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_ingest_paths(kind: Kind, tmp_path, loaded):
    outcome = run_in_process(kind, tmp_path / kind.name)
    assert violations(kind, outcome) == []


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_cli(kind: Kind, tmp_path, loaded):
    outcome = run_cli(kind, tmp_path / kind.name)
    assert violations(kind, outcome) == []
    assert outcome.exit_code == (1 if outcome.rejected else 0)


@pytest.fixture(scope="module")
def process_outcomes(tmp_path_factory) -> dict[str, Outcome]:
    """Real `accord` processes, two at a time (each loads Python and the model afresh)."""
    root = tmp_path_factory.mktemp("process")
    jobs = {f"file:{name}": (BY_NAME[name], root / f"file-{name}", False) for name in PROCESS_KINDS}
    jobs |= {f"stdin:{name}": (BY_NAME[name], root / f"stdin-{name}", True) for name in STDIN_KINDS}
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {key: pool.submit(run_cli_subprocess, kind, folder, stdin=stdin)
                   for key, (kind, folder, stdin) in jobs.items()}
    return {key: future.result() for key, future in futures.items()}


@pytest.mark.slow
@pytest.mark.parametrize("name", PROCESS_KINDS)
def test_accord_process(name: str, process_outcomes):
    outcome = process_outcomes[f"file:{name}"]
    assert violations(BY_NAME[name], outcome) == []
    assert outcome.exit_code == (1 if outcome.rejected else 0)


@pytest.mark.slow
@pytest.mark.parametrize("name", STDIN_KINDS)
def test_accord_process_reading_stdin(name: str, process_outcomes):
    outcome = process_outcomes[f"stdin:{name}"]
    assert violations(BY_NAME[name], outcome) == []
    assert outcome.rejected or outcome.added
    assert all(r["origin"].startswith("<stdin>") for r in outcome.rejected)


def test_violations_catch_what_they_should(tmp_path):
    """The judge itself: a hang, a multi-line reason, a lost good input are all reported."""
    good, bad = BY_NAME["feed_rss"], BY_NAME["binary_junk"]
    spec = tmp_path / "x"
    assert violations(good, Outcome("hang", spec=spec))
    multi_line = Outcome("finished", rejected=[{"origin": str(spec), "reason": "a\nb"}], spec=spec,
                         store=tmp_path / "missing.db")
    assert any("one-line" in problem for problem in violations(bad, multi_line))
    lost = Outcome("finished", added=0, rejected=[{"origin": str(spec), "reason": "nope"}], spec=spec)
    assert any("not stored" in problem for problem in violations(good, lost))
    anonymous = Outcome("finished", rejected=[{"origin": "elsewhere", "reason": "binary"}], spec=spec)
    assert any("does not name" in problem for problem in violations(bad, anonymous))
