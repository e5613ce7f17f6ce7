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
from accord.analysis.load import RECORD_COLUMNS, EventMention, event_mention, in_batches
from accord.analysis.timeline import PeriodCount
from accord.store.db import Store

REFRESH_BATCH = 500  # buckets per transaction: a crash loses at most one batch of work, never consistency


@dataclass(frozen=True)
class Bucket:
    """One unit of the merge: a pair, an event type and a year ("" for the undated rest)."""

    pair_key: str
    type: str
    bucket: str


def dirty_buckets(conn: sqlite3.Connection, limit: int | None = None) -> list[Bucket]:
    """Buckets whose events changed since they were last merged."""
    sql = "SELECT pair_key, type, bucket FROM canonical_dirty"
    rows = conn.execute(sql + " LIMIT ?", (limit,)) if limit else conn.execute(sql)
    return [Bucket(*row) for row in rows]


def dirty_count(conn: sqlite3.Connection) -> int:
    """How many buckets wait for a re-merge."""
    return conn.execute("SELECT count(*) FROM canonical_dirty").fetchone()[0]


def settled(conn: sqlite3.Connection, pair_key: str) -> bool:
    """Whether the stored canonical events of the pair are up to date."""
    return conn.execute("SELECT 1 FROM canonical_dirty WHERE pair_key = ? LIMIT 1", (pair_key,)).fetchone() is None


def refresh_canonical(store: Store, progress: Callable[[int], None] | None = None) -> int:
    """Re-merge every dirty bucket, one transaction per REFRESH_BATCH buckets; return how many.
    `progress(done)` is called after each batch."""
    done = 0
    while batch := dirty_buckets(store.conn, REFRESH_BATCH):
        with store.transaction() as conn:
            years: set[tuple[str, str]] = set()
            # An undated bucket goes after the years: its reports that name a day are linked to
            # the dated events just merged (canonical.link_undated), whose re-merge drops the links;
            # so a re-merged year also marks its type and pair's undated bucket, when it has one.
            for bucket in batch:
                if bucket.bucket:
                    _remerge(conn, bucket)
                    years.add((bucket.pair_key, bucket.bucket))
            for bucket in batch:
                if not bucket.bucket:
                    _remerge(conn, bucket)
            waiting = {(b.pair_key, b.type) for b in batch if b.bucket} - {(b.pair_key, b.type) for b in batch if not b.bucket}
            for pair_key, kind in sorted(waiting):
                conn.execute("INSERT OR IGNORE INTO canonical_dirty(pair_key, type, bucket) SELECT ?, ?, ''"
                             " WHERE EXISTS (SELECT 1 FROM events WHERE pair_key = ? AND type = ? AND date IS NULL"
                             " AND negated = 0)", (pair_key, kind, pair_key, kind))
            for pair_key, year in years:
                _recount_periods(conn, pair_key, year)
            conn.executemany("DELETE FROM canonical_dirty WHERE pair_key = ? AND type = ? AND bucket = ?",
                             [(b.pair_key, b.type, b.bucket) for b in batch])
        done += len(batch)
        if progress:
            progress(done)
    return done


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


def _remerge(conn: sqlite3.Connection, bucket: Bucket) -> None:
    where = "pair_key = ? AND type = ? AND bucket = ?"
    key = (bucket.pair_key, bucket.type, bucket.bucket)
    conn.execute(f"DELETE FROM canonical_mentions WHERE canonical_id IN (SELECT id FROM canonical_events WHERE {where})", key)
    conn.execute(f"DELETE FROM canonical_events WHERE {where}", key)
    mentions = bucket_mentions(conn, bucket)
    # Undated mentions linked elsewhere by an earlier merge (to a dated event of another bucket)
    # come off it here: a year re-merge takes back a document's report that moved into its year.
    _unlink(conn, [m.mention.id for m in mentions if not m.date])
    for event in merge_bucket(mentions):
        if not bucket.bucket and (target := _dated_target(conn, bucket, event)) is not None:
            _link(conn, target, [m.mention.id for m in event.mentions])
            continue
        cursor = conn.execute(
            "INSERT INTO canonical_events(pair_key, type, bucket, date, precision, cameo, source, target,"
            " location, goldstein, quad_class, mentions, first_mention) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (*key, event.date, event.precision, event.cameo, event.source, event.target, event.location,
             event.goldstein, event.quad_class, len(event.mentions), event.mentions[0].mention.id))
        # OR REPLACE: an event id freed by a deleted document and taken again may still be
        # linked from a bucket that is re-merged later in this refresh.
        conn.executemany("INSERT OR REPLACE INTO canonical_mentions(event_id, canonical_id) VALUES (?, ?)",
                         [(m.mention.id, cursor.lastrowid) for m in event.mentions])


def _unlink(conn: sqlite3.Connection, event_ids: list[int]) -> None:
    """Take undated mentions off the dated events they were linked to by an earlier merge."""
    for batch, marks in in_batches(event_ids):
        targets = [row[0] for row in conn.execute(
            f"SELECT DISTINCT canonical_id FROM canonical_mentions WHERE event_id IN ({marks})", batch)]
        conn.execute(f"DELETE FROM canonical_mentions WHERE event_id IN ({marks})", batch)
        _recount_mentions(conn, targets)


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
