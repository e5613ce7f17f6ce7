"""The worker pool of `accord ingest --workers N`: readers and the single writer in the main
process, `process_batch` in worker processes, results written in input order.

The store ends up as a one-process run leaves it: documents are added in input order and
`Store.add_document` decides duplicates when it writes. Workers look the store up read-only
to skip extracting documents already stored (a document that repeats one still in flight is
extracted and then not kept).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from accord.engine.work import process_batch
from accord.engine.writer import Writer
from accord.models import Document, RawArticle, Rejection
from accord.neardup import NearDuplicates
from accord.store.db import Store, open_reader

WORKER_DIED = "a worker process died twice while processing it (killed, or out of memory?)"


def run_pool(batches: Iterable[list], writer: Writer, workers: int, extract: bool) -> None:
    """Process `batches` in `workers` processes and write their results through `writer`,
    in order; at most 2 * workers batches are in flight."""
    store = writer.store
    db_path = store.path if store.path != ":memory:" and Path(store.path).exists() else None
    pool = _Pool(workers, db_path, store.dedup, extract)
    pending: deque[_InPool] = deque()
    try:
        for batch in batches:
            pending.append(_InPool(pool.submit(batch), batch))
            while pending and (len(pending) > 2 * workers or pending[0].future.done()):
                writer.write(_result(pending.popleft(), pool))
        while pending:
            writer.write(_result(pending.popleft(), pool))
    finally:
        pool.shutdown()


def seen_in(store: Store | None) -> Callable[[Document], bool]:
    """`seen` for process_batch: whether the store already holds a document or one it nearly
    repeats. A failed lookup says no: it only saves work, and the writer decides."""
    def seen(document: Document) -> bool:
        if store is None:
            return False
        try:
            return store.known(document)
        except Exception:  # the lookup only saves work; the writer decides
            return False
    return seen


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

    def __init__(self, workers: int, db_path: str | None, dedup: NearDuplicates, extract: bool):
        self.arguments = (workers, db_path, dedup)
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


def _result(entry: _InPool, pool: _Pool) -> list:
    try:
        return entry.future.result()
    except BrokenProcessPool:
        return pool.again(entry.batch)


# -- the worker side ------------------------------------------------------------------------------

_seen: Callable[[Document], bool] = seen_in(None)  # each worker's read-only view of the store


def _pool(workers: int, db_path: str | None, dedup: NearDuplicates) -> ProcessPoolExecutor:
    """Workers forked from a server that has the language model and gazetteer loaded already."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["accord.engine.preload"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_init_worker, initargs=(db_path, dedup))


def _init_worker(db_path: str | None, dedup: NearDuplicates) -> None:
    global _seen
    import accord.engine.preload  # noqa: F401  (already imported when forked from the server)
    if db_path:
        _seen = seen_in(open_reader(db_path, dedup))


def _run_batch(batch: list, extract: bool) -> list:
    return process_batch(batch, extract, _seen)
