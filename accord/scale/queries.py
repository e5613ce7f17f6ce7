"""Per-pair query shapes that stay fast at tens of millions of records (SQLite).

The analysis views (accord/analysis/views.py) load every record of a pair into Python and
merge them there, which is right for a corpus of thousands of articles and grows with the
pair's size. These shapes answer from the indexes of migration 006 and read at most one
page of rows, whatever the size of the store or of the pair:

* `timeline_page`: a pair's events in date order within a range, one page at a time
  (keyset pagination: pass the last row's (date, id) as `after`);
* `period_index`: per-period event counts, Goldstein sum and mean and cooperative share,
  read from `pair_periods` (migration 007: kept by triggers per pair and month);
* `targets`: a pair's numeric targets with the latest reported figure of the same kind and
  unit, from the covering index `facts_pair_target`;
* `search_recent`: the newest documents matching a full-text query, without scoring every match.

They work on event mentions, not on canonical (merged) events: at this scale merging belongs
to the batch step (`accord run --engine dask` writes canonical events as Parquet), not to
each query. benchmarks/queries.py measures both these and the analysis views.
"""

from __future__ import annotations

import re
import sqlite3

from accord.store.records import normalise_pair

_YEAR = re.compile(r"(19|20)\d\d")
_PARTIAL = re.compile(r"\b(first|last|past)\s+\w+\s+(months?|quarters?|weeks?)\b", re.I)


def timeline_page(conn: sqlite3.Connection, pair: str, date_from: str | None = None,
                  date_to: str | None = None, limit: int = 100,
                  after: tuple[str, int] | None = None) -> list[dict]:
    """One page of a pair's dated, non-negated events in (date, id) order, with evidence."""
    clauses, params = ["r.pair_key = ?", "r.negated = 0", "r.date IS NOT NULL"], [normalise_pair(pair)]
    if date_from:
        clauses.append("r.date >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("r.date < ?")
        params.append(_after_prefix(date_to))
    if after:
        clauses.append("(r.date > ? OR (r.date = ? AND r.id > ?))")
        params.extend([after[0], after[0], after[1]])
    rows = conn.execute(
        "SELECT r.id, r.date, r.date_precision, r.type, r.cameo, r.source, r.target, r.goldstein,"
        " r.planned, r.doc_id, r.sentence, r.start, r.end, d.source AS outlet, d.published"
        f" FROM events r JOIN documents d ON d.id = r.doc_id WHERE {' AND '.join(clauses)}"
        " ORDER BY r.date, r.id LIMIT ?", (*params, limit))
    return [dict(row) for row in rows]


def _after_prefix(date_to: str) -> str:
    """The smallest string after every date starting with `date_to` ("2024" -> "2024~")."""
    return date_to + "~"


def period_index(conn: sqlite3.Connection, pair: str, by: str = "year") -> list[dict]:
    """Per period: events, Goldstein sum and mean, cooperative and conflictual share (quad
    classes 1-2 vs 3-4); events dated less precisely than the period are left out. Read from
    `pair_periods` (migration 007), which triggers keep per pair and month."""
    if by not in ("year", "month"):
        raise ValueError(f"unknown period {by!r}: use month or year")
    width = 4 if by == "year" else 7
    rows = conn.execute(
        f"SELECT substr(period, 1, {width}) AS period, sum(events) AS events, total(goldstein_sum) AS goldstein_sum,"
        f" sum(cooperative) AS cooperative FROM pair_periods WHERE pair_key = ? AND length(period) >= {width}"
        " GROUP BY 1 HAVING sum(events) > 0 ORDER BY 1", (normalise_pair(pair),))
    return [_period_row(r) for r in rows]


def period_index_scan(conn: sqlite3.Connection, pair: str, by: str = "year") -> list[dict]:
    """`period_index` computed from the events themselves (the covering index of migration 006)."""
    width = {"year": 4, "month": 7}.get(by)
    if width is None:
        raise ValueError(f"unknown period {by!r}: use month or year")
    rows = conn.execute(
        f"SELECT substr(date, 1, {width}) AS period, count(*) AS events,"
        " total(coalesce(goldstein, 0)) AS goldstein_sum,"
        " sum(coalesce(quad_class, 1) <= 2) AS cooperative"
        " FROM events INDEXED BY events_pair_period"
        f" WHERE pair_key = ? AND negated = 0 AND length(date) >= {width}"
        " GROUP BY period ORDER BY period", (normalise_pair(pair),))
    return [_period_row(r) for r in rows]


def _period_row(row: sqlite3.Row) -> dict:
    events = row["events"]
    return {"period": row["period"], "events": events, "goldstein_sum": round(row["goldstein_sum"], 2),
            "goldstein_mean": round(row["goldstein_sum"] / events, 2),
            "cooperative_share": round(row["cooperative"] / events, 3),
            "conflictual_share": round(1 - row["cooperative"] / events, 3)}


def search_recent(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[dict]:
    """The newest canonical documents matching a full-text query (FTS5 syntax as `accord search`
    takes it). Walking the index in rowid order stops after `limit` hits, where ranking by
    BM25 must score every match first: the shape for words found in a large share of the store."""
    from accord.store.queries import fts_query

    rows = conn.execute(
        "SELECT d.id, d.title, d.published, d.source FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
        " WHERE documents_fts MATCH ? AND d.duplicate_of IS NULL ORDER BY f.rowid DESC LIMIT ?",
        (fts_query(query), limit))
    return [dict(row) for row in rows]


def targets(conn: sqlite3.Connection, pair: str, limit: int = 200) -> list[dict]:
    """A pair's distinct numeric targets (kind, unit, value, deadline) with how many records
    state each, and the latest whole-year reported figure of the same kind and unit."""
    key = normalise_pair(pair)
    rows = conn.execute(
        "SELECT quantity, unit, value, period, count(*) AS statements FROM facts INDEXED BY facts_pair_target"
        " WHERE pair_key = ? AND is_target = 1 GROUP BY quantity, unit, value, period"
        " ORDER BY quantity, unit, value LIMIT ?", (key, limit)).fetchall()
    latest: dict[tuple[str, str], dict | None] = {}
    result = []
    for row in rows:
        kind = (row["quantity"], row["unit"])
        if kind not in latest:
            latest[kind] = _latest_actual(conn, key, *kind)
        actual = latest[kind]
        result.append({"quantity": row["quantity"], "unit": row["unit"], "target_value": row["value"],
                       "period": row["period"], "statements": row["statements"], "latest_actual": actual,
                       "progress": round(actual["value"] / row["value"], 4)
                       if actual and row["value"] else None})
    return result


def _latest_actual(conn: sqlite3.Connection, key: str, quantity: str, unit: str) -> dict | None:
    """The reported (not target) figure of the latest whole year; read from the covering index,
    newest periods first ("in 2024" sorts after "in 2023")."""
    best = None
    for row in conn.execute(
            "SELECT period, value FROM facts INDEXED BY facts_pair_target WHERE pair_key = ?"
            " AND is_target = 0 AND quantity = ? AND unit = ? AND period IS NOT NULL"
            " ORDER BY period DESC LIMIT 200", (key, quantity, unit)):
        period = row["period"]
        match = _YEAR.search(period)
        if not match or _PARTIAL.search(period):
            continue
        year = int(match.group(0))
        if best is None or year > best["year"]:
            best = {"year": year, "period": period, "value": row["value"]}
    return best
