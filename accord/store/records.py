"""Writing and reading extracted records. A document's records are replaced in one transaction."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from accord.extract.records import Extraction
from accord.extract.spec import BOOL, SPECS, STRINGS, RecordSpec, countries_of
from accord.folding import fold


def pair_key(countries) -> str | None:
    """An order-insensitive key for a country pair: 'LAO-VNM' for (VNM, LAO)."""
    codes = sorted({c for c in countries if c})
    return "-".join(codes[:2]) if len(codes) >= 2 else None


def replace_extraction(conn: sqlite3.Connection, extraction: Extraction) -> None:
    """Delete a document's records and insert the new ones (call inside a transaction)."""
    doc_id, version = extraction.doc_id, extraction.version
    for table in (*(spec.table for spec in SPECS), "extraction_runs"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
    conn.execute("INSERT INTO extraction_runs(doc_id, version, pair, skipped) VALUES (?, ?, ?, ?)",
                 (doc_id, version, "-".join(extraction.pair), json.dumps(extraction.skipped)))
    for spec in SPECS:
        rows = [store_row(spec, record, doc_id, version) for record in spec.records(extraction)]
        if rows:
            columns = list(rows[0])
            conn.executemany(f"INSERT INTO {spec.table}({', '.join(columns)}) VALUES "
                             f"({', '.join('?' * len(columns))})", [list(row.values()) for row in rows])


def store_row(spec: RecordSpec, record, doc_id: str, version: str) -> dict:
    """A record as its table's row: the spec's columns in SQLite values, with the document,
    the extractor version and the columns the store derives (pair key, folded spelling)."""
    flat = spec.flat(record)
    row = {"doc_id": doc_id, **{key.column: _sqlite(key.kind, flat[key.name]) for key in spec.keys},
           "version": version}
    if spec.pair_from:
        row["pair_key"] = pair_key(countries_of(spec, record))
    if spec.folded:
        row["folded"] = fold(getattr(record, spec.folded))
    return row


def _sqlite(kind: str, value):
    if kind == BOOL:
        return int(value)
    if kind == STRINGS:
        return json.dumps(value, ensure_ascii=False)
    return value


@dataclass(frozen=True)
class RecordFilter:
    """Filters shared by the record listings."""

    pair: str | None = None  # "VNM-LAO" in any order
    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    doc_id: str | None = None
    outlet: str | None = None  # the document's outlet (see outlet_of), any case
    limit: int = 1000
    include_negated: bool = False  # negated events ("did not sign") are stored, flagged, and hidden


def normalise_pair(pair: str | None) -> str | None:
    """'VNM-LAO', 'lao-vnm' or 'VNM,LAO' -> 'LAO-VNM'; raises ValueError on anything else."""
    if not pair:
        return None
    parts = [p.strip().upper() for p in pair.replace(",", "-").replace("/", "-").split("-") if p.strip()]
    if len(parts) != 2 or not all(len(p) == 3 and p.isascii() and p.isalpha() for p in parts):
        raise ValueError(f"invalid pair {pair!r}: expected two ISO3 codes such as VNM-LAO")
    return "-".join(sorted(parts))


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet: the stated source, else the URL's host without 'www.'."""
    if source:
        return source
    if url:
        match = re.match(r"^[a-z]+://(?:www\.)?([^/:?#]+)", url.strip(), re.I)
        if match:
            return match.group(1).lower()
    return None


def list_records(conn: sqlite3.Connection, table: str, filters: RecordFilter) -> list[dict]:
    """Rows of one record table with the document's origin, filtered; evidence included."""
    where, params = _where(conn, table, filters)
    order = "r.date IS NULL, r.date, r.id" if table in ("events", "agreements") else "r.id"
    rows = conn.execute(f"SELECT r.*, d.origin, d.title AS doc_title FROM {table} r "
                        f"JOIN documents d ON d.id = r.doc_id {where} ORDER BY {order} LIMIT ?",
                        (*params, filters.limit))
    return [dict(row) for row in rows]


def count_records(conn: sqlite3.Connection, table: str, filters: RecordFilter) -> int:
    """How many rows list_records would give without its limit ("showing 20 of 27")."""
    where, params = _where(conn, table, filters)
    return conn.execute(f"SELECT count(*) FROM {table} r {where}", params).fetchone()[0]


def _where(conn: sqlite3.Connection, table: str, filters: RecordFilter) -> tuple[str, list]:
    if table not in ("events", "facts", "agreements", "relation_labels", "people"):
        raise ValueError(table)
    clauses, params = [], []
    key = normalise_pair(filters.pair)
    if key and table != "people":
        clauses.append("r.pair_key = ?")
        params.append(key)
    if filters.type and table == "events":
        clauses.append("r.type = ?")
        params.append(filters.type)
    if filters.type and table == "facts":
        clauses.append("r.quantity = ?")
        params.append(filters.type)
    if filters.date_from and table in ("events", "agreements"):
        clauses.append("r.date >= ?")
        params.append(filters.date_from)
    if filters.date_to and table in ("events", "agreements"):
        clauses.append("substr(r.date, 1, length(?)) <= ?")
        params.extend([filters.date_to, filters.date_to])
    if table == "events" and not filters.include_negated:
        clauses.append("r.negated = 0")
    if filters.doc_id:
        clauses.append("r.doc_id = ?")
        params.append(filters.doc_id)
    if filters.outlet:
        # In the query, before its LIMIT, so that a page of one outlet is a full page.
        conn.create_function("accord_outlet", 2, outlet_of, deterministic=True)
        clauses.append("r.doc_id IN (SELECT id FROM documents WHERE lower(accord_outlet(source, url)) = lower(?))")
        params.append(filters.outlet)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def record_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Counts of extracted records."""
    row = conn.execute("""SELECT (SELECT count(*) FROM events WHERE negated = 0) AS events,
        (SELECT count(*) FROM facts) AS facts,
        (SELECT count(DISTINCT folded) FROM people) AS actors,
        (SELECT count(*) FROM agreements) AS agreements,
        (SELECT count(*) FROM relation_labels) AS relation_labels""").fetchone()
    return dict(row)
