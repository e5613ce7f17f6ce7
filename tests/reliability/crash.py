"""Kill `accord ingest` with SIGKILL at random points and check what the store holds.

`write_corpus` writes a few hundred invented articles (text files with header blocks, a
JSON Lines file, HTML pages, a WARC, exact repeats and a few bad files). `run_trials`
ingests them again and again into one store, killing each run after a random delay
(a fixed seed), checks the store after every kill (`store_problems`), and finally lets a
run finish; `snapshot` of that store must equal the snapshot of an uninterrupted run.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from accord.ingest.dedup import BANDS
from accord.store.migrations import MIGRATIONS
from reliability.articles import make_articles
from reliability.hostile import warc

CLI = [sys.executable, "-c", "from accord.cli import main; main()"]
RUN_BOUND = 600.0  # seconds for one complete ingest run; a hang, not a speed test


def write_corpus(folder: Path, count: int = 240, seed: int = 11) -> Path:
    """`count` articles in several formats under `folder`, plus repeats and bad files."""
    articles = make_articles(count, seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts, jsonl, pages, archived = (articles[: count * 6 // 10], articles[count * 6 // 10: count * 8 // 10],
                                     articles[count * 8 // 10: count * 9 // 10], articles[count * 9 // 10:])
    for index, article in enumerate(texts):
        sub = folder / "text" / f"batch{index % 4}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{article.key}.txt").write_text(article.as_text())
    (folder / "feed.jsonl").write_text("\n".join(a.as_json_line() for a in jsonl) + "\n")
    (folder / "html").mkdir(exist_ok=True)
    for article in pages:
        (folder / "html" / f"{article.key}.html").write_text(article.as_html())
    (folder / "crawl.warc").write_bytes(
        warc([(a.url, a.as_html().encode(), "text/html; charset=utf-8") for a in archived]))
    # The same article under other names: exact duplicates, stored once with several origins.
    repeats = folder / "repeats"
    repeats.mkdir(exist_ok=True)
    for article in texts[:6]:
        (repeats / f"copy-of-{article.key}.txt").write_text(article.as_text())
    # Republished with a correction line: near duplicates, linked to the first and not extracted.
    for article in texts[6:10]:
        (repeats / f"updated-{article.key}.txt").write_text(
            article.as_text() + "\nThis article was corrected to give the minister's full title.\n")
    bad = folder / "bad"
    bad.mkdir(exist_ok=True)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "junk.bin").write_bytes(random.Random(seed).randbytes(3000))
    (bad / "broken.jsonl").write_text('{"text": "cut off\n[1, 2]\n')
    return folder


def ingest_command(db: Path, corpus: Path, workers: int = 0) -> list[str]:
    return [*CLI, "--db", str(db), "ingest", "--quiet", "--json", "--workers", str(workers), str(corpus)]


def run_to_completion(db: Path, corpus: Path, log: Path, workers: int = 0) -> int:
    """One uninterrupted ingest run; its exit code (1: the bad files were rejected)."""
    with open(log, "ab") as errors:
        return subprocess.run(ingest_command(db, corpus, workers), stdout=subprocess.DEVNULL,
                              stderr=errors, timeout=RUN_BOUND).returncode


def _record_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table (other than documents) whose rows belong to a document."""
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'documents'"
        " AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    return [name for name in names
            if any(col[1] == "doc_id" for col in conn.execute(f"PRAGMA table_info({name})"))]


def snapshot(db: Path) -> dict:
    """What an ingest run leaves: row counts of every table, the documents and their links."""
    conn = sqlite3.connect(db)
    try:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
            " AND name NOT LIKE '%trigram%' AND name NOT LIKE 'sqlite_%'")]
        counts = {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in tables}
        counts["documents_fts"] = conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
        documents = sorted(tuple(row) for row in conn.execute("SELECT id, duplicate_of FROM documents"))
        per_document = {
            table: sorted(tuple(row) for row in conn.execute(
                f"SELECT doc_id, count(*) FROM {table} GROUP BY doc_id"))
            for table in _record_tables(conn)}
        rejected = sorted(tuple(row) for row in conn.execute("SELECT origin, reason FROM rejected"))
    finally:
        conn.close()
    return {"counts": counts, "documents": documents, "per_document": per_document,
            "rejected": rejected}


def store_problems(db: Path) -> list[str]:
    """Everything that says the store is damaged or holds half a document."""
    if not db.exists():
        return []  # killed before the store was created: nothing to damage
    problems = []
    conn = sqlite3.connect(db)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            problems.append(f"integrity_check: {check[:5]}")
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            problems.append(f"foreign_key_check: {foreign[:5]}")
        applied = [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY rowid")] \
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_migrations'").fetchone() else []
        if applied != [name for name, _ in MIGRATIONS[:len(applied)]]:
            problems.append(f"migrations applied out of order or in part: {applied}")
        if "001_documents" not in applied:
            return problems  # killed while creating the schema: nothing else to check yet
        for table in _record_tables(conn):
            orphans = conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN "
                                   "(SELECT id FROM documents)").fetchone()[0]
            if orphans:
                problems.append(f"{orphans} rows of {table} without their document")
        problems += _half_stored(conn, applied)
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as error:
        problems.append(f"store unreadable: {error}")
    finally:
        conn.close()
    return problems


def _half_stored(conn: sqlite3.Connection, applied: list[str]) -> list[str]:
    problems = []
    checks = {
        "documents without an origin":
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM document_origins o WHERE o.doc_id = d.id)",
        "documents without paragraphs":
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM paragraphs p WHERE p.doc_id = d.id)",
        f"documents without their {BANDS} MinHash bands":
            f"SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM minhash_bands b "
            f"WHERE b.doc_id = d.id) != {BANDS}",
    }
    if "003_extraction" in applied:
        checks["canonical documents without their extraction_runs row"] = (
            "SELECT count(*) FROM documents d WHERE d.duplicate_of IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM extraction_runs r WHERE r.doc_id = d.id)")
        checks["near duplicates with records of their own"] = (
            "SELECT count(*) FROM documents d WHERE d.duplicate_of IS NOT NULL AND EXISTS "
            "(SELECT 1 FROM extraction_runs r WHERE r.doc_id = d.id)")
    for what, query in checks.items():
        count = conn.execute(query).fetchone()[0]
        if count:
            problems.append(f"{count} {what}")
    canonical = {row[0] for row in conn.execute("SELECT seq FROM documents WHERE duplicate_of IS NULL")}
    indexed = {row[0] for row in conn.execute("SELECT rowid FROM documents_fts")}
    if canonical != indexed:
        problems.append(f"full-text index out of step: {len(canonical - indexed)} documents "
                        f"missing, {len(indexed - canonical)} rows without a document")
    return problems


@dataclass
class Trial:
    """One run of `accord ingest`, killed (or, rarely, finished before the kill)."""

    number: int
    mode: str  # "start-up", "documents" or "statement"
    kill_at: str  # what the kill waited for: a start-up delay, N more documents, a SQL statement
    killed: bool
    documents_before: int
    documents_after: int
    seconds: float
    problems: list[str] = field(default_factory=list)


def _documents(db: Path) -> int:
    """Documents stored so far (0 while the store or its schema does not exist yet)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return 0


STATEMENTS_PER_DOCUMENT = 57  # SQL statements an ingest runs per new document (measured)
STATEMENT_KILLER = Path(__file__).with_name("sigkill_at_statement.py")


def run_trials(db: Path, corpus: Path, trials: int, seed: int, total: int, log: Path,
               startup_share: float = 0.2, workers: int = 0) -> list[Trial]:
    """Start `accord ingest` and SIGKILL it at a random point, `trials` times into one store.

    A random point is one of:

    * a moment of start-up (imports, opening and migrating the store, the first articles):
      a delay drawn from the first two seconds;
    * the moment a random number of further documents has been stored, plus a random
      fraction of a second, so that the kill falls inside the next article's processing;
    * a random SQL statement: the process kills itself as SQLite starts it
      (sigkill_at_statement.py), which lands inside a write transaction most of the time.

    Points are counted in documents and statements rather than seconds so that they spread
    over the whole corpus of `total` documents on a fast or a slow machine alike. After
    every kill the store is checked. With `workers`, the ingest runs a pool of worker
    processes and the kill takes the whole process group, as a power cut or the OOM killer
    of a container would.
    """
    rng = random.Random(seed)
    step = max(2, int(1.6 * total / max(1, trials)))
    results = []
    for number in range(1, trials + 1):
        before = _documents(db)
        # (With workers, the statement killer would be imported again by every worker process
        # the forkserver starts, and kill the workers rather than the writer.)
        mode = "start-up" if rng.random() < startup_share or before >= total else \
            rng.choice(["documents"] if workers else ["documents", "statement"])
        more = rng.randint(1, step)
        extra = rng.uniform(0.0, 0.4)
        delay = rng.uniform(0.05, 2.0)
        # A run first re-reads what is stored (about 6 statements per document), then adds more.
        statement = 20 + 6 * before + rng.randint(1, step * STATEMENTS_PER_DOCUMENT)
        started = time.monotonic()
        command = ingest_command(db, corpus, workers)
        if mode == "statement":
            command = [sys.executable, str(STATEMENT_KILLER), str(statement), *command[3:]]
        with open(log, "ab") as errors:
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors,
                                       start_new_session=bool(workers))
            if mode == "statement":
                try:
                    process.wait(timeout=RUN_BOUND)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
                killed = process.returncode == -signal.SIGKILL
                if workers:
                    _kill_group(process)  # the pool, which the statement killer's SIGKILL left behind
            else:
                killed = _kill_when(process, db, delay if mode == "start-up" else None,
                                    before + more, extra, group=bool(workers))
        problems = store_problems(db)
        if not killed and process.returncode not in (0, 1):
            problems.append(f"run ended by itself with exit code {process.returncode}")
        point = {"start-up": f"start-up, {delay:.2f} s", "documents": f"+{more} documents",
                 "statement": f"SQL statement {statement}"}[mode]
        results.append(Trial(number, mode, point, killed, before, _documents(db),
                             time.monotonic() - started, problems))
    return results


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _kill_when(process: subprocess.Popen, db: Path, delay: float | None, documents: int,
               extra: float, group: bool = False) -> bool:
    """SIGKILL the process after `delay` seconds, or once the store holds `documents`
    documents (and `extra` seconds more); False when it ended by itself first."""
    started = time.monotonic()
    while process.poll() is None:
        elapsed = time.monotonic() - started
        if elapsed > RUN_BOUND:
            break
        if delay is not None and elapsed >= delay:
            break
        if delay is None and _documents(db) >= documents:
            time.sleep(extra)
            break
        time.sleep(0.02)
    if process.poll() is not None:
        if group:
            _kill_group(process)
        return False
    if group:
        _kill_group(process)
    else:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return True


def timed_baseline(db: Path, corpus: Path, log: Path, workers: int = 0) -> tuple[int, float]:
    """An uninterrupted run into a fresh store: exit code and seconds."""
    started = time.monotonic()
    code = run_to_completion(db, corpus, log, workers)
    return code, time.monotonic() - started



def worker_processes(pid: int) -> list[int]:
    """The pool's worker processes below an `accord ingest --workers N` process: children of
    its forkserver (read from /proc)."""
    parents: dict[int, list[int]] = {}
    commands: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            commands[int(entry.name)] = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(parent, []).append(int(entry.name))
    servers = [child for child in parents.get(pid, []) if "forkserver" in commands.get(child, "")]
    return [worker for server in servers for worker in parents.get(server, [])]


def kill_a_worker_midway(db: Path, corpus: Path, log: Path, documents: int) -> tuple[int, int]:
    """Run `accord ingest --workers 2` and SIGKILL one of its workers once `documents` are
    stored, as the OOM killer would; the run's exit code and how many workers were killed."""
    with open(log, "ab") as errors:
        process = subprocess.Popen(ingest_command(db, corpus, 2), stdout=subprocess.DEVNULL, stderr=errors)
        killed = 0
        started = time.monotonic()
        while process.poll() is None and time.monotonic() - started < RUN_BOUND:
            workers = worker_processes(process.pid)
            if workers and _documents(db) >= documents and not killed:
                os.kill(workers[0], signal.SIGKILL)
                killed += 1
            time.sleep(0.02)
        return process.wait(timeout=RUN_BOUND), killed
