"""Semantic and hybrid search with the packaged MiniLM model (extra `semantic`)."""

import pytest

pytest.importorskip("sentence_transformers", reason="the 'semantic' extra is not installed")

from accord.engine import IngestOptions, ingest_paths  # noqa: E402
from accord.store.semantic import embed_missing, hybrid_search, semantic_search  # noqa: E402

ARTICLES = {
    "energy.txt": "Kenya and Ethiopia opened a high-voltage power line that will carry hydroelectric "
                  "electricity from the Gibe dams to Nairobi, officials said on Monday.",
    "football.txt": "Brazil beat Argentina two goals to one in a friendly football match in Rio de Janeiro "
                    "on Sunday, with the winning goal scored in the final minute.",
    "treaty.txt": "Japan and India signed a treaty on defence equipment transfers in New Delhi, the "
                  "two foreign ministries announced in a joint statement.",
}


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    from accord.store.db import open_store
    folder = tmp_path_factory.mktemp("semantic")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    store = open_store(folder / "s.db")
    ingest_paths([str(folder)], store, IngestOptions(extract=False))
    report = embed_missing(store)
    assert report.documents == 3 and report.paragraphs == 3
    assert embed_missing(store).documents == 0  # idempotent
    yield store.conn
    store.close()


def _origins(hits):
    return [h.document.origin.rsplit("/", 1)[-1] for h in hits]


def test_semantic_search_finds_meaning_without_shared_words(conn):
    assert _origins(semantic_search(conn, "cross-border electricity supply", 3))[0] == "energy.txt"
    assert _origins(semantic_search(conn, "soccer game result", 3))[0] == "football.txt"


def test_hybrid_search_ranks_documents_found_both_ways_first(conn):
    hits = hybrid_search(conn, "defence treaty", 3)
    assert _origins(hits)[0] == "treaty.txt"
    assert len(hits) == 3
