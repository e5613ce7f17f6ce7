"""Read queries over the store. Every query is parametrised; nothing is built from user text."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator

from accord.errors import SearchSyntaxError
from accord.folding import fold, has_unspaced_script
from accord.models import Rejection, SearchHit, StoredDocument

_LIST_COLUMNS = ("id, origin, title, published, language, source, url, format, word_count, "
                 "duplicate_of, mixed_language, published_from, published_note, dateline, place, captions")
# Only these mark a query as FTS5 syntax; other punctuation ("Kenya: talks") is plain text.
_OPERATOR = re.compile(r'(\bAND\b|\bOR\b|\bNOT\b|\bNEAR\b|["*])')
_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_RADIUS = 90
BOUND_PARAMETERS = 500  # values bound to one `IN (...)`: well under SQLite's limit


def in_batches(values: list) -> Iterator[tuple[list, str]]:
    """`values` in slices one query can bind, each with its placeholders ("?,?,?")."""
    for start in range(0, len(values), BOUND_PARAMETERS):
        batch = values[start:start + BOUND_PARAMETERS]
        yield batch, ",".join("?" * len(batch))


def _document(row: sqlite3.Row, **extra) -> StoredDocument:
    keys = row.keys()
    fields = {key: row[key] for key in keys if key in StoredDocument.__dataclass_fields__}
    fields["mixed_language"] = bool(fields.get("mixed_language"))
    fields["captions"] = tuple(tuple(span) for span in json.loads(fields.get("captions") or "[]"))
    return StoredDocument(**fields, **extra)


def list_documents(conn: sqlite3.Connection, limit: int, offset: int, include_duplicates: bool,
                   language: str | None = None) -> list[StoredDocument]:
    """Documents in ingest order, canonical ones only unless asked; optionally in one language."""
    where = "WHERE 1 = 1" if include_duplicates else "WHERE documents.duplicate_of IS NULL"
    clause, params = _language_clause(language, "documents")
    rows = conn.execute(f"SELECT {_LIST_COLUMNS} FROM documents {where} {clause} "
                        "ORDER BY rowid LIMIT ? OFFSET ?", (*params, limit, offset))
    return [_document(row) for row in rows]


def _language_clause(language: str | None, alias: str) -> tuple[str, tuple]:
    """Documents in a language, or with a paragraph in it (English articles with Lao captions)."""
    if not language:
        return "", ()
    code = language.strip().lower()
    return (f"AND ({alias}.language = ? OR EXISTS (SELECT 1 FROM paragraphs p "
            f"WHERE p.doc_id = {alias}.id AND p.language = ?))", (code, code))


def get_document(conn: sqlite3.Connection, id_or_prefix: str) -> StoredDocument | None:
    """A document by id, or by an id prefix that names exactly one document."""
    prefix = id_or_prefix.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{1,64}", prefix):
        return None
    rows = conn.execute(f"SELECT {_LIST_COLUMNS}, clean_text, raw_text FROM documents "
                        "WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "g")).fetchall()
    if len(rows) != 1:
        return None
    origins = tuple(r[0] for r in conn.execute(
        "SELECT origin FROM document_origins WHERE doc_id = ? ORDER BY first_seen, origin",
        (rows[0]["id"],)))
    run = conn.execute("SELECT skipped FROM extraction_runs WHERE doc_id = ?", (rows[0]["id"],)).fetchone()
    skipped = json.loads(run[0]) if run and run[0] else {}
    return _document(rows[0], origins=origins, skipped=skipped)


def fts_query(query: str) -> str:
    """Turn user text into an FTS5 query over folded text.

    Plain words are quoted (so "U.S." or "Lao-Viet" never break the syntax) and
    all must match; queries that use FTS5 operators are passed through, folded
    except for the operators themselves.
    """
    if _OPERATOR.search(query):
        return " ".join(token if token in ("AND", "OR", "NOT", "NEAR") else fold(token)
                        for token in query.split())
    words = _WORD.findall(fold(query))
    return " ".join(f'"{word}"' for word in words)


def search(conn: sqlite3.Connection, query: str, limit: int,
           language: str | None = None, recent: bool = False) -> list[SearchHit]:
    """Canonical documents matching the query, best BM25 first (`recent`: most recently
    stored first), with snippets.

    Ranking scores every match before the best are known: about 0.2 s for a word found in
    most of a million documents. `recent` walks the index from its end and stops after
    `limit` matches: a fraction of a millisecond at any size.
    Queries in scripts without word spaces (Lao, Thai, Khmer, CJK) use the trigram
    index, which finds a word inside an unbroken run of text.
    """
    table = "documents_trigram" if has_unspaced_script(query) else "documents_fts"
    match = fts_query(query)
    if not match:
        raise SearchSyntaxError("empty search query")
    where, params = _language_clause(language, "d")
    try:
        rows = conn.execute(
            f"SELECT {', '.join('d.' + c.strip() for c in _LIST_COLUMNS.split(','))}, d.clean_text,"
            f" bm25({table}) AS rank FROM {table} JOIN documents d ON d.rowid = {table}.rowid"
            f" WHERE {table} MATCH ? {where} ORDER BY {f'{table}.rowid DESC' if recent else 'rank'} LIMIT ?",
            (match, *params, limit)).fetchall()
    except sqlite3.OperationalError as error:
        raise SearchSyntaxError(f"cannot parse search query {query!r}: {error}") from None
    terms = [w for w in _WORD.findall(fold(query)) if w not in ("and", "or", "not", "near")]
    return [SearchHit(_document(row), make_snippet(row["clean_text"], terms), row["rank"])
            for row in rows]


def make_snippet(text: str, terms: list[str]) -> str:
    """The text around the first matched term, cut from the original (not folded) text."""
    folded = fold(text)
    boundary = "" if any(has_unspaced_script(t) for t in terms) else r"\b"
    phrase = re.search(boundary + r"\W+".join(map(re.escape, terms)), folded) if terms else None
    longest = sorted(terms, key=len, reverse=True)
    first = phrase or next(filter(None, (re.search(rf"\b{re.escape(t)}", folded) for t in longest)),
                           None)
    center = first.start() if first else 0
    start = max(0, center - SNIPPET_RADIUS)
    end = min(len(text), center + SNIPPET_RADIUS)
    snippet = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + snippet + ("…" if end < len(text) else "")


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """Counts the CLI and API report."""
    row = conn.execute("""
        SELECT
          (SELECT count(*) FROM documents WHERE duplicate_of IS NULL) AS documents,
          (SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL) AS near_duplicates,
          (SELECT count(*) FROM document_origins) - (SELECT count(*) FROM documents) AS exact_duplicates,
          (SELECT count(*) FROM rejected) AS rejected,
          (SELECT coalesce(sum(word_count), 0) FROM documents WHERE duplicate_of IS NULL) AS words,
          (SELECT count(*) FROM documents WHERE duplicate_of IS NULL AND published IS NOT NULL)
              AS dated_documents,
          (SELECT count(*) FROM documents WHERE duplicate_of IS NULL AND mixed_language = 1)
              AS mixed_language_documents
    """).fetchone()
    result = dict(row)
    result["duplicates"] = result["near_duplicates"] + result["exact_duplicates"]
    return result


def language_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Canonical documents per language."""
    rows = conn.execute("SELECT coalesce(language, 'unknown'), count(*) FROM documents "
                        "WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY 2 DESC")
    return {lang: count for lang, count in rows}


def rejections(conn: sqlite3.Connection, limit: int) -> list[Rejection]:
    """Recorded rejections, most recent first."""
    rows = conn.execute("SELECT origin, reason FROM rejected ORDER BY last_seen DESC, id DESC "
                        "LIMIT ?", (limit,))
    return [Rejection(origin, reason) for origin, reason in rows]
