"""`accord summary`: the store on one screen."""

from __future__ import annotations

import typer
from rich.markup import escape

from accord.analysis.summary import SummaryOptions, summary_view
from accord.cli.analysis import COMMITMENT_COLUMNS, commitment_cells
from accord.cli.options import DbOption, JsonOption, read_store, store_path
from accord.cli.output import evidence_cell, out, plural, print_json, print_table

app = typer.Typer()


@app.command()
def summary(
    ctx: typer.Context,
    pairs: int = typer.Option(3, "--pairs", min=1, max=50, help="Busiest pairs to cover."),
    events: int = typer.Option(5, "--events", min=0, max=100, help="Most reported events to list."),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """The store on one screen: documents, records, pairs, top events, commitments.

    The events are the most reported canonical events of the busiest pairs; the commitments
    are theirs, those with a measured progress first."""
    with read_store(ctx, db) as store, store.reading() as conn:
        data = summary_view(conn, SummaryOptions(pairs=pairs, events=events, commitments=events))
    if as_json:
        print_json(data)
        return
    docs, records = data["documents"], data["records"]
    languages = ", ".join(f"{lang} {n}" for lang, n in docs["languages"].items()) or "-"
    out.print(f"[bold]{escape(store_path(ctx, db))}[/]: {docs['documents']:,} documents ({languages}; "
              f"{docs['dated_documents']:,} dated), {docs['duplicates']:,} duplicates, "
              f"{docs['rejected']:,} rejected", highlight=False)
    out.print("records: " + ", ".join(f"{n:,} {kind.replace('_', ' ')}" for kind, n in records.items()),
              highlight=False)
    top = data["pairs"]["top"]
    busiest = "; ".join(f"{row['pair_key']} {plural(row['events'], 'event')} in {plural(row['documents'], 'document')}"
                        + (f", last {row['last_event']}" if row["last_event"] else "") for row in top)
    out.print(f"pairs: {data['pairs']['total']:,}" + (f" (busiest: {busiest})" if top else ""), highlight=False)
    _events_table(data["top_events"])
    _commitments_table(data["commitments"])


def _events_table(items: list[dict]) -> None:
    if items:
        print_table("most reported events", ["date", "type", "pair", "docs"],
                    [[item["date"] or "-", item["type"], f"{item['source']}→{item['target']}",
                      str(len(item["documents"])),
                      evidence_cell(item["evidence_spans"][0]["doc_id"], item["evidence"][0])] for item in items])


def _commitments_table(rows: list[dict]) -> None:
    if not rows:
        return
    several = len({row["pair"] for row in rows}) > 1  # the pair column only when it tells them apart
    print_table("commitments", (["pair"] if several else []) + ["quantity", *COMMITMENT_COLUMNS],
                [([row["pair"]] if several else []) + [row["quantity"], *commitment_cells(row)] for row in rows],
                evidence=False)
