"""How every kind of hostile input ends, as a table for docs/RELIABILITY.md.

    .venv/bin/python -m benchmarks.reliability_report           # print the table
    .venv/bin/python -m benchmarks.reliability_report --write   # and put it into the doc

Each kind from tests/reliability/hostile.py is ingested into a fresh store twice, through
`ingest_paths` and through the command line, each in a forked child with the same time
bound as the tests (tests/reliability/harness.py). The table says what was expected, how
each way ended and why anything was refused; a last column lists broken invariants (it
must be empty). Seconds are wall-clock on whatever machine runs this and are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.docsection import replace_section  # noqa: E402
from reliability.harness import TIME_BOUND, preload, run_cli, run_in_process, violations  # noqa: E402
from reliability.hostile import KINDS  # noqa: E402

DOC = ROOT / "docs" / "RELIABILITY.md"
BEGIN, END = "<!-- hostile-table:begin -->", "<!-- hostile-table:end -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _reasons(rejected: list[dict], spec: str) -> str:
    """Distinct reasons, with the input's own path left out of them."""
    reasons = []
    for rejection in rejected:
        reason = rejection["reason"].replace(spec, "INPUT")
        reason = re.sub(r"line \d+: ", "", reason)
        if reason not in reasons:
            reasons.append(reason)
    shown = "; ".join(f"`{r[:120]}`" for r in reasons[:3])
    return shown + (f" (+{len(reasons) - 3} more)" if len(reasons) > 3 else "")


def build_table() -> tuple[str, dict]:
    """The Markdown table and the totals."""
    preload()
    rows = ["| # | kind | input | expected | `ingest_paths` | CLI | reasons given | broken |",
            "|---|---|---|---|---|---|---|---|"]
    totals = {"kinds": len(KINDS), "violations": 0, "slowest": 0.0, "slowest_kind": ""}
    outcomes_seen: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for number, kind in enumerate(KINDS, start=1):
            library = run_in_process(kind, Path(tmp) / "lib" / kind.name)
            cli = run_cli(kind, Path(tmp) / "cli" / kind.name)
            broken = violations(kind, library) + violations(kind, cli)
            if cli.exit_code != (1 if cli.rejected else 0):
                broken.append(f"exit code {cli.exit_code}")
            totals["violations"] += len(broken)
            for outcome in (library, cli):
                if outcome.seconds > totals["slowest"]:
                    totals["slowest"], totals["slowest_kind"] = outcome.seconds, kind.name
            ending = _ending(library)
            outcomes_seen[ending] = outcomes_seen.get(ending, 0) + 1
            rows.append(f"| {number} | `{kind.name}` | {_cell(kind.description)} | {kind.expect} | "
                        f"{library.summary()} | {cli.summary()} (exit {cli.exit_code}) | "
                        f"{_cell(_reasons(library.rejected, str(library.spec)))} | "
                        f"{_cell('; '.join(broken)) or '-'} |")
            print(rows[-1], file=sys.stderr, flush=True)
    totals["endings"] = outcomes_seen
    return "\n".join(rows), totals


def _ending(outcome) -> str:
    if outcome.status != "finished":
        return outcome.status
    stored = outcome.added + outcome.duplicates + outcome.unchanged
    if stored and outcome.rejected:
        return "partly stored, partly rejected"
    if stored:
        return "stored"
    if outcome.rejected:
        return "rejected with a reason"
    return "nothing to read"


def render(table: str, totals: dict) -> str:
    endings = ", ".join(f"{count} {ending}" for ending, count in sorted(totals["endings"].items()))
    return (f"{BEGIN}\n"
            f"{totals['kinds']} kinds, each through `ingest_paths` and through the CLI "
            f"(time bound {TIME_BOUND:.0f} s per input). Endings through `ingest_paths`: {endings}. "
            f"Broken invariants: **{totals['violations']}**. Slowest input: "
            f"`{totals['slowest_kind']}`, {totals['slowest']:.1f} s.\n\n{table}\n{END}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"replace the table in {DOC}")
    args = parser.parse_args()
    table, totals = build_table()
    section = render(table, totals)
    print(section)
    if args.write:
        replace_section(DOC, BEGIN, END, section)


if __name__ == "__main__":
    main()
