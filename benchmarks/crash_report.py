"""Kill trials of `accord ingest`, as figures for docs/RELIABILITY.md.

    .venv/bin/python -m benchmarks.crash_report [--trials 60] [--seed N] [--write]

The same procedure as tests/reliability/test_crash_safety.py (which runs 24 trials in CI),
with more trials: a corpus of 240 invented articles in several formats, an uninterrupted
run into one store, and killed runs into another, each checked for integrity and
half-stored documents; then a last run must end with exactly the uninterrupted store.
Seconds are printed, never asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.docsection import replace_section  # noqa: E402
from reliability.crash import (run_to_completion, run_trials, snapshot, store_problems,  # noqa: E402
                               timed_baseline, write_corpus)

DOC = ROOT / "docs" / "RELIABILITY.md"
BEGIN, END = "<!-- crash:begin -->", "<!-- crash:end -->"
CORPUS_DOCUMENTS = 244


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=60)
    parser.add_argument("--seed", type=int, default=20241124)
    parser.add_argument("--write", action="store_true", help=f"replace the figures in {DOC}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = write_corpus(root / "corpus", count=240, seed=11)
        code, base_seconds = timed_baseline(root / "baseline.db", corpus, root / "base.log")
        expected = snapshot(root / "baseline.db")
        started = time.monotonic()
        trials = run_trials(root / "killed.db", corpus, args.trials, args.seed, CORPUS_DOCUMENTS,
                            root / "stderr.log")
        trial_seconds = time.monotonic() - started
        for trial in trials:
            print(f"trial {trial.number:3}: {trial.kill_at:28} killed={trial.killed!s:5} "
                  f"documents {trial.documents_before:3} -> {trial.documents_after:3}  "
                  f"{'; '.join(trial.problems) or 'intact'}", file=sys.stderr)
        final_code = run_to_completion(root / "killed.db", corpus, root / "stderr.log")
        final_problems = store_problems(root / "killed.db")
        same = snapshot(root / "killed.db") == expected
        tracebacks = "Traceback" in (root / "stderr.log").read_text(errors="replace")
    killed = [t for t in trials if t.killed]
    intact = [t for t in killed if not t.problems]
    modes = Counter({"start-up": "start-up", "documents": "a document count",
                     "statement": "a SQL statement"}[t.mode] for t in killed)
    mid = sum(1 for t in killed if 0 < t.documents_after < CORPUS_DOCUMENTS)
    counts = expected["counts"]
    section = (
        f"{BEGIN}\n"
        f"| figure | value |\n|---|---|\n"
        f"| corpus | 240 invented articles, 8 country pairs: 144 text files with header blocks, "
        f"a JSON Lines file of 48, 24 HTML pages and a WARC of 24; plus 6 exact repeats, "
        f"4 near duplicates and 3 bad files |\n"
        f"| uninterrupted run | {counts['documents']} documents, {counts['document_origins']} origins, "
        f"{counts['events']} events, {counts['facts']} facts, {counts['rejected']} rejections "
        f"(exit {code}, {base_seconds:.0f} s) |\n"
        f"| kill trials (seed {args.seed}) | {len(trials)} runs, {len(killed)} killed with SIGKILL "
        f"({', '.join(f'{n} at {m}' for m, n in sorted(modes.items()))}); {mid} of them left a "
        f"store holding part of the corpus |\n"
        f"| store intact after a kill | **{len(intact)} of {len(killed)}** (integrity_check ok, "
        f"foreign keys ok, no half-stored document, full-text index in step) |\n"
        f"| last run after the kills | exit {final_code}; store intact: "
        f"{'yes' if not final_problems else final_problems}; identical to the uninterrupted run: "
        f"**{'yes' if same else 'NO'}** |\n"
        f"| tracebacks on stderr | {'yes' if tracebacks else 'none'} |\n"
        f"| time for the trials | {trial_seconds:.0f} s |\n"
        f"{END}")
    print(section)
    if args.write:
        replace_section(DOC, BEGIN, END, section)


if __name__ == "__main__":
    main()
