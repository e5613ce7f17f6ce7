"""Documents and records as flat rows (for Parquet) and back, with their provenance.

Every record row carries the document id and its evidence (sentence, sentence span, matched
span, offsets into the clean text) and the extractor version; `idx` keeps the order the
extractor produced. `document_from_row` and `extraction_from_rows` rebuild the objects the
store's single writer takes, so `accord load` stores exactly what a local run stores.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from accord.extract.records import (Agreement, DateValue, Event, Evidence, Extraction, Fact, Person,
                                    RelationLabel)
from accord.models import Document, Paragraph, PublishedDate, Rejection

TABLES = ("documents", "events", "facts", "agreements", "people", "labels", "rejected")

_EVIDENCE = ("sentence", "sentence_start", "sentence_end", "start", "end")
_EVENT = ("type", "cameo", "source", "target", "trigger", "plover", "goldstein", "quad_class",
          "location", "planned", "negated", "confidence")
_FACT = ("value", "unit", "quantity", "is_target", "value_max", "qualifier", "period", "confidence")
_AGREEMENT = ("name", "kind", "confidence")
_PERSON = ("name", "country", "role", "confidence", "source")
_LABEL = ("label", "confidence")


def document_row(order: int, document: Document, extraction: Extraction | None) -> dict:
    """A document with everything the store keeps, its place in the input order and its pair."""
    return {
        "order": order, "doc_id": document.id, "origin": document.origin, "format": document.format,
        "url": document.url, "title": document.title, "published": document.published.iso,
        "published_from": document.published.found_in, "published_note": document.published.note,
        "source": document.source, "language": document.language,
        "mixed_language": document.mixed_language, "word_count": document.word_count,
        "raw_text": document.raw_text, "clean_text": document.clean_text, "minhash": document.minhash,
        "paragraphs": json.dumps([[p.start, p.end, p.language, p.score] for p in document.paragraphs]),
        "extracted": extraction is not None,
        "extractor_version": extraction.version if extraction else None,
        "pair": "-".join(extraction.pair) if extraction else None,
        "dateline": document.dateline, "place": document.place,
        "captions": json.dumps([list(c) for c in document.captions]),
        "skipped": json.dumps(extraction.skipped) if extraction else None,
    }


def document_from_row(row: dict) -> Document:
    """The Document a row was made from."""
    published = date.fromisoformat(row["published"]) if row["published"] else None
    return Document(
        id=row["doc_id"], origin=row["origin"], format=row["format"], raw_text=row["raw_text"],
        clean_text=row["clean_text"],
        published=PublishedDate(published, row["published_from"], row["published_note"]),
        url=row["url"], title=row["title"], source=row["source"], language=row["language"],
        mixed_language=bool(row["mixed_language"]),
        paragraphs=tuple(Paragraph(s, e, lang, score) for s, e, lang, score in json.loads(row["paragraphs"])),
        minhash=bytes(row["minhash"] or b""), dateline=row.get("dateline"), place=row.get("place"),
        captions=tuple(tuple(c) for c in json.loads(row.get("captions") or "[]")))


def _evidence(evidence: Evidence) -> dict:
    return {name: getattr(evidence, name) for name in _EVIDENCE}


def _date(value: DateValue | None) -> dict:
    return {"date": value.iso if value else None, "date_precision": value.precision if value else None}


def record_rows(extraction: Extraction) -> dict[str, list[dict]]:
    """The extraction's records per table, each row with doc_id, idx, version and evidence."""
    base = {"doc_id": extraction.doc_id, "version": extraction.version}
    rows: dict[str, list[dict]] = {"events": [], "facts": [], "agreements": [], "people": [], "labels": []}
    for i, e in enumerate(extraction.events):
        rows["events"].append({**base, "idx": i, **{k: getattr(e, k) for k in _EVENT}, **_date(e.date),
                               **_evidence(e.evidence)})
    for i, f in enumerate(extraction.facts):
        rows["facts"].append({**base, "idx": i, **{k: getattr(f, k) for k in _FACT},
                              "countries": list(f.countries), **_evidence(f.evidence)})
    for i, a in enumerate(extraction.agreements):
        rows["agreements"].append({**base, "idx": i, **{k: getattr(a, k) for k in _AGREEMENT}, **_date(a.date),
                                   "countries": list(a.countries), **_evidence(a.evidence)})
    for i, p in enumerate(extraction.people):
        rows["people"].append({**base, "idx": i, **{k: getattr(p, k) for k in _PERSON},
                               "aliases": list(p.aliases), **_evidence(p.evidence)})
    for i, label in enumerate(extraction.labels):
        rows["labels"].append({**base, "idx": i, **{k: getattr(label, k) for k in _LABEL},
                               "countries": list(label.countries), **_evidence(label.evidence)})
    return rows


def _clean(value):
    """Parquet gives NaN for missing floats and numpy scalars and arrays; records want None and
    plain Python values."""
    if value is None:
        return None
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, float) and value != value:
        return None
    return value


def _evidence_of(row: dict) -> Evidence:
    return Evidence(row["sentence"], int(row["sentence_start"]), int(row["sentence_end"]),
                    int(row["start"]), int(row["end"]))


def _date_of(row: dict) -> DateValue | None:
    return DateValue(row["date"], row["date_precision"]) if _clean(row["date"]) else None


def extraction_from_rows(doc_id: str, version: str, pair: str | None,
                         tables: dict[str, Iterable[dict]], skipped: str | None = None) -> Extraction:
    """The Extraction whose `record_rows` these are."""
    def ordered(name: str) -> list[dict]:
        return [{k: _clean(v) for k, v in row.items()}
                for row in sorted(tables.get(name, []), key=lambda r: r["idx"])]

    extraction = Extraction(doc_id, version, tuple(pair.split("-")) if pair else (),
                            skipped=json.loads(skipped) if skipped else {})
    extraction.events = [Event(**{k: r[k] for k in _EVENT if k not in ("planned", "negated")},
                               planned=bool(r["planned"]), negated=bool(r["negated"]),
                               date=_date_of(r), evidence=_evidence_of(r)) for r in ordered("events")]
    extraction.facts = [Fact(**{k: r[k] for k in _FACT if k != "is_target"}, is_target=bool(r["is_target"]),
                             countries=tuple(r["countries"] or ()), evidence=_evidence_of(r))
                        for r in ordered("facts")]
    extraction.agreements = [Agreement(**{k: r[k] for k in _AGREEMENT}, date=_date_of(r),
                                       countries=tuple(r["countries"] or ()), evidence=_evidence_of(r))
                             for r in ordered("agreements")]
    extraction.people = [Person(**{k: r[k] for k in _PERSON}, aliases=tuple(r["aliases"] or ()),
                                evidence=_evidence_of(r)) for r in ordered("people")]
    extraction.labels = [RelationLabel(**{k: r[k] for k in _LABEL}, countries=tuple(r["countries"] or ()),
                                       evidence=_evidence_of(r)) for r in ordered("labels")]
    return extraction


def rejection_row(order: int, rejection: Rejection) -> dict:
    """A refused input or article."""
    return {"order": order, "origin": rejection.origin, "reason": rejection.reason}
