"""No silent wrong results: a typo in a code, a type, a kind or a date, a store that does not
exist, and --db after the command each get a clear answer instead of "0 events"."""

from __future__ import annotations

import json
import os

import pytest

from cli_helpers import flat, invoke
from samples import KENYA_UGANDA


@pytest.mark.parametrize("args,expected", [
    (["events", "--pair", "VNM-LAX"], ["unknown ISO3 code 'LAX'", "LAO (Laos)"]),
    (["timeline", "--pair", "LAX-VNM"], ["unknown ISO3 code 'LAX'", "LAO (Laos)"]),
    (["facts", "--pair", "VMN-LAO"], ["unknown ISO3 code 'VMN'", "VNM (Vietnam)"]),
    (["commitments", "--pair", "XYZ-VNM"], ["unknown ISO3 code 'XYZ'", "ISO 3166-1 alpha-3"]),
    (["events", "--pair", "VIETNAM"], ["invalid pair 'VIETNAM'"]),
    (["events", "--type", "visits"], ["unknown event type 'visits'", "did you mean visit?",
                                      "agreement_signed", "military_security_cooperation"]),
    (["facts", "--quantity", "trade"], ["unknown quantity kind 'trade'", "trade_turnover", "energy"]),
    (["events", "--from", "2025-13"], ["invalid date '2025-13'", "YYYY, YYYY-MM or YYYY-MM-DD"]),
    (["agreements", "--to", "2025-02-30"], ["invalid date '2025-02-30'"]),
    (["timeline", "--pair", "VNM-LAO", "--from", "December 2025"], ["invalid date 'December 2025'"]),
    (["events", "--from", "2026", "--to", "2025"], ["ends (2025) before it starts (2026)"]),
])
def test_a_bad_filter_exits_2_saying_what_is_valid(seeded_db, args, expected):
    result = invoke("--db", seeded_db, *args)
    assert result.exit_code == 2, result.output
    message = flat(result.output)
    for fragment in expected:
        assert fragment in message, (fragment, message)


@pytest.mark.parametrize("args", [
    ["events", "--pair", "lao-vnm", "--type", "visit", "--from", "2025-12", "--to", "2025-12-31"],
    ["facts", "--pair", "VNM,LAO", "--quantity", "trade_turnover"],
    ["timeline", "--pair", "VNM-LAO", "--from", "2025"],
])
def test_good_filters_still_give_rows(seeded_db, args):
    result = invoke("--db", seeded_db, *args, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)


@pytest.mark.parametrize("args", [
    ["stats"], ["docs"], ["summary"], ["events"], ["facts"], ["actors"], ["rejected"],
    ["search", "laos"], ["show", "abcd"], ["timeline", "--pair", "VNM-LAO"], ["actor", "To Lam"],
    ["commitments", "--pair", "VNM-LAO"], ["ask", "When did Vietnam and Laos sign?"],
    ["report", "--pair", "VNM-LAO"], ["export", "--format", "jsonl", "-o", "out"], ["reprocess"],
])
def test_a_read_command_on_a_missing_store_is_an_error_and_creates_nothing(tmp_path, args):
    path = tmp_path / "nonexist.db"
    result = invoke("--db", str(path), *args)
    assert result.exit_code == 2, result.output
    message = flat(result.stderr)
    assert f"no store at {path}" in message and "accord --db" in message and "ingest" in message
    assert not path.exists() and not (tmp_path / "out").exists()


def test_db_is_accepted_before_or_after_the_command(tmp_path):
    article = tmp_path / "kenya.txt"
    article.write_text(KENYA_UGANDA, "utf-8")
    after, before = tmp_path / "after.db", tmp_path / "before.db"
    assert invoke("ingest", str(article), "--db", str(after), "--json").exit_code == 0
    assert invoke("--db", str(before), "ingest", str(article), "--json").exit_code == 0
    assert after.is_file() and before.is_file()
    docs_after = json.loads(invoke("docs", "--json", "--db", str(after)).stdout)
    docs_before = json.loads(invoke("--db", str(before), "docs", "--json").stdout)
    assert len(docs_after) == len(docs_before) == 1
    # The command's own --db wins over the one before it and over $ACCORD_DB.
    elsewhere = str(tmp_path / "elsewhere.db")
    result = invoke("--db", elsewhere, "docs", "--json", "--db", str(after), env={"ACCORD_DB": elsewhere})
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1
    assert not os.path.exists(elsewhere)


def test_workers_come_from_the_option_or_accord_workers(tmp_path, monkeypatch):
    """The command line reads $ACCORD_WORKERS and hands the library an explicit count."""
    seen = []

    def fake_ingest(paths, store, options, progress=None):
        seen.append(options.workers)
        from accord.models import IngestReport
        return IngestReport()

    monkeypatch.setattr("accord.cli.ingest.ingest_paths", fake_ingest)
    db = str(tmp_path / "w.db")
    invoke("--db", db, "ingest", "-", "--json", input="x", env={"ACCORD_WORKERS": "3"})
    invoke("--db", db, "ingest", "-", "--json", input="x", env={"ACCORD_WORKERS": None})
    invoke("--db", db, "ingest", "-", "--json", "--workers", "2", input="x", env={"ACCORD_WORKERS": "3"})
    assert seen == [3, 0, 2]
    assert invoke("--db", db, "ingest", "-", input="x", env={"ACCORD_WORKERS": "many"}).exit_code == 2


def test_serve_refuses_a_missing_store_unless_writes_are_allowed(tmp_path, monkeypatch):
    path = tmp_path / "nonexist.db"
    result = invoke("--db", str(path), "serve", env={"ACCORD_TOKEN": None})
    assert result.exit_code == 2 and f"no store at {path}" in flat(result.stderr)
    assert not path.exists()
    started = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: started.append(kwargs))
    assert invoke("--db", str(path), "serve", env={"ACCORD_TOKEN": "secret"}).exit_code == 0
    assert path.exists() and started == [{"host": "127.0.0.1", "port": 8000, "log_level": "warning"}]
