"""Canonical events kept in the store, re-merged bucket by bucket as documents come and go.

Merging every mention of a pair at each query grows with the pair (a pair with 390,000
mentions takes minutes). Since mentions of different buckets (type, pair, year: see
`canonical.merge_events`) are never merged, the store keeps the merged events: triggers on
`events` (migration 008) mark the buckets an ingest touches in `canonical_dirty`, and
`refresh_canonical` re-merges exactly those with the same `merge_bucket` the in-memory path
uses, so both give the same events. `canonical_periods` holds the index per pair and month.

Reading (`settled`, `timeline_page`, `period_rows`) is plain SQL over indexes:
a page of a pair's timeline, or its index, in milliseconds at millions of events. A pair with
buckets still dirty (an ingest running, or one that stopped before its refresh) is read by
merging in memory instead (analysis/views.py), so an answer is never stale.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from accord.analysis.canonical import (CanonicalEvent, event_bucket, event_named_day, link_key, merge_bucket,
                                      mention_order)
from accord.analysis.load import RECORD_COLUMNS, EventMention, event_mention
from accord.analysis.timeline import PeriodCount
from accord.store import canonical as canonical_store
from accord.store.canonical import Bucket, MergedEvent
from accord.store.db import Store
from accord.store.queries import in_batches

REFRESH_BATCH = 500  # buckets per transaction: a crash loses at most one batch of work, never consistency


def dirty_buckets(conn: sqlite3.Connection, limit: int | None = None) -> list[Bucket]:
    """Buckets whose events changed since they were last merged."""
    return canonical_store.dirty_buckets(conn, limit)


def dirty_count(conn: sqlite3.Connection) -> int:
    """How many buckets wait for a re-merge."""
    return canonical_store.dirty_count(conn)


def settled(conn: sqlite3.Connection, pair_key: str) -> bool:
    """Whether the stored canonical events of the pair are up to date."""
    return conn.execute("SELECT 1 FROM canonical_dirty WHERE pair_key = ? LIMIT 1", (pair_key,)).fetchone() is None


def refresh_canonical(store: Store, progress: Callable[[int], None] | None = None) -> int:
    """Re-merge every dirty bucket, one transaction per REFRESH_BATCH buckets; return how many.
    `progress(done)` is called after each batch."""
    done = 0
    while batch := store.dirty_buckets(REFRESH_BATCH):
        store.merge_buckets(batch, merged_events)
        done += len(batch)
        if progress:
            progress(done)
    return done


def merged_events(conn: sqlite3.Connection, bucket: Bucket) -> list[MergedEvent]:
    """The canonical events of one bucket, as the store keeps them. An undated event that names
    the day of one stored dated event of the same act is linked to it (`link_undated`)."""
    merged = []
    for event in merge_bucket(bucket_mentions(conn, bucket)):
        target = _dated_target(conn, bucket, event) if not bucket.bucket else None
        merged.append(MergedEvent(event.date, event.precision, event.cameo, event.source, event.target,
                                  event.location, event.goldstein, event.quad_class,
                                  tuple(m.mention.id for m in event.mentions), target))
    return merged


def bucket_mentions(conn: sqlite3.Connection, bucket: Bucket) -> list[EventMention]:
    """The non-negated mentions that belong to a bucket, in id order: for a year, its dated
    mentions and the undated ones of documents dating mentions of the type and pair in it and
    in no other year; for "", the other undated mentions."""
    base = (f"SELECT {RECORD_COLUMNS} FROM events r JOIN documents d ON d.id = r.doc_id"
            " WHERE r.pair_key = ? AND r.type = ? AND r.negated = 0")
    key = (bucket.pair_key, bucket.type)
    if bucket.bucket:
        year = (bucket.bucket, bucket.bucket + "~")
        dated = [event_mention(r) for r in conn.execute(base + " AND r.date >= ? AND r.date < ?", (*key, *year))]
        undated = [event_mention(r) for r in conn.execute(
            base + " AND r.date IS NULL AND r.doc_id IN (SELECT doc_id FROM events WHERE pair_key = ?"
            " AND type = ? AND negated = 0 AND date >= ? AND date < ?)", (*key, *key, *year))]
    else:
        dated = []
        undated = [event_mention(r) for r in conn.execute(base + " AND r.date IS NULL", key)]
    years = _document_years(conn, bucket, sorted({m.mention.doc_id for m in undated}))
    undated = [m for m in undated if event_bucket(m, years.get(m.mention.doc_id, set())) == bucket.bucket]
    return sorted(dated + undated, key=lambda m: m.mention.id)


def _document_years(conn: sqlite3.Connection, bucket: Bucket, doc_ids: list[str]) -> dict[str, set[str]]:
    """The years in which each document dates mentions of the bucket's type and pair."""
    years: dict[str, set[str]] = {}
    for batch, marks in in_batches(doc_ids):
        rows = conn.execute(
            "SELECT DISTINCT doc_id, substr(date, 1, 4) FROM events INDEXED BY events_doc WHERE pair_key = ? AND type = ?"
            f" AND negated = 0 AND date IS NOT NULL AND doc_id IN ({marks})", (bucket.pair_key, bucket.type, *batch))
        for doc_id, year in rows:
            years.setdefault(doc_id, set()).add(year)
    return years


def _dated_target(conn: sqlite3.Connection, bucket: Bucket, event: CanonicalEvent) -> int | None:
    """The stored dated event an undated one joins by the day it names, as `link_undated` decides."""
    day = event_named_day(event)
    if day is None:
        return None
    rows = conn.execute(
        f"SELECT c.id, {RECORD_COLUMNS} FROM canonical_events c JOIN events r ON r.id = c.first_mention"
        " JOIN documents d ON d.id = r.doc_id WHERE c.pair_key = ? AND c.type = ? AND c.precision = 'day'"
        " AND substr(c.date, 6, 5) = ?", (bucket.pair_key, bucket.type, day)).fetchall()
    wanted = link_key(event)
    found = [row[0] for row in rows if (row["type"], tuple(sorted(c for c in (row["source"], row["target"]) if c)),
                                        *_act(row)) == wanted]
    return found[0] if len(found) == 1 else None


def _act(row: sqlite3.Row) -> tuple:
    from accord.analysis.identity import act_key
    return act_key(event_mention(row))


# -- reading ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TimelineWindow:
    """Which canonical events of a pair a timeline shows: a date range (prefix-compared, as
    `timeline.timeline` does) and a page."""

    pair_key: str
    date_from: str | None = None
    date_to: str | None = None
    limit: int | None = None
    offset: int = 0


def timeline_page(conn: sqlite3.Connection, window: TimelineWindow) -> list[CanonicalEvent]:
    """The pair's stored canonical events in timeline order within the window, with mentions."""
    rows = _dated_rows(conn, window)
    if not (window.date_from or window.date_to) and (window.limit is None or len(rows) < window.limit):
        rows += _undated_rows(conn, window, len(rows))
    mentions = _mentions_of(conn, [row["id"] for row in rows])
    return [CanonicalEvent(row["type"], row["cameo"], row["source"], row["target"], row["date"],
                           row["precision"], row["location"], row["goldstein"], row["quad_class"],
                           sorted(mentions.get(row["id"], []), key=mention_order))
            for row in rows]


def _dated_rows(conn: sqlite3.Connection, window: TimelineWindow) -> list[sqlite3.Row]:
    # Dated and undated events are read apart: ORDER BY (date IS NULL) first would sort every
    # event of the pair; by (date, type, first_mention) the index gives the page in order.
    clauses, params = ["pair_key = ?", "date IS NOT NULL"], [window.pair_key]
    if window.date_from:  # the first comparison lets the index skip; the second is the exact rule
        clauses.append("date >= ? AND substr(date, 1, length(?)) >= substr(?, 1, length(date))")
        params += [window.date_from[:4], window.date_from, window.date_from]
    if window.date_to:
        clauses.append("date < ? AND substr(date, 1, length(?)) <= substr(?, 1, length(date))")
        params += [window.date_to[:4] + "~", window.date_to, window.date_to]
    return conn.execute(
        f"SELECT * FROM canonical_events WHERE {' AND '.join(clauses)} ORDER BY date, type, first_mention"
        " LIMIT ? OFFSET ?", (*params, _limit(window.limit), window.offset)).fetchall()


def _undated_rows(conn: sqlite3.Connection, window: TimelineWindow, dated_shown: int) -> list[sqlite3.Row]:
    """Undated events, which come after every dated one, for what is left of the page."""
    if dated_shown:
        offset = 0
    else:
        dated = conn.execute("SELECT count(*) FROM canonical_events WHERE pair_key = ? AND date IS NOT NULL",
                             (window.pair_key,)).fetchone()[0]
        offset = max(0, window.offset - dated)
    left = None if window.limit is None else window.limit - dated_shown
    return conn.execute(
        "SELECT * FROM canonical_events WHERE pair_key = ? AND date IS NULL ORDER BY type, first_mention"
        " LIMIT ? OFFSET ?", (window.pair_key, _limit(left), offset)).fetchall()


def _limit(limit: int | None) -> int:
    return -1 if limit is None else limit


def _mentions_of(conn: sqlite3.Connection, canonical_ids: list[int]) -> dict[int, list[EventMention]]:
    found: dict[int, list[EventMention]] = {}
    for batch, marks in in_batches(canonical_ids):
        rows = conn.execute(
            f"SELECT c.canonical_id, {RECORD_COLUMNS} FROM canonical_mentions c"
            f" JOIN events r ON r.id = c.event_id JOIN documents d ON d.id = r.doc_id WHERE c.canonical_id IN ({marks})",
            batch)
        for row in rows:
            found.setdefault(row["canonical_id"], []).append(event_mention(row))
    return found


def period_rows(conn: sqlite3.Connection, pair_key: str) -> list[PeriodCount]:
    """The pair's stored index counts, per month (per year for events dated only to the year)."""
    return [PeriodCount(*row) for row in conn.execute(
        "SELECT period, events, goldstein_sum, cooperative FROM canonical_periods WHERE pair_key = ?"
        " ORDER BY period", (pair_key,))]
