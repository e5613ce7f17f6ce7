"""A long fuzz run of the reader and extractor entry points, as figures for docs/RELIABILITY.md.

    .venv/bin/python -m benchmarks.fuzz [--seconds 600] [--seed N] [--write]

Runs every target of tests/reliability/fuzzing.py for `--seconds` each (CI runs them for
a few seconds in tests/reliability/test_fuzz.py). The first seed is printed so that a run
can be repeated; a failing input is shrunk by hypothesis and printed with its traceback,
and the script exits non-zero. Seconds and executions are printed, never asserted.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.docsection import replace_section  # noqa: E402
from reliability.fuzzing import TARGETS, fuzz  # noqa: E402

DOC = ROOT / "docs" / "RELIABILITY.md"
BEGIN, END = "<!-- fuzz:begin -->", "<!-- fuzz:end -->"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=600.0, help="budget per target")
    parser.add_argument("--seed", type=int, default=None, help="first seed (default: random)")
    parser.add_argument("--target", choices=list(TARGETS), action="append",
                        help="fuzz only this target (repeatable; default: all)")
    parser.add_argument("--write", action="store_true", help=f"replace the figures in {DOC}")
    args = parser.parse_args()
    first_seed = args.seed if args.seed is not None else random.randrange(10**6)
    logging.getLogger("warcio").setLevel(logging.CRITICAL)
    rows, failures = [], 0
    for name, (target, strategy) in TARGETS.items():
        if args.target and name not in args.target:
            continue
        print(f"fuzzing {name} for {args.seconds:.0f} s (first seed {first_seed})", file=sys.stderr,
              flush=True)
        started = time.monotonic()
        try:
            run = fuzz(name, target, strategy, args.seconds, first_seed=first_seed, watchdog=120)
            outcome = "no failure"
            executions, seconds = run.executions, run.seconds
        except Exception:  # noqa: BLE001  (a finding: report it and go on)
            traceback.print_exc()
            failures += 1
            outcome, executions, seconds = "FAILED (see traceback)", -1, time.monotonic() - started
        rows.append(f"| `{name}` | {seconds:.0f} s | {executions:,} | {executions / seconds:,.0f} | "
                    f"{outcome} |")
    section = (f"{BEGIN}\nFirst seed {first_seed}, {time.strftime('%Y-%m-%d')}:\n\n"
               "| target | time | executions | per second | outcome |\n|---|---|---|---|---|\n"
               + "\n".join(rows) + f"\n{END}")
    print(section)
    if args.write:
        replace_section(DOC, BEGIN, END, section)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
