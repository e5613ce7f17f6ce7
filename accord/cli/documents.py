"""Commands on the stored documents: docs, show, search, embed, rejected, stats."""

from __future__ import annotations

from dataclasses import asdict
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from accord.analysis.views import document_json, search_hit_json, stats_view
from accord.cli.options import DbOption, JsonOption, read_store, store_path
from accord.cli.output import counted, err, fail, out, page, print_json, print_table
from accord.errors import SearchSyntaxError
from accord.store.db import Store

app = typer.Typer()

SEARCH_MODES = ("fts", "recent", "semantic", "hybrid")


@app.command()
def docs(
    ctx: typer.Context,
    limit: int = typer.Option(100, min=1, max=100000, help="Rows to show."),
    offset: int = typer.Option(0, min=0, help="Rows to skip."),
    include_duplicates: bool = typer.Option(False, "--all", help="Include near-duplicates."),
    language: Optional[str] = typer.Option(None, "--language", "-l",
                                           help="Only documents in (or with paragraphs in) this language, e.g. vi."),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List stored documents."""
    with read_store(ctx, db) as store:
        documents = store.list_documents(limit, offset, include_duplicates, language)
        total = _document_total(store, include_duplicates, language, len(documents), limit, offset)
    if as_json:
        print_json([document_json(doc) for doc in documents])
        return
    print_table(counted(len(documents), total, "documents", offset), ["id", "published", "lang", "words", "title"],
                [[doc.id[:12], doc.published or "-", doc.language or "-", f"{doc.word_count:,}",
                  doc.title or doc.origin] for doc in documents], evidence=False)


def _document_total(store: Store, include_duplicates: bool, language: str | None, shown: int,
                    limit: int, offset: int) -> int:
    """How many documents the listing would give without its limit."""
    if shown < limit and not offset:
        return shown
    if language is None:
        counts = store.stats()
        return counts["documents"] + (counts["near_duplicates"] if include_duplicates else 0)
    # A language filter has no count query: page through the ids (documents are few next to records).
    return offset + shown + len(store.list_documents(10**9, offset + shown, include_duplicates, language))


@app.command()
def show(
    ctx: typer.Context,
    doc_id: str = typer.Argument(..., help="Document id or a unique prefix of it."),
    raw: bool = typer.Option(False, "--raw", help="Show the raw text as read, not the clean text."),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Show one document: metadata and text."""
    with read_store(ctx, db) as store:
        doc = store.get_document(doc_id)
    if doc is None:
        raise fail(f"no document with id (or unique prefix) {doc_id!r}", code=1)
    if as_json:
        print_json(asdict(doc))
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
def stats(ctx: typer.Context, as_json: JsonOption = False, db: DbOption = None) -> None:
    """Counts of what the store holds."""
    with read_store(ctx, db) as store, store.reading() as conn:
        counts = stats_view(conn)
    if as_json:
        print_json(counts)
        return
    languages = counts.pop("languages")
    view = Table(title=f"accord store {store_path(ctx, db)}", show_header=False)
    for key, value in counts.items():
        view.add_row(key.replace("_", " "), f"{value:,}")
    view.add_row("languages", ", ".join(f"{k} {v}" for k, v in languages.items()) or "-")
    out.print(view)


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
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Full-text search, case- and diacritic-insensitive ("to lam" finds "Tô Lâm")."""
    if mode not in SEARCH_MODES:
        raise typer.BadParameter(f"use one of {', '.join(SEARCH_MODES)}", param_hint="--mode")
    with read_store(ctx, db) as store:
        try:
            # One more than asked, to tell whether --limit cut the list.
            hits, more = page(_search(store, query, limit + 1, language, mode), limit)
        except SearchSyntaxError as error:
            raise fail(str(error)) from None
    if as_json:
        print_json([search_hit_json(hit) for hit in hits])
        return
    if not hits:
        out.print("no matches")
    elif more:
        out.print(f"showing the best {len(hits)} matches (more: raise --limit)")
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
        with store.reading() as conn:
            return (semantic_search if mode == "semantic" else hybrid_search)(conn, query, limit)
    except SemanticUnavailable as error:
        raise fail(str(error), code=1) from None


@app.command()
def embed(ctx: typer.Context, db: DbOption = None) -> None:
    """Compute paragraph embeddings for semantic search (extra 'semantic'); only new documents."""
    from accord.store.semantic import SemanticUnavailable, embed_missing

    with read_store(ctx, db) as store:
        try:
            report = embed_missing(store)
        except SemanticUnavailable as error:
            raise fail(str(error), code=1) from None
    err.print(f"embedded {report.paragraphs} paragraphs of {report.documents} documents")


@app.command()
def rejected(
    ctx: typer.Context,
    limit: int = typer.Option(1000, min=1, help="Most rows to show."),
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List inputs refused at ingest, with their reasons."""
    with read_store(ctx, db) as store:
        rows = store.rejections(limit)
        total = store.stats()["rejected"]
    if as_json:
        print_json([{"origin": r.origin, "reason": r.reason} for r in rows])
        return
    # Origins and reasons are folded, not cut: a reason is read in full.
    view = Table(title=counted(len(rows), total, "rejected inputs"))
    view.add_column("origin", overflow="fold")
    view.add_column("reason", overflow="fold")
    for row in rows:
        view.add_row(escape(row.origin), escape(row.reason))
    out.print(view)
