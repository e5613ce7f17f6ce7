"""The SQLite store: migrations, one transaction per document, FTS, rejections."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.errors import SearchSyntaxError
from accord.ingest.document import build_document
from accord.models import Paragraph, RawArticle, Rejection
from accord.store.db import default_db_path, open_store
from accord.store.migrations import MIGRATIONS, apply_migrations
from accord.store.queries import fts_query, make_snippet
from samples import BRAZIL_ARGENTINA, JAPAN_INDIA, KENYA_UGANDA, VIETNAM_NAMES


def doc(text: str, origin: str = "mem", **meta):
    return build_document(RawArticle(origin=origin, format="text", text=text, **meta))


def table_count(store, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# -- opening and migrations ---------------------------------------------------------

def test_open_applies_every_migration_once(tmp_path):
    path = tmp_path / "sub" / "accord.db"
    with open_store(path) as store:
        names = [r[0] for r in store.conn.execute("SELECT name FROM _migrations ORDER BY name")]
        assert names == sorted(name for name, _ in MIGRATIONS)
        assert apply_migrations(store.conn) == []
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        store.add_document(doc(KENYA_UGANDA))
    with open_store(path) as reopened:  # reopening applies nothing and keeps the data
        assert apply_migrations(reopened.conn) == []
        assert reopened.stats()["documents"] == 1
        assert table_count(reopened, "_migrations") == len(MIGRATIONS)


def test_failed_migration_leaves_nothing_behind(tmp_path, monkeypatch):
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    bad = MIGRATIONS + [("999_broken", "CREATE TABLE half (x INTEGER); SELECT * FROM nowhere;")]
    monkeypatch.setattr("accord.store.migrations.MIGRATIONS", bad)
    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(conn)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "documents" in tables and "half" not in tables
    done = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
    assert "999_broken" not in done and not conn.in_transaction


def test_the_library_ignores_the_environment_for_the_store_path(monkeypatch):
    monkeypatch.setenv("ACCORD_DB", "/tmp/elsewhere.db")
    assert default_db_path() == "accord.db"  # $ACCORD_DB is the command line's (--db envvar)


# -- writing ----------------------------------------------------------------------

def test_add_document_and_read_it_back(store):
    document = doc(KENYA_UGANDA, origin="k.txt", url="https://ea.example/k", published="2024-03-05",
                   source="East Africa Daily")
    outcome = store.add_document(document)
    assert (outcome.status, outcome.doc_id) == ("added", document.id)
    stored = store.get_document(document.id[:6])
    assert stored.id == document.id and stored.origin == "k.txt" and stored.origins == ("k.txt",)
    assert stored.clean_text == document.clean_text and stored.raw_text == KENYA_UGANDA
    assert (stored.published, stored.published_from) == ("2024-03-05", "metadata")
    assert stored.language == "en" and stored.source == "East Africa Daily"
    assert stored.word_count == document.word_count and stored.mixed_language is False
    assert table_count(store, "paragraphs") == len(document.paragraphs)
    assert store.get_document("zz") is None and store.get_document("") is None


def test_reading_refuses_writes_and_the_store_writes_again_afterwards(store):
    store.add_document(doc(KENYA_UGANDA, origin="a.txt"))
    with store.reading() as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM documents")
    store.add_document(doc(JAPAN_INDIA, origin="b.txt"))
    assert table_count(store, "documents") == 2


def test_same_document_again_is_unchanged_and_from_elsewhere_a_duplicate(store):
    document = doc(KENYA_UGANDA, origin="a.txt")
    store.add_document(document)
    assert store.add_document(document).status == "unchanged"
    again = store.add_document(replace(document, origin="b.txt"))
    assert (again.status, again.duplicate_of) == ("duplicate", document.id)
    stats = store.stats()
    assert (stats["documents"], stats["exact_duplicates"], stats["duplicates"]) == (1, 1, 1)


def test_ambiguous_id_prefix_finds_nothing(store):
    first, second = doc(KENYA_UGANDA), doc(BRAZIL_ARGENTINA)
    store.add_document(first)
    store.add_document(second)
    common = 0
    while first.id[common] == second.id[common]:
        common += 1
    assert store.get_document(first.id[:common]) is None
    assert store.get_document(first.id[:common + 1]).id == first.id


def test_one_transaction_per_document(store):
    good = doc(KENYA_UGANDA)
    # A paragraph row that violates NOT NULL fails after the document row was inserted.
    broken = replace(doc(JAPAN_INDIA), paragraphs=(Paragraph(0, 10, "en", 1.0),
                                                   Paragraph(None, None, "en", 1.0)))
    store.add_document(good)
    with pytest.raises(sqlite3.IntegrityError):
        store.add_document(broken)
    assert not store.conn.in_transaction
    assert [d.id for d in store.list_documents()] == [good.id]
    for table in ("document_origins", "minhash_bands"):
        ids = {r[0] for r in store.conn.execute(f"SELECT DISTINCT doc_id FROM {table}")}
        assert ids == {good.id}
    assert table_count(store, "documents_fts") == 1
    assert store.add_document(doc(JAPAN_INDIA)).status == "added"  # the store still works


def test_near_duplicate_links_to_the_original(store):
    original = doc(JAPAN_INDIA)
    near = doc(JAPAN_INDIA.replace("on Friday", "on Thursday"))
    store.add_document(original)
    outcome = store.add_document(near)
    assert (outcome.status, outcome.duplicate_of) == ("near_duplicate", original.id)
    assert 0.8 <= outcome.similarity < 1
    nearer = doc(JAPAN_INDIA.replace("on Friday", "on Thursday").replace("two hours", "2 hours"))
    # A near duplicate of a near duplicate links to the first original.
    assert store.add_document(nearer).duplicate_of == original.id
    assert [d.id for d in store.list_documents()] == [original.id]
    assert len(store.list_documents(include_duplicates=True)) == 3
    assert store.stats()["near_duplicates"] == 2


def test_rejected_table_dedups_repeated_rejections(store):
    store.record_rejection(Rejection("bad.bin", "binary content, not text"))
    store.record_rejection(Rejection("bad.bin", "binary content, not text"))
    store.record_rejection(Rejection("bad.bin", "empty file"))
    rows = store.conn.execute("SELECT origin, reason, times FROM rejected ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [("bad.bin", "binary content, not text", 2),
                                        ("bad.bin", "empty file", 1)]
    assert store.stats()["rejected"] == 2
    assert set(store.rejections()) == {Rejection("bad.bin", "binary content, not text"),
                                       Rejection("bad.bin", "empty file")}


def test_list_documents_paging(store):
    docs = [doc(t) for t in (KENYA_UGANDA, BRAZIL_ARGENTINA, JAPAN_INDIA)]
    for d in docs:
        store.add_document(d)
    assert [d.id for d in store.list_documents(limit=2)] == [d.id for d in docs[:2]]
    assert [d.id for d in store.list_documents(limit=2, offset=2)] == [docs[2].id]


def test_stats_counts(store):
    store.add_document(doc(KENYA_UGANDA, published="2024-03-05"))
    store.add_document(doc(BRAZIL_ARGENTINA))
    stats = store.stats()
    assert stats["documents"] == 2 and stats["dated_documents"] == 1
    assert stats["words"] == sum(d.word_count for d in store.list_documents())
    assert stats["duplicates"] == 0 and stats["rejected"] == 0


# -- full-text search ---------------------------------------------------------------

@pytest.fixture
def searchable(store):
    for text in (KENYA_UGANDA, BRAZIL_ARGENTINA, JAPAN_INDIA, VIETNAM_NAMES):
        store.add_document(doc(text))
    return store


@pytest.mark.parametrize("query,found", [
    ("To Lam", "Tô Lâm"), ("vung ang", "Vũng Áng"), ("da nang", "Đà Nẵng"), ("DA NANG", "Đà Nẵng"),
    ("Tô Lâm", "Tô Lâm"), ("tô lam", "Tô Lâm")])
def test_search_is_case_and_diacritic_insensitive(searchable, query, found):
    [hit] = searchable.search(query)
    assert found in hit.document.title + hit.snippet
    assert found in searchable.get_document(hit.document.id).clean_text


def test_search_needs_every_word(searchable):
    assert len(searchable.search("pipeline")) == 1
    assert searchable.search("pipeline Mercosur") == []


def test_search_handles_punctuation_in_plain_queries(searchable):
    [hit] = searchable.search("Indo-Pacific")
    assert "Indo-Pacific" in hit.snippet
    assert len(searchable.search("U.S.")) == 0


def test_search_operators(searchable):
    assert len(searchable.search("pipeline OR Mercosur")) == 2
    assert len(searchable.search("Kenya NOT pipeline")) == 0
    assert len(searchable.search('"crude oil pipeline"')) == 1
    assert len(searchable.search("Merco*")) == 1


def test_recent_search_gives_the_same_matches_most_recently_stored_first(searchable):
    ranked = searchable.search("pipeline OR Mercosur OR Lam", limit=10)
    recent = searchable.search("pipeline OR Mercosur OR Lam", limit=10, recent=True)
    assert {h.document.id for h in recent} == {h.document.id for h in ranked} and len(recent) == 3
    stored = [d.id for d in searchable.list_documents()]  # in storing order
    assert [h.document.id for h in recent] == sorted((h.document.id for h in recent), key=stored.index, reverse=True)
    assert len(searchable.search("pipeline OR Mercosur OR Lam", limit=2, recent=True)) == 2


def test_search_snippet_is_cut_from_the_original_text(searchable):
    [hit] = searchable.search("vung ang")
    assert "Vũng Áng" in hit.snippet
    assert len(hit.snippet) <= 2 * 90 + 2


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "Kenya AND", "(", "*", "!!!", "", "   "])
def test_search_syntax_errors(searchable, query):
    with pytest.raises(SearchSyntaxError):
        searchable.search(query)


def test_fts_query_quotes_plain_words():
    assert fts_query("Tô Lâm") == '"to" "lam"'
    assert fts_query("Lao-Viet U.S.") == '"lao" "viet" "u" "s"'
    assert fts_query("Kenya OR Uganda") == "kenya OR uganda"


def test_make_snippet_without_match_starts_at_the_beginning():
    text = "Kenya and Uganda " * 30
    snippet = make_snippet(text, ["brazil"])
    assert snippet.startswith("Kenya and Uganda") and snippet.endswith("…")


_QUERY = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(["Kenya", "AND", "OR", "NOT", "NEAR", '"', "*", "(", ")", ":", "^", "+",
                              "title:", "tô", "lâm", "-", "NEAR(", "\x00", "'"]), max_size=8).map(" ".join),
)


@given(query=_QUERY)
def test_search_never_raises_anything_but_search_syntax_error(searchable, query):
    try:
        hits = searchable.search(query)
    except SearchSyntaxError:
        return
    assert all(hit.document.id for hit in hits)
