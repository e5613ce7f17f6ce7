"""Small, named schema migrations, applied in order on open and recorded in `_migrations`.

Add a migration by appending to MIGRATIONS; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[tuple[str, str]] = [
    ("001_documents", """
        -- seq is the stable integer key the full-text indexes use as their rowid (an
        -- implicit rowid could be renumbered by VACUUM); id is the content hash.
        CREATE TABLE documents (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            origin TEXT NOT NULL,
            format TEXT NOT NULL,
            url TEXT,
            title TEXT,
            published TEXT,
            published_from TEXT,
            published_note TEXT,
            source TEXT,
            language TEXT,
            mixed_language INTEGER NOT NULL DEFAULT 0,
            word_count INTEGER NOT NULL DEFAULT 0,
            raw_text TEXT NOT NULL,
            clean_text TEXT NOT NULL,
            minhash BLOB,
            duplicate_of TEXT REFERENCES documents(id),
            duplicate_similarity REAL,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX documents_published ON documents(published);
        CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
        CREATE TABLE document_origins (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            origin TEXT NOT NULL,
            first_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            PRIMARY KEY (doc_id, origin)
        ) WITHOUT ROWID;
        CREATE TABLE paragraphs (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            language TEXT,
            score REAL,
            PRIMARY KEY (doc_id, idx)
        ) WITHOUT ROWID;
        CREATE TABLE minhash_bands (
            band INTEGER NOT NULL,
            key INTEGER NOT NULL,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            PRIMARY KEY (band, key, doc_id)
        ) WITHOUT ROWID;
        CREATE INDEX minhash_bands_doc ON minhash_bands(doc_id);
        CREATE TABLE rejected (
            id INTEGER PRIMARY KEY,
            origin TEXT NOT NULL,
            reason TEXT NOT NULL,
            first_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            last_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            times INTEGER NOT NULL DEFAULT 1,
            UNIQUE (origin, reason)
        );
    """),
    ("002_documents_fts", """
        -- Contentless: the indexed text is the folded copy (see accord.folding), whose
        -- character offsets equal the original's; snippets are cut from documents.
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, body, content='', tokenize="unicode61 remove_diacritics 2"
        );
    """),
]


def apply_migrations(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded; return the names applied now."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, "
                 "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))")
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        # executescript commits first; wrapping in BEGIN/COMMIT keeps each migration atomic.
        try:
            conn.executescript(f"BEGIN;\n{sql}\nINSERT INTO _migrations(name) VALUES ('{name}');\nCOMMIT;")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied

MIGRATIONS += [
    ("003_extraction", """
        CREATE TABLE extraction_runs (
            doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            pair TEXT,
            extracted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL, folded TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]',
            country TEXT, role TEXT, method TEXT,
            sentence TEXT NOT NULL, sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
            start INTEGER NOT NULL, end INTEGER NOT NULL,
            version TEXT NOT NULL, confidence REAL NOT NULL
        );
        CREATE INDEX people_doc ON people(doc_id);
        CREATE INDEX people_folded ON people(folded);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            type TEXT NOT NULL, cameo TEXT NOT NULL, plover TEXT, goldstein REAL, quad_class INTEGER,
            source TEXT, target TEXT, pair_key TEXT,
            date TEXT, date_precision TEXT, location TEXT,
            planned INTEGER NOT NULL DEFAULT 0, negated INTEGER NOT NULL DEFAULT 0, trigger TEXT,
            sentence TEXT NOT NULL, sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
            start INTEGER NOT NULL, end INTEGER NOT NULL,
            version TEXT NOT NULL, confidence REAL NOT NULL
        );
        CREATE INDEX events_doc ON events(doc_id);
        CREATE INDEX events_pair_date ON events(pair_key, date);
        CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            quantity TEXT NOT NULL, value REAL NOT NULL, value_max REAL, unit TEXT NOT NULL,
            qualifier TEXT, period TEXT, is_target INTEGER NOT NULL, countries TEXT, pair_key TEXT,
            sentence TEXT NOT NULL, sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
            start INTEGER NOT NULL, end INTEGER NOT NULL,
            version TEXT NOT NULL, confidence REAL NOT NULL
        );
        CREATE INDEX facts_doc ON facts(doc_id);
        CREATE INDEX facts_pair ON facts(pair_key, quantity);
        CREATE TABLE agreements (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL, kind TEXT, date TEXT, date_precision TEXT, countries TEXT,
            pair_key TEXT,
            sentence TEXT NOT NULL, sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
            start INTEGER NOT NULL, end INTEGER NOT NULL,
            version TEXT NOT NULL, confidence REAL NOT NULL
        );
        CREATE INDEX agreements_doc ON agreements(doc_id);
        CREATE TABLE relation_labels (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            label TEXT NOT NULL, countries TEXT, pair_key TEXT,
            sentence TEXT NOT NULL, sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
            start INTEGER NOT NULL, end INTEGER NOT NULL,
            version TEXT NOT NULL, confidence REAL NOT NULL
        );
        CREATE INDEX relation_labels_doc ON relation_labels(doc_id);
    """),
]

MIGRATIONS += [
    ("004_documents_trigram", """
        -- Lao, Thai, Khmer, Burmese and CJK text has no spaces between words, so the word
        -- index cannot find a word inside a run; a trigram index over those documents can.
        CREATE VIRTUAL TABLE documents_trigram USING fts5(body, content='', tokenize='trigram');
    """),
]

MIGRATIONS += [
    ("005_embeddings", """
        -- Paragraph embeddings for semantic search (extra `semantic`); vectors are float32 bytes.
        CREATE TABLE embeddings (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (doc_id, idx)
        ) WITHOUT ROWID;
    """),
]

MIGRATIONS += [
    ("006_query_indexes", """
        -- Covering indexes for per-pair queries at millions of events (benchmarks/queries.py):
        -- a pair's events by period with their scores, without reading the rows; a pair's
        -- targets and reported figures by kind and unit.
        CREATE INDEX IF NOT EXISTS events_pair_period
            ON events(pair_key, negated, date, goldstein, quad_class);
        CREATE INDEX IF NOT EXISTS facts_pair_target
            ON facts(pair_key, is_target, quantity, unit, period, value);
    """),
]

_PERIOD = "substr({row}.date, 1, CASE WHEN length({row}.date) >= 7 THEN 7 ELSE 4 END)"
_COUNTED = "{row}.pair_key IS NOT NULL AND {row}.negated = 0 AND {row}.date IS NOT NULL"
_ADD = f"""INSERT INTO pair_periods(pair_key, period, events, goldstein_sum, cooperative)
        VALUES (NEW.pair_key, {_PERIOD.format(row="NEW")}, 1, coalesce(NEW.goldstein, 0),
                coalesce(NEW.quad_class, 1) <= 2)
        ON CONFLICT(pair_key, period) DO UPDATE SET events = events + 1,
            goldstein_sum = goldstein_sum + excluded.goldstein_sum,
            cooperative = cooperative + excluded.cooperative;"""
_REMOVE = f"""UPDATE pair_periods SET events = events - 1,
            goldstein_sum = goldstein_sum - coalesce(OLD.goldstein, 0),
            cooperative = cooperative - (coalesce(OLD.quad_class, 1) <= 2)
        WHERE pair_key = OLD.pair_key AND period = {_PERIOD.format(row="OLD")};
        DELETE FROM pair_periods WHERE pair_key = OLD.pair_key AND period = {_PERIOD.format(row="OLD")}
            AND events <= 0;"""

MIGRATIONS += [
    ("007_pair_periods", f"""
        -- Per pair and month (year for dates known only to the year): non-negated dated events,
        -- their Goldstein sum and how many are cooperative (quad class 1-2). Kept by triggers,
        -- so a relationship index is read from a few hundred rows even for a pair with
        -- hundreds of thousands of events (accord.scale.queries.period_index).
        CREATE TABLE pair_periods (
            pair_key TEXT NOT NULL,
            period TEXT NOT NULL,
            events INTEGER NOT NULL,
            goldstein_sum REAL NOT NULL,
            cooperative INTEGER NOT NULL,
            PRIMARY KEY (pair_key, period)
        ) WITHOUT ROWID;
        INSERT INTO pair_periods(pair_key, period, events, goldstein_sum, cooperative)
            SELECT pair_key, {_PERIOD.format(row="events")}, count(*), total(coalesce(goldstein, 0)),
                   sum(coalesce(quad_class, 1) <= 2)
            FROM events WHERE {_COUNTED.format(row="events")} GROUP BY 1, 2;
        CREATE TRIGGER pair_periods_insert AFTER INSERT ON events
            WHEN {_COUNTED.format(row="NEW")}
        BEGIN
            {_ADD}
        END;
        CREATE TRIGGER pair_periods_delete AFTER DELETE ON events
            WHEN {_COUNTED.format(row="OLD")}
        BEGIN
            {_REMOVE}
        END;
        CREATE TRIGGER pair_periods_update_old AFTER UPDATE OF pair_key, negated, date, goldstein, quad_class
            ON events WHEN {_COUNTED.format(row="OLD")}
        BEGIN
            {_REMOVE}
        END;
        CREATE TRIGGER pair_periods_update_new AFTER UPDATE OF pair_key, negated, date, goldstein, quad_class
            ON events WHEN {_COUNTED.format(row="NEW")}
        BEGIN
            {_ADD}
        END;
    """),
]

# A bucket is what analysis.canonical merges on its own: one pair, one event type and one year
# ("" for undated mentions that no single year claims). Inserting or deleting an event marks
# its bucket for a re-merge; an undated event also marks the years its document dates events
# of the same type and pair in, and a dated one marks "" when its document has undated ones.
_BUCKET_COUNTED = "{row}.pair_key IS NOT NULL AND {row}.negated = 0"
_MARK = """INSERT OR IGNORE INTO canonical_dirty(pair_key, type, bucket)
            VALUES ({row}.pair_key, {row}.type, coalesce(substr({row}.date, 1, 4), ''));
        INSERT OR IGNORE INTO canonical_dirty(pair_key, type, bucket)
            SELECT DISTINCT e.pair_key, e.type, CASE WHEN {row}.date IS NULL THEN substr(e.date, 1, 4) ELSE '' END
            FROM events e WHERE e.doc_id = {row}.doc_id AND e.pair_key = {row}.pair_key AND e.type = {row}.type
              AND e.negated = 0 AND (e.date IS NULL) = ({row}.date IS NOT NULL);"""

MIGRATIONS += [
    ("008_canonical_events", f"""
        -- Canonical events kept in the store (accord.analysis.materialize), so the timeline and
        -- the index of a pair are read from indexed rows instead of merging all its mentions at
        -- every query. canonical_dirty lists the buckets whose events changed since their last
        -- merge; readers fall back to merging in memory for a pair with dirty buckets.
        CREATE TABLE canonical_events (
            id INTEGER PRIMARY KEY,
            pair_key TEXT NOT NULL,
            type TEXT NOT NULL,
            bucket TEXT NOT NULL,
            date TEXT, precision TEXT, cameo TEXT, source TEXT, target TEXT, location TEXT,
            goldstein REAL, quad_class INTEGER,
            mentions INTEGER NOT NULL,
            first_mention INTEGER NOT NULL
        );
        CREATE INDEX canonical_events_timeline
            ON canonical_events(pair_key, date, type, first_mention);
        CREATE INDEX canonical_events_bucket ON canonical_events(pair_key, type, bucket);
        CREATE TABLE canonical_mentions (
            event_id INTEGER PRIMARY KEY,
            canonical_id INTEGER NOT NULL
        );
        CREATE INDEX canonical_mentions_canonical ON canonical_mentions(canonical_id);
        CREATE TABLE canonical_dirty (
            pair_key TEXT NOT NULL, type TEXT NOT NULL, bucket TEXT NOT NULL,
            PRIMARY KEY (pair_key, type, bucket)
        ) WITHOUT ROWID;
        -- Per pair and month (year for events dated only to the year): canonical events, their
        -- Goldstein sum and how many are cooperative (quad class 1-2).
        CREATE TABLE canonical_periods (
            pair_key TEXT NOT NULL,
            period TEXT NOT NULL,
            events INTEGER NOT NULL,
            goldstein_sum REAL NOT NULL,
            cooperative INTEGER NOT NULL,
            PRIMARY KEY (pair_key, period)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS events_pair_type_date ON events(pair_key, type, date);
        INSERT OR IGNORE INTO canonical_dirty(pair_key, type, bucket)
            SELECT DISTINCT pair_key, type, coalesce(substr(date, 1, 4), '') FROM events
            WHERE {_BUCKET_COUNTED.format(row="events")};
        CREATE TRIGGER canonical_dirty_insert AFTER INSERT ON events
            WHEN {_BUCKET_COUNTED.format(row="NEW")}
        BEGIN
            {_MARK.format(row="NEW")}
        END;
        CREATE TRIGGER canonical_dirty_delete AFTER DELETE ON events
            WHEN {_BUCKET_COUNTED.format(row="OLD")}
        BEGIN
            {_MARK.format(row="OLD")}
        END;
        CREATE TRIGGER canonical_dirty_update_old AFTER UPDATE ON events
            WHEN {_BUCKET_COUNTED.format(row="OLD")}
        BEGIN
            {_MARK.format(row="OLD")}
        END;
        CREATE TRIGGER canonical_dirty_update_new AFTER UPDATE ON events
            WHEN {_BUCKET_COUNTED.format(row="NEW")}
        BEGIN
            {_MARK.format(row="NEW")}
        END;
    """),
]

MIGRATIONS += [
    ("009_drop_pair_periods", """
        -- Counts of event mentions per pair and month (007) are superseded by canonical_periods
        -- (008), which counts merged events as `accord index` does; their triggers doubled the
        -- cost of storing an event.
        DROP TRIGGER IF EXISTS pair_periods_insert;
        DROP TRIGGER IF EXISTS pair_periods_delete;
        DROP TRIGGER IF EXISTS pair_periods_update_old;
        DROP TRIGGER IF EXISTS pair_periods_update_new;
        DROP TABLE IF EXISTS pair_periods;
    """),
]

MIGRATIONS += [
    ("010_document_dateline", """
        -- The dateline cleaning takes off the first paragraph ("LIMA, Dec 20 (AFP)"), and the
        -- place it names.
        ALTER TABLE documents ADD COLUMN dateline TEXT;
        ALTER TABLE documents ADD COLUMN place TEXT;
        -- Clean-text spans of photo captions, as a JSON list of [start, end]: a caption's date
        -- dates only the caption's own act.
        ALTER TABLE documents ADD COLUMN captions TEXT;
    """),
]

MIGRATIONS += [
    ("011_extraction_skips", """
        -- Sentences the event coder was not asked about, by reason, as a JSON object.
        ALTER TABLE extraction_runs ADD COLUMN skipped TEXT;
    """),
]

MIGRATIONS += [
    ("012_canonical_links_follow_deletes", """
        -- An undated report linked to a dated canonical event of another bucket (by the day it
        -- names) is in no bucket its own deletion marks: mark the bucket it is linked into, so
        -- that bucket's re-merge drops the link, and drop the link row at once.
        CREATE TRIGGER canonical_link_delete AFTER DELETE ON events
        BEGIN
            INSERT OR IGNORE INTO canonical_dirty(pair_key, type, bucket)
                SELECT c.pair_key, c.type, c.bucket FROM canonical_mentions m
                JOIN canonical_events c ON c.id = m.canonical_id WHERE m.event_id = OLD.id;
            DELETE FROM canonical_mentions WHERE event_id = OLD.id;
        END;
    """),
]
