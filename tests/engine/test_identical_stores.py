"""The one engine, run three ways, fills the same store: one process, `--workers 2`, and the
Dask engine followed by `accord load`. Same documents, duplicates, rejections, records with
their evidence (sentence and spans) and canonical events; row ids and timestamps left out.

Run on the shared seeds (with an exact repeat, a near repeat and a rejection added) and on
the articles of the dev set.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from accord.engine import IngestOptions, ingest_paths
from accord.store.db import open_store
from scale_fixtures import TABLES, dump

DEV_ARTICLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev" / "articles"

COMPARED = {
    **TABLES,
    "paragraphs": "doc_id, idx, start, end, language, score",
    "canonical_events": "pair_key, type, bucket, date, precision, cameo, source, target, location,"
                        " goldstein, quad_class, mentions",
}


def _rows(path: Path) -> dict[str, list[str]]:
    return dump(path, COMPARED)


def _engine(inputs: Path, db: Path, workers: int) -> tuple:
    with open_store(db) as store:
        report = ingest_paths([str(inputs)], store, IngestOptions(workers=workers))
    return report.documents_added, report.duplicates, len(report.rejected)


def _dask(inputs: Path, db: Path, tmp: Path) -> tuple:
    pytest.importorskip("dask.distributed")
    pytest.importorskip("pyarrow")
    from accord.scale.dask_engine import run
    from accord.scale.load import load

    out = tmp / "parquet"
    run([str(inputs)], out, workers=2, task_bytes=16 * 1024)  # several tasks: duplicates across them
    with open_store(db) as store:
        report = load(out, store)
    return report.documents_added, report.duplicates, len(report.rejected)


@pytest.fixture()
def seeds_with_repeats(seeds_dir, tmp_path) -> Path:
    inputs = tmp_path / "inputs"
    shutil.copytree(seeds_dir, inputs / "seeds")
    first = sorted(seeds_dir.glob("*.txt"))[0]
    shutil.copy(first, inputs / "zz_again.txt")  # an exact repeat
    text = first.read_text("utf-8")
    (inputs / "zz_near.txt").write_text(text.replace(" the ", " a ", 1), "utf-8")  # a near repeat
    (inputs / "zz_empty.txt").write_text("", "utf-8")  # a rejection
    return inputs


def _same_three_ways(inputs: Path, tmp_path: Path) -> dict[str, list[str]]:
    counts = {"serial": _engine(inputs, tmp_path / "serial.db", 0),
              "workers": _engine(inputs, tmp_path / "workers.db", 2),
              "dask": _dask(inputs, tmp_path / "dask.db", tmp_path)}
    assert counts["workers"] == counts["serial"] and counts["dask"] == counts["serial"]
    serial = _rows(tmp_path / "serial.db")
    assert _rows(tmp_path / "workers.db") == serial
    assert _rows(tmp_path / "dask.db") == serial
    return serial


@pytest.mark.slow
def test_the_seeds_give_the_same_store_three_ways(seeds_with_repeats, tmp_path):
    rows = _same_three_ways(seeds_with_repeats, tmp_path)
    assert (len(rows["documents"]), len(rows["document_origins"]), len(rows["rejected"])) == (6, 7, 1)
    assert rows["events"] and rows["facts"] and rows["people"] and rows["canonical_events"]
    conn = sqlite3.connect(tmp_path / "serial.db")
    linked = conn.execute("SELECT count(*), count(DISTINCT duplicate_of) FROM documents"
                          " WHERE duplicate_of IS NOT NULL").fetchone()
    conn.close()
    assert linked == (1, 1)  # the near repeat, linked to the first seed (the exact one is an origin)


@pytest.mark.slow
@pytest.mark.skipif(not DEV_ARTICLES.is_dir(), reason="the shared dev set is not here")
def test_the_dev_articles_give_the_same_store_three_ways(tmp_path):
    rows = _same_three_ways(DEV_ARTICLES, tmp_path)
    assert len(rows["documents"]) == len(list(DEV_ARTICLES.glob("*.txt")))
    assert rows["events"] and rows["facts"] and rows["agreements"] and rows["canonical_events"]
