"""Tables that read: human numbers, yes/no flags, one line a row within the terminal, and
"showing N of M" whenever a limit cuts a list; the full record stays in --json."""

from __future__ import annotations

import json

import pytest

from accord.cli.output import counted, cut, human_amount, plural, yes_no
from cli_helpers import invoke


@pytest.mark.parametrize("value,unit,value_max,expected", [
    (5_000_000_000.0, "USD", None, "USD 5 bn"),
    (5_500_000_000.0, "USD", None, "USD 5.5 bn"),
    (1_200_000_000.0, "USD", 1_500_000_000.0, "USD 1.2-1.5 bn"),
    (250_000_000.0, "VND", None, "VND 250 mn"),
    (2_000_000_000_000.0, "JPY", None, "JPY 2 tn"),
    (450_000.0, "EUR", None, "EUR 450,000"),
    (3000.0, "MW", None, "3,000 MW"),
    (14000.0, "scholarships", None, "14,000 scholarships"),
    (12.5, "percent", None, "12.5%"),
    (2.0, "percentage_points", None, "2 pp"),
    (1.0, "barrels_per_day", None, "1 barrels per day"),
    (None, "USD", None, "-"),
])
def test_human_amounts(value, unit, value_max, expected):
    assert human_amount(value, unit, value_max) == expected


def test_flags_counts_and_cuts():
    assert (yes_no(True), yes_no(0), yes_no(None)) == ("yes", "no", "-")
    assert counted(27, 27, "events") == "27 events"
    assert counted(20, 27, "events") == "showing 20 of 27 events"
    assert counted(5, 27, "events", offset=20) == "showing events 21-25 of 27"
    assert counted(3, None, "events") == "showing events 1-3 of more (next: --offset 3)"
    assert (plural(1, "event"), plural(1200, "event")) == ("1 event", "1,200 events")
    assert cut("a  long\nsentence here", 10) == "a long se…" and cut("short", 10) == "short"


def test_tables_use_human_numbers_and_fit_the_terminal(seeded_db):
    facts = invoke("--db", seeded_db, "facts", env={"COLUMNS": "80"})
    assert facts.exit_code == 0
    assert "USD 5 bn" in facts.stdout and "3,000 MW" in facts.stdout
    assert "5000000000" not in facts.stdout and ".0 " not in facts.stdout
    assert " yes " in facts.stdout and " no " in facts.stdout
    events = invoke("--db", seeded_db, "events", "--pair", "VNM-LAO", env={"COLUMNS": "80"})
    lines = events.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    total = len(json.loads(invoke("--db", seeded_db, "events", "--pair", "VNM-LAO", "--json").stdout))
    assert lines[0].strip() == f"{total} events"
    rows = [line for line in lines if line[:4].isdigit() or line.startswith("-  ")]
    assert len(rows) == total  # one line a row: nothing wraps
    assert all(line.endswith("…") or len(line) < 80 for line in rows)


def test_json_keeps_the_whole_sentence_and_raw_values(seeded_db):
    facts = json.loads(invoke("--db", seeded_db, "facts", "--json").stdout)
    target = next(f for f in facts if f["value"] == 5_000_000_000.0)
    assert target["is_target"] is True and target["unit"] == "USD"
    assert target["evidence"]["sentence"].endswith("in the coming time.")
    events = json.loads(invoke("--db", seeded_db, "events", "--json").stdout)
    assert max(len(e["evidence"]["sentence"]) for e in events) > 200


@pytest.mark.parametrize("args,noun", [
    (["events", "--limit", "3"], "events"), (["facts", "--limit", "2"], "facts"),
    (["agreements", "--limit", "2"], "agreements"), (["labels", "--limit", "2"], "relationship labels"),
    (["actors", "--limit", "2"], "actors"), (["docs", "--limit", "2"], "documents"),
])
def test_a_cut_listing_says_how_many_of_how_many(seeded_db, args, noun):
    total = len(json.loads(invoke("--db", seeded_db, args[0], "--json", "--limit", "1000").stdout))
    shown = int(args[-1])
    result = invoke("--db", seeded_db, *args)
    assert result.stdout.splitlines()[0].strip() == f"showing {shown} of {total} {noun}"


def test_paged_views_say_where_the_next_page_starts(seeded_db):
    timeline = invoke("--db", seeded_db, "timeline", "--pair", "VNM-LAO", "--limit", "3")
    assert "showing events 1-3 of more (next: --offset 3), VNM-LAO" in timeline.stdout
    commitments = invoke("--db", seeded_db, "commitments", "--pair", "VNM-LAO", "--limit", "1")
    assert "showing commitments 1-1 of more (next: --offset 1)" in commitments.stdout
    whole = invoke("--db", seeded_db, "commitments", "--pair", "VNM-LAO")
    assert whole.stdout.splitlines()[0].strip().endswith("commitments, VNM-LAO")
    assert "USD 5 bn" in whole.stdout and "USD 1.6 bn (2023, baselin" in whole.stdout


def test_actor_says_showing_20_of_all_its_events(seeded_db):
    profile = json.loads(invoke("--db", seeded_db, "actor", "To Lam", "--json").stdout)
    assert len(profile["events"]) > 20
    human = invoke("--db", seeded_db, "actor", "To Lam").stdout
    assert f"showing 20 of {len(profile['events'])} events" in human
    every = invoke("--db", seeded_db, "actor", "To Lam", "--limit", "0").stdout
    assert f"{len(profile['events'])} events" in every and "showing" not in every


def test_search_says_when_its_limit_cut_the_matches(seeded_db):
    every = json.loads(invoke("--db", seeded_db, "search", "laos", "--json").stdout)
    assert len(every) > 2
    assert len(json.loads(invoke("--db", seeded_db, "search", "laos", "--limit", "2", "--json").stdout)) == 2
    cut_list = invoke("--db", seeded_db, "search", "laos", "--limit", "2").stdout
    assert cut_list.startswith("showing the best 2 matches")
    assert "showing" not in invoke("--db", seeded_db, "search", "laos", "--limit", str(len(every))).stdout
