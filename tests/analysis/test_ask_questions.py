"""`ask` against a set of questions with expected answers (tests/data/ask_questions.jsonl) over
the seeds and the dev set's articles, ingested once. Expected answers are structured values
(a date, a figure, a visiting country, "not found"), never quoted text; the floor is the
measured share, the goal 90 %."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.analysis.ask import Answer, answer_question
from accord.engine import ingest_paths
from accord.store.db import open_store

QUESTIONS = Path(__file__).resolve().parents[1] / "data" / "ask_questions.jsonl"
DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev" / "articles"
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
FLOOR = 0.93  # measured: 45 of 48 (94 %); the three misses are records extraction does not give


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    if not DEV.is_dir() or not SEEDS.is_dir():
        pytest.skip("the seeds or the dev articles are not at ../shared")
    store = open_store(tmp_path_factory.mktemp("ask") / "ask.db")
    ingest_paths([str(SEEDS), str(DEV)], store)
    yield store.conn
    store.close()


def _agrees(date: str | None, expected: str) -> bool:
    return bool(date) and date.startswith(expected)


def answered_right(answer: Answer, expect: dict) -> bool:
    """Whether an answer gives the expected structured value."""
    if expect.get("found") is False:
        return not answer.found and not answer.citations
    if not answer.found or not answer.citations:
        return False
    dated = answer.events + answer.agreements
    if "date" in expect:
        return bool(dated) and _agrees(dated[0]["date"], expect["date"])
    if "signed" in expect:
        return any(_agrees(a["date"], expect["signed"]) for a in answer.agreements) or any(
            e["type"] == "agreement_signed" and _agrees(e["date"], expect["signed"]) for e in answer.events)
    if "event" in expect:
        kind, date = expect["event"]
        return any(e["type"] == kind and _agrees(e["date"], date) for e in answer.events)
    if "visitor" in expect:
        return any(e["type"] == "visit" and e["source"] == expect["visitor"] for e in answer.events)
    if "figure" in expect:
        value, unit, target = expect["figure"]
        return any(f["unit"] == unit and abs(f["value"] - value) <= 0.01 * value and f["is_target"] == target
                   for f in answer.facts)
    if "baseline" in expect:
        return any(c["baseline"] and abs(c["baseline"]["value"] - expect["baseline"]) < 1 for c in answer.commitments)
    raise ValueError(f"unknown expectation {expect}")


def test_the_question_set_is_large_and_has_not_found_cases():
    rows = [json.loads(line) for line in QUESTIONS.read_text().splitlines()]
    assert len(rows) >= 40
    assert sum(r["expect"].get("found") is False for r in rows) >= 5


def test_share_of_questions_answered_right(conn, capsys):
    rows = [json.loads(line) for line in QUESTIONS.read_text().splitlines()]
    wrong = []
    for row in rows:
        answer = answer_question(conn, row["question"])
        if not answered_right(answer, row["expect"]):
            wrong.append(f"{row['question']} -> {answer.text[:120]}")
    share = 1 - len(wrong) / len(rows)
    with capsys.disabled():
        print(f"\nask: {len(rows) - len(wrong)}/{len(rows)} answered right ({share:.0%})")
        for line in wrong:
            print("  wrong:", line)
    assert share >= FLOOR


def test_every_answer_cites_each_sentence_once_and_no_sentence_ends_in_a_decimal(conn):
    for row in (json.loads(line) for line in QUESTIONS.read_text().splitlines()):
        answer = answer_question(conn, row["question"])
        sentences = [c.sentence for c in answer.citations]
        assert len(sentences) == len(set(sentences)), row["question"]
        for citation in answer.citations:
            text = conn.execute("SELECT clean_text FROM documents WHERE id = ?", (citation.doc_id,)).fetchone()[0]
            assert not text[citation.sentence_end:citation.sentence_end + 1].isdigit(), citation.sentence  # not cut at "1.6"
