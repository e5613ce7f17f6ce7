"""Read the records the analysis works on, for one country pair, from the store."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from accord.store.queries import in_batches
from accord.store.records import normalise_pair, outlet_of


@dataclass(frozen=True)
class Mention:
    """One sentence-level record with its document and outlet, as analysis sees it.

    `start`/`end` are the evidence sentence's span in the document's clean text.
    """

    id: int
    doc_id: str
    outlet: str | None
    published: str | None
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class EventMention:
    """A stored event with its provenance."""

    mention: Mention
    type: str
    cameo: str
    goldstein: float | None
    quad_class: int | None
    source: str | None
    target: str | None
    date: str | None
    precision: str | None
    location: str | None
    planned: bool


@dataclass(frozen=True)
class FactMention:
    """A stored numeric fact with its provenance."""

    mention: Mention
    quantity: str
    value: float
    value_max: float | None
    unit: str
    period: str | None
    is_target: bool
    qualifier: str | None


@dataclass(frozen=True)
class LabelMention:
    """A stored relationship label with its provenance."""

    mention: Mention
    label: str


@dataclass(frozen=True)
class PersonMention:
    """A stored person record with its provenance."""

    mention: Mention
    name: str
    aliases: tuple[str, ...]
    country: str | None
    role: str | None


# The columns every record query selects: the record and its document's outlet and date.
RECORD_COLUMNS = "r.*, d.source AS doc_source, d.url AS doc_url, d.published AS doc_published"


def _mention(row: sqlite3.Row) -> Mention:
    return Mention(row["id"], row["doc_id"], outlet_of(row["doc_source"], row["doc_url"]),
                   row["doc_published"], row["sentence"], row["sent_start"], row["sent_end"])


def _rows(conn: sqlite3.Connection, table: str, pair: str | None, extra: str = ""):
    key = normalise_pair(pair)
    where = "WHERE r.pair_key = ?" if key else "WHERE 1 = 1"
    params = (key,) if key else ()
    return conn.execute(
        f"SELECT {RECORD_COLUMNS} FROM {table} r JOIN documents d ON d.id = r.doc_id {where} {extra}"
        " ORDER BY r.id", params)


def event_mention(row: sqlite3.Row) -> EventMention:
    """An event row (selected with RECORD_COLUMNS) as analysis sees it."""
    return event_of(_mention(row), row)


def event_of(mention: Mention, values: Mapping) -> EventMention:
    """An event as analysis sees it, from its mention and its columns by their flat names (a
    store row, or a row of the Dask engine's Parquet events)."""
    return EventMention(mention, values["type"], values["cameo"], values["goldstein"], values["quad_class"],
                        values["source"], values["target"], values["date"], values["date_precision"],
                        values["location"], bool(values["planned"]))


def load_events(conn: sqlite3.Connection, pair: str | None) -> list[EventMention]:
    """Every non-negated event of the pair (all pairs when None)."""
    return [event_mention(r) for r in _rows(conn, "events", pair, "AND r.negated = 0")]


def load_facts(conn: sqlite3.Connection, pair: str | None) -> list[FactMention]:
    """Every numeric fact attributed to the pair."""
    return [_fact(r) for r in _rows(conn, "facts", pair)]


def _fact(row: sqlite3.Row) -> FactMention:
    return FactMention(_mention(row), row["quantity"], row["value"], row["value_max"], row["unit"],
                       row["period"], bool(row["is_target"]), row["qualifier"])


def commitment_facts(conn: sqlite3.Connection, pair: str, limit: int | None = None,
                     offset: int = 0) -> list[FactMention]:
    """The facts `commitments.track_commitments` reads to give the pair's commitments (the
    `limit` first after `offset`, in its order), without loading every fact of the pair: the
    statements of those targets, and for each kind and unit the reported figure it would pick
    (the latest whole year, then the latest publication, then the first stored)."""
    key = normalise_pair(pair)
    ids = [int(i) for group in _target_page(conn, key, limit, offset) for i in group.split(",")]
    targets = []
    for batch, marks in in_batches(ids):
        targets += [_fact(r) for r in conn.execute(
            f"SELECT {RECORD_COLUMNS} FROM facts r JOIN documents d ON d.id = r.doc_id WHERE r.id IN ({marks})",
            batch)]
    targets.sort(key=lambda f: f.mention.id)
    kinds = dict.fromkeys((t.quantity, t.unit) for t in targets)
    return targets + [actual for kind in kinds if (actual := _latest_actual(conn, key, *kind))]


def _target_page(conn: sqlite3.Connection, key: str, limit: int | None, offset: int) -> list[str]:
    """Statement ids ("12,40,41") of one page of the pair's commitments, grouped and ordered in
    SQL as commitments.py groups and orders them: by kind, unit, value to the cent and deadline;
    then kind, deadline (none last), the first statement's value, the first statement. The
    deadline of each distinct period is parsed here and handed to the query as a table, so a
    pair with tens of thousands of targets is grouped in SQLite, not in Python; kinds are
    grouped one at a time, in order, until the page is full."""
    from accord.analysis.periods import deadline_of

    shapes = conn.execute("SELECT DISTINCT quantity, period FROM facts WHERE pair_key = ? AND is_target = 1",
                          (key,)).fetchall()  # one pass over the covering index
    periods = list(dict.fromkeys(period for _, period in shapes))
    deadlines = [value for period in periods for value in (period, deadline_of(period))]
    kinds = sorted({quantity for quantity, _ in shapes})
    wanted = None if limit is None else offset + limit
    page: list[str] = []
    for quantity in kinds:
        # min(f.id) is the query's only min/max, so the bare f.value is the first statement's value.
        page += [row["ids"] for row in conn.execute(
            f"WITH deadlines(period, deadline) AS (VALUES {', '.join(['(?, ?)'] * len(periods))})"
            " SELECT min(f.id) AS first_id, f.value AS first_value, group_concat(f.id) AS ids"
            " FROM facts f JOIN deadlines d ON d.period IS f.period"
            " WHERE f.pair_key = ? AND f.is_target = 1 AND f.quantity = ?"
            " GROUP BY f.unit, round(f.value, 2), d.deadline"
            " ORDER BY coalesce(d.deadline, '9999'), first_value, first_id", (*deadlines, key, quantity))]
        if wanted is not None and len(page) >= wanted:
            break
    return page[offset:wanted]


def _latest_actual(conn: sqlite3.Connection, key: str, quantity: str, unit: str) -> FactMention | None:
    from accord.analysis.periods import period_year

    periods = [row[0] for row in conn.execute(
        "SELECT DISTINCT period FROM facts WHERE pair_key = ? AND is_target = 0 AND quantity = ?"
        " AND unit = ? AND period IS NOT NULL", (key, quantity, unit))]
    years = {period: period_year(period) for period in periods}
    latest = max((y for y in years.values() if y), default=None)
    if latest is None:
        return None
    wanted = [period for period, year in years.items() if year == latest]
    row = conn.execute(
        f"SELECT {RECORD_COLUMNS} FROM facts r JOIN documents d ON d.id = r.doc_id WHERE r.pair_key = ?"
        f" AND r.is_target = 0 AND r.quantity = ? AND r.unit = ? AND r.period IN ({','.join('?' * len(wanted))})"
        " ORDER BY coalesce(d.published, '') DESC, r.id LIMIT 1", (key, quantity, unit, *wanted)).fetchone()
    return _fact(row)


def load_labels(conn: sqlite3.Connection, pair: str | None) -> list[LabelMention]:
    """Every relationship label attributed to the pair."""
    return [LabelMention(_mention(r), r["label"]) for r in _rows(conn, "relation_labels", pair)]


def load_people(conn: sqlite3.Connection, countries: tuple[str, ...] = ()) -> list[PersonMention]:
    """Every person record, optionally only those of some countries."""
    where = f"WHERE r.country IN ({','.join('?' * len(countries))})" if countries else ""
    rows = conn.execute(
        f"SELECT {RECORD_COLUMNS} FROM people r JOIN documents d ON d.id = r.doc_id {where} ORDER BY r.id",
        countries)
    return [PersonMention(_mention(r), r["name"], tuple(json.loads(r["aliases"] or "[]")),
                          r["country"], r["role"]) for r in rows]
