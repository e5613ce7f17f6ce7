"""The store's canonical events (analysis/materialize.py) against merging in memory.

Whatever documents come and go, after `refresh_canonical` the stored timeline, index and
commitments of every pair must equal what merging the pair's mentions now gives."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.analysis import views
from accord.analysis.canonical import merge_events
from accord.analysis.commitments import track_commitments
from accord.analysis.load import load_events, load_facts
from accord.analysis.materialize import dirty_buckets, refresh_canonical, settled
from accord.analysis.timeline import relationship_index, timeline
from accord.store.db import open_store

PAIRS = [("KEN", "UGA"), ("UGA", "KEN"), ("FRA", "DEU")]
TYPES = ["visit", "meeting"]
DATES = [None, "2023", "2024", "2024-05", "2024-05-03", "2024-05-04", "2024-06-01", "2025-01-02"]
LOCATIONS = [None, None, "Nairobi", "Kampala"]

event_rows = st.lists(st.tuples(st.sampled_from(PAIRS), st.sampled_from(TYPES), st.sampled_from(DATES),
                                st.sampled_from(LOCATIONS), st.booleans()), max_size=6)


def _precision(date: str | None) -> str | None:
    return {None: None, 4: "year", 7: "month", 10: "day"}[len(date) if date else None]


def _store_document(store, doc_id: str, published: str | None, events) -> None:
    with store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO documents(id, origin, format, published, source, raw_text,"
                     " clean_text) VALUES (?, ?, 'text', ?, 'Outlet', 'x', 'x')", (doc_id, doc_id, published))
        conn.execute("DELETE FROM events WHERE doc_id = ?", (doc_id,))  # as a re-extraction does
        for (source, target), kind, date, location, negated, *sentence in events:
            conn.execute(
                "INSERT INTO events(doc_id, type, cameo, goldstein, quad_class, source, target, pair_key,"
                " date, date_precision, location, negated, sentence, sent_start, sent_end, start, end,"
                " version, confidence) VALUES (?, ?, '042', 1.9, 1, ?, ?, ?, ?, ?, ?, ?, ?,"
                " 0, 11, 0, 5, 'test', 0.5)",
                (doc_id, kind, source, target, "-".join(sorted((source, target))), date, _precision(date),
                 location, int(negated), sentence[0] if sentence else "A sentence."))


def _in_memory(conn, pair: str, query: views.PairQuery):
    events = merge_events(load_events(conn, pair))
    return ([e.as_json() for e in timeline(events, query.date_from, query.date_to)],
            [row.as_json() for row in relationship_index(events, query.by)])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(st.lists(st.tuples(st.integers(0, 5), event_rows), max_size=4), min_size=1, max_size=3),
       by=st.sampled_from(["year", "quarter", "month"]),
       window=st.sampled_from([(None, None), ("2024", None), ("2024-05", "2024-05"), (None, "2024-05-03")]))
def test_stored_canonical_events_equal_merging_in_memory(tmp_path_factory, batches, by, window):
    store = open_store(tmp_path_factory.mktemp("m") / "store.db")
    for batch in batches:  # each batch is one ingest run: documents (re)stored, then a refresh
        for number, events in batch:
            _store_document(store, f"doc{number}", "2024-05-05" if number % 2 else None, events)
        refresh_canonical(store)
    assert dirty_buckets(store.conn) == []
    for pair in ("KEN-UGA", "DEU-FRA"):
        query = views.PairQuery(pair, window[0], window[1], by)
        assert settled(store.conn, query.key)
        timeline_json, index_json = _in_memory(store.conn, pair, query)
        assert views.timeline_view(store.conn, query) == timeline_json
        assert views.index_view(store.conn, query) == index_json
        page = dataclasses.replace(query, limit=2, offset=1)
        assert views.timeline_view(store.conn, page) == timeline_json[1:3]
    store.close()


# Sentences that name a day without a year: undated reports of them join the dated event of that
# day (canonical.link_undated), across buckets; the store must link and unlink as memory does.
SENTENCES = ["A sentence.", "The visit on May 3 ended.", "Talks on 3 May.", "He left on June 1.", "Praise on May 4."]
LINK_DATES = [None, None, "2024-05-03", "2024-06-01", "2025-05-03", "2024-05"]
linked_rows = st.lists(st.tuples(st.sampled_from(PAIRS), st.sampled_from(TYPES), st.sampled_from(LINK_DATES),
                                 st.sampled_from([None]), st.booleans(), st.sampled_from(SENTENCES)), max_size=6)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(st.lists(st.tuples(st.integers(0, 3), linked_rows), max_size=4), min_size=1, max_size=3))
def test_stored_links_of_undated_reports_equal_linking_in_memory(tmp_path_factory, batches):
    store = open_store(tmp_path_factory.mktemp("l") / "store.db")
    for batch in batches:
        for number, events in batch:
            _store_document(store, f"doc{number}", "2024-05-05" if number % 2 else None, events)
        refresh_canonical(store)
    for pair in ("KEN-UGA", "DEU-FRA"):
        query = views.PairQuery(pair)
        assert views.timeline_view(store.conn, query) == _in_memory(store.conn, pair, query)[0]
    store.close()


def test_a_pair_with_unmerged_changes_is_merged_in_memory(tmp_path):
    store = open_store(tmp_path / "store.db")
    _store_document(store, "a", "2024-05-05", [(("KEN", "UGA"), "visit", "2024-05-03", None, False)])
    refresh_canonical(store)
    _store_document(store, "b", "2024-05-06", [(("UGA", "KEN"), "visit", "2024-05-03", "Nairobi", False),
                                               (("UGA", "KEN"), "meeting", "2024", None, False)])
    assert not settled(store.conn, "KEN-UGA")
    query = views.PairQuery("KEN-UGA")
    shown = views.timeline_view(store.conn, query)
    assert [(e["type"], e["date"], e["mentions"]) for e in shown] == [("meeting", "2024", 1), ("visit", "2024-05-03", 2)]
    assert shown == _in_memory(store.conn, "KEN-UGA", query)[0]
    assert refresh_canonical(store) == 2  # the visit's 2024 bucket and the meeting's
    assert views.timeline_view(store.conn, query) == shown


def test_an_undated_mention_joins_its_documents_one_event_of_that_year(tmp_path):
    store = open_store(tmp_path / "store.db")
    _store_document(store, "a", None, [(("KEN", "UGA"), "visit", None, None, False),
                                       (("KEN", "UGA"), "visit", "2024-05-03", None, False)])
    _store_document(store, "b", None, [(("KEN", "UGA"), "visit", None, None, False)])
    refresh_canonical(store)
    shown = views.timeline_view(store.conn, views.PairQuery("KEN-UGA"))
    assert [(e["date"], e["documents"]) for e in shown] == [("2024-05-03", ["a"]), (None, ["b"])]


def test_commitments_read_only_what_they_need(tmp_path):
    store = open_store(tmp_path / "store.db")
    with store.transaction() as conn:
        for doc_id, published in (("a", "2024-01-01"), ("b", "2025-02-01"), ("c", "2025-03-01")):
            conn.execute("INSERT INTO documents(id, origin, format, published, raw_text, clean_text)"
                         " VALUES (?, ?, 'text', ?, 'x', 'x')", (doc_id, doc_id, published))
        facts = [("a", 10e9, "by 2030", 1), ("a", 4e9, "in 2023", 0), ("b", 5e9, "2024", 0),
                 ("c", 5.5e9, "in 2024", 0), ("c", 7e9, "first 6 months of 2025", 0), ("b", 2e9, None, 0)]
        for doc_id, value, period, target in facts:
            conn.execute("INSERT INTO facts(doc_id, quantity, value, unit, period, is_target, pair_key, sentence,"
                         " sent_start, sent_end, start, end, version, confidence) VALUES (?, 'trade', ?, 'USD',"
                         " ?, ?, 'KEN-UGA', 'A sentence.', 0, 11, 0, 5, 'test', 0.5)", (doc_id, value, period, target))
    query = views.PairQuery("KEN-UGA")
    expected = [c.as_json() for c in track_commitments(load_facts(store.conn, "KEN-UGA"), views.reference_year(store.conn))]
    shown = views.commitments_view(store.conn, query)
    assert shown == expected
    assert shown[0]["latest_actual"]["value"] == pytest.approx(5.5e9)  # 2024, the later report


def test_removing_only_an_undated_mention_re_merges_the_year_it_had_joined(tmp_path):
    store = open_store(tmp_path / "store.db")
    _store_document(store, "a", None, [(("KEN", "UGA"), "visit", "2024-05-03", None, False),
                                       (("KEN", "UGA"), "visit", None, None, False)])
    refresh_canonical(store)
    assert views.timeline_view(store.conn, views.PairQuery("KEN-UGA"))[0]["mentions"] == 2
    with store.transaction() as conn:
        conn.execute("DELETE FROM events WHERE date IS NULL")
    refresh_canonical(store)
    assert views.timeline_view(store.conn, views.PairQuery("KEN-UGA"))[0]["mentions"] == 1


facts_rows = st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from(["trade", "aid"]),
                                st.sampled_from(["USD", "MW"]), st.sampled_from([5e9, 5.001e9, 10e9, 2e9]),
                                st.sampled_from([None, "by 2030", "by the end of 2030", "in 2023", "2024",
                                                 "first 6 months of 2025", "by 2025"]), st.booleans()),
                      max_size=14)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=facts_rows, limit=st.sampled_from([None, 1, 2, 5]), offset=st.integers(0, 3))
def test_commitments_pages_equal_tracking_every_fact(tmp_path_factory, rows, limit, offset):
    store = open_store(tmp_path_factory.mktemp("c") / "store.db")
    with store.transaction() as conn:
        for doc_id, published in (("a", "2024-01-01"), ("b", "2025-02-01"), ("c", None)):
            conn.execute("INSERT INTO documents(id, origin, format, published, raw_text, clean_text)"
                         " VALUES (?, ?, 'text', ?, 'x', 'x')", (doc_id, doc_id, published))
        for doc_id, quantity, unit, value, period, target in rows:
            conn.execute("INSERT INTO facts(doc_id, quantity, value, unit, period, is_target, pair_key, sentence,"
                         " sent_start, sent_end, start, end, version, confidence) VALUES (?, ?, ?, ?, ?, ?,"
                         " 'KEN-UGA', 'A sentence.', 0, 11, 0, 5, 'test', 0.5)",
                         (doc_id, quantity, value, unit, period, int(target)))
    every = [c.as_json() for c in track_commitments(load_facts(store.conn, "KEN-UGA"), views.reference_year(store.conn))]
    page = views.commitments_view(store.conn, views.PairQuery("KEN-UGA", limit=limit, offset=offset))
    assert page == every[offset:None if limit is None else offset + limit]
    store.close()


def test_the_store_links_an_undated_report_to_the_visit_of_the_day_it_names(tmp_path):
    store = open_store(tmp_path / "store.db")

    def add(doc_id, published, date, sentence):
        _store_document(store, doc_id, published, [(("VNM", "LAO"), "visit", date, None, False)])
        with store.transaction() as conn:
            conn.execute("UPDATE events SET sentence = ? WHERE doc_id = ?", (sentence, doc_id))

    add("a", "2025-12-02", None, "The visit from December 1-2 ended.")  # stored before the dated report
    add("b", "2025-12-01", "2025-12-01", "The visit began today.")
    refresh_canonical(store)
    query = views.PairQuery("VNM-LAO")
    shown = views.timeline_view(store.conn, query)
    assert [(e["date"], e["documents"], e["mentions"]) for e in shown] == [("2025-12-01", ["b", "a"], 2)]
    assert shown == _in_memory(store.conn, "VNM-LAO", query)[0]
    add("c", "2019-12-05", "2019-12-01", "An earlier visit began.")  # now two years have a December 1 visit
    refresh_canonical(store)
    shown = views.timeline_view(store.conn, query)
    assert [(e["date"], e["mentions"]) for e in shown] == [("2019-12-01", 1), ("2025-12-01", 1), (None, 1)]
    assert shown == _in_memory(store.conn, "VNM-LAO", query)[0]
