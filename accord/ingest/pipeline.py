"""The ingest pipeline: inputs -> readers -> documents -> store, one document at a time."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Protocol

from accord.analysis.materialize import dirty_count, refresh_canonical
from accord.errors import Rejected
from accord.extract.pipeline import extract_document
from accord.ingest.dedup import NEAR_DUPLICATE_THRESHOLD
from accord.ingest.document import build_document
from accord.ingest.readers import read_item
from accord.ingest.sources import SourceOptions, expand_inputs, read_input, store_files
from accord.models import IngestReport, InputItem, RawArticle, Rejection
from accord.store.db import Store


class Progress(Protocol):
    """Receives progress of an ingest run (the CLI draws a bar from it)."""

    def start(self, total: int) -> None:
        """Called once with the number of inputs."""

    def advance(self, origin: str) -> None:
        """Called after each input."""

    def merging(self, buckets: int) -> None:
        """Called once the inputs are stored, with how many buckets of events are to be merged
        into canonical events (see analysis/materialize.py); then `merged` as they are."""

    def merged(self, done: int) -> None:
        """Called with how many buckets are merged so far."""


def _env_workers() -> int:
    try:
        return max(0, int(os.environ.get("ACCORD_WORKERS", "0")))
    except ValueError:
        return 0


@dataclass(frozen=True)
class IngestOptions:
    """Options of an ingest run."""

    sources: SourceOptions = field(default_factory=SourceOptions)
    near_duplicate_threshold: float = NEAR_DUPLICATE_THRESHOLD
    extract: bool = True  # run the extraction pipeline on every new, non-duplicate document
    # Extraction worker processes (accord.scale.local); 0 reads, extracts and stores one
    # document at a time in this process. Default: $ACCORD_WORKERS, else 0.
    workers: int = field(default_factory=_env_workers)


def ingest_paths(specs: list[str], store: Store, options: IngestOptions = IngestOptions(),
                 progress: Progress | None = None) -> IngestReport:
    """Ingest every input named by `specs` (files, folders, globs, '-') into the store.

    Each input is read, split into articles, cleaned and stored on its own; a bad
    input or article is recorded as a rejection and the batch goes on.
    """
    if options.workers > 0:
        from accord.scale.local import ingest_parallel

        report = ingest_parallel(specs, store, options, progress)
        _merge_events(store, progress)
        return report
    report = IngestReport()
    inputs = expand_inputs(specs, store_files(store.path))
    if progress:
        progress.start(len(inputs))
    for spec in inputs:
        item = read_input(spec, options.sources)
        if isinstance(item, Rejection):
            record_rejection(store, report, item)
        else:
            _ingest_item(item, store, options, report)
        if progress:
            progress.advance(spec)
    _merge_events(store, progress)
    return report


def ingest_items(items: list[InputItem], store: Store,
                 options: IngestOptions = IngestOptions()) -> IngestReport:
    """Ingest inputs already in memory (uploads through the web API), like files."""
    report = IngestReport()
    for item in items:
        if len(item.data) > options.sources.max_bytes:
            record_rejection(store, report, Rejection(item.origin, "file too large for the upload limit"))
        else:
            _ingest_item(item, store, options, report)
    _merge_events(store, None)
    return report


def _merge_events(store: Store, progress: Progress | None) -> None:
    """Merge the events of the buckets this run touched into the store's canonical events."""
    if progress:
        progress.merging(dirty_count(store.conn))
    refresh_canonical(store, progress.merged if progress else None)


def _ingest_item(item: InputItem, store: Store, options: IngestOptions, report: IngestReport) -> None:
    try:
        for found in read_item(item):
            try:
                _take(found, store, report, options)
            except Exception as error:  # one article's failure must not lose the rest of the input
                record_rejection(store, report, Rejection(found.origin, _internal("processing", error)))
    except Exception as error:  # a reader bug must not end the batch
        record_rejection(store, report, Rejection(item.origin, _internal("reading", error)))


def _internal(stage: str, error: Exception) -> str:
    """A one-line reason for an unexpected error (some libraries' messages span lines)."""
    return " ".join(f"internal error while {stage}: {type(error).__name__}: {error}".split())[:300]


def _take(found: RawArticle | Rejection, store: Store, report: IngestReport,
          options: IngestOptions) -> None:
    if isinstance(found, Rejection):
        record_rejection(store, report, found)
        return
    try:
        document = build_document(found)
    except Rejected as error:
        record_rejection(store, report, Rejection(found.origin, str(error)))
        return
    extraction = None
    if options.extract and not store.has_document(document.id) \
            and store.near_duplicate_of(document, options.near_duplicate_threshold)[0] is None:
        extraction = extract_document(document.id, document.clean_text, document.published.value,
                                      captions=document.captions)
    outcome = store.add_document(document, options.near_duplicate_threshold, extraction)
    report.count(outcome.status)


def record_rejection(store: Store, report: IngestReport, rejection: Rejection) -> None:
    """Keep a rejection in the store and in the run's report."""
    store.record_rejection(rejection)
    report.reject(rejection)

