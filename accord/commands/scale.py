"""Scale commands: `accord run` (worker processes, or a Dask cluster writing Parquet) and
`accord load` (Parquet into the store). Dask and pyarrow come with the extra `scale`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from accord.cli import _print_json, _store, app, checked_pair, err
from accord.engine import IngestOptions, ingest_paths
from accord.ingest.sources import SourceOptions

_EXTRA = "this needs the extra `scale`: pip install 'accord[scale]' (dask[distributed], pyarrow)"


def _need_scale() -> None:
    try:
        import dask.distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        err.print(f"[red]{_EXTRA}[/]")
        raise typer.Exit(2)


@app.command()
def run(
    ctx: typer.Context,
    inputs: list[str] = typer.Argument(..., help="Files, folders (recursive) or globs: text, HTML, "
                                                 "JSON Lines, WARC, RSS/Atom, gzip."),
    engine: str = typer.Option("local", "--engine", help="local: worker processes into the store "
                               "(--db); dask: a Dask cluster writing Parquet to --out."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address "
                                            "(tcp://host:8786); default: a local cluster of --workers."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", min=1,
                                help="Worker processes (local engine, or the local Dask cluster)."),
    out_dir: Optional[Path] = typer.Option(None, "--out", help="Folder for the Parquet output (dask)."),
    max_mb: float = typer.Option(20.0, "--max-mb", min=0.001, help="Refuse inputs larger than this."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report."),
) -> None:
    """Run the whole pipeline on many inputs with worker processes or on a Dask cluster.

    --engine local stores into the SQLite store like `accord ingest`, with --workers processes.
    --engine dask writes Parquet partitions (documents, events, facts, agreements, people,
    labels, rejected, canonical_events, actors) under --out; `accord load --out` stores them.
    """
    max_bytes = int(max_mb * 1024 * 1024)
    if engine == "local":
        options = IngestOptions(sources=SourceOptions(max_bytes=max_bytes), workers=workers)
        with _store(ctx) as store:
            report = ingest_paths(inputs, store, options)
        _report(report, as_json)
        raise typer.Exit(1 if report.rejected else 0)
    if engine != "dask":
        raise typer.BadParameter("use local or dask", param_hint="--engine")
    if out_dir is None:
        raise typer.BadParameter("the dask engine writes Parquet: give --out DIR", param_hint="--out")
    _need_scale()
    from accord.scale.dask_engine import run as run_dask

    manifest = run_dask(inputs, out_dir, scheduler=scheduler, workers=workers, max_bytes=max_bytes)
    if as_json:
        _print_json(manifest)
    else:
        rows = manifest["rows"]
        err.print(f"wrote {escape(str(out_dir))}: {rows['documents']} documents, {rows['events']} events, "
                  f"{rows['facts']} facts, {rows['agreements']} agreements, {rows['rejected']} rejected, "
                  f"{manifest.get('canonical_events', 0)} canonical events, {manifest.get('actors', 0)} actors")
    raise typer.Exit(1 if manifest["rows"]["rejected"] else 0)


@app.command()
def load(
    ctx: typer.Context,
    folder: Path = typer.Argument(..., help="Output folder of `accord run --engine dask`."),
    pair: Optional[str] = typer.Option(None, "--pair", help="Only documents about this pair, e.g. VNM-LAO."),
    published_from: Optional[str] = typer.Option(None, "--from", help="Only documents published from YYYY[-MM[-DD]]."),
    published_to: Optional[str] = typer.Option(None, "--to", help="Only documents published up to YYYY[-MM[-DD]]."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report."),
) -> None:
    """Bring the Parquet output of `accord run --engine dask` into the store (--db), all of it
    or the documents of one pair or period."""
    _need_scale()
    from accord.scale.load import LoadFilter
    from accord.scale.load import load as load_parquet

    if not (folder / "documents").is_dir():
        raise typer.BadParameter(f"{folder} holds no documents/ partitions", param_hint="FOLDER")
    only = LoadFilter(checked_pair(pair), published_from, published_to)
    with _store(ctx) as store:
        report = load_parquet(folder, store, only=only)
    _report(report, as_json)


def _report(report, as_json: bool) -> None:
    if as_json:
        _print_json(report.as_json())
        return
    err.print(f"[green]{report.documents_added} added[/], {report.duplicates} duplicates, "
              f"{report.unchanged} already stored, [red]{len(report.rejected)} rejected[/]")
    for rejection in report.rejected:
        err.print(f"  [red]rejected[/] {escape(rejection.origin)}: {escape(rejection.reason)}",
                  highlight=False, soft_wrap=True)
