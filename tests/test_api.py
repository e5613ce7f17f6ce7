"""The notebook API (accord/api.py): accord.open and accord.extract, and the README's example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import accord
from accord.engine import ingest_paths
from accord.store.db import open_store

pandas = pytest.importorskip("pandas")

README = Path(__file__).resolve().parents[1] / "README.md"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> Path:
    """A store of the seeds, named demo.db as `make demo` names it, in a folder of its own."""
    if not SEEDS.is_dir():
        pytest.skip(f"sample corpus not found at {SEEDS}")
    path = tmp_path_factory.mktemp("api") / "demo.db"
    with open_store(path) as store:
        assert not ingest_paths([str(SEEDS)], store).rejected
    return path


def test_the_readme_example_runs_against_the_seeds(seeds_db, monkeypatch, capsys):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    [example] = [block for block in blocks if "accord.open(" in block]
    monkeypatch.chdir(seeds_db.parent)
    namespace: dict = {}
    exec(compile(example, str(README), "exec"), namespace)
    assert len(namespace["visits"]) >= 1 and set(namespace["visits"]["type"]) == {"visit"}
    assert isinstance(namespace["timeline"], pandas.DataFrame) and len(namespace["timeline"]) >= 10
    assert "trade_turnover" in set(namespace["targets"]["quantity"])
    assert list(namespace["article"].events.df()["type"]) == ["agreement_signed"]
    assert "Vientiane" in capsys.readouterr().out


def test_listings_take_the_cli_filters_and_agree_with_the_store(seeds_db):
    with accord.open(seeds_db) as store:
        every = store.events(limit=10**6)
        visits = store.events(pair="lao-vnm", type="visit", date_from="2025-12", date_to="2025-12-31")
        assert visits and all(r["type"] == "visit" and r["date"].startswith("2025-12") for r in visits)
        assert len(visits) == sum(1 for r in every if r["type"] == "visit" and r["pair_key"] == "LAO-VNM"
                                  and r["date"] and "2025-12" <= r["date"] <= "2025-12-31")
        assert len(store.events(limit=3)) == 3
        assert all(isinstance(r["planned"], bool) for r in every)
        facts = store.facts(pair="VNM-LAO", quantity="trade_turnover")
        assert facts and {r["quantity"] for r in facts} == {"trade_turnover"}
        assert isinstance(facts[0]["countries"], list)
        assert any(r["date"] == "1977-07-18" for r in store.agreements(pair="VNM-LAO", date_to="1977"))
        assert store.agreements(date_from="2030") == []


def test_analysis_views_and_frames(seeds_db):
    with accord.open(str(seeds_db)) as store:
        timeline = store.timeline("VNM-LAO")
        assert ("1962-09-05", "other") in {(e["date"], e["type"]) for e in timeline}
        assert store.timeline("VNM-LAO", limit=2, offset=1) == timeline[1:3]
        frame = store.timeline("VNM-LAO", date_from="2025", as_frame=True)
        assert isinstance(frame, pandas.DataFrame)
        assert len(frame) and (frame["date"] >= "2025").all() and len(frame) < len(timeline)
        commitments = store.commitments("VNM-LAO").df()
        assert {"quantity", "target_value", "status", "actual_value"} <= set(commitments.columns)
        index = store.index("VNM-LAO", by="year", as_frame=True)
        assert "1962" in set(index["period"]) and index["events"].sum() >= 1
        documents = store.documents(as_frame=True)
        assert len(documents) == 5 and "clean_text" not in documents.columns


@pytest.mark.parametrize("call, message", [
    (lambda s: s.events(pair="VNM-LAX"), "unknown ISO3 code 'LAX'"),
    (lambda s: s.events(pair="Vietnam"), "two ISO3 codes"),
    (lambda s: s.events(type="visits"), "visit, meeting_talks"),
    (lambda s: s.events(date_from="2025-13"), "YYYY-MM"),
    (lambda s: s.agreements(date_to="2025-02-30"), "YYYY-MM-DD"),
    (lambda s: s.timeline("VNM-LAO", date_from="yesterday"), "date_from: invalid date"),
    (lambda s: s.index("VNM-LAO", by="week"), "month, quarter or year"),
    (lambda s: s.facts(quantity="trade"), "unknown quantity"),
])
def test_typos_raise_saying_what_is_valid(seeds_db, call, message):
    with accord.open(seeds_db) as store, pytest.raises(ValueError, match=message):
        call(store)


def test_opening_a_missing_store_is_an_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "nonexist.db"
    with pytest.raises(FileNotFoundError, match="no accord store"):
        accord.open(missing)
    assert not missing.exists()


def test_extract_reads_one_article_without_a_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = ("Vietnam and Laos signed an agreement on energy cooperation in Vientiane on 2 December 2025. "
            "Two-way trade reached USD 2.3 billion in 2024.")
    article = accord.extract(text, published="2025-12-03")
    [event] = article.events
    assert (event["type"], event["source"], event["target"], event["date"]) == \
        ("agreement_signed", "VNM", "LAO", "2025-12-02")
    assert article.text[event["sent_start"]:event["sent_end"]] == event["sentence"]
    [fact] = article.facts
    assert (fact["value"], fact["unit"], fact["period"]) == (2.3e9, "USD", "2024")
    assert article.published == "2025-12-03" and article.facts.df()["value"].tolist() == [2.3e9]
    assert list(tmp_path.iterdir()) == []  # no store was made
    with pytest.raises(ValueError, match="no article text"):
        accord.extract("   ")


def test_extract_is_the_package_too():
    # accord.extract is callable and still the package holding the extraction modules.
    import accord.extract.pipeline

    assert callable(accord.extract) and accord.extract.pipeline.extract_document
    assert accord.extract.EXTRACTOR_VERSION
