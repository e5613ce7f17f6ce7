"""Opening the store and the single writer: one transaction per document."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from accord.extract.records import Extraction
from accord.folding import fold, has_unspaced_script
from accord.neardup import NearDuplicates
from accord.models import Document, Rejection, SearchHit, StoredDocument
from accord.store import canonical, queries
from accord.store.canonical import Bucket, MergedEvent
from accord.store.migrations import apply_migrations
from accord.store.records import replace_extraction

DEFAULT_DB = "accord.db"


def default_db_path() -> str:
    """The store path when none is given: ./accord.db. The library reads no environment
    variable; the command line maps $ACCORD_DB onto --db."""
    return DEFAULT_DB


@dataclass(frozen=True)
class AddOutcome:
    """What adding one document did: 'added', 'unchanged', 'duplicate' or 'near_duplicate'."""

    status: str
    doc_id: str
    duplicate_of: str | None = None
    similarity: float | None = None


def connect(path: str | Path, read_only: bool = False) -> sqlite3.Connection:
    """A connection with WAL, foreign keys and a generous busy timeout."""
    if read_only and str(path) != ":memory:":
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True,
                               isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def open_store(path: str | Path | None = None, dedup: NearDuplicates = NearDuplicates()) -> "Store":
    """Open (creating if needed) the store at `path` and apply pending migrations; `dedup`
    decides which documents nearly repeat a stored one."""
    path = path or default_db_path()
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = connect(path)
    apply_migrations(conn)
    return Store(conn, str(path), dedup)


def open_reader(path: str | Path, dedup: NearDuplicates = NearDuplicates()) -> "Store":
    """A read-only view of the store at `path` (worker processes look documents up with it)."""
    return Store(connect(path, read_only=True), str(path), dedup)


class Store:
    """The store: the writer methods and the read queries over one connection. `dedup` (the
    near-duplicate rule over the MinHash bands the store keeps) is given, not imported."""

    def __init__(self, conn: sqlite3.Connection, path: str, dedup: NearDuplicates = NearDuplicates()):
        self.conn = conn
        self.path = path
        self.dedup = dedup

    def with_dedup(self, dedup: NearDuplicates) -> "Store":
        """The same store (one connection) deciding near duplicates by `dedup` instead."""
        return Store(self.conn, self.path, dedup)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error: all of it or none of it."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection for read-only query helpers (listings, analysis views, exports):
        SQLite refuses every write through it meanwhile (PRAGMA query_only), so code outside
        store/ can read with it and never write."""
        self.conn.execute("PRAGMA query_only = ON")
        try:
            yield self.conn
        finally:
            self.conn.execute("PRAGMA query_only = OFF")

    # -- writing ---------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this content hash is stored."""
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def near_duplicate_of(self, doc: Document) -> tuple[str | None, float | None]:
        """The stored document this one nearly repeats, with the similarity, or (None, None)."""
        return self._near_duplicate_of(doc)

    def known(self, doc: Document) -> bool:
        """Whether the store holds this document or one it nearly repeats (its records would
        not be kept, so there is no need to extract them)."""
        return self.has_document(doc.id) or self._near_duplicate_of(doc)[0] is not None

    def add_document(self, doc: Document, extraction: Extraction | None = None) -> AddOutcome:
        """Store a document and its extracted records in one transaction.

        A document that repeats a stored one is linked to it, and its records are not kept.
        """
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone():
                added = conn.execute(
                    "INSERT OR IGNORE INTO document_origins(doc_id, origin) VALUES (?, ?)",
                    (doc.id, doc.origin)).rowcount
                return AddOutcome("duplicate" if added else "unchanged", doc.id, doc.id, 1.0)
            original, score = self._near_duplicate_of(doc)
            self._insert(conn, doc, original, score)
            if extraction is not None and original is None:
                replace_extraction(conn, extraction)
        if original:
            return AddOutcome("near_duplicate", doc.id, original, score)
        return AddOutcome("added", doc.id)

    def _near_duplicate_of(self, doc: Document) -> tuple[str | None, float | None]:
        keys = self.dedup.band_keys(doc.minhash)
        clause = " OR ".join("(band = ? AND key = ?)" for _ in keys)
        params = [value for pair in keys for value in pair]
        rows = self.conn.execute(
            f"SELECT DISTINCT d.id, d.minhash, d.duplicate_of FROM minhash_bands b "
            f"JOIN documents d ON d.id = b.doc_id WHERE {clause}", params).fetchall()
        return self.dedup.best(doc.minhash, ((row["duplicate_of"] or row["id"], row["minhash"]) for row in rows))

    def _insert(self, conn: sqlite3.Connection, doc: Document, original: str | None,
                score: float | None) -> None:
        cursor = conn.execute(
            """INSERT INTO documents(id, origin, format, url, title, published, published_from,
                   published_note, source, language, mixed_language, word_count, raw_text,
                   clean_text, minhash, duplicate_of, duplicate_similarity, dateline, place, captions)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (doc.id, doc.origin, doc.format, doc.url, doc.title, doc.published.iso,
             doc.published.found_in, doc.published.note, doc.source, doc.language,
             int(doc.mixed_language), doc.word_count, doc.raw_text, doc.clean_text, doc.minhash,
             original, score, doc.dateline, doc.place, json.dumps([list(c) for c in doc.captions])))
        conn.execute("INSERT INTO document_origins(doc_id, origin) VALUES (?, ?)", (doc.id, doc.origin))
        conn.executemany(
            "INSERT INTO paragraphs(doc_id, idx, start, end, language, score) VALUES (?, ?, ?, ?, ?, ?)",
            [(doc.id, i, p.start, p.end, p.language, p.score) for i, p in enumerate(doc.paragraphs)])
        conn.executemany("INSERT OR IGNORE INTO minhash_bands(band, key, doc_id) VALUES (?, ?, ?)",
                         [(band, key, doc.id) for band, key in self.dedup.band_keys(doc.minhash)])
        if original is None:
            conn.execute("INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)",
                         (cursor.lastrowid, fold(doc.title or ""), fold(doc.clean_text)))
            if has_unspaced_script(doc.clean_text):
                conn.execute("INSERT INTO documents_trigram(rowid, body) VALUES (?, ?)",
                             (cursor.lastrowid, fold(doc.clean_text)))

    def record_rejection(self, rejection: Rejection) -> None:
        """Keep a refused input with its reason; seeing it again only updates the count."""
        with self.transaction() as conn:
            conn.execute(
                """INSERT INTO rejected(origin, reason) VALUES (?, ?)
                   ON CONFLICT(origin, reason) DO UPDATE SET times = times + 1,
                   last_seen = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')""",
                (rejection.origin, rejection.reason))

    def save_extraction(self, extraction: Extraction) -> None:
        """Replace one document's records (used by `accord reprocess`)."""
        with self.transaction() as conn:
            replace_extraction(conn, extraction)

    def unembedded_documents(self) -> list[tuple[str, str]]:
        """(id, clean text) of every canonical document that has no embeddings yet."""
        return [tuple(row) for row in self.conn.execute(
            "SELECT d.id, d.clean_text FROM documents d WHERE d.duplicate_of IS NULL AND NOT "
            "EXISTS (SELECT 1 FROM embeddings e WHERE e.doc_id = d.id)")]

    def save_embeddings(self, doc_id: str, model: str, paragraphs: list[tuple[int, int, bytes]]) -> None:
        """Keep one document's paragraph embeddings, (start, end, vector) each, in one transaction."""
        with self.transaction() as conn:
            conn.executemany("INSERT OR REPLACE INTO embeddings(doc_id, idx, start, end, model, vector) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             [(doc_id, i, start, end, model, vector)
                              for i, (start, end, vector) in enumerate(paragraphs)])

    def dirty_buckets(self, limit: int | None = None) -> list[Bucket]:
        """Buckets of events changed since they were last merged into canonical events."""
        return canonical.dirty_buckets(self.conn, limit)

    def dirty_count(self) -> int:
        """How many buckets of events wait for a re-merge."""
        return canonical.dirty_count(self.conn)

    def merge_buckets(self, buckets: list[Bucket],
                      merge: Callable[[sqlite3.Connection, Bucket], list[MergedEvent]]) -> None:
        """Re-merge `buckets` in one transaction: `merge(conn, bucket)` reads the bucket's
        mentions over the connection (inside the transaction, so no writer changes them
        meanwhile, and after the years of the batch are written, which undated buckets link
        to) and returns its canonical events, which replace the stored ones."""
        with self.transaction() as conn:
            canonical.write_merged(conn, buckets, lambda bucket: merge(conn, bucket))

    def documents_to_extract(self, version: str, everything: bool = False) -> list[StoredDocument]:
        """Canonical documents whose records are missing or come from another extractor version."""
        where = "" if everything else "AND (r.version IS NULL OR r.version != ?)"
        params = () if everything else (version,)
        rows = self.conn.execute(
            "SELECT d.id, d.origin, d.title, d.published, d.language, d.clean_text, d.captions FROM documents d"
            " LEFT JOIN extraction_runs r ON r.doc_id = d.id WHERE d.duplicate_of IS NULL "
            f"{where} ORDER BY d.rowid", params)
        return [StoredDocument(id=r["id"], origin=r["origin"], title=r["title"], published=r["published"],
                               language=r["language"], clean_text=r["clean_text"],
                               captions=tuple(tuple(c) for c in json.loads(r["captions"] or "[]")))
                for r in rows]

    # -- reading ---------------------------------------------------------

    def list_documents(self, limit: int = 100, offset: int = 0, include_duplicates: bool = False,
                       language: str | None = None) -> list[StoredDocument]:
        """Documents in ingest order, optionally only those in (or with paragraphs in) a language."""
        return queries.list_documents(self.conn, limit, offset, include_duplicates, language)

    def get_document(self, id_or_prefix: str) -> StoredDocument | None:
        """One document by id or unique id prefix, with its texts and origins."""
        return queries.get_document(self.conn, id_or_prefix)

    def search(self, query: str, limit: int = 20, language: str | None = None,
               recent: bool = False) -> list[SearchHit]:
        """Full-text search, case- and diacritic-insensitive, best first (or most recently stored)."""
        return queries.search(self.conn, query, limit, language, recent)

    def stats(self) -> dict[str, int]:
        """Counts of documents, duplicates, rejections and words."""
        return queries.stats(self.conn)

    def rejections(self, limit: int = 1000) -> list[Rejection]:
        """Recorded rejections, most recent first."""
        return queries.rejections(self.conn, limit)
