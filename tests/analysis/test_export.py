"""The GDELT 2.0 and GraphML exports, read back as other tools read them: pandas with GDELT's
column list (no header row), networkx's GraphML reader."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from accord.analysis.canonical import merge_events
from accord.analysis.export import EXPORTERS
from accord.analysis.load import load_events
from accord.engine import ingest_paths
from accord.store.db import open_store

pandas = pytest.importorskip("pandas")
networkx = pytest.importorskip("networkx")

URL = "https://news.example.org/2025/11/vietnam-cambodia-border-trade"
ARTICLE = f"""URL: {URL}
TITLE: Vietnam and Cambodia sign border trade agreement
PUBLISHED: 2025-11-20
---
Vietnamese Prime Minister Pham Minh Chinh and Cambodian Prime Minister Hun Manet held talks in
Phnom Penh on November 18, 2025. The two countries signed an agreement on border trade the same day.
"""

# GDELT 2.0's event table (GDELT-Event_Codebook-V2.0), written out here from the codebook rather
# than taken from accord: each column with the pattern its values must match ("" allowed where
# GDELT leaves a field blank).
INT, FLOAT, TEXT = r"-?\d+", r"-?\d+(\.\d+)?", r"[^\t\n]*"
ACTOR = [("Code", TEXT), ("Name", TEXT), ("CountryCode", r"([A-Z]{3})?"), ("KnownGroupCode", TEXT),
         ("EthnicCode", TEXT), ("Religion1Code", TEXT), ("Religion2Code", TEXT), ("Type1Code", TEXT),
         ("Type2Code", TEXT), ("Type3Code", TEXT)]
GEO = [("Type", r"[1-5]?"), ("FullName", TEXT), ("CountryCode", r"([A-Z]{2})?"), ("ADM1Code", TEXT),
       ("ADM2Code", TEXT), ("Lat", f"({FLOAT})?"), ("Long", f"({FLOAT})?"), ("FeatureID", TEXT)]
GDELT_2 = ([("GLOBALEVENTID", INT), ("SQLDATE", r"\d{8}"), ("MonthYear", r"\d{6}"), ("Year", r"\d{4}"),
            ("FractionDate", FLOAT)]
           + [(f"Actor1{name}", kind) for name, kind in ACTOR] + [(f"Actor2{name}", kind) for name, kind in ACTOR]
           + [("IsRootEvent", "[01]"), ("EventCode", r"\d{3,4}"), ("EventBaseCode", r"\d{3}"),
              ("EventRootCode", r"\d{2}"), ("QuadClass", "[1-4]"), ("GoldsteinScale", FLOAT),
              ("NumMentions", INT), ("NumSources", INT), ("NumArticles", INT), ("AvgTone", f"({FLOAT})?")]
           + [(f"{side}Geo_{name}", kind) for side in ("Actor1", "Actor2", "Action") for name, kind in GEO]
           + [("DATEADDED", r"\d{14}"), ("SOURCEURL", r"\S+")])


@pytest.fixture(scope="module")
def db(tmp_path_factory, request) -> Path:
    seeds = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"sample corpus not found at {seeds}")
    folder = tmp_path_factory.mktemp("export")
    (folder / "with_url.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "export.db"
    with open_store(path) as store:
        report = ingest_paths([str(seeds), str(folder / "with_url.txt")], store)
    assert not report.rejected and report.documents_added == 6
    return path


def _gdelt(db: Path, tmp_path: Path) -> "pandas.DataFrame":
    out = tmp_path / "events.export.tsv"
    with open_store(db) as store:
        EXPORTERS["gdelt"](store.conn, out, None)
    return pandas.read_csv(out, sep="\t", header=None, names=[name for name, _ in GDELT_2], dtype=str,
                           keep_default_na=False, quoting=3)


def test_gdelt_has_no_header_and_every_column_has_its_codebook_type(db, tmp_path):
    from accord.analysis.gdelt import GDELT_COLUMNS

    assert GDELT_COLUMNS == [name for name, _ in GDELT_2] and len(GDELT_COLUMNS) == 61
    frame = _gdelt(db, tmp_path)
    raw = (tmp_path / "events.export.tsv").read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 60 for line in raw)  # 61 fields on every line, the first included
    assert len(frame) > 5 and frame["GLOBALEVENTID"].is_unique
    for name, pattern in GDELT_2:
        bad = [value for value in frame[name] if not re.fullmatch(pattern, value)]
        assert not bad, f"{name}: {bad[:3]}"
    # The typed columns convert as GDELT readers convert them.
    assert frame["SQLDATE"].astype(int).between(19000101, 21001231).all()
    assert frame["GoldsteinScale"].astype(float).between(-10, 10).all()


def test_gdelt_names_actors_by_country_and_fills_date_added_and_source_url(db, tmp_path):
    frame = _gdelt(db, tmp_path)
    laos = frame[frame["Actor1CountryCode"] == "LAO"]
    assert set(laos["Actor1Name"]) == {"Laos"} and set(frame[frame["Actor2CountryCode"] == "VNM"]["Actor2Name"]) == {"Vietnam"}
    with sqlite3.connect(db) as conn:
        stamps = {"".join(c for c in s if c.isdigit()) for (s,) in conn.execute("SELECT ingested_at FROM documents")}
        ids = {i for (i,) in conn.execute("SELECT id FROM documents WHERE url IS NULL")}
    assert set(frame["DATEADDED"]) <= stamps
    cambodia = frame[(frame["Actor1CountryCode"] == "KHM") | (frame["Actor2CountryCode"] == "KHM")]
    from_url_article = cambodia[cambodia["SQLDATE"] == "20251118"]
    assert len(from_url_article) and set(from_url_article["SOURCEURL"]) == {URL}
    # Where no document of an event has a URL, the first report's document id stands in for it.
    assert set(frame[frame["SOURCEURL"] != URL]["SOURCEURL"]) <= ids


def test_gdelt_fills_the_action_location_from_the_gazetteer(db, tmp_path):
    frame = _gdelt(db, tmp_path)
    placed = frame[frame["ActionGeo_FullName"] != ""]
    assert len(placed)
    vientiane = placed[placed["ActionGeo_FullName"] == "Vientiane, Laos"]
    assert len(vientiane) and set(vientiane["ActionGeo_Type"]) == {"4"}
    assert set(vientiane["ActionGeo_CountryCode"]) == {"LA"}
    penh = placed[placed["ActionGeo_FullName"].str.startswith("Phnom Penh")]
    assert set(penh["ActionGeo_CountryCode"]) <= {"KH"}
    assert (frame[frame["ActionGeo_FullName"] == ""]["ActionGeo_Type"] == "").all()


def test_graphml_opens_in_networkx_with_labels_and_weights(db, tmp_path):
    out = tmp_path / "net.graphml"
    with open_store(db) as store:
        EXPORTERS["graphml"](store.conn, out, None)
        events = [e for e in merge_events(load_events(store.conn, None)) if e.source and e.target]
    graph = networkx.read_graphml(out)
    assert graph.is_directed()
    assert graph.nodes["VNM"]["label"] == "Vietnam" and graph.nodes["LAO"]["label"] == "Laos"
    weights = networkx.get_edge_attributes(graph, "weight")
    assert weights and all(isinstance(w, float) and w >= 1 for w in weights.values())
    assert sum(weights.values()) == len(events)
    both_ways = weights[("VNM", "LAO")] + weights.get(("LAO", "VNM"), 0)
    assert both_ways == sum(1 for e in events if {e.source, e.target} == {"VNM", "LAO"})
