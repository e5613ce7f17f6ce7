"""Analysis commands: timeline, index, commitments, variants, actor, report, export."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from accord.analysis import views
from accord.cli import JSON_HELP, PAIR_HELP, _print_json, _store, app, checked_pair, err, out


def _query(pair: str, date_from: str | None = None, date_to: str | None = None,
           by: str = "year", limit: int | None = None, offset: int = 0) -> views.PairQuery:
    checked_pair(pair)
    query = views.PairQuery(pair, date_from, date_to, by, limit, offset)
    if by not in ("month", "quarter", "year"):
        raise typer.BadParameter("use month, quarter or year", param_hint="--by")
    return query


@app.command()
def timeline(
    ctx: typer.Context,
    pair: str = typer.Option(..., "--pair", help=PAIR_HELP),
    date_from: Optional[str] = typer.Option(None, "--from", help="Earliest date, YYYY[-MM[-DD]]."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Latest date, YYYY[-MM[-DD]]."),
    limit: int = typer.Option(1000, "--limit", min=0, help="Events to show (0: all)."),
    offset: int = typer.Option(0, "--offset", min=0, help="Events to skip first (to page)."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Canonical events of a country pair in date order, each with every report of it."""
    query = _query(pair, date_from, date_to, limit=limit or None, offset=offset)
    with _store(ctx) as store:
        items = views.timeline_view(store.conn, query)
    if as_json:
        _print_json(items)
        return
    shown = f"events {offset + 1}-{offset + len(items)}" if offset or len(items) == limit else f"{len(items)} events"
    table = Table(title=f"{shown}, {pair}")
    for column in ("date", "type", "cameo", "source → target", "docs", "mentions", "evidence"):
        table.add_column(column, overflow="fold")
    for item in items:
        table.add_row(item["date"] or "-", item["type"], item["cameo"],
                      f"{item['source']} → {item['target']}", str(len(item["documents"])),
                      str(item["mentions"]), item["evidence"][0][:100])
    out.print(table)


@app.command("index")
def index_command(
    ctx: typer.Context,
    pair: str = typer.Option(..., "--pair", help=PAIR_HELP),
    by: str = typer.Option("year", "--by", help="Period: month, quarter or year."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Relationship index per period: events, Goldstein sum and mean, cooperative share."""
    query = _query(pair, by=by)
    with _store(ctx) as store:
        rows = views.index_view(store.conn, query)
    if as_json:
        _print_json(rows)
        return
    table = Table(title=f"relationship index, {pair}, by {by}")
    for column in ("period", "events", "goldstein sum", "goldstein mean", "cooperative", "conflictual"):
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(row["period"], str(row["events"]), f"{row['goldstein_sum']:.1f}",
                      f"{row['goldstein_mean']:.2f}", f"{row['cooperative_share']:.0%}",
                      f"{row['conflictual_share']:.0%}")
    out.print(table)


@app.command()
def commitments(
    ctx: typer.Context,
    pair: str = typer.Option(..., "--pair", help=PAIR_HELP),
    limit: int = typer.Option(1000, "--limit", min=0, help="Commitments to show (0: all)."),
    offset: int = typer.Option(0, "--offset", min=0, help="Commitments to skip first (to page)."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Targets and pledges with a number, against the latest reported figure."""
    query = _query(pair, limit=limit or None, offset=offset)
    with _store(ctx) as store:
        rows = views.commitments_view(store.conn, query)
    if as_json:
        _print_json(rows)
        return
    table = Table(title=f"{len(rows)} commitments, {pair}")
    for column in ("quantity", "target", "deadline", "latest actual", "progress", "status"):
        table.add_column(column, overflow="fold")
    for row in rows:
        actual = row["latest_actual"] or row.get("baseline")
        kind = "" if row["latest_actual"] or not actual else "baseline, before the target: "
        table.add_row(row["quantity"], f"{row['target_value']:,.0f} {row['unit']}", row["deadline"] or "-",
                      f"{kind}{actual['value']:,.0f} ({actual['period']})" if actual else "-",
                      f"{row['progress']:.0%}" if row["progress"] is not None else "-", row["status"])
    out.print(table)


@app.command()
def variants(
    ctx: typer.Context,
    pair: str = typer.Option(..., "--pair", help=PAIR_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Where sources disagree: relationship labels, figures, dates, spellings of names."""
    query = _query(pair)
    with _store(ctx) as store:
        rows = views.variants_view(store.conn, query)
    if as_json:
        _print_json(rows)
        return
    for row in rows:
        out.print(f"[bold]{row['kind']}[/]: {row['subject']}", highlight=False)
        for variant in row["variants"]:
            out.print(f"   {variant['value']!r}  [dim]{', '.join(d[:8] for d in variant['documents'])}[/]",
                      highlight=False)


@app.command()
def actor(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A name in any spelling, e.g. \"To Lam\"."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """One actor's profile: aliases, country, roles over time, documents and events."""
    with _store(ctx) as store:
        profile = views.actor_view(store.conn, name)
    if profile is None:
        err.print(f"[red]no actor matches {name!r}[/]")
        raise typer.Exit(1)
    if as_json:
        _print_json(profile)
        return
    out.print(f"[bold]{profile['name']}[/] ({profile['country'] or '?'})", highlight=False)
    if profile["aliases"]:
        out.print(f"  also spelled: {', '.join(profile['aliases'])}", highlight=False)
    for role in profile["roles"]:
        out.print(f"  {role['reported'] or 'undated'}: {role['role']} [dim]({role['document'][:8]})[/]",
                  highlight=False)
    out.print(f"  {len(profile['documents'])} documents, {len(profile['events'])} events")
    for event in profile["events"][:20]:
        out.print(f"   {event['date'] or '-'} {event['type']} {event['source']}→{event['target']}: "
                  f"{event['evidence'][:90]}", highlight=False, markup=False)


@app.command()
def report(
    ctx: typer.Context,
    pair: str = typer.Option(..., "--pair", help=PAIR_HELP),
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
    fmt: str = typer.Option("html", "--format", help="html (self-contained, offline) or md."),
) -> None:
    """Write a report on a pair: timeline and index charts, commitments, disagreements, evidence."""
    from accord.analysis.report import build_report, render_html, render_markdown

    query = _query(pair)
    if fmt not in ("html", "md"):
        raise typer.BadParameter("use html or md", param_hint="--format")
    with _store(ctx) as store:
        data = build_report(store.conn, query)
    output.write_text(render_html(data) if fmt == "html" else render_markdown(data), encoding="utf-8")
    err.print(f"wrote {output}")


@app.command()
def export(
    ctx: typer.Context,
    fmt: str = typer.Option(..., "--format", help="csv, jsonl, parquet, graphml or gdelt."),
    output: Path = typer.Option(..., "-o", "--output", help="File (graphml, gdelt) or folder (csv, jsonl, parquet)."),
    pair: Optional[str] = typer.Option(None, "--pair", help=PAIR_HELP),
) -> None:
    """Export records for pandas/DuckDB (csv, jsonl, parquet), Gephi (graphml) or GDELT tools."""
    from accord.analysis.export import EXPORTERS

    if fmt not in EXPORTERS:
        raise typer.BadParameter(f"use one of {', '.join(EXPORTERS)}", param_hint="--format")
    if pair:
        _query(pair)
    with _store(ctx) as store:
        written = EXPORTERS[fmt](store.conn, output, pair)
    for path in written:
        err.print(f"wrote {path}")
