"""Ingest with worker processes stores what the one-process ingest stores."""

from __future__ import annotations

import shutil

from accord.ingest.pipeline import IngestOptions, ingest_paths
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
