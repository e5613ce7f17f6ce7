"""The stored canonical events: which buckets wait for a re-merge, and writing a bucket's
merged events (the merge itself is analysis/materialize.py and analysis/canonical.py).

Triggers on `events` (migration 008) mark the buckets an ingest touches in `canonical_dirty`;
`write_merged` replaces a bucket's canonical events, its mention links and the index counts
of its year, and clears its mark.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from accord.store.queries import in_batches


@dataclass(frozen=True)
class Bucket:
    """One unit of the merge: a pair, an event type and a year ("" for the undated rest)."""

    pair_key: str
    type: str
    bucket: str


@dataclass(frozen=True)
class MergedEvent:
    """One canonical event as stored: its fields and the ids of its mentions (first = earliest)."""

    date: str | None
    precision: str | None
    cameo: str | None
    source: str | None
    target: str | None
    location: str | None
    goldstein: float | None
    quad_class: int | None
    mention_ids: tuple[int, ...]
    # An undated event that joins a stored dated one (the day it names; analysis/identity.py):
    # its mentions are linked to that canonical event instead of making one of their own.
    link_to: int | None = None


def dirty_buckets(conn: sqlite3.Connection, limit: int | None = None) -> list[Bucket]:
    """Buckets whose events changed since they were last merged (a read-only query)."""
    sql = "SELECT pair_key, type, bucket FROM canonical_dirty"
    rows = conn.execute(sql + " LIMIT ?", (limit,)) if limit else conn.execute(sql)
    return [Bucket(*row) for row in rows]


def dirty_count(conn: sqlite3.Connection) -> int:
    """How many buckets wait for a re-merge (a read-only query)."""
    return conn.execute("SELECT count(*) FROM canonical_dirty").fetchone()[0]


def write_merged(conn: sqlite3.Connection, buckets: list[Bucket],
                 merge: Callable[[Bucket], list[MergedEvent]]) -> None:
    """Re-merge each bucket and replace its canonical events, recount the index of the years
    they touch and clear their marks (inside the caller's transaction).

    Years go first: an undated bucket's reports that name a day are linked to the dated events
    just written. A re-merge of a year drops such links, so it marks its type and pair's
    undated bucket for the next pass when that bucket is not in this batch."""
    years: set[tuple[str, str]] = set()
    for bucket in sorted(buckets, key=lambda b: not b.bucket):
        _replace_bucket(conn, bucket, merge(bucket))
        if bucket.bucket:
            years.add((bucket.pair_key, bucket.bucket))
    waiting = {(b.pair_key, b.type) for b in buckets if b.bucket} - {(b.pair_key, b.type) for b in buckets if not b.bucket}
    for pair_key, kind in sorted(waiting):
        conn.execute("INSERT OR IGNORE INTO canonical_dirty(pair_key, type, bucket) SELECT ?, ?, ''"
                     " WHERE EXISTS (SELECT 1 FROM events WHERE pair_key = ? AND type = ? AND date IS NULL"
                     " AND negated = 0)", (pair_key, kind, pair_key, kind))
    for pair_key, year in years:
        _recount_periods(conn, pair_key, year)
    conn.executemany("DELETE FROM canonical_dirty WHERE pair_key = ? AND type = ? AND bucket = ?",
                     [(b.pair_key, b.type, b.bucket) for b in buckets])


def _replace_bucket(conn: sqlite3.Connection, bucket: Bucket, events: list[MergedEvent]) -> None:
    where = "pair_key = ? AND type = ? AND bucket = ?"
    key = (bucket.pair_key, bucket.type, bucket.bucket)
    conn.execute(f"DELETE FROM canonical_mentions WHERE canonical_id IN (SELECT id FROM canonical_events WHERE {where})", key)
    conn.execute(f"DELETE FROM canonical_events WHERE {where}", key)
    # Mentions linked elsewhere by an earlier merge (an undated report joined to a dated event of
    # another bucket) come off it here: this merge places them again.
    _unlink(conn, [mention_id for event in events for mention_id in event.mention_ids])
    for event in events:
        if event.link_to is not None:
            _link(conn, event.link_to, list(event.mention_ids))
            continue
        cursor = conn.execute(
            "INSERT INTO canonical_events(pair_key, type, bucket, date, precision, cameo, source, target,"
            " location, goldstein, quad_class, mentions, first_mention) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (*key, event.date, event.precision, event.cameo, event.source, event.target, event.location,
             event.goldstein, event.quad_class, len(event.mention_ids), event.mention_ids[0]))
        # OR REPLACE: an event id freed by a deleted document and taken again may still be
        # linked from a bucket that is re-merged later in this refresh.
        conn.executemany("INSERT OR REPLACE INTO canonical_mentions(event_id, canonical_id) VALUES (?, ?)",
                         [(mention_id, cursor.lastrowid) for mention_id in event.mention_ids])


def _unlink(conn: sqlite3.Connection, event_ids: list[int]) -> None:
    """Take mentions off the canonical events they are linked to, recounting those events."""
    for batch, marks in in_batches(event_ids):
        targets = [row[0] for row in conn.execute(
            f"SELECT DISTINCT canonical_id FROM canonical_mentions WHERE event_id IN ({marks})", batch)]
        if targets:
            conn.execute(f"DELETE FROM canonical_mentions WHERE event_id IN ({marks})", batch)
            _recount_mentions(conn, targets)


def _link(conn: sqlite3.Connection, canonical_id: int, event_ids: list[int]) -> None:
    conn.executemany("INSERT OR REPLACE INTO canonical_mentions(event_id, canonical_id) VALUES (?, ?)",
                     [(event_id, canonical_id) for event_id in event_ids])
    _recount_mentions(conn, [canonical_id])


def _recount_mentions(conn: sqlite3.Connection, canonical_ids: list[int]) -> None:
    for batch, marks in in_batches(canonical_ids):
        conn.execute(f"UPDATE canonical_events SET mentions = (SELECT count(*) FROM canonical_mentions m"
                     f" WHERE m.canonical_id = canonical_events.id) WHERE id IN ({marks})", batch)


def _recount_periods(conn: sqlite3.Connection, pair_key: str, year: str) -> None:
    conn.execute("DELETE FROM canonical_periods WHERE pair_key = ? AND period >= ? AND period < ?",
                 (pair_key, year, year + "~"))
    conn.execute(
        "INSERT INTO canonical_periods(pair_key, period, events, goldstein_sum, cooperative)"
        " SELECT pair_key, substr(date, 1, CASE WHEN length(date) >= 7 THEN 7 ELSE 4 END), count(*),"
        " total(coalesce(goldstein, 0)), sum(coalesce(quad_class, 1) <= 2) FROM canonical_events"
        " WHERE pair_key = ? AND date >= ? AND date < ? GROUP BY 2", (pair_key, year, year + "~"))
