"""The data behind every page and API route; each function returns JSON-ready values."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accord.analysis import views
from accord.analysis.ask import answer_question
from accord.store import queries
from accord.store.records import RecordFilter, normalise_pair

MAX_PAGE = 100_000
MAX_PER_PAGE = 500


@dataclass(frozen=True)
class Page:
    """Pagination: 1-based page number and page size."""

    page: int = 1
    per_page: int = 50

    @property
    def offset(self) -> int:
        """Rows to skip."""
        return (self.page - 1) * self.per_page


@dataclass(frozen=True)
class RecordQuery:
    """Filters of the record listings."""

    pair: str | None = None
    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None


def records(conn: sqlite3.Connection, table: str, query: RecordQuery, page: Page) -> dict:
    """One page of events, facts, agreements or labels, with every row's evidence (rows as
    `accord X --json` prints them)."""
    filters = RecordFilter(pair=query.pair, type=query.type, date_from=query.date_from, date_to=query.date_to,
                           outlet=query.outlet, limit=page.offset + page.per_page + 1)
    rows = views.records_view(conn, table, filters)
    return {"items": rows[page.offset:page.offset + page.per_page], "page": page.page, "per_page": page.per_page,
            "has_next": len(rows) > page.offset + page.per_page,
            "filters": {k: v for k, v in query.__dict__.items() if v}}


def overview(conn: sqlite3.Connection) -> dict:
    """Counts (as `accord stats --json`) and the country pairs in the store."""
    return {"stats": views.stats_view(conn), "pairs": views.pairs_view(conn)}


PAIR_PAGE_LIMIT = 1000  # timeline events and commitments on one pair page


def pair_page(conn: sqlite3.Connection, pair: str, by: str = "year", limit: int = PAIR_PAGE_LIMIT) -> dict:
    """Everything the pair page shows: the first `limit` timeline events and commitments (a
    pair of the busiest kind has hundreds of thousands of events)."""
    query = views.PairQuery(normalise_pair(pair), by=by, limit=limit)
    return {"pair": query.pair, "limit": limit, "timeline": views.timeline_view(conn, query),
            "index": views.index_view(conn, query), "commitments": views.commitments_view(conn, query),
            "variants": views.variants_view(conn, query)}


def actors(conn: sqlite3.Connection, pair: str | None, page: Page) -> dict:
    """Actors merged across documents."""
    countries = tuple(normalise_pair(pair).split("-")) if pair else ()
    found = views.actors_view(conn, countries)
    window = found[page.offset:page.offset + page.per_page]
    return {"items": [views.actor_row(a) for a in window],
            "page": page.page, "per_page": page.per_page, "has_next": len(found) > page.offset + page.per_page}


def actor(conn: sqlite3.Connection, name: str) -> dict | None:
    """One actor's profile."""
    return views.actor_view(conn, name)


def documents(conn: sqlite3.Connection, page: Page, language: str | None) -> dict:
    """One page of documents."""
    rows = queries.list_documents(conn, page.per_page + 1, page.offset, False, language)
    return {"items": [views.document_json(d) for d in rows[:page.per_page]], "page": page.page,
            "per_page": page.per_page, "has_next": len(rows) > page.per_page}


def document(conn: sqlite3.Connection, doc_id: str, start: int | None, end: int | None) -> dict | None:
    """A document with its text cut into before / evidence / after around the requested span."""
    doc = queries.get_document(conn, doc_id)
    if doc is None:
        return None
    text = doc.clean_text or ""
    if start is not None and end is not None and 0 <= start < end <= len(text):
        segments = {"before": text[:start], "evidence": text[start:end], "after": text[end:]}
    else:
        segments = {"before": text, "evidence": "", "after": ""}
    records_here = {table: views.records_view(conn, table, RecordFilter(doc_id=doc.id, limit=1000))
                    for table in ("events", "facts", "agreements")}
    return {**views.document_json(doc), "origins": list(doc.origins), "segments": segments,
            "records": records_here}


def search(conn: sqlite3.Connection, query: str, limit: int, language: str | None,
           mode: str = "fts") -> dict:
    """Search results with snippets: full text (fts), by meaning (semantic) or both (hybrid).
    Semantic modes use the embeddings `accord embed` stored."""
    if mode == "fts":
        hits = queries.search(conn, query, limit, language)
    else:
        from accord.store.semantic import SemanticUnavailable, hybrid_search, semantic_search
        try:
            hits = (semantic_search if mode == "semantic" else hybrid_search)(conn, query, limit)
        except SemanticUnavailable as error:
            raise ValueError(str(error)) from None
    return {"query": query, "mode": mode, "items": [views.search_hit_json(h) for h in hits]}


def ask(conn: sqlite3.Connection, question: str) -> dict:
    """An answer with citations, or found = false."""
    return answer_question(conn, question).as_json()
