"""The analysis views the CLI, the report and the web app share: one function per view,
store connection and options in, JSON-ready data out."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date

from accord.analysis.canonical import CanonicalEvent, merge_events
from accord.analysis.commitments import track_commitments
from accord.analysis.load import commitment_facts, load_events, load_facts, load_labels, load_people
from accord.analysis.materialize import TimelineWindow, period_rows, settled, timeline_page
from accord.analysis.people import Actor, actor_events, find_actor, merge_people, same_person
from accord.analysis.timeline import index_from_periods, relationship_index, timeline
from accord.analysis.variants import all_variants
from accord.extract.spec import BOOL, BY_TABLE, STRINGS
from accord.models import SearchHit, StoredDocument
from accord.store import queries
from accord.store.records import RecordFilter, list_records, normalise_pair, record_counts


@dataclass(frozen=True)
class PairQuery:
    """Which pair and period a view covers (and, for the timeline, which page)."""

    pair: str
    date_from: str | None = None
    date_to: str | None = None
    by: str = "year"
    limit: int | None = None  # timeline events or commitments to show; None: all
    offset: int = 0

    @property
    def countries(self) -> tuple[str, ...]:
        """The two ISO3 codes, sorted."""
        return tuple(normalise_pair(self.pair).split("-"))

    @property
    def key(self) -> str:
        """The pair's store key ("LAO-VNM")."""
        return normalise_pair(self.pair)


def canonical_events(conn: sqlite3.Connection, query: PairQuery) -> list[CanonicalEvent]:
    """The pair's canonical events, merged now from its mentions."""
    return merge_events(load_events(conn, query.pair))


def timeline_events(conn: sqlite3.Connection, query: PairQuery) -> list[CanonicalEvent]:
    """The timeline's canonical events: from the store's merged events (one indexed page),
    or merged now while the pair has changes not yet merged (see analysis/materialize.py)."""
    if settled(conn, query.key):
        return timeline_page(conn, TimelineWindow(query.key, query.date_from, query.date_to,
                                                  query.limit, query.offset))
    found = timeline(canonical_events(conn, query), query.date_from, query.date_to)
    return found[query.offset:None if query.limit is None else query.offset + query.limit]


def timeline_view(conn: sqlite3.Connection, query: PairQuery) -> list[dict]:
    """`accord timeline`: canonical events in date order with evidence."""
    return [e.as_json() for e in timeline_events(conn, query)]


def index_view(conn: sqlite3.Connection, query: PairQuery) -> list[dict]:
    """`accord index`: per-period counts, Goldstein sum/mean and cooperative share."""
    if settled(conn, query.key):
        rows = index_from_periods(period_rows(conn, query.key), query.by)
    else:
        rows = relationship_index(canonical_events(conn, query), query.by)
    return [row.as_json() for row in rows]


def reference_year(conn: sqlite3.Connection) -> int:
    """The year against which deadlines are judged: the newest publication date, else today."""
    row = conn.execute("SELECT max(published) FROM documents").fetchone()
    return int(row[0][:4]) if row and row[0] else date.today().year


def commitments_view(conn: sqlite3.Connection, query: PairQuery) -> list[dict]:
    """`accord commitments`: targets with the latest comparable actual and a status."""
    facts = commitment_facts(conn, query.pair, query.limit, query.offset)
    return [c.as_json() for c in track_commitments(facts, reference_year(conn))]


def variants_view(conn: sqlite3.Connection, query: PairQuery) -> list[dict]:
    """`accord variants`: labels, figures, dates and names on which sources differ."""
    people = load_people(conn, query.countries)
    found = all_variants(load_labels(conn, query.pair), load_facts(conn, query.pair),
                         canonical_events(conn, query), people, same_person)
    return [d.as_json() for d in found]


def all_actors(conn: sqlite3.Connection, countries: tuple[str, ...] = ()) -> list[Actor]:
    """Actors merged across documents."""
    return merge_people(load_people(conn, countries))


def actor_view(conn: sqlite3.Connection, name: str) -> dict | None:
    """`accord actor NAME`: one actor's profile, or None when no actor matches."""
    actor = find_actor(all_actors(conn), name)
    if actor is None:
        return None
    return actor.as_json(actor_events(actor, load_events(conn, None)))


def pairs_view(conn: sqlite3.Connection) -> list[dict]:
    """Country pairs in the store with event, fact and document counts and last activity."""
    rows = conn.execute("""
        SELECT pair_key, count(*) AS events, count(DISTINCT doc_id) AS documents, max(date) AS last_event
        FROM events WHERE pair_key IS NOT NULL AND negated = 0 GROUP BY pair_key ORDER BY events DESC""")
    return [dict(row) for row in rows]


# The listings below give the one JSON shape of each row that `accord X --json` and /api/X
# both print (tests/test_json_agreement.py holds them to it).

def evidence_json(row: dict) -> dict:
    """A record's provenance as the codebook gives it: the document, the character span of the
    match (`start`, `end`), and the sentence it was found in with its own span."""
    return {"doc_id": row["doc_id"], "origin": row.get("origin"), "start": row["start"], "end": row["end"],
            "sentence": row["sentence"], "sentence_start": row["sent_start"], "sentence_end": row["sent_end"]}


_PROVENANCE = ("doc_id", "origin", "sentence", "sent_start", "sent_end", "start", "end", "doc_title")


def record_json(row: dict, table: str) -> dict:
    """A row of a record table: its columns, with lists decoded and flags as booleans as its
    spec gives their kinds, and its provenance under `evidence`."""
    kinds = BY_TABLE[table].column_kinds
    clean = {k: v for k, v in row.items() if k not in _PROVENANCE}
    for key, value in clean.items():
        if kinds.get(key) == STRINGS and isinstance(value, str):
            clean[key] = json.loads(value)
        elif kinds.get(key) == BOOL and value is not None:
            clean[key] = bool(value)
    return {**clean, "evidence": evidence_json(row)}


def records_view(conn: sqlite3.Connection, table: str, filters: RecordFilter) -> list[dict]:
    """`accord events|facts|agreements|labels`: the filtered rows, each with its evidence."""
    return [record_json(row, table) for row in list_records(conn, table, filters)]


def actor_row(actor: Actor) -> dict:
    """An actor in a listing: the profile's names and country, its roles and document count."""
    return {"name": actor.name, "aliases": actor.aliases, "country": actor.country,
            "roles": sorted({r.role for r in actor.roles}), "documents": len(actor.documents)}


def actors_view(conn: sqlite3.Connection, countries: tuple[str, ...] = ()) -> list[Actor]:
    """`accord actors`: actors merged across documents, most documented first, then by name."""
    return sorted(all_actors(conn, countries), key=lambda a: (-len(a.documents), a.name))


def document_json(doc: StoredDocument) -> dict:
    """A document in a listing: its metadata without the texts."""
    row = asdict(doc)
    for heavy in ("clean_text", "raw_text", "origins"):
        row.pop(heavy)
    return row


def search_hit_json(hit: SearchHit) -> dict:
    """A search result: the document's listing row with its snippet and rank."""
    return {**document_json(hit.document), "snippet": hit.snippet, "rank": hit.rank}


def stats_view(conn: sqlite3.Connection) -> dict:
    """`accord stats`: document and record counts (actors as merged people) and languages."""
    return {**queries.stats(conn), **record_counts(conn), "actors": len(all_actors(conn)),
            "languages": queries.language_counts(conn)}
