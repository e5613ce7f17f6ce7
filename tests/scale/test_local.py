"""Ingest with worker processes stores what the one-process ingest stores; the query shapes of
accord.scale.queries agree with the records they summarise."""

from __future__ import annotations

import shutil

from accord.ingest.pipeline import IngestOptions, ingest_paths
from accord.scale.queries import period_index, period_index_scan, search_recent, targets, timeline_page
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


def test_query_shapes_summarise_the_stored_events(seeds_dir, tmp_path):
    _ingest([seeds_dir], tmp_path / "s.db", 0)
    with open_store(tmp_path / "s.db") as store:
        conn = store.conn
        pair = conn.execute("SELECT pair_key FROM events WHERE pair_key IS NOT NULL GROUP BY pair_key"
                            " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        dated = conn.execute("SELECT count(*) FROM events WHERE pair_key = ? AND negated = 0 AND date IS NOT NULL",
                             (pair,)).fetchone()[0]
        pages, after = [], None
        while True:
            page = timeline_page(conn, pair, limit=7, after=after)
            if not page:
                break
            pages.extend(page)
            after = (page[-1]["date"], page[-1]["id"])
        assert len(pages) == dated and [(p["date"], p["id"]) for p in pages] == sorted((p["date"], p["id"]) for p in pages)
        years = period_index(conn, pair, "year")
        assert sum(row["events"] for row in years) == dated
        assert all(0 <= row["cooperative_share"] <= 1 for row in years)
        for by in ("year", "month"):  # the trigger-kept table agrees with the events themselves
            assert period_index(conn, pair, by) == period_index_scan(conn, pair, by)
        # Re-extracting a document (delete + insert through the triggers) keeps them in step.
        doc_id = conn.execute("SELECT doc_id FROM events WHERE pair_key = ? LIMIT 1", (pair,)).fetchone()[0]
        conn.execute("UPDATE events SET negated = 1 WHERE doc_id = ? AND type = 'visit'", (doc_id,))
        conn.execute("DELETE FROM events WHERE doc_id = ? AND type = 'meeting_talks'", (doc_id,))
        for key in {r[0] for r in conn.execute("SELECT DISTINCT pair_key FROM events WHERE pair_key IS NOT NULL")}:
            assert period_index(conn, key, "month") == period_index_scan(conn, key, "month")
        hits = search_recent(conn, "Vientiane", limit=3)
        assert 0 < len(hits) <= 3 and all(hit["id"] for hit in hits)
        stated = conn.execute("SELECT count(*) FROM facts WHERE pair_key = ? AND is_target = 1", (pair,)).fetchone()[0]
        assert sum(t["statements"] for t in targets(conn, pair)) == stated
        plan = " ".join(str(r[3]) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT substr(date, 1, 4), count(*) FROM events INDEXED BY events_pair_period"
            " WHERE pair_key = ? AND negated = 0 GROUP BY 1", (pair,)))
        assert "COVERING INDEX events_pair_period" in plan
