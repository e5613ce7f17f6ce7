"""Listings of the extracted records: events, facts, agreements, labels, actors. Each row
points to its evidence sentence: cut to the terminal in the table, whole in --json."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Callable, Optional

import typer

from accord.analysis.views import actor_row, actors_view, record_json
from accord.cli.options import (DbOption, EventTypeOption, FromOption, JsonOption, PairOption, QuantityOption,
                                ToOption, check_period, read_store)
from accord.cli.output import counted, cut, evidence_cell, human_amount, print_json, print_table, yes_no
from accord.store.records import RecordFilter, count_records, list_records, normalise_pair

app = typer.Typer()

LIMIT_HELP = "Most rows."
OutletOption = Annotated[Optional[str], typer.Option(
    "--outlet", help="Only records from documents of this outlet (its source, else the URL's host), any case.")]


@dataclass(frozen=True)
class Listing:
    """How one record table prints: its title noun, columns and the cells of a row."""

    table: str
    noun: str
    columns: list[str]
    cells: Callable[[dict], list[str]]


def _dash(value: object) -> str:
    return "-" if value is None else str(value)


def _event_type(row: dict) -> str:
    return row["type"] + (" (planned)" if row.get("planned") else "")


def _amount(row: dict) -> str:
    amount = human_amount(row["value"], row["unit"], row.get("value_max"))
    return f"{row['qualifier']} {amount}" if row.get("qualifier") else amount


# The tables show what is read at a glance; every column (CAMEO code, confidence, spans) is in --json.
EVENTS = Listing("events", "events", ["date", "type", "pair"],
                 lambda r: [_dash(r["date"]), _event_type(r), f"{r['source']}→{r['target']}"])
FACTS = Listing("facts", "facts", ["quantity", "amount", "period", "target"],
                lambda r: [r["quantity"], cut(_amount(r), 18), cut(_dash(r["period"]), 10), yes_no(r["is_target"])])
AGREEMENTS = Listing("agreements", "agreements", ["date", "kind", "name"],
                     lambda r: [_dash(r["date"]), _dash(r["kind"]), cut(_dash(r["name"]), 30)])
LABELS = Listing("relation_labels", "relationship labels", ["label"], lambda r: [cut(_dash(r["label"]), 40)])


def print_records(ctx: typer.Context, db: str | None, listing: Listing, filters: RecordFilter,
                  as_json: bool) -> None:
    """One record listing: JSON rows, or a table titled with how many of how many are shown."""
    with read_store(ctx, db) as store, store.reading() as conn:
        rows = list_records(conn, listing.table, filters)
        total = len(rows) if len(rows) < filters.limit else count_records(conn, listing.table, filters)
    if as_json:
        print_json([record_json(row, listing.table) for row in rows])
        return
    print_table(counted(len(rows), total, listing.noun), listing.columns,
                [[*listing.cells(row), evidence_cell(row["doc_id"], row["sentence"])] for row in rows])


@app.command()
def events(
    ctx: typer.Context,
    pair: PairOption = None,
    kind: EventTypeOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    outlet: OutletOption = None,
    limit: int = typer.Option(1000, min=1, help=LIMIT_HELP),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Events between countries, each with its evidence sentence."""
    check_period(date_from, date_to)
    print_records(ctx, db, EVENTS, RecordFilter(pair=pair, type=kind, date_from=date_from, date_to=date_to,
                                                outlet=outlet, limit=limit), as_json)


@app.command()
def facts(
    ctx: typer.Context,
    pair: PairOption = None,
    kind: QuantityOption = None,
    outlet: OutletOption = None,
    limit: int = typer.Option(1000, min=1, help=LIMIT_HELP),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Numeric facts: value, unit, kind, period, target or reported."""
    print_records(ctx, db, FACTS, RecordFilter(pair=pair, type=kind, outlet=outlet, limit=limit), as_json)


@app.command()
def agreements(
    ctx: typer.Context,
    pair: PairOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    outlet: OutletOption = None,
    limit: int = typer.Option(1000, min=1, help=LIMIT_HELP),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Named agreements, treaties, memoranda and plans."""
    check_period(date_from, date_to)
    print_records(ctx, db, AGREEMENTS, RecordFilter(pair=pair, date_from=date_from, date_to=date_to,
                                                    outlet=outlet, limit=limit), as_json)


@app.command()
def labels(
    ctx: typer.Context,
    pair: PairOption = None,
    outlet: OutletOption = None,
    limit: int = typer.Option(1000, min=1, help=LIMIT_HELP),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Relationship labels ("comprehensive strategic partnership") as each source words them."""
    print_records(ctx, db, LABELS, RecordFilter(pair=pair, outlet=outlet, limit=limit), as_json)


@app.command()
def actors(
    ctx: typer.Context,
    pair: PairOption = None,
    limit: int = typer.Option(1000, min=1, help=LIMIT_HELP),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """People named in the documents, with other spellings, country and roles."""
    countries = tuple(normalise_pair(pair).split("-")) if pair else ()
    with read_store(ctx, db) as store, store.reading() as conn:
        # People merged across documents: spellings and transliterations of one person are one row.
        merged = actors_view(conn, countries)
    rows = [actor_row(a) for a in merged[:limit]]
    if as_json:
        print_json(rows)
        return
    print_table(counted(len(rows), len(merged), "actors"), ["name", "country", "docs", "also spelled", "roles"],
                [[row["name"], row["country"] or "-", str(row["documents"]), cut(", ".join(row["aliases"]), 30) or "-",
                  "; ".join(row["roles"])] for row in rows], evidence=False)
