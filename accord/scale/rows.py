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

from accord.extract.records import Extraction
from accord.extract.spec import SPECS
from accord.models import Document, Paragraph, PublishedDate, Rejection

TABLES = ("documents", *(spec.name for spec in SPECS), "rejected")


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


def record_rows(extraction: Extraction) -> dict[str, list[dict]]:
    """The extraction's records per table (named as the spec names them), each row the record's
    flat keys with doc_id, idx (its place in the extractor's order) and version."""
    base = {"doc_id": extraction.doc_id, "version": extraction.version}
    return {spec.name: [{**base, "idx": i, **spec.flat(record)} for i, record in enumerate(spec.records(extraction))]
            for spec in SPECS}


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


def extraction_from_rows(doc_id: str, version: str, pair: str | None,
                         tables: dict[str, Iterable[dict]], skipped: str | None = None) -> Extraction:
    """The Extraction whose `record_rows` these are."""
    extraction = Extraction(doc_id, version, tuple(pair.split("-")) if pair else (),
                            skipped=json.loads(skipped) if skipped else {})
    for spec in SPECS:
        rows = sorted(tables.get(spec.name, []), key=lambda r: r["idx"])
        setattr(extraction, spec.name, [spec.from_flat({k: _clean(v) for k, v in row.items()}) for row in rows])
    return extraction


def rejection_row(order: int, rejection: Rejection) -> dict:
    """A refused input or article."""
    return {"order": order, "origin": rejection.origin, "reason": rejection.reason}
