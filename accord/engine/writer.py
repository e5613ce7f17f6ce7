"""The single writer of a run: every result of `process_batch` stored in input order, counted
in the run's report, with progress; then the canonical events of the buckets the run touched
re-merged. The serial run, the worker pool and `accord load` all write through it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from accord.analysis.materialize import refresh_canonical
from accord.engine.work import Processed, internal_error
from accord.models import IngestReport, Rejection
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


@dataclass(frozen=True)
class InputDone:
    """Marks the end of one input among the results, so progress advances when its articles
    are written."""

    spec: str


class Writer:
    """Stores results one at a time (one transaction per document) into `store`, and counts
    them in `report`."""

    def __init__(self, store: Store, progress: Progress | None = None, report: IngestReport | None = None):
        self.store = store
        self.progress = progress
        self.report = report if report is not None else IngestReport()

    def start(self, inputs: int) -> None:
        """Say how many inputs the run has."""
        if self.progress:
            self.progress.start(inputs)

    def write(self, results: Iterable[object]) -> None:
        """Store each result in order: a Processed document (with its records), a Rejection,
        or an InputDone marker."""
        for result in results:
            if isinstance(result, InputDone):
                if self.progress:
                    self.progress.advance(result.spec)
            elif isinstance(result, Rejection):
                self.reject(result)
            elif isinstance(result, Processed):
                self.add(result)

    def add(self, result: Processed) -> None:
        """Store one document; a failure rejects only that document."""
        try:
            outcome = self.store.add_document(result.document, result.extraction)
        except Exception as error:  # one article's failure must not lose the rest
            self.reject(Rejection(result.document.origin, internal_error("processing", error)))
            return
        self.report.count(outcome.status)

    def reject(self, rejection: Rejection) -> None:
        """Keep a rejection in the store and in the run's report."""
        self.store.record_rejection(rejection)
        self.report.reject(rejection)

    def finish(self) -> IngestReport:
        """Merge the events of the buckets this run touched into the store's canonical events;
        return the run's report."""
        if self.progress:
            self.progress.merging(self.store.dirty_count())
        refresh_canonical(self.store, self.progress.merged if self.progress else None)
        return self.report
