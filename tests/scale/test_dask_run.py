"""`accord run --engine dask` on a two-worker LocalCluster gives the records the local run gives.

The sample corpus is run both ways: the records (events, facts, agreements, people, labels)
must be the same sets, and `accord load` of the Parquet output must fill a store exactly as
`accord ingest` does; duplicates across tasks are decided as the store's writer decides.
"""

from __future__ import annotations

import json
import shutil

import pytest

distributed = pytest.importorskip("dask.distributed")
pytest.importorskip("pyarrow")

import pyarrow.dataset as ds  # noqa: E402

from accord.engine import IngestOptions, ingest_paths  # noqa: E402
from accord.scale.dask_engine import run  # noqa: E402
from accord.scale.load import load  # noqa: E402
from accord.store.db import open_store  # noqa: E402
from scale_fixtures import dump  # noqa: E402

EVENT = ("doc_id", "type", "cameo", "source", "target", "date", "negated", "trigger", "sentence",
         "start", "end")
FACT = ("doc_id", "quantity", "value", "unit", "is_target", "period", "sentence", "start", "end")
AGREEMENT = ("doc_id", "name", "kind", "date", "sentence", "start", "end")
PERSON = ("doc_id", "name", "country", "role", "sentence", "start", "end")
LABEL = ("doc_id", "label", "sentence", "start", "end")
STORE_COLUMNS = {"sentence_start": "sent_start", "sentence_end": "sent_end"}


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


def _local(inputs, path):
    store = open_store(path)
    ingest_paths([str(p) for p in inputs], store, IngestOptions(workers=0))
    return store


def _from_store(store, table: str, columns) -> set:
    rows = store.conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
    return {tuple(bool(v) if c in ("negated", "is_target") else v for c, v in zip(columns, row)) for row in rows}


def _from_parquet(out, table: str, columns) -> set:
    rows = ds.dataset(str(out / table), format="parquet").to_table().to_pylist()
    return {tuple(row[c] for c in columns) for row in rows}


def test_the_dask_run_gives_the_records_of_the_local_run(client, seeds_dir, tmp_path):
    out = tmp_path / "out"
    manifest = run([str(seeds_dir)], out, client=client, task_bytes=1)  # one task per article
    assert manifest["tasks"] == len(list(seeds_dir.glob("*.txt"))) >= 2
    local = _local([seeds_dir], tmp_path / "local.db")
    for table, store_table, columns in (("events", "events", EVENT), ("facts", "facts", FACT),
                                        ("agreements", "agreements", AGREEMENT), ("people", "people", PERSON),
                                        ("labels", "relation_labels", LABEL)):
        expected = _from_store(local, store_table, columns)
        assert expected, table
        assert _from_parquet(out, table, columns) == expected, table
    assert {r["doc_id"] for r in ds.dataset(str(out / "documents")).to_table().to_pylist()} == \
        {row[0] for row in local.conn.execute("SELECT id FROM documents")}
    local.close()
    loaded = open_store(tmp_path / "loaded.db")
    report = load(out, loaded)
    assert report.documents_added == manifest["rows"]["documents"]
    loaded.close()
    assert dump(tmp_path / "loaded.db") == dump(tmp_path / "local.db")
    assert manifest["canonical_events"] > 0 and manifest["actors"] > 0
    canonical = ds.dataset(str(out / "canonical_events")).to_table().to_pylist()
    assert all(row["documents"] and row["evidence"] for row in canonical)
    # The canonical events merged on the cluster are those the store keeps after the local run.
    stored = open_store(tmp_path / "local.db")
    columns = ("pair_key", "type", "date", "source", "target", "mentions")
    assert {tuple(r) for r in stored.conn.execute(f"SELECT {', '.join(columns)} FROM canonical_events")} == \
        {(r["pair"], r["type"], r["date"], r["source"], r["target"], r["mentions"]) for r in canonical}
    stored.close()


def test_duplicates_across_tasks_are_decided_as_the_writer_decides(client, seeds_dir, tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    first = sorted(seeds_dir.glob("*.txt"))[3]
    shutil.copy(first, inputs / "a.txt")
    shutil.copy(first, inputs / "b.txt")  # the same article again
    text = first.read_text("utf-8")
    (inputs / "c.txt").write_text(text.replace(" the ", " a ", 1), "utf-8")  # a near-duplicate
    (inputs / "d.jsonl").write_text(json.dumps({"text": "too short"}) + "\n", "utf-8")
    out = tmp_path / "out"
    manifest = run([str(inputs)], out, client=client, task_bytes=1)
    documents = sorted(ds.dataset(str(out / "documents")).to_table().to_pylist(), key=lambda r: r["order"])
    assert [d["duplicate_of"] is not None for d in documents] == [False, True, True]
    assert manifest["rows"]["rejected"] == 1
    assert {r["doc_id"] for r in ds.dataset(str(out / "events")).to_table().to_pylist()} == {documents[0]["doc_id"]}
    _local([inputs], tmp_path / "local.db").close()
    loaded = open_store(tmp_path / "loaded.db")
    load(out, loaded)
    loaded.close()
    assert dump(tmp_path / "loaded.db") == dump(tmp_path / "local.db")


def test_load_can_take_one_pair_or_period(client, seeds_dir, tmp_path):
    from accord.scale.load import LoadFilter

    out = tmp_path / "out"
    run([str(seeds_dir)], out, client=client, task_bytes=1)
    documents = ds.dataset(str(out / "documents")).to_table().to_pylist()
    pair = next(d["pair"] for d in documents if d["pair"])
    first, second = pair.split("-")
    of_pair = {d["doc_id"] for d in documents if d["pair"] in (pair, f"{second}-{first}")}  # first-mention order
    of_december = {d["doc_id"] for d in documents if (d["published"] or "").startswith("2025-12")}
    assert of_pair and 0 < len(of_december) < len(documents)
    for only, expected in ((LoadFilter(pair=f"{second}-{first}"), of_pair),
                           (LoadFilter(published_from="2025-12", published_to="2025-12"), of_december),
                           (LoadFilter(pair="USA-CHN"), set())):
        store = open_store(tmp_path / f"{id(only)}.db")
        report = load(out, store, only=only)
        stored = {row[0] for row in store.conn.execute("SELECT id FROM documents")}
        assert stored == expected and report.documents_added == len(expected) and not report.rejected
        assert {row[0] for row in store.conn.execute("SELECT DISTINCT doc_id FROM events")} <= stored
        store.close()
