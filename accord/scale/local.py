"""`accord ingest` with worker processes: readers in the main process, cleaning and extraction
in a process pool, every write through the single writer (the main process), in input order.

The store ends up as a one-process ingest leaves it: documents are added in input order and
`Store.add_document` decides duplicates when it writes. Workers look the store up read-only
to skip extracting documents already stored (a document that repeats one still in flight is
extracted and then not kept).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from accord.ingest.readers import read_item
from accord.ingest.pipeline import record_rejection as _reject
from accord.ingest.sources import expand_inputs, read_input, store_files
from accord.models import Document, IngestReport, RawArticle, Rejection
from accord.scale.process import Processed, internal_error, process_batch
from accord.store.db import Store, connect

BATCH = 16  # articles per task: enough to fill the parser's batches, small enough to keep order cheap


@dataclass(frozen=True)
class _Done:
    """Marks the end of one input, so progress advances when its articles are written."""

    spec: str


def ingest_parallel(specs: list[str], store: Store, options, progress=None) -> IngestReport:
    """`ingest_paths` with `options.workers` processes (1: the same batched path, in process)."""
    report = IngestReport()
    inputs = expand_inputs(specs, store_files(store.path))
    if progress:
        progress.start(len(inputs))
    db_path = store.path if store.path != ":memory:" and Path(store.path).exists() else None
    workers = max(1, options.workers)
    pool = _Pool(workers, db_path, options.near_duplicate_threshold, options.extract) if workers > 1 else None

    def seen(document: Document) -> bool:  # in process, the writer's own connection answers
        return _known(store, document, options.near_duplicate_threshold)

    pending: deque[_InPool | list] = deque()
    batch: list[object] = []

    def submit() -> None:
        nonlocal batch
        if batch:
            if pool is None:
                pending.append(process_batch(batch, options.extract, seen))
            else:
                pending.append(_InPool(pool.submit(batch), batch))
            batch = []
        while pending and (len(pending) > 2 * workers or _ready(pending[0])):
            _write(_result(pending.popleft(), pool), store, report, options, progress)

    try:
        for spec in inputs:
            item = read_input(spec, options.sources)
            if isinstance(item, Rejection):
                batch.append(item)
            else:
                try:
                    for found in read_item(item):
                        batch.append(found)
                        if len(batch) >= BATCH:
                            submit()
                except Exception as error:  # a reader bug must not end the run
                    batch.append(Rejection(item.origin, internal_error("reading", error)))
            batch.append(_Done(spec))
        submit()
        while pending:
            _write(_result(pending.popleft(), pool), store, report, options, progress)
    finally:
        if pool is not None:
            pool.shutdown()
    return report


WORKER_DIED = "a worker process died twice while processing it (killed, or out of memory?)"


@dataclass(frozen=True)
class _InPool:
    """A batch given to the pool, kept so it can be given again if its worker dies."""

    future: Future
    batch: list


class _Pool:
    """The worker pool, started again when a worker process dies (the system's OOM killer, a
    kill by hand): the batches it held are then processed again, one at a time, and a batch
    whose worker dies a second time has its articles rejected with a reason, so one bad input
    never ends the run."""

    def __init__(self, workers: int, db_path: str | None, threshold: float, extract: bool):
        self.arguments = (workers, db_path, threshold)
        self.extract = extract
        self.executor = _pool(*self.arguments)

    def submit(self, batch: list) -> Future:
        """Give a batch to the workers (to a new pool if the current one has lost a worker)."""
        try:
            return self.executor.submit(_run_batch, batch, self.extract)
        except BrokenProcessPool:
            self.restart()
            return self.executor.submit(_run_batch, batch, self.extract)

    def again(self, batch: list) -> list:
        """Process a batch whose worker died, on its own; reject its articles if it dies again."""
        try:
            return self.submit(batch).result()
        except BrokenProcessPool:
            self.restart()
            return [Rejection(item.origin, WORKER_DIED) if isinstance(item, RawArticle) else item
                    for item in batch]

    def restart(self) -> None:
        """Replace a broken pool with a new one."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = _pool(*self.arguments)

    def shutdown(self) -> None:
        """Stop the workers."""
        self.executor.shutdown(wait=True, cancel_futures=True)


def _ready(entry: _InPool | list) -> bool:
    return isinstance(entry, list) or entry.future.done()


def _result(entry: _InPool | list, pool: _Pool | None) -> list:
    if isinstance(entry, list):
        return entry
    try:
        return entry.future.result()
    except BrokenProcessPool:
        return pool.again(entry.batch)


def _write(results: list, store: Store, report: IngestReport, options, progress) -> None:
    """The single writer: store each result of a batch in order."""
    for result in results:
        if isinstance(result, _Done):
            if progress:
                progress.advance(result.spec)
        elif isinstance(result, Rejection):
            _reject(store, report, result)
        elif isinstance(result, Processed):
            try:
                outcome = store.add_document(result.document, options.near_duplicate_threshold,
                                             result.extraction)
            except Exception as error:  # one article's failure must not lose the rest
                _reject(store, report, Rejection(result.document.origin, internal_error("processing", error)))
                continue
            report.count(outcome.status)


# -- the worker side ------------------------------------------------------------------------------

_store: Store | None = None  # each worker's read-only view of the store
_threshold = 0.8


def _pool(workers: int, db_path: str | None, threshold: float) -> ProcessPoolExecutor:
    """Workers forked from a server that has the language model and gazetteer loaded already."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["accord.scale.preload"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_init_worker, initargs=(db_path, threshold))


def _init_worker(db_path: str | None, threshold: float) -> None:
    global _store, _threshold
    import accord.scale.preload  # noqa: F401  (already imported when forked from the server)
    _threshold = threshold
    if db_path:
        _store = Store(connect(db_path, read_only=True), db_path)


def _known(store: Store | None, document: Document, threshold: float) -> bool:
    """Whether the store already holds this document or one it nearly repeats."""
    if store is None:
        return False
    try:
        return store.has_document(document.id) or \
            store.near_duplicate_of(document, threshold)[0] is not None
    except Exception:  # the lookup only saves work; the writer decides
        return False


def _seen(document: Document) -> bool:
    return _known(_store, document, _threshold)


def _run_batch(batch: list, extract: bool) -> list:
    return process_batch(batch, extract, _seen)
