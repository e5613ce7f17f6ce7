"""Run extraction over gold articles in a temporary store and score it."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from accord.evaluation.score import (Matched, Score, score_agreements, score_events, score_fact_periods,
                                     score_facts, score_people)
from accord.engine import IngestOptions, ingest_paths
from accord.store.db import open_store
from accord.store.records import RecordFilter, list_records

CATEGORIES = ("events", "events_directed", "facts", "facts_period", "people", "people_country",
              "agreements")


@dataclass
class ArticleResult:
    """Per-article matches, kept for --verbose."""

    article: str
    matched: dict[str, Matched] = field(default_factory=dict)


@dataclass
class EvalReport:
    """Micro-averaged scores per category and the per-article detail."""

    totals: dict[str, Score]
    articles: list[ArticleResult]
    missing_articles: list[str]

    def as_json(self) -> dict:
        """The `accord eval --json` contract."""
        return {name: self.totals[name].as_json() for name in CATEGORIES}


def load_gold(folder: Path) -> list[dict]:
    """Every gold JSON file in the folder, sorted by article name."""
    gold = []
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text("utf-8"))
        if isinstance(record, dict) and "article" in record:
            gold.append(record)
    return gold


def predictions_for(conn, doc_id: str) -> dict[str, list[dict]]:
    """A document's records in the gold file's shape."""
    events = [r for r in list_records(conn, "events", RecordFilter(doc_id=doc_id, limit=100000))
              if not r["negated"]]
    facts = list_records(conn, "facts", RecordFilter(doc_id=doc_id, limit=100000))
    agreements = list_records(conn, "agreements", RecordFilter(doc_id=doc_id, limit=100000))
    people = list_records(conn, "people", RecordFilter(doc_id=doc_id, limit=100000))
    return {
        "events": [{"type": e["type"], "source": e["source"], "target": e["target"], "date": e["date"],
                    "evidence": e["sentence"]} for e in events],
        "facts": [{"value": f["value"], "value_max": f["value_max"], "unit": f["unit"],
                   "is_target": bool(f["is_target"]), "quantity": f["quantity"], "period": f["period"],
                   "evidence": f["sentence"]} for f in facts],
        "agreements": [{"name": a["name"], "date": a["date"], "evidence": a["sentence"]}
                       for a in agreements],
        "people": [{"name": p["name"], "aliases": json.loads(p["aliases"]), "country": p["country"],
                    "evidence": p["sentence"]} for p in people],
    }


def evaluate(gold_dir: Path, articles_dir: Path) -> EvalReport:
    """Ingest the gold's articles into a temporary store, extract, and score every category."""
    gold = load_gold(gold_dir)
    totals = {name: Score() for name in CATEGORIES}
    with tempfile.TemporaryDirectory(prefix="accord-eval-") as tmp:
        store = open_store(Path(tmp) / "eval.db")
        paths = [articles_dir / g["article"] for g in gold if (articles_dir / g["article"]).is_file()]
        missing = [g["article"] for g in gold if not (articles_dir / g["article"]).is_file()]
        ingest_paths([str(p) for p in paths], store, IngestOptions())
        with store.reading() as conn:
            results = [result for record in gold
                       if (result := _score_article(conn, record, articles_dir)) is not None]
        store.close()
    for result in results:
        for name in CATEGORIES:
            totals[name].add(result.matched[name].score)
    return EvalReport(totals, results, missing)


def _score_article(conn: sqlite3.Connection, record: dict, articles_dir: Path) -> ArticleResult | None:
    """One gold article against what the store holds for it (None when it was not stored)."""
    row = conn.execute("SELECT coalesce(d.duplicate_of, d.id) FROM document_origins o JOIN documents d"
                       " ON d.id = o.doc_id WHERE o.origin = ?", (str(articles_dir / record["article"]),)).fetchone()
    if row is None:
        return None
    predicted = predictions_for(conn, row[0])
    result = ArticleResult(record["article"])
    result.matched["events"] = score_events(record.get("events", []), predicted["events"])
    result.matched["events_directed"] = score_events(record.get("events", []), predicted["events"], directed=True)
    result.matched["facts"] = score_facts(record.get("facts", []), predicted["facts"])
    result.matched["facts_period"] = score_fact_periods(result.matched["facts"])
    result.matched["people"], result.matched["people_country"] = score_people(
        record.get("people", []), predicted["people"])
    result.matched["agreements"] = score_agreements(record.get("agreements", []), predicted["agreements"])
    return result
