"""`accord summary`: what a store holds, on one screen. Documents, records by kind, the
busiest country pairs, their most reported timeline events and their commitments with
progress, all from the shared views so the numbers agree with the other commands."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accord.analysis.views import PairQuery, all_actors, commitments_view, pairs_view, timeline_view
from accord.store.queries import language_counts, stats
from accord.store.records import record_counts


@dataclass(frozen=True)
class SummaryOptions:
    """How much the summary shows."""

    pairs: int = 3  # busiest pairs listed; events and commitments come from these
    events: int = 5  # most reported timeline events
    commitments: int = 5


def actor_count(conn: sqlite3.Connection) -> int:
    """Actors as `accord actors` lists them: people merged across spellings and documents."""
    return len(all_actors(conn))


def record_totals(conn: sqlite3.Connection) -> dict[str, int]:
    """Counts of each kind of record, actors counted as merged people."""
    return {**record_counts(conn), "actors": actor_count(conn)}


def summary_view(conn: sqlite3.Connection, options: SummaryOptions = SummaryOptions()) -> dict:
    """The summary as JSON-ready data."""
    counts = stats(conn)
    pairs = pairs_view(conn)
    top = [row["pair_key"] for row in pairs[:options.pairs]]
    return {
        "documents": {key: counts[key] for key in ("documents", "duplicates", "rejected", "dated_documents")}
                     | {"languages": language_counts(conn)},
        "records": record_totals(conn),
        "pairs": {"total": len(pairs), "top": pairs[:options.pairs]},
        "top_events": _top_events(conn, top, options.events),
        "commitments": _commitments(conn, top, options.commitments),
    }


def _top_events(conn: sqlite3.Connection, pairs: list[str], count: int) -> list[dict]:
    """The most reported canonical events of the pairs (documents, then mentions), in date order."""
    items = [{"pair": pair, **item} for pair in pairs for item in timeline_view(conn, PairQuery(pair))]
    items.sort(key=lambda item: (-len(item["documents"]), -item["mentions"], item["date"] or "9999"))
    return sorted(items[:count], key=lambda item: item["date"] or "9999")


def _commitments(conn: sqlite3.Connection, pairs: list[str], count: int) -> list[dict]:
    """The pairs' commitments, those with a measured progress first."""
    rows = [{"pair": pair, **row} for pair in pairs for row in commitments_view(conn, PairQuery(pair))]
    rows.sort(key=lambda row: row["progress"] is None)
    return rows[:count]
