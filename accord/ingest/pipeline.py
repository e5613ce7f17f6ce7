"""The ingest pipeline: inputs -> readers -> documents -> store, one document at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from accord.errors import Rejected
from accord.extract.pipeline import extract_document
from accord.ingest.dedup import NEAR_DUPLICATE_THRESHOLD
from accord.ingest.document import build_document
from accord.ingest.readers import read_item
from accord.ingest.sources import SourceOptions, expand_inputs, read_input
from accord.models import IngestReport, InputItem, RawArticle, Rejection
from accord.store.db import Store


class Progress(Protocol):
    """Receives progress of an ingest run (the CLI draws a bar from it)."""

    def start(self, total: int) -> None:
        """Called once with the number of inputs."""

    def advance(self, origin: str) -> None:
        """Called after each input."""


@dataclass(frozen=True)
class IngestOptions:
    """Options of an ingest run."""

    sources: SourceOptions = field(default_factory=SourceOptions)
    near_duplicate_threshold: float = NEAR_DUPLICATE_THRESHOLD
    extract: bool = True  # run the extraction pipeline on every new, non-duplicate document


def ingest_paths(specs: list[str], store: Store, options: IngestOptions = IngestOptions(),
                 progress: Progress | None = None) -> IngestReport:
    """Ingest every input named by `specs` (files, folders, globs, '-') into the store.

    Each input is read, split into articles, cleaned and stored on its own; a bad
    input or article is recorded as a rejection and the batch goes on.
    """
    report = IngestReport()
    inputs = expand_inputs(specs)
    if progress:
        progress.start(len(inputs))
    for spec in inputs:
        item = read_input(spec, options.sources)
        if isinstance(item, Rejection):
            _reject(store, report, item)
        else:
            _ingest_item(item, store, options, report)
        if progress:
            progress.advance(spec)
    return report


def ingest_items(items: list[InputItem], store: Store,
                 options: IngestOptions = IngestOptions()) -> IngestReport:
    """Ingest inputs already in memory (uploads through the web API), like files."""
    report = IngestReport()
    for item in items:
        if len(item.data) > options.sources.max_bytes:
            _reject(store, report, Rejection(item.origin, "file too large for the upload limit"))
        else:
            _ingest_item(item, store, options, report)
    return report


def _ingest_item(item: InputItem, store: Store, options: IngestOptions, report: IngestReport) -> None:
    try:
        for found in read_item(item):
            _take(found, store, report, options)
    except Exception as error:  # a reader bug must not end the batch
        _reject(store, report, Rejection(item.origin, f"internal error while reading: "
                                                      f"{type(error).__name__}: {error}"))


def _take(found: RawArticle | Rejection, store: Store, report: IngestReport,
          options: IngestOptions) -> None:
    if isinstance(found, Rejection):
        _reject(store, report, found)
        return
    try:
        document = build_document(found)
    except Rejected as error:
        _reject(store, report, Rejection(found.origin, str(error)))
        return
    extraction = None
    if options.extract and not store.has_document(document.id) \
            and store.near_duplicate_of(document, options.near_duplicate_threshold)[0] is None:
        extraction = extract_document(document.id, document.clean_text, document.published.value)
    outcome = store.add_document(document, options.near_duplicate_threshold, extraction)
    if outcome.status == "added":
        report.documents_added += 1
    elif outcome.status == "unchanged":
        report.unchanged += 1
    else:
        report.duplicates += 1


def _reject(store: Store, report: IngestReport, rejection: Rejection) -> None:
    store.record_rejection(rejection)
    report.rejected.append(rejection)
