"""Issue 4's acceptance checks on the sample corpus, through the CLI's JSON."""

import json

import pytest
from typer.testing import CliRunner

from accord.cli import app


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from pathlib import Path
    seeds = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
    path = tmp_path_factory.mktemp("analysis") / "seeds.db"
    result = CliRunner().invoke(app, ["--db", str(path), "ingest", str(seeds), "--json"])
    assert result.exit_code == 0, result.output
    return path


def run_json(db, *args):
    result = CliRunner().invoke(app, ["--db", str(db), *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_timeline_holds_historical_events_and_the_merged_december_talks(db):
    items = run_json(db, "timeline", "--pair", "LAO-VNM")
    keys = {(i["date"], i["type"]) for i in items}
    assert ("1962-09-05", "other") in keys
    assert ("1977-07-18", "agreement_signed") in keys
    talks = [i for i in items if i["date"] == "2025-12-01" and i["type"] == "meeting_talks"]
    assert len(talks) == 1 and len(talks[0]["documents"]) >= 2
    for item in items:
        assert set(item) >= {"date", "type", "cameo", "source", "target", "documents", "outlets",
                             "mentions", "evidence"}
        assert item["evidence"] and item["mentions"] >= 1


def test_commitments_hold_trade_and_electricity_targets(db):
    rows = run_json(db, "commitments", "--pair", "VNM-LAO")
    trade = {r["target_value"]: r for r in rows if r["quantity"] == "trade_turnover" and r["unit"] == "USD"}
    assert set(trade) >= {5e9, 10e9}
    for row in (trade[5e9], trade[10e9]):
        # set in December 2025: the 2023 figure is the baseline they start from, not progress,
        # and with no deadline nothing is "behind"
        assert row["set_year"] == 2025 and row["latest_actual"] is None
        assert row["baseline"]["value"] == 1.6e9 and "2023" in row["baseline"]["period"]
        assert row["deadline"] is None and row["status"] != "behind"
        assert row["documents"]
    energy = {(r["target_value"], r["deadline"]) for r in rows if r["unit"] == "MW"}
    assert {(3000.0, "2025"), (5000.0, "2030")} <= energy


def test_variants_show_the_new_labels_wordings_with_documents(db):
    rows = run_json(db, "variants", "--pair", "VNM-LAO")
    labels = [r for r in rows if r["kind"] == "relationship_label"]
    biggest = max(labels, key=lambda r: len(r["variants"]))
    assert len(biggest["variants"]) >= 3
    assert len({d for v in biggest["variants"] for d in v["documents"]}) >= 3
    assert all(v["documents"] for v in biggest["variants"])


def test_actor_to_lam_is_one_actor_with_both_spellings(db):
    profile = run_json(db, "actor", "To Lam")
    assert {profile["name"], *profile["aliases"]} >= {"To Lam", "Tô Lâm"}
    assert profile["country"] == "VNM" and profile["events"]


def test_actors_listing_merges_transliterations_across_documents(db):
    rows = run_json(db, "actors", "--pair", "LAO-VNM")
    spellings = [{r["name"], *r["aliases"]} for r in rows]
    assert {"Saysomphone Phomvihane", "Xaysomphone Phomvihane"} in spellings
    assert {"To Lam", "Tô Lâm"} in spellings


def test_index_by_year_has_the_historical_and_recent_years(db):
    periods = {r["period"]: r for r in run_json(db, "index", "--pair", "VNM-LAO", "--by", "year")}
    assert {"1962", "1977", "2025"} <= set(periods)
    assert all(0 <= r["cooperative_share"] <= 1 for r in periods.values())


def test_bad_pair_is_a_usage_error(db):
    result = CliRunner().invoke(app, ["--db", str(db), "timeline", "--pair", "VIETNAM"])
    assert result.exit_code == 2


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_report_is_written(db, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(app, ["--db", str(db), "report", "--pair", "VNM-LAO", "-o", str(out),
                                      "--format", fmt])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "1977-07-18" in text and "Treaty of Amity" in text
    if fmt == "html":
        assert "<svg" in text and "http://" not in text.replace("http://www.w3.org/2000/svg", "")
        assert "<script" not in text


@pytest.mark.parametrize("fmt,name", [("csv", "csv"), ("jsonl", "jsonl"), ("graphml", "net.graphml"),
                                      ("gdelt", "events.tsv")])
def test_exports(db, tmp_path, fmt, name):
    out = tmp_path / name
    result = CliRunner().invoke(app, ["--db", str(db), "export", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "gdelt":
        rows = out.read_text().splitlines()  # GDELT's files have no header row
        assert rows and all(len(r.split("\t")) == 61 and r.split("\t")[0].isdigit() for r in rows)
        assert any(r.split("\t")[1] == "19770718" for r in rows)
    elif fmt == "graphml":
        assert "<edge" in out.read_text()
    else:
        assert (out / f"events.{fmt}").stat().st_size > 0
