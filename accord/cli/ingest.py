"""Commands that put documents into the store: `accord ingest` and `accord reprocess`."""

from __future__ import annotations

from datetime import date

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from accord.cli.options import DbOption, read_store, write_store
from accord.cli.output import err, print_json
from accord.engine import IngestOptions, ingest_paths
from accord.ingest.sources import SourceOptions

app = typer.Typer()

WORKERS_HELP = "Extraction worker processes (0: in this process). Writes stay in one writer."


class ProgressBar:
    """Adapts a rich progress bar to the pipeline's Progress protocol."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.task = None
        self.merge = None

    def start(self, total: int) -> None:
        """A bar of `total` inputs."""
        self.task = self.progress.add_task("ingest", total=total, name="")

    def advance(self, origin: str) -> None:
        """One input done."""
        self.progress.update(self.task, advance=1, name=origin[-50:])

    def merging(self, buckets: int) -> None:
        """Merging starts: a second bar of `buckets` pair-years."""
        self.progress.update(self.task, name="")
        self.merge = self.progress.add_task("merge", total=buckets, name="events into canonical events")

    def merged(self, done: int) -> None:
        """`done` pair-years merged."""
        self.progress.update(self.merge, completed=done)


def progress_columns() -> tuple:
    """The columns of accord's progress bars."""
    return (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeRemainingColumn(), TextColumn("{task.fields[name]}", style="dim"))


def print_report(report, as_json: bool) -> None:
    """An ingest report: JSON, or one summary line and one line per rejected input."""
    if as_json:
        print_json(report.as_json())
        return
    err.print(f"[green]{report.documents_added} added[/], {report.duplicates} duplicates, "
              f"{report.unchanged} already stored, [red]{len(report.rejected)} rejected[/]")
    for rejection in report.rejected:
        # Text from inputs is escaped (a "[/]" in it is not markup) and never wrapped:
        # each rejection stays on one line when stderr is a file or a pipe.
        err.print(f"  [red]rejected[/] {escape(rejection.origin)}: {escape(rejection.reason)}",
                  highlight=False, soft_wrap=True)


def check_model() -> None:
    """Load the event coder before any input is read: a missing or broken model file is one
    clear error naming it and how to rebuild it, not a rejection of every document."""
    from accord.extract.coder.model import load_coder

    load_coder()


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for stdin."),
    max_mb: float = typer.Option(20.0, "--max-mb", min=0.001, help="Refuse inputs larger than this."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    workers: int = typer.Option(0, "--workers", min=0, max=64, envvar="ACCORD_WORKERS", help=WORKERS_HELP),
    db: DbOption = None,
) -> None:
    """Read articles (text, HTML, JSON Lines, WARC, RSS/Atom) into the store.

    Exit code 0 when every input was stored, 1 when some were rejected (the rest are stored).
    """
    check_model()
    options = IngestOptions(sources=SourceOptions(max_bytes=int(max_mb * 1024 * 1024)), workers=workers)
    with write_store(ctx, db) as store:
        with Progress(*progress_columns(), console=err, transient=True,
                      disable=quiet or as_json or not err.is_terminal) as progress:
            report = ingest_paths(paths, store, options, ProgressBar(progress))
    print_report(report, as_json)
    raise typer.Exit(1 if report.rejected else 0)


@app.command()
def reprocess(
    ctx: typer.Context,
    everything: bool = typer.Option(False, "--all", help="Re-extract every document, not only stale ones."),
    db: DbOption = None,
) -> None:
    """Re-run extraction on documents extracted by another extractor version."""
    from accord.analysis.materialize import refresh_canonical
    from accord.extract import EXTRACTOR_VERSION
    from accord.extract.pipeline import extract_document

    check_model()
    with read_store(ctx, db) as store:
        todo = store.documents_to_extract(EXTRACTOR_VERSION, everything)
        with Progress(TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=err, transient=True,
                      disable=not err.is_terminal) as progress:
            task = progress.add_task("extract", total=len(todo))
            for doc in todo:
                published = date.fromisoformat(doc.published) if doc.published else None
                store.save_extraction(extract_document(doc.id, doc.clean_text or "", published,
                                                       captions=doc.captions))
                progress.advance(task)
        refresh_canonical(store)
    err.print(f"re-extracted {len(todo)} documents with extractor {EXTRACTOR_VERSION}")

