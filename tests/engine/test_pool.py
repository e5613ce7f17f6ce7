"""Ingest with worker processes stores what the one-process ingest stores."""

from __future__ import annotations

import shutil
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

from accord.engine import IngestOptions, ingest_paths
from accord.models import RawArticle, Rejection
from accord.engine import pool as local
from accord.engine.writer import InputDone
from accord.neardup import NearDuplicates
from accord.store.db import open_store
from scale_fixtures import dump


def _ingest(inputs, path, workers: int):
    with open_store(path) as store:
        report = ingest_paths([str(p) for p in inputs], store, IngestOptions(workers=workers))
    return report


def test_worker_processes_store_what_one_process_stores(seeds_dir, tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(seeds_dir, inputs / "seeds")
    shutil.copy(sorted(seeds_dir.glob("*.txt"))[0], inputs / "again.txt")  # an exact repeat
    (inputs / "empty.txt").write_text("", "utf-8")  # a rejection
    reports = {w: _ingest([inputs], tmp_path / f"w{w}.db", w) for w in (0, 1, 2)}
    assert {w: (r.documents_added, r.duplicates, len(r.rejected)) for w, r in reports.items()} == \
        {w: (5, 1, 1) for w in (0, 1, 2)}
    assert dump(tmp_path / "w1.db") == dump(tmp_path / "w0.db")
    assert dump(tmp_path / "w2.db") == dump(tmp_path / "w0.db")
    # Ingesting again adds nothing and (workers reading the store) extracts nothing new.
    again = _ingest([inputs], tmp_path / "w2.db", 2)
    assert (again.documents_added, again.unchanged) == (0, 6)
    assert dump(tmp_path / "w2.db") == dump(tmp_path / "w0.db")


# -- a worker process that dies ---------------------------------------------------------------

class _Executor:
    """Stands in for a process pool whose worker dies for the first `deaths` batches."""

    def __init__(self, deaths: list[int]):
        self.deaths = deaths

    def submit(self, fn, batch, extract):
        future = Future()
        if self.deaths[0] > 0:
            self.deaths[0] -= 1
            future.set_exception(BrokenProcessPool("a child process terminated abruptly"))
        else:
            future.set_result([f"processed {item.origin}" for item in batch if isinstance(item, RawArticle)])
        return future

    def shutdown(self, **_):
        pass


def test_a_batch_whose_worker_died_is_processed_again(monkeypatch):
    deaths = [1]
    monkeypatch.setattr(local, "_pool", lambda *arguments: _Executor(deaths))
    pool = local._Pool(2, None, NearDuplicates(), True)
    batch = [RawArticle("a.txt", "text", "Kenya and Uganda met.")]
    assert local._result(local._InPool(pool.submit(batch), batch), pool) == ["processed a.txt"]


def test_a_batch_whose_worker_dies_twice_has_its_articles_rejected_with_a_reason(monkeypatch):
    deaths = [2]
    monkeypatch.setattr(local, "_pool", lambda *arguments: _Executor(deaths))
    pool = local._Pool(2, None, NearDuplicates(), True)
    batch = [RawArticle("a.txt", "text", "Kenya and Uganda met."), Rejection("b.txt", "empty file"),
             InputDone("a.txt")]
    assert local._result(local._InPool(pool.submit(batch), batch), pool) == [
        Rejection("a.txt", local.WORKER_DIED), Rejection("b.txt", "empty file"), InputDone("a.txt")]
    assert local._result(local._InPool(pool.submit(batch[:1]), batch[:1]), pool) == ["processed a.txt"]
