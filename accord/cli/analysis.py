"""Cross-document views of a pair: timeline, index, commitments, variants; one actor; the
report and the exports."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from accord.analysis import views
from accord.cli.options import (DbOption, FromOption, JsonOption, PairOption, RequiredPair, ToOption,
                                check_period, read_store)
from accord.cli.output import counted, err, evidence_cell, fail, human_amount, out, page, print_json, print_table

app = typer.Typer()

PERIODS = ("month", "quarter", "year")
ACTOR_EVENTS = 20  # events an actor's profile lists (all of them in --json)


def pair_query(pair: str, date_from: str | None = None, date_to: str | None = None, by: str = "year",
               limit: int | None = None, offset: int = 0) -> views.PairQuery:
    """The view query of a checked --pair and period."""
    if by not in PERIODS:
        raise typer.BadParameter(f"use one of {', '.join(PERIODS)}", param_hint="--by")
    check_period(date_from, date_to)
    return views.PairQuery(pair, date_from, date_to, by, limit, offset)


@app.command()
def timeline(
    ctx: typer.Context,
    pair: RequiredPair,
    date_from: FromOption = None,
    date_to: ToOption = None,
    limit: int = typer.Option(1000, "--limit", min=0, help="Events to show (0: all)."),
    offset: int = typer.Option(0, "--offset", min=0, help="Events to skip first (to page)."),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Canonical events of a country pair in date order, each with every report of it."""
    # One more than the page is read to tell whether the list was cut.
    query = pair_query(pair, date_from, date_to, limit=limit + 1 if limit else None, offset=offset)
    with read_store(ctx, db) as store, store.reading() as conn:
        items, more = page(views.timeline_view(conn, query), limit or None)
    if as_json:
        print_json(items)
        return
    total = None if more else offset + len(items)
    print_table(f"{counted(len(items), total, 'events', offset)}, {pair}",
                ["date", "type", "pair", "docs", "mentions"],
                [[item["date"] or "-", item["type"], f"{item['source']}→{item['target']}",
                  str(len(item["documents"])), str(item["mentions"]),
                  evidence_cell(item["evidence_spans"][0]["doc_id"], item["evidence"][0])] for item in items])


@app.command("index")
def index_command(
    ctx: typer.Context,
    pair: RequiredPair,
    by: str = typer.Option("year", "--by", help="Period: month, quarter or year."),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Relationship index per period: events, Goldstein sum and mean, cooperative share."""
    query = pair_query(pair, by=by)
    with read_store(ctx, db) as store, store.reading() as conn:
        rows = views.index_view(conn, query)
    if as_json:
        print_json(rows)
        return
    view = Table(title=f"relationship index, {pair}, by {by}")
    for column in ("period", "events", "goldstein sum", "goldstein mean", "cooperative", "conflictual"):
        view.add_column(column, justify="right")
    for row in rows:
        view.add_row(row["period"], str(row["events"]), f"{row['goldstein_sum']:.1f}",
                     f"{row['goldstein_mean']:.2f}", f"{row['cooperative_share']:.0%}",
                     f"{row['conflictual_share']:.0%}")
    out.print(view)


def commitment_cells(row: dict) -> list[str]:
    """A commitment as table cells: target, deadline, latest actual, progress, status."""
    # A figure from before the target was set is shown as its baseline, never as progress.
    actual = row["latest_actual"] or row.get("baseline")
    kind = ", baseline" if actual and not row["latest_actual"] else ""
    return [human_amount(row["target_value"], row["unit"]), row["deadline"] or "-",
            f"{human_amount(actual['value'], row['unit'])} ({actual['period'] or '?'}{kind})" if actual else "-",
            f"{row['progress']:.0%}" if row["progress"] is not None else "-", row["status"]]


COMMITMENT_COLUMNS = ["target", "deadline", "latest actual", "progress", "status"]


@app.command()
def commitments(
    ctx: typer.Context,
    pair: RequiredPair,
    limit: int = typer.Option(1000, "--limit", min=0, help="Commitments to show (0: all)."),
    offset: int = typer.Option(0, "--offset", min=0, help="Commitments to skip first (to page)."),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Targets and pledges with a number, against the latest reported figure."""
    query = pair_query(pair, limit=limit + 1 if limit else None, offset=offset)
    with read_store(ctx, db) as store, store.reading() as conn:
        rows, more = page(views.commitments_view(conn, query), limit or None)
    if as_json:
        print_json(rows)
        return
    total = None if more else offset + len(rows)
    print_table(f"{counted(len(rows), total, 'commitments', offset)}, {pair}", ["quantity", *COMMITMENT_COLUMNS],
                [[row["quantity"], *commitment_cells(row)] for row in rows], evidence=False)


@app.command()
def variants(ctx: typer.Context, pair: RequiredPair, as_json: JsonOption = False, db: DbOption = None) -> None:
    """Where sources disagree: relationship labels, figures, dates, spellings of names."""
    query = pair_query(pair)
    with read_store(ctx, db) as store, store.reading() as conn:
        rows = views.variants_view(conn, query)
    if as_json:
        print_json(rows)
        return
    if not rows:
        out.print(f"no disagreements found for {pair}")
    for row in rows:
        out.print(f"[bold]{escape(row['kind'])}[/]: {escape(row['subject'])}", highlight=False)
        for variant in row["variants"]:
            out.print(f"   {escape(repr(variant['value']))}  "
                      f"[dim]{', '.join(d[:8] for d in variant['documents'])}[/]", highlight=False)


@app.command()
def actor(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A name in any spelling, e.g. \"To Lam\"."),
    limit: int = typer.Option(ACTOR_EVENTS, "--limit", min=0, help="Events to list (0: all)."),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """One actor's profile: aliases, country, roles over time, documents and events."""
    with read_store(ctx, db) as store, store.reading() as conn:
        profile = views.actor_view(conn, name)
    if profile is None:
        raise fail(f"no actor matches {name!r} (see `accord actors`)", code=1)
    if as_json:
        print_json(profile)
        return
    out.print(f"[bold]{escape(profile['name'])}[/] ({profile['country'] or '?'})", highlight=False)
    if profile["aliases"]:
        out.print(f"  also spelled: {escape(', '.join(profile['aliases']))}", highlight=False)
    for role in profile["roles"]:
        out.print(f"  {role['reported'] or 'undated'}: {escape(role['role'])} [dim]({role['document'][:8]})[/]",
                  highlight=False)
    events = profile["events"]
    shown = events[:limit or None]
    print_table(f"{len(profile['documents'])} documents, {counted(len(shown), len(events), 'events')}",
                ["date", "type", "pair"],
                [[event["date"] or "-", event["type"], f"{event['source']}→{event['target']}",
                  evidence_cell(event["document"], event["evidence"])] for event in shown])


@app.command()
def report(
    ctx: typer.Context,
    pair: RequiredPair,
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
    fmt: str = typer.Option("html", "--format", help="html (self-contained, offline) or md."),
    db: DbOption = None,
) -> None:
    """Write a report on a pair: timeline and index charts, commitments, disagreements, evidence."""
    from accord.analysis.report import build_report, render_html, render_markdown

    if fmt not in ("html", "md"):
        raise typer.BadParameter("use html or md", param_hint="--format")
    query = pair_query(pair)
    with read_store(ctx, db) as store, store.reading() as conn:
        data = build_report(conn, query)
    text = render_html(data) if fmt == "html" else render_markdown(data)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    err.print(f"wrote {escape(str(output))}")


@app.command()
def export(
    ctx: typer.Context,
    fmt: str = typer.Option(..., "--format", help="csv, jsonl, parquet, graphml or gdelt."),
    output: Path = typer.Option(..., "-o", "--output", help="File (graphml, gdelt) or folder (csv, jsonl, parquet)."),
    pair: PairOption = None,
    db: DbOption = None,
) -> None:
    """Export records for pandas/DuckDB (csv, jsonl, parquet), Gephi (graphml) or GDELT tools."""
    from accord.analysis.export import EXPORTERS

    if fmt not in EXPORTERS:
        raise typer.BadParameter(f"use one of {', '.join(EXPORTERS)}", param_hint="--format")
    if fmt == "parquet":
        from accord.cli.extras import require

        require("scale")
    with read_store(ctx, db) as store, store.reading() as conn:
        written = EXPORTERS[fmt](conn, output, pair)
    for path in written:
        err.print(f"wrote {escape(str(path))}")
