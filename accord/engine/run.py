"""A run of the engine: inputs -> readers -> `process_batch` -> the single writer -> store.

`workers` 0 or 1 processes the batches in this process; more hands them to a worker pool
(`pool.py`). Either way the same function makes the documents and records, and the same
writer stores them in input order, so the store ends up the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from accord.engine.pool import run_pool, seen_in
from accord.engine.work import process_batch, read_articles, read_spec
from accord.engine.writer import InputDone, Progress, Writer
from accord.ingest.sources import SourceOptions, expand_inputs, store_files
from accord.models import IngestReport, InputItem, Rejection
from accord.store.db import Store

BATCH = 16  # articles per batch: enough to fill the parser's batches, small enough to keep order cheap


@dataclass(frozen=True)
class IngestOptions:
    """Options of an ingest run. Near duplicates are decided by the store's `dedup`
    (`open_store(path, NearDuplicates(threshold))`)."""

    sources: SourceOptions = field(default_factory=SourceOptions)
    extract: bool = True  # run the extraction pipeline on every new, non-duplicate document
    # Extraction worker processes (engine/pool.py); 0 or 1 reads, extracts and stores in this
    # process. The command line passes --workers (or $ACCORD_WORKERS) in.
    workers: int = 0


def ingest_paths(specs: list[str], store: Store, options: IngestOptions = IngestOptions(),
                 progress: Progress | None = None) -> IngestReport:
    """Ingest every input named by `specs` (files, folders, globs, '-') into the store.

    Each input is read, split into articles, cleaned and stored on its own; a bad
    input or article is recorded as a rejection and the batch goes on.
    """
    inputs = expand_inputs(specs, store_files(store.path))
    writer = Writer(store, progress)
    writer.start(len(inputs))

    def stream() -> Iterator[object]:
        for spec in inputs:
            yield from read_spec(spec, options.sources)
            yield InputDone(spec)

    run(stream(), writer, options)
    return writer.finish()


def ingest_items(items: list[InputItem], store: Store,
                 options: IngestOptions = IngestOptions()) -> IngestReport:
    """Ingest inputs already in memory (uploads through the web API), like files."""
    def stream() -> Iterator[object]:
        for item in items:
            if len(item.data) > options.sources.max_bytes:
                yield Rejection(item.origin, "file too large for the upload limit")
            else:
                yield from read_articles(item)

    writer = Writer(store)
    run(stream(), writer, options)
    return writer.finish()


def run(stream: Iterable[object], writer: Writer, options: IngestOptions) -> None:
    """Process a stream of raw articles, rejections and markers in batches and write the
    results through `writer`, in order."""
    batches = _batches(stream, BATCH)
    if options.workers > 1:
        run_pool(batches, writer, options.workers, options.extract)
        return
    seen = seen_in(writer.store)
    for batch in batches:
        writer.write(process_batch(batch, options.extract, seen))


def _batches(stream: Iterable[object], size: int) -> Iterator[list]:
    batch: list[object] = []
    for item in stream:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
