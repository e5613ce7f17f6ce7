"""Scale commands: `accord run` (worker processes, or a Dask cluster writing Parquet) and
`accord load` (Parquet into the store). Dask and pyarrow come with the extra `scale`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from accord.cli.extras import require
from accord.cli.ingest import print_report
from accord.cli.options import DbOption, FromOption, PairOption, ToOption, check_period, write_store
from accord.cli.output import err, print_json
from accord.engine import IngestOptions, ingest_paths
from accord.ingest.sources import SourceOptions

app = typer.Typer()


@app.command()
def run(
    ctx: typer.Context,
    inputs: list[str] = typer.Argument(..., help="Files, folders (recursive) or globs: text, HTML, "
                                                 "JSON Lines, WARC, RSS/Atom, gzip."),
    engine: str = typer.Option("local", "--engine", help="local: worker processes into the store "
                               "(--db); dask: a Dask cluster writing Parquet to --out."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address "
                                            "(tcp://host:8786); default: a local cluster of --workers."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", min=1, envvar="ACCORD_WORKERS",
                                help="Worker processes (local engine, or the local Dask cluster)."),
    out_dir: Optional[Path] = typer.Option(None, "--out", help="Folder for the Parquet output (dask)."),
    max_mb: float = typer.Option(20.0, "--max-mb", min=0.001, help="Refuse inputs larger than this."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report."),
    db: DbOption = None,
) -> None:
    """Run the whole pipeline on many inputs with worker processes or on a Dask cluster.

    --engine local stores into the SQLite store like `accord ingest`, with --workers processes.
    --engine dask writes Parquet partitions (documents, events, facts, agreements, people,
    labels, rejected, canonical_events, actors) under --out; `accord load --out` stores them.
    """
    max_bytes = int(max_mb * 1024 * 1024)
    if engine == "local":
        options = IngestOptions(sources=SourceOptions(max_bytes=max_bytes), workers=workers)
        with write_store(ctx, db) as store:
            report = ingest_paths(inputs, store, options)
        print_report(report, as_json)
        raise typer.Exit(1 if report.rejected else 0)
    if engine != "dask":
        raise typer.BadParameter("use local or dask", param_hint="--engine")
    if out_dir is None:
        raise typer.BadParameter("the dask engine writes Parquet: give --out DIR", param_hint="--out")
    require("scale")
    from accord.scale.dask_engine import run as run_dask

    manifest = run_dask(inputs, out_dir, scheduler=scheduler, workers=workers, max_bytes=max_bytes)
    if as_json:
        print_json(manifest)
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
    pair: PairOption = None,
    published_from: FromOption = None,
    published_to: ToOption = None,
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report."),
    db: DbOption = None,
) -> None:
    """Bring the Parquet output of `accord run --engine dask` into the store.

    All of it, or the documents of one pair (--pair) or publication period (--from, --to)."""
    require("scale")
    from accord.scale.load import LoadFilter
    from accord.scale.load import load as load_parquet
    from accord.store.records import normalise_pair

    if not (folder / "documents").is_dir():
        raise typer.BadParameter(f"{folder} holds no documents/ partitions", param_hint="FOLDER")
    check_period(published_from, published_to)
    only = LoadFilter(normalise_pair(pair), published_from, published_to)
    with write_store(ctx, db) as store:
        report = load_parquet(folder, store, only=only)
    print_report(report, as_json)
