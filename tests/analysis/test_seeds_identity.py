"""Event identity, baselines and aliases checked on the sample corpus (../shared/seeds)."""

from __future__ import annotations

import pytest

from accord.analysis import views
from accord.folding import fold
from accord.engine import ingest_paths
from accord.store.db import open_store


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    from conftest import SEEDS
    if not SEEDS.is_dir():
        pytest.skip(f"sample corpus not found at {SEEDS}")
    store = open_store(tmp_path_factory.mktemp("identity") / "seeds.db")
    ingest_paths([str(SEEDS)], store)
    yield store.conn
    store.close()


def _doc(conn, prefix: str) -> str:
    return next(row[0] for row in conn.execute("SELECT id, origin FROM documents") if row[1].split("/")[-1].startswith(prefix))


def test_the_undated_report_of_the_december_visit_joins_the_dated_visit(conn):
    visits = [e for e in views.timeline_view(conn, views.PairQuery("VNM-LAO"))
              if e["type"] == "visit" and e["date"] == "2025-12-01"]
    assert len(visits) == 1
    assert _doc(conn, "002_") in visits[0]["documents"]  # the article with no date, "on Dec 1-2"
    assert conn.execute("SELECT published FROM documents WHERE id = ?", (_doc(conn, "002_"),)).fetchone()[0] is None


def test_distinct_statements_of_the_first_of_december_are_not_lumped(conn):
    praise = [e for e in views.timeline_view(conn, views.PairQuery("VNM-LAO"))
              if e["type"] == "statement_praise" and e["date"] == "2025-12-01"]
    assert len(praise) >= 3
    for event in praise:
        words = " ".join(fold(s).lower() for s in event["evidence"])
        assert not ("welcom" in words and "thank" in words), event["evidence"]


def test_diacritic_spellings_are_aliases_and_real_name_variants_are_disagreements(conn):
    found = views.variants_view(conn, views.PairQuery("VNM-LAO"))
    kinds = {fold(row["subject"]).lower(): row["kind"] for row in found}
    assert kinds["to lam"] == "alias"
    assert kinds["saysomphone phomvihane"] == "name"
    order = [row["kind"] == "alias" for row in found]
    assert order == sorted(order)  # real disagreements first
    for row in found:
        assert all(v["documents"] for v in row["variants"])
