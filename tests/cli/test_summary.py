"""`accord summary`: one screen that agrees with the other commands."""

from __future__ import annotations

import json

from cli_helpers import invoke


def _json(db: str, *args: str):
    result = invoke("--db", db, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_summary_agrees_with_stats_actors_pairs_timeline_and_commitments(seeded_db):
    summary = _json(seeded_db, "summary")
    stats = _json(seeded_db, "stats")
    assert summary["documents"]["documents"] == stats["documents"] == 5
    for kind in ("events", "facts", "agreements", "relation_labels", "actors"):
        assert summary["records"][kind] == stats[kind], kind
    assert summary["records"]["actors"] == len(_json(seeded_db, "actors"))
    top = summary["pairs"]["top"][0]
    assert top["pair_key"] == "LAO-VNM" and top["events"] == len(_json(seeded_db, "events", "--pair", "VNM-LAO"))
    timeline = _json(seeded_db, "timeline", "--pair", "VNM-LAO")
    most = max(len(item["documents"]) for item in timeline)
    assert summary["top_events"] and len(summary["top_events"][0]["documents"]) <= most
    assert max(len(e["documents"]) for e in summary["top_events"]) == most
    dates = [e["date"] or "9999" for e in summary["top_events"]]
    assert dates == sorted(dates)
    commitments = _json(seeded_db, "commitments", "--pair", "VNM-LAO")
    assert {c["target_value"] for c in summary["commitments"]} == {c["target_value"] for c in commitments}
    progress = [c["progress"] is not None for c in summary["commitments"]]
    assert progress == sorted(progress, reverse=True)  # measured progress first


def test_summary_reads_in_one_screen(seeded_db):
    result = invoke("--db", seeded_db, "summary", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) <= 30 and all(len(line) <= 80 for line in lines)
    text = result.stdout
    stats = _json(seeded_db, "stats")
    pair_events = len(_json(seeded_db, "events", "--pair", "VNM-LAO"))
    assert "5 documents" in text and f"{stats['events']} events" in text
    assert f"LAO-VNM {pair_events} events" in text
    assert "most reported events" in text and "USD 5 bn" in text and "USD 1.6 bn (2023, baselin" in text
    assert "5000000000" not in text


def test_stats_counts_actors_as_actors_lists_them(seeded_db):
    assert _json(seeded_db, "stats")["actors"] == len(_json(seeded_db, "actors")) == 10
