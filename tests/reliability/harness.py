"""Run one hostile input through accord with a time bound, and judge how it ended.

Three ways in, all bounded: `run_in_process` forks a child that calls
`accord.engine.ingest_paths`; `run_cli` forks a child that runs the command line
(`accord.cli.main`) on `accord --db DB ingest --json INPUT`; `run_cli_subprocess` runs a
real `accord` process (optionally reading stdin). The parent has already loaded the
language model, so a forked child starts at once. A child still running at the bound is
killed and reported as a hang.

`violations` lists what is wrong with an outcome: a crash, a hang, a traceback, an
internal error, a rejection without a one-line reason naming its input, a good input
not stored, a store that does not match the report, or a failed kind-specific check.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from reliability.hostile import Kind

TIME_BOUND = float(os.environ.get("ACCORD_HOSTILE_SECONDS", "90"))  # per input; a hang, not a speed test
CLI = [sys.executable, "-c", "from accord.cli import main; main()"]


@dataclass
class Outcome:
    """How one input ended."""

    status: str  # "finished" | "hang" | "crash"
    added: int = 0
    duplicates: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)
    error: str = ""  # traceback or stderr of a crash
    exit_code: int | None = None
    seconds: float = 0.0
    store: Path | None = None
    spec: Path | None = None  # the input as given to accord

    def summary(self) -> str:
        """How it ended, for the report table."""
        if self.status != "finished":
            return self.status
        parts = []
        if self.added or self.duplicates or self.unchanged:
            parts.append(f"stored {self.added}")
        if self.rejected:
            parts.append(f"rejected {len(self.rejected)}")
        return ", ".join(parts) or "nothing read"


def preload() -> None:
    """Load the command line, readers, language model and gazetteer once, so forked children
    share them."""
    import accord.cli  # noqa: F401  (the command line and everything it imports)
    from accord.extract.pipeline import extract_document

    extract_document("preload", "Kenya and Uganda signed an agreement in Nairobi on Monday.", None)


def _child(spec: str, db: str, max_mb: float | None, conn) -> None:
    try:
        from accord.engine import IngestOptions, ingest_paths
        from accord.ingest.sources import SourceOptions
        from accord.store.db import open_store

        options = IngestOptions(sources=SourceOptions(max_bytes=int(max_mb * 2**20))) if max_mb \
            else IngestOptions()
        with open_store(db) as store:
            report = ingest_paths([spec], store, options)
        conn.send(("ok", report.as_json()))
    except BaseException:  # noqa: BLE001  (the point is to report anything at all)
        conn.send(("crash", traceback.format_exc()))
    finally:
        conn.close()


def run_in_process(kind: Kind, folder: Path, bound: float = TIME_BOUND) -> Outcome:
    """Ingest the kind's input through `ingest_paths` in a forked child, bounded in time."""
    folder.mkdir(parents=True, exist_ok=True)
    spec = kind.write(folder)
    db = folder / "store.db"
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(str(spec), str(db), kind.max_mb, send))
    started = time.monotonic()
    child.start()
    send.close()
    try:
        message = receive.recv() if receive.poll(bound) else None
    except EOFError:  # the child died without a word (a signal, a fault in C code)
        message = None
    child.join(5)
    seconds = time.monotonic() - started
    if child.is_alive():
        child.kill()
        child.join()
    if message is None:
        reason = "hang" if child.exitcode in (None, -9) else "crash"
        return Outcome(reason, error=f"child exit code {child.exitcode}", seconds=seconds, store=db,
                       spec=spec)
    status, payload = message
    if status == "crash":
        return Outcome("crash", error=payload, seconds=seconds, store=db, spec=spec)
    return Outcome("finished", payload["documents_added"], payload["duplicates"],
                   payload["unchanged"], payload["rejected"], seconds=seconds, store=db, spec=spec)


def _cli_child(args: list[str], out: Path, err: Path) -> int:
    """Run `accord ARGS` in this (forked) process with stdout and stderr going to files."""
    code = 0
    with open(out, "w") as stdout, open(err, "w") as stderr:
        sys.stdout, sys.stderr = stdout, stderr
        sys.argv = ["accord", *args]
        try:
            from accord.cli import main
            main()
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        except BaseException:  # noqa: BLE001  (an escaped exception is what we look for)
            traceback.print_exc()
            code = 70
        stdout.flush()
        stderr.flush()
    return code


def run_cli(kind: Kind, folder: Path, bound: float = TIME_BOUND) -> Outcome:
    """Ingest the kind's input through the command line (`accord.cli.main` with the arguments of
    `accord --db DB ingest --json INPUT`) in a forked child, bounded in time."""
    folder.mkdir(parents=True, exist_ok=True)
    spec = kind.write(folder)
    db = folder / "cli.db"
    args = ["--db", str(db), "ingest", "--json", str(spec)]
    if kind.max_mb:
        args += ["--max-mb", str(kind.max_mb)]
    out, err = folder / "cli.out", folder / "cli.err"
    sys.stdout.flush()
    sys.stderr.flush()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child never returns into the test runner
        code = 70
        try:
            code = _cli_child(args, out, err)
        finally:
            os._exit(code)
    status = None
    while time.monotonic() - started < bound:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.02)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return Outcome("hang", seconds=time.monotonic() - started, store=db, spec=spec)
    seconds = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    return _cli_outcome(out.read_bytes(), err.read_text(errors="replace"), code, seconds, db, spec)


def run_cli_subprocess(kind: Kind, folder: Path, bound: float = TIME_BOUND,
                       stdin: bool = False) -> Outcome:
    """The same through a real `accord` process; with `stdin`, the input is piped to `ingest -`."""
    folder.mkdir(parents=True, exist_ok=True)
    spec = kind.write(folder)
    db = folder / "process.db"
    args = [*CLI, "--db", str(db), "ingest", "--json", "-" if stdin else str(spec)]
    if kind.max_mb:
        args += ["--max-mb", str(kind.max_mb)]
    started = time.monotonic()
    try:
        done = subprocess.run(args, input=spec.read_bytes() if stdin else b"",
                              capture_output=True, timeout=bound)
    except subprocess.TimeoutExpired:
        return Outcome("hang", seconds=time.monotonic() - started, store=db, spec=spec)
    return _cli_outcome(done.stdout, done.stderr.decode(errors="replace"), done.returncode,
                        time.monotonic() - started, db, Path("<stdin>") if stdin else spec)


def _cli_outcome(stdout: bytes, stderr: str, code: int, seconds: float, db: Path,
                 spec: Path) -> Outcome:
    """Read the JSON report `accord ingest --json` printed."""
    try:
        report = json.loads(stdout)
    except ValueError:
        return Outcome("crash", error=stderr[-3000:] or stdout.decode(errors="replace")[-3000:],
                       exit_code=code, seconds=seconds, store=db, spec=spec)
    outcome = Outcome("finished", report["documents_added"], report["duplicates"],
                      report["unchanged"], report["rejected"], exit_code=code, seconds=seconds,
                      store=db, spec=spec)
    if "Traceback" in stderr:
        outcome.error = stderr[-3000:]
    return outcome


def violations(kind: Kind, outcome: Outcome) -> list[str]:
    """Everything wrong with how the input ended (empty when all is well)."""
    spec = outcome.spec if outcome.spec is not None else Path("<stdin>")
    if outcome.status != "finished":
        return [f"{outcome.status} after {outcome.seconds:.1f}s: {outcome.error[-2000:]}"]
    problems = []
    if outcome.error:
        problems.append(f"traceback printed: {outcome.error}")
    if outcome.exit_code is not None and outcome.exit_code != (1 if outcome.rejected else 0):
        problems.append(f"exit code {outcome.exit_code} with {len(outcome.rejected)} rejections")
    for rejection in outcome.rejected:
        origin, reason = rejection["origin"], rejection["reason"]
        if not reason.strip() or "\n" in reason or "\r" in reason:
            problems.append(f"rejection without a one-line reason: {rejection!r}")
        if not origin.startswith(str(spec)):
            problems.append(f"rejection does not name the input {str(spec)!r}: {rejection!r}")
        if "internal error" in reason:
            problems.append(f"a bug caught by the safety net: {rejection!r}")
        if kind.expect_reason and kind.expect_reason.lower() not in reason.lower():
            problems.append(f"reason does not say {kind.expect_reason!r}: {rejection!r}")
    stored = outcome.added + outcome.duplicates + outcome.unchanged
    if kind.expect == "stored" and (outcome.added < kind.stored_at_least or outcome.rejected):
        problems.append(f"good input not stored whole: {outcome.summary()} {outcome.rejected!r}")
    if kind.expect == "rejected" and (stored or not outcome.rejected):
        problems.append(f"bad input not rejected: {outcome.summary()}")
    if kind.expect == "partial" and (outcome.added < kind.stored_at_least or not outcome.rejected):
        problems.append(f"expected the good part stored and the rest rejected: {outcome.summary()}")
    problems += _store_problems(kind, outcome)
    return problems


def _store_problems(kind: Kind, outcome: Outcome) -> list[str]:
    """The store must hold what the report says, intact, and pass the kind's own check."""
    if outcome.store is None or not outcome.store.exists():
        return ["no store was created"]
    problems = []
    conn = sqlite3.connect(outcome.store)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("store integrity check failed")
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        if documents != outcome.added + outcome.duplicates - _exact_duplicates(conn):
            problems.append(f"store holds {documents} documents, report says {outcome.added} added")
        recorded = {tuple(row) for row in conn.execute("SELECT origin, reason FROM rejected")}
        reported = {(r["origin"], r["reason"]) for r in outcome.rejected}
        if recorded != reported:
            problems.append(f"rejections recorded {sorted(recorded)} differ from reported {sorted(reported)}")
        missing_runs = conn.execute(
            "SELECT count(*) FROM documents d LEFT JOIN extraction_runs r ON r.doc_id = d.id "
            "WHERE d.duplicate_of IS NULL AND r.doc_id IS NULL").fetchone()[0]
        if missing_runs:
            problems.append(f"{missing_runs} stored documents were never extracted")
        if kind.check:
            try:
                kind.check(conn)
            except AssertionError as error:
                problems.append(f"check {kind.check.__name__} failed: {error}")
    finally:
        conn.close()
    return problems


def _exact_duplicates(conn: sqlite3.Connection) -> int:
    """Reported duplicates that are extra origins of a stored document, not rows of their own."""
    return (conn.execute("SELECT count(*) FROM document_origins").fetchone()[0]
            - conn.execute("SELECT count(*) FROM documents").fetchone()[0])
