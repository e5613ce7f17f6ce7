"""The `accord` command line: JSON contracts, exit codes, and a batch of bad inputs."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from samples import (BRAZIL_ARGENTINA, HTML_NO_ARTICLE, HTML_PAGE, JAPAN_INDIA, KENYA_UGANDA,
                     VIETNAM_NAMES, html_page, warc_bytes)

LISTING_KEYS = {"id", "origin", "title", "published", "language"}


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "store" / "accord.db")


def run(db: str, *args: str, input: bytes | str | None = None, env: dict | None = None):
    result = CliRunner().invoke(app, ["--db", db, *args], input=input, env=env)
    assert "Traceback" not in result.output
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def run_json(db: str, *args: str, code: int = 0, **kwargs):
    result = run(db, *args, "--json", **kwargs)
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    return folder


# -- JSON contracts -------------------------------------------------------------------

def test_ingest_stats_docs_search_json_contracts(tmp_path, db):
    folder = write_files(tmp_path / "in", {
        "kenya.txt": "TITLE: Pipeline deal\nPUBLISHED: 2024-03-05\nSOURCE: East Africa Daily\n---\n"
                     + KENYA_UGANDA,
        "brazil.txt": BRAZIL_ARGENTINA, "vietnam.txt": VIETNAM_NAMES})
    report = run_json(db, "ingest", str(folder))
    assert report["documents_added"] == 3 and report["duplicates"] == 0 and report["rejected"] == []
    assert isinstance(report["documents_added"], int) and isinstance(report["duplicates"], int)

    stats = run_json(db, "stats")
    assert {"documents", "duplicates", "rejected"} <= stats.keys()
    assert (stats["documents"], stats["duplicates"], stats["rejected"]) == (3, 0, 0)
    assert all(isinstance(stats[k], int) for k in ("documents", "duplicates", "rejected"))

    docs = run_json(db, "docs")
    assert len(docs) == 3 and all(LISTING_KEYS <= d.keys() for d in docs)
    kenya = next(d for d in docs if d["origin"].endswith("kenya.txt"))
    assert (kenya["title"], kenya["published"], kenya["language"]) == ("Pipeline deal", "2024-03-05", "en")
    assert next(d for d in docs if d["origin"].endswith("brazil.txt"))["published"] is None
    assert "clean_text" not in kenya and "raw_text" not in kenya

    hits = run_json(db, "search", "to lam")
    assert len(hits) == 1 and LISTING_KEYS | {"snippet"} <= hits[0].keys()
    assert "Tô Lâm" in hits[0]["snippet"] and hits[0]["origin"].endswith("vietnam.txt")
    assert run_json(db, "search", "da nang")[0]["id"] == hits[0]["id"]
    assert run_json(db, "search", "Mercosur Lamu") == []

    shown = run_json(db, "show", kenya["id"][:8])
    assert shown["id"] == kenya["id"] and "Nairobi and Kampala" in shown["clean_text"]
    assert shown["origins"] == [kenya["origin"]]

    assert run_json(db, "rejected") == []


def test_human_output_of_listing_commands(tmp_path, db):
    folder = write_files(tmp_path / "in", {"japan.txt": JAPAN_INDIA})
    assert run(db, "ingest", str(folder)).exit_code == 0
    docs = run(db, "docs")
    assert docs.exit_code == 0 and "1 documents" in docs.stdout
    stats = run(db, "stats")
    assert stats.exit_code == 0 and "documents" in stats.stdout and "en 1" in stats.stdout
    search = run(db, "search", "high-speed")
    assert search.exit_code == 0 and "high-speed" in search.stdout
    assert "no matches" in run(db, "search", "Kenya").stdout
    doc_id = run_json(db, "docs")[0]["id"]
    shown = run(db, "show", doc_id)
    assert shown.exit_code == 0 and "Tokyo and New Delhi" in shown.stdout
    assert "Tokyo and New Delhi" in run(db, "show", doc_id, "--raw").stdout


def test_markup_like_text_is_printed_not_interpreted(tmp_path, db):
    folder = write_files(tmp_path / "in", {
        "a.txt": "TITLE: Kenya [/] Uganda [bold]talks\n---\n" + KENYA_UGANDA, "b.txt": b""})
    result = run(db, "ingest", str(folder))
    assert result.exit_code == 1
    for command in (["docs"], ["search", "pipeline"], ["rejected"]):
        out = run(db, *command)
        assert out.exit_code == 0
    assert "[/]" in run(db, "search", "pipeline").stdout
    syntax = run(db, "search", '"[/]')
    assert syntax.exit_code == 2 and "cannot parse search query" in syntax.stderr


def test_db_from_environment(tmp_path):
    path = str(tmp_path / "env.db")
    folder = write_files(tmp_path / "in", {"a.txt": KENYA_UGANDA})
    result = CliRunner().invoke(app, ["ingest", str(folder), "--json"], env={"ACCORD_DB": path})
    assert result.exit_code == 0 and os.path.exists(path)


def test_ingest_from_stdin(db):
    report = run_json(db, "ingest", "-", input=BRAZIL_ARGENTINA.encode())
    assert report["documents_added"] == 1
    assert run_json(db, "docs")[0]["origin"] == "<stdin>"


# -- exit codes ------------------------------------------------------------------------

def test_exit_codes(tmp_path, db):
    good = write_files(tmp_path / "good", {"a.txt": KENYA_UGANDA})
    assert run(db, "ingest", str(good)).exit_code == 0
    assert run(db, "ingest", str(good)).exit_code == 0  # nothing new is not an error
    assert run(db, "ingest", str(tmp_path / "missing.txt")).exit_code == 1
    assert run(db, "show", "ffffffffffff").exit_code == 1
    for usage_error in (["ingest"], ["search"], ["no-such-command"], ["docs", "--limit", "0"],
                        ["ingest", str(good), "--max-mb", "-1"], ["search", "AND"], ["search", "("]):
        result = run(db, *usage_error)
        assert result.exit_code == 2, usage_error


@pytest.mark.parametrize("make_db,command,message", [
    (lambda tmp: tmp / "not-a-db.db", ["stats"], "store error: file is not a database"),
    # Only a writing command creates a store; its folder cannot be made under /proc.
    (lambda tmp: Path("/proc/no-such-dir/accord.db"), ["ingest", "-"], "No such file or directory"),
])
def test_console_script_reports_store_faults_without_traceback(tmp_path, monkeypatch, capsys,
                                                                make_db, command, message):
    from accord.cli import main
    (tmp_path / "not-a-db.db").write_bytes(b"plain text, not an SQLite database " * 10)
    monkeypatch.setattr("sys.argv", ["accord", "--db", str(make_db(tmp_path)), *command])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err


def test_no_arguments_prints_help(db):
    result = CliRunner().invoke(app, [])
    assert result.exit_code in (0, 2) and "ingest" in result.output


# -- the sample corpus --------------------------------------------------------------------

def test_seeds_give_five_documents_and_a_second_run_adds_none(seeds_dir, db):
    first = run_json(db, "ingest", str(seeds_dir))
    assert first["documents_added"] == 5 and first["rejected"] == []
    second = run_json(db, "ingest", str(seeds_dir))
    assert second["documents_added"] == 0 and second["duplicates"] == 0 and second["rejected"] == []
    assert run_json(db, "stats")["documents"] == 5
    published = {Path(d["origin"]).name[:3]: d["published"] for d in run_json(db, "docs")}
    assert published == {"000": "2025-12-01", "001": "2025-12-01", "002": None, "003": None,
                         "004": None}


def test_seeds_are_searchable_without_diacritics(seeds_dir, db):
    run_json(db, "ingest", str(seeds_dir))
    origins = {Path(hit["origin"]).name[:3] for hit in run_json(db, "search", "To Lam")}
    assert "000" in origins  # the seed that spells it "Tô Lâm"
    hits = {Path(h["origin"]).name[:3]: h["snippet"] for h in run_json(db, "search", "vung ang")}
    assert "Vũng Áng" in hits["000"]  # and the seeds that write it "Vung Ang" match too
    assert {Path(h["origin"]).name[:3] for h in run_json(db, "search", "viet nam")} >= {"000", "001"}


# -- a batch of good and bad inputs ---------------------------------------------------------

def _bad_and_good_folder(root: Path) -> tuple[Path, dict[str, str]]:
    """Good articles mixed with every kind of bad input; returns the folder and expected reasons."""
    folder = root / "batch"
    rng = random.Random(3)
    warc = warc_bytes([
        ("https://example.in/rail", html_page("Japan and India sign rail pact", [
            "Tokyo and New Delhi agreed on Friday to extend the high-speed railway and to deepen "
            "defence cooperation, officials said after the talks in the Indian capital."])),
        ("https://example.br/trade", html_page("Brazil and Argentina revive trade talks", [
            "Brazil and Argentina agreed on Sunday to restart negotiations on car and steel "
            "tariffs inside the Mercosur bloc, the ministers said in Montevideo."]))])
    jsonl = "\n".join([
        json.dumps({"text": "Kenya and Uganda opened a one-stop border post at Busia on Tuesday to "
                            "speed up the movement of goods, officials said.", "title": "Border post"}),
        '{"text": "unterminated',
        json.dumps({"text": "Brazil and Argentina agreed to link their power grids along the "
                            "Uruguay river, the energy ministers announced on Thursday."}),
        "[1, 2, 3]",
    ]) + "\n"
    write_files(folder, {
        "good_kenya.txt": KENYA_UGANDA,
        "good_page.html": HTML_PAGE,
        "good_latin1.txt": ("O Brasil e a Argentina assinaram um acordo comercial em Brasília na "
                            "quarta-feira. A negociação durou três dias e incluiu tarifas sobre "
                            "automóveis e açúcar.\n").encode("latin-1"),
        "good_cp1252.txt": ("Japan and India signed a “landmark” rail deal — officials called it "
                            "historic… The loans run for forty years.\n").encode("cp1252"),
        "good_utf16.txt": ("Kenya and Uganda agreed on Monday to share data on cross-border "
                           "trade and to harmonise customs rules.\n").encode("utf-16-le"),
        "bad_binary.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "bad_empty.txt": b"",
        "bad_invalid_utf8.txt": bytes(rng.randrange(0x80, 0x100) for _ in range(2000)),
        "bad_truncated.txt.gz": gzip.compress(JAPAN_INDIA.encode() * 4)[:150],
        "bad_truncated.warc": warc[:-150],
        "mixed_lines.jsonl": jsonl,
        "bad_no_article.html": HTML_NO_ARTICLE,
        "bad_too_big.txt": "Kenya and Uganda. " * 4000,  # 72,000 bytes, over --max-mb 0.05
    })
    os.symlink("loop_b", folder / "bad_loop_a")  # a symlink loop: unreadable
    os.symlink("bad_loop_a", folder / "loop_b")
    os.symlink(".", folder / "cycle")  # a folder that contains itself: not followed
    expected = {
        "bad_binary.png": "binary content",
        "bad_empty.txt": "empty file",
        "bad_invalid_utf8.txt": "undecodable bytes",
        "bad_truncated.txt.gz": "truncated gzip",
        "bad_truncated.warc#2": "truncated WARC record",
        "mixed_lines.jsonl:2": "line 2: invalid JSON",
        "mixed_lines.jsonl:4": "line 4: expected a JSON object",
        "bad_no_article.html": "HTML page has no article text",
        "bad_too_big.txt": "file too large: 0.0687 MB exceeds the 0.05 MB limit",
        "bad_loop_a": "symbolic links",
        "loop_b": "symbolic links",
        "missing.txt": "no such file or directory",
    }
    return folder, expected


def test_batch_of_good_and_bad_inputs(tmp_path, db):
    folder, expected = _bad_and_good_folder(tmp_path)
    missing = str(tmp_path / "missing.txt")
    report = run_json(db, "ingest", str(folder), missing, "--max-mb", "0.05", code=1)

    reasons = {Path(r["origin"]).name: r["reason"] for r in report["rejected"]}
    assert set(reasons) == set(expected), reasons
    for name, fragment in expected.items():
        assert fragment in reasons[name], (name, reasons[name])
        assert "\n" not in reasons[name] and "Traceback" not in reasons[name]

    # good_kenya, good_page, good_latin1, good_cp1252, good_utf16, WARC record 1, two JSONL lines
    assert report["documents_added"] == 8
    docs = run_json(db, "docs")
    texts = {Path(d["origin"]).name: run_json(db, "show", d["id"])["clean_text"] for d in docs}
    assert "negociação durou três dias" in texts["good_latin1.txt"]
    assert "“landmark” rail deal — officials" in texts["good_cp1252.txt"]
    assert "harmonise customs rules" in texts["good_utf16.txt"]
    assert "high-speed railway" in texts["bad_truncated.warc#1"]
    assert {"mixed_lines.jsonl:1", "mixed_lines.jsonl:3", "good_kenya.txt", "good_page.html"} <= set(texts)
    assert run_json(db, "stats")["rejected"] == len(expected)
    assert {Path(r["origin"]).name for r in run_json(db, "rejected")} == set(expected)

    # Human output: one line per rejection naming the input, no traceback.
    human = run(db, "ingest", str(folder), missing, "--max-mb", "0.05")
    assert human.exit_code == 1 and "Traceback" not in human.stderr
    lines = [line for line in human.stderr.splitlines() if line.strip().startswith("rejected ")]
    assert len(lines) == len(expected)
    for name, fragment in expected.items():
        assert any(name in line and fragment in line for line in lines), name
