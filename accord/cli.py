"""The `accord` command line: a thin layer over the library (Typer + rich)."""

from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import asdict, replace
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from accord.errors import ModelError, SearchSyntaxError
from accord.engine import IngestOptions, ingest_paths
from accord.ingest.sources import SourceOptions
from accord.models import StoredDocument
from accord.store.db import Store, default_db_path, open_store
from accord.store.queries import language_counts
from accord.store.records import RecordFilter, list_records, normalise_pair, record_counts

app = typer.Typer(
    help="accord: evidence-backed records of relations between countries, from news articles.",
    no_args_is_help=True, add_completion=False, rich_markup_mode="rich")
out = Console()
err = Console(stderr=True)

JSON_HELP = "Print JSON instead of a table."


def _store(ctx: typer.Context) -> Store:
    return open_store(ctx.obj["db"])


def _print_json(value: object) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, "--db", help="SQLite store to use "
                                     "(default: $ACCORD_DB, else ./accord.db)."),
) -> None:
    """Global options."""
    ctx.obj = {"db": db or default_db_path()}


class _Bar:
    """Adapts a rich progress bar to the pipeline's Progress protocol."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.task = None

    def start(self, total: int) -> None:
        self.task = self.progress.add_task("ingest", total=total, name="")

    def advance(self, origin: str) -> None:
        self.progress.update(self.task, advance=1, name=origin[-50:])

    def merging(self, buckets: int) -> None:
        self.progress.update(self.task, name="")
        self.merge = self.progress.add_task("merge", total=buckets, name="events into canonical events")

    def merged(self, done: int) -> None:
        self.progress.update(self.merge, completed=done)


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for stdin."),
    max_mb: float = typer.Option(20.0, "--max-mb", min=0.001, help="Refuse inputs larger than this."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    workers: Optional[int] = typer.Option(None, "--workers", min=0, max=64, envvar="ACCORD_WORKERS",
                                          help="Extraction worker processes (default: $ACCORD_WORKERS, else 0: "
                                               "in this process). Writes stay in one writer."),
) -> None:
    """Read articles (text, HTML, JSON Lines, WARC, RSS/Atom) into the store.

    Exit code 0 when every input was stored, 1 when some were rejected (the rest are stored).
    """
    _check_model()
    options = IngestOptions(sources=SourceOptions(max_bytes=int(max_mb * 1024 * 1024)))
    if workers is not None:
        options = replace(options, workers=workers)
    with _store(ctx) as store:
        columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn(), TextColumn("{task.fields[name]}", style="dim"))
        with Progress(*columns, console=err, transient=True,
                      disable=quiet or as_json or not err.is_terminal) as progress:
            report = ingest_paths(paths, store, options, _Bar(progress))
    if as_json:
        _print_json(report.as_json())
    else:
        err.print(f"[green]{report.documents_added} added[/], {report.duplicates} duplicates, "
                  f"{report.unchanged} already stored, [red]{len(report.rejected)} rejected[/]")
        for rejection in report.rejected:
            # Text from inputs is escaped (a "[/]" in it is not markup) and never wrapped:
            # each rejection stays on one line when stderr is a file or a pipe.
            err.print(f"  [red]rejected[/] {escape(rejection.origin)}: {escape(rejection.reason)}",
                      highlight=False, soft_wrap=True)
    raise typer.Exit(1 if report.rejected else 0)


def _check_model() -> None:
    """Load the event coder before any input is read: a missing or broken model file is one
    clear error naming it and how to rebuild it, not a rejection of every document."""
    from accord.extract.coder.model import load_coder

    load_coder()


def _documents_table(documents: list[StoredDocument], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for column in ("id", "published", "lang", "words", "title", "origin"):
        table.add_column(column, overflow="fold")
    for doc in documents:
        table.add_row(doc.id, doc.published or "-", doc.language or "-", str(doc.word_count),
                      escape((doc.title or "")[:70]), escape(doc.origin))
    return table


def _listing(doc: StoredDocument) -> dict:
    row = asdict(doc)
    for heavy in ("clean_text", "raw_text", "origins"):
        row.pop(heavy)
    return row


@app.command()
def docs(
    ctx: typer.Context,
    limit: int = typer.Option(100, min=1, max=100000, help="Rows to show."),
    offset: int = typer.Option(0, min=0, help="Rows to skip."),
    include_duplicates: bool = typer.Option(False, "--all", help="Include near-duplicates."),
    language: Optional[str] = typer.Option(None, "--language", "-l",
                                           help="Only documents in (or with paragraphs in) this language, e.g. vi."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """List stored documents."""
    with _store(ctx) as store:
        documents = store.list_documents(limit, offset, include_duplicates, language)
    if as_json:
        _print_json([_listing(doc) for doc in documents])
    else:
        out.print(_documents_table(documents, f"{len(documents)} documents"))


@app.command()
def show(
    ctx: typer.Context,
    doc_id: str = typer.Argument(..., help="Document id or a unique prefix of it."),
    raw: bool = typer.Option(False, "--raw", help="Show the raw text as read, not the clean text."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Show one document: metadata and text."""
    with _store(ctx) as store:
        doc = store.get_document(doc_id)
    if doc is None:
        err.print(f"[red]no document with id (or unique prefix) {escape(repr(doc_id))}[/]")
        raise typer.Exit(1)
    if as_json:
        _print_json(asdict(doc))
        return
    out.print(f"[bold]{escape(doc.title or '(untitled)')}[/]")
    for label, value in (("id", doc.id), ("origin", ", ".join(doc.origins) or doc.origin),
                         ("url", doc.url), ("source", doc.source), ("dateline", doc.dateline),
                         ("published", doc.published or f"unknown ({doc.published_note})"),
                         ("language", (doc.language or "?") + (" (mixed)" if doc.mixed_language else "")),
                         ("duplicate of", doc.duplicate_of),
                         ("skipped", ", ".join(f"{n} {reason}" for reason, n in doc.skipped.items()))):
        if value:
            out.print(f"[dim]{label:>12}[/] {escape(value)}", highlight=False)
    out.print()
    out.print(doc.raw_text if raw else doc.clean_text, highlight=False, markup=False)


@app.command()
def stats(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """Counts of what the store holds."""
    with _store(ctx) as store:
        counts = {**store.stats(), **record_counts(store.conn)}
        languages = language_counts(store.conn)
    if as_json:
        _print_json({**counts, "languages": languages})
        return
    table = Table(title=f"accord store {ctx.obj['db']}", show_header=False)
    for key, value in counts.items():
        table.add_row(key.replace("_", " "), f"{value:,}")
    table.add_row("languages", ", ".join(f"{k} {v}" for k, v in languages.items()) or "-")
    out.print(table)


@app.command()
def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., help='Words to find, e.g. "vung ang"; FTS5 operators allowed.'),
    limit: int = typer.Option(20, min=1, max=1000, help="Most results to show."),
    language: Optional[str] = typer.Option(None, "--language", "-l",
                                           help="Only documents in (or with paragraphs in) this language."),
    mode: str = typer.Option("fts", "--mode", help="fts (words, best first), recent (words, most recently "
                                                   "stored first: fast on huge stores), semantic (meaning; "
                                                   "extra 'semantic'), or hybrid (both, rank-fused)."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Full-text search, case- and diacritic-insensitive ("to lam" finds "Tô Lâm")."""
    if mode not in ("fts", "recent", "semantic", "hybrid"):
        raise typer.BadParameter("use fts, recent, semantic or hybrid", param_hint="--mode")
    with _store(ctx) as store:
        try:
            hits = _search(store, query, limit, language, mode)
        except SearchSyntaxError as error:
            err.print(f"[red]{escape(str(error))}[/]", soft_wrap=True)
            raise typer.Exit(2)
    if as_json:
        _print_json([{**_listing(hit.document), "snippet": hit.snippet, "rank": hit.rank}
                     for hit in hits])
        return
    if not hits:
        out.print("no matches")
    for hit in hits:
        out.print(f"[bold]{hit.document.id}[/] {escape(hit.document.title or '')} "
                  f"[dim]{hit.document.published or ''}[/]", highlight=False)
        out.print(f"    {hit.snippet}", highlight=False, markup=False)


def _search(store: Store, query: str, limit: int, language: str | None, mode: str):
    if mode in ("fts", "recent"):
        return store.search(query, limit, language, recent=mode == "recent")
    from accord.store.semantic import SemanticUnavailable, embed_missing, hybrid_search, semantic_search

    try:
        embed_missing(store)
        return (semantic_search if mode == "semantic" else hybrid_search)(store.conn, query, limit)
    except SemanticUnavailable as error:
        err.print(f"[red]{error}[/]")
        raise typer.Exit(1)


@app.command()
def embed(ctx: typer.Context) -> None:
    """Compute paragraph embeddings for semantic search (extra 'semantic'); only new documents."""
    from accord.store.semantic import SemanticUnavailable, embed_missing

    with _store(ctx) as store:
        try:
            report = embed_missing(store)
        except SemanticUnavailable as error:
            err.print(f"[red]{error}[/]")
            raise typer.Exit(1)
    err.print(f"embedded {report.paragraphs} paragraphs of {report.documents} documents")


@app.command()
def rejected(
    ctx: typer.Context,
    limit: int = typer.Option(1000, min=1, help="Most rows to show."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """List inputs refused at ingest, with their reasons."""
    with _store(ctx) as store:
        rows = store.rejections(limit)
    if as_json:
        _print_json([{"origin": r.origin, "reason": r.reason} for r in rows])
        return
    table = Table(title=f"{len(rows)} rejected inputs")
    table.add_column("origin", overflow="fold")
    table.add_column("reason", overflow="fold")
    for row in rows:
        table.add_row(escape(row.origin), escape(row.reason))
    out.print(table)



PAIR_HELP = "Country pair as two ISO3 codes, in any order, e.g. VNM-LAO."


def checked_pair(pair: str | None) -> str | None:
    """A --pair value as its store key ("LAO-VNM"), or a usage error saying what is wrong."""
    try:
        return normalise_pair(pair) if pair else None
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--pair")


def _filters(pair: str | None, kind: str | None, date_from: str | None, date_to: str | None,
             limit: int) -> RecordFilter:
    checked_pair(pair)
    return RecordFilter(pair=pair, type=kind, date_from=date_from, date_to=date_to, limit=limit)


def _evidence_row(row: dict) -> dict:
    """A record row for JSON: provenance under `evidence`."""
    evidence = {"doc_id": row.pop("doc_id"), "origin": row.pop("origin"), "sentence": row.pop("sentence"),
                "sentence_start": row.pop("sent_start"), "sentence_end": row.pop("sent_end"),
                "start": row.pop("start"), "end": row.pop("end")}
    row.pop("doc_title", None)
    for key in ("countries", "aliases"):
        if isinstance(row.get(key), str):
            row[key] = json.loads(row[key])
    for key in ("planned", "negated", "is_target"):
        if key in row:
            row[key] = bool(row[key])
    return {**row, "evidence": evidence}


def _record_listing(ctx: typer.Context, table: str, filters: RecordFilter, as_json: bool,
                    columns: list[str], title: str) -> None:
    with _store(ctx) as store:
        rows = list_records(store.conn, table, filters)
    if as_json:
        _print_json([_evidence_row(dict(row)) for row in rows])
        return
    view = Table(title=f"{len(rows)} {title}")
    for column in columns + ["evidence"]:
        view.add_column(column, overflow="fold")
    for row in rows:
        view.add_row(*[str(row.get(c)) if row.get(c) is not None else "-" for c in columns],
                     f"{row['doc_id'][:8]}: {row['sentence'][:110]}")
    out.print(view)


@app.command()
def events(
    ctx: typer.Context,
    pair: Optional[str] = typer.Option(None, "--pair", help=PAIR_HELP),
    kind: Optional[str] = typer.Option(None, "--type", help="Event type, e.g. visit, agreement_signed."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Earliest date, YYYY[-MM[-DD]]."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Latest date, YYYY[-MM[-DD]]."),
    limit: int = typer.Option(1000, min=1, help="Most rows."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Events between countries, each with its evidence sentence."""
    _record_listing(ctx, "events", _filters(pair, kind, date_from, date_to, limit), as_json,
                    ["date", "type", "cameo", "source", "target", "planned"], "events")


@app.command()
def facts(
    ctx: typer.Context,
    pair: Optional[str] = typer.Option(None, "--pair", help=PAIR_HELP),
    kind: Optional[str] = typer.Option(None, "--quantity", help="Quantity kind, e.g. trade_turnover."),
    limit: int = typer.Option(1000, min=1, help="Most rows."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Numeric facts: value, unit, kind, period, target or reported."""
    _record_listing(ctx, "facts", _filters(pair, kind, None, None, limit), as_json,
                    ["quantity", "value", "unit", "qualifier", "period", "is_target"], "facts")


@app.command()
def agreements(
    ctx: typer.Context,
    pair: Optional[str] = typer.Option(None, "--pair", help=PAIR_HELP),
    date_from: Optional[str] = typer.Option(None, "--from", help="Earliest date."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Latest date."),
    limit: int = typer.Option(1000, min=1, help="Most rows."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Named agreements, treaties, memoranda and plans."""
    _record_listing(ctx, "agreements", _filters(pair, None, date_from, date_to, limit), as_json,
                    ["date", "kind", "name"], "agreements")


@app.command()
def labels(
    ctx: typer.Context,
    pair: Optional[str] = typer.Option(None, "--pair", help=PAIR_HELP),
    limit: int = typer.Option(1000, min=1, help="Most rows."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Relationship labels ("comprehensive strategic partnership") as each source words them."""
    _record_listing(ctx, "relation_labels", _filters(pair, None, None, None, limit), as_json,
                    ["label"], "relationship labels")


@app.command()
def actors(
    ctx: typer.Context,
    pair: Optional[str] = typer.Option(None, "--pair", help=PAIR_HELP),
    limit: int = typer.Option(1000, min=1, help="Most rows."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """People named in the documents, with spellings, countries and roles."""
    _filters(pair, None, None, None, limit)
    with _store(ctx) as store:
        # People merged across documents: spellings and transliterations of one person are one row.
        from accord.analysis.views import all_actors

        countries = tuple(normalise_pair(pair).split("-")) if pair else ()
        rows = [{"name": a.name, "spellings": sorted(a.spellings), "countries": [a.country] if a.country else [],
                 "roles": sorted({r.role for r in a.roles}), "documents": len(a.documents)}
                for a in sorted(all_actors(store.conn, countries), key=lambda a: (-len(a.documents), a.name))][:limit]
    if as_json:
        _print_json(rows)
        return
    view = Table(title=f"{len(rows)} actors")
    for column in ("name", "country", "documents", "roles", "spellings"):
        view.add_column(column, overflow="fold")
    for row in rows:
        view.add_row(row["name"], ", ".join(row["countries"]) or "-", str(row["documents"]),
                     "; ".join(row["roles"])[:60], ", ".join(row["spellings"]))
    out.print(view)


@app.command()
def reprocess(
    ctx: typer.Context,
    everything: bool = typer.Option(False, "--all", help="Re-extract every document, not only stale ones."),
) -> None:
    """Re-run extraction on documents extracted by another extractor version."""
    from datetime import date as _date

    from accord.analysis.materialize import refresh_canonical
    from accord.extract import EXTRACTOR_VERSION
    from accord.extract.pipeline import extract_document

    _check_model()
    with _store(ctx) as store:
        todo = store.documents_to_extract(EXTRACTOR_VERSION, everything)
        with Progress(TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=err, transient=True,
                      disable=not err.is_terminal) as progress:
            task = progress.add_task("extract", total=len(todo))
            for doc in todo:
                published = _date.fromisoformat(doc.published) if doc.published else None
                store.save_extraction(extract_document(doc.id, doc.clean_text or "", published,
                                                       captions=doc.captions))
                progress.advance(task)
        refresh_canonical(store)
    err.print(f"re-extracted {len(todo)} documents with extractor {EXTRACTOR_VERSION}")


@app.command("eval")
def evaluate(
    gold: str = typer.Option(..., "--gold", help="Folder of gold JSON files."),
    articles: str = typer.Option(..., "--articles", help="Folder holding the gold's articles."),
    as_json: bool = typer.Option(False, "--json", help="Print scores as JSON."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss and false positive."),
) -> None:
    """Score extraction against gold annotations (precision, recall, F1 per category)."""
    from pathlib import Path

    from accord.evaluation.runner import CATEGORIES, evaluate as run_eval

    gold_dir, articles_dir = Path(gold), Path(articles)
    for folder, option in ((gold_dir, "--gold"), (articles_dir, "--articles")):
        if not folder.is_dir():
            raise typer.BadParameter(f"{folder} is not a folder", param_hint=option)
    report = run_eval(gold_dir, articles_dir)
    if verbose:
        for article in report.articles:
            err.print(f"[bold]{article.article}[/]")
            for name in ("events", "facts", "facts_period", "people", "agreements"):
                matched = article.matched[name]
                for miss in matched.misses:
                    err.print(f"  [yellow]miss[/] {name}: {_brief(miss)}", highlight=False)
                for wrong in matched.false_positives:
                    err.print(f"  [red]false positive[/] {name}: {_brief(wrong)}", highlight=False)
    if as_json:
        _print_json(report.as_json())
        return
    for name in CATEGORIES:
        score = report.totals[name]
        out.print(f"{name:<16} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}"
                  f"   (tp {score.tp}, fp {score.fp}, fn {score.fn})", highlight=False)
    for missing in report.missing_articles:
        err.print(f"[yellow]article not found: {missing}[/]")


def _brief(record: dict) -> str:
    fields = {k: v for k, v in record.items() if k not in ("evidence", "_sides", "aliases")}
    evidence = record.get("evidence") or ""
    return f"{fields} | {evidence[:120]}"


from accord.commands import register_all  # noqa: E402  (commands need `app` defined above)

register_all()


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except sqlite3.DatabaseError as error:
        err.print(f"[red]store error: {escape(str(error))}[/]")
        sys.exit(1)
    except ModelError as error:
        err.print(f"[red]error: {escape(str(error))}[/]", soft_wrap=True)
        sys.exit(1)
    except OSError as error:  # e.g. a --db folder that cannot be created
        err.print(f"[red]error: {escape(str(error))}[/]", soft_wrap=True)
        sys.exit(1)
