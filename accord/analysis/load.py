"""Read the records the analysis works on, for one country pair, from the store."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from accord.store.records import normalise_pair


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


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet: the stated source, else the URL's host without 'www.'."""
    if source:
        return source
    if url:
        match = re.match(r"^[a-z]+://(?:www\.)?([^/:?#]+)", url.strip(), re.I)
        if match:
            return match.group(1).lower()
    return None


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
    return EventMention(_mention(row), row["type"], row["cameo"], row["goldstein"], row["quad_class"],
                        row["source"], row["target"], row["date"], row["date_precision"], row["location"],
                        bool(row["planned"]))


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
    (the latest whole year, then the latest publication, then the first stored). Distinct
    targets and periods come from the covering index of migration 006; years, deadlines and
    the order are worked out here, with the rules of commitments.py."""
    key = normalise_pair(pair)
    groups = _target_groups(conn, key)[offset:None if limit is None else offset + limit]
    targets = []
    for quantity, unit, value, period in (shape for group in groups for shape in group):
        targets += [_fact(r) for r in conn.execute(
            f"SELECT {RECORD_COLUMNS} FROM facts r JOIN documents d ON d.id = r.doc_id WHERE r.pair_key = ?"
            " AND r.is_target = 1 AND r.quantity = ? AND r.unit = ? AND r.value = ? AND r.period IS ?"
            " ORDER BY r.id", (key, quantity, unit, value, period))]
    kinds = dict.fromkeys((t.quantity, t.unit) for t in targets)
    return sorted(targets, key=lambda f: f.mention.id) + [
        actual for kind in kinds if (actual := _latest_actual(conn, key, *kind))]


def _target_groups(conn: sqlite3.Connection, key: str) -> list[list[tuple]]:
    """The pair's targets as commitments.py merges them (kind, unit, value to the cent,
    deadline), in its order; each a list of (quantity, unit, value, period) as stored."""
    from accord.analysis.commitments import deadline_of

    groups: dict[tuple, list[tuple]] = {}
    first: dict[tuple, tuple[int, float]] = {}
    deadlines: dict[str | None, str | None] = {}  # a pair has thousands of targets, a few dozen periods
    for quantity, unit, value, period, first_id in conn.execute(
            "SELECT quantity, unit, value, period, min(id) FROM facts WHERE pair_key = ? AND is_target = 1"
            " GROUP BY quantity, unit, value, period", (key,)):
        if period not in deadlines:
            deadlines[period] = deadline_of(period)
        merged = (quantity, unit, round(value, 2), deadlines[period])
        groups.setdefault(merged, []).append((quantity, unit, value, period))
        if merged not in first or first_id < first[merged][0]:
            first[merged] = (first_id, value)
    # commitments.py sorts by kind, deadline and value, stably: ties stay in first-statement order.
    order = sorted(groups, key=lambda g: (g[0], g[3] or "9999", first[g][1], first[g][0]))
    return [groups[g] for g in order]


def _latest_actual(conn: sqlite3.Connection, key: str, quantity: str, unit: str) -> FactMention | None:
    from accord.analysis.commitments import period_year

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
