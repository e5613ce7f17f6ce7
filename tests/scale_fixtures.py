"""Helpers for the scale tests: a store's rows as comparable sets (ids and times left out)."""

from __future__ import annotations

import sqlite3

TABLES = {
    "documents": "id, origin, duplicate_of, duplicate_similarity, title, published, clean_text, word_count",
    "document_origins": "doc_id, origin",
    "extraction_runs": "doc_id, version, pair",
    "events": "doc_id, type, cameo, plover, goldstein, quad_class, source, target, pair_key, date, date_precision,"
              " location, planned, negated, trigger, sentence, sent_start, sent_end, start, end, version, confidence",
    "facts": "doc_id, quantity, value, value_max, unit, qualifier, period, is_target, countries, pair_key,"
             " sentence, sent_start, sent_end, start, end, version, confidence",
    "agreements": "doc_id, name, kind, date, date_precision, countries, pair_key, sentence, start, end, confidence",
    "people": "doc_id, name, folded, aliases, country, role, method, sentence, start, end, confidence",
    "relation_labels": "doc_id, label, countries, pair_key, sentence, start, end, confidence",
    "rejected": "origin, reason",
}


def dump(path, tables: dict[str, str] = TABLES) -> dict[str, list[str]]:
    """Every table's rows (`tables`: name -> columns), sorted, as text."""
    conn = sqlite3.connect(path)
    try:
        return {name: sorted(map(repr, conn.execute(f"SELECT {columns} FROM {name}")))
                for name, columns in tables.items()}
    finally:
        conn.close()
