"""Exports: tables (csv, jsonl, parquet), a GraphML network and a GDELT 2.0 event table (gdelt.py)."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

from accord.analysis.canonical import merge_events
from accord.analysis.gdelt import country_name, export_gdelt
from accord.analysis.load import load_events
from accord.store.records import RecordFilter, list_records

TABLES = ("events", "facts", "agreements", "people", "relation_labels")


def _table_rows(conn: sqlite3.Connection, pair: str | None) -> dict[str, list[dict]]:
    return {table: list_records(conn, table, RecordFilter(pair=pair, limit=10**9)) for table in TABLES}


def export_csv(conn: sqlite3.Connection, folder: Path, pair: str | None) -> list[Path]:
    """One CSV per record table, with provenance columns."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, rows in _table_rows(conn, pair).items():
        path = folder / f"{table}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            columns = list(rows[0]) if rows else ["doc_id"]
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
        written.append(path)
    return written


def export_jsonl(conn: sqlite3.Connection, folder: Path, pair: str | None) -> list[Path]:
    """One JSON Lines file per record table."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, rows in _table_rows(conn, pair).items():
        path = folder / f"{table}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        written.append(path)
    return written


def export_parquet(conn: sqlite3.Connection, folder: Path, pair: str | None) -> list[Path]:
    """One Parquet file per record table (needs pyarrow: `pip install accord[scale]`)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise SystemExit("parquet export needs pyarrow: pip install 'accord[scale]'") from None
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, rows in _table_rows(conn, pair).items():
        path = folder / f"{table}.parquet"
        pq.write_table(pa.Table.from_pylist(rows), path)
        written.append(path)
    return written


def export_graphml(conn: sqlite3.Connection, path: Path, pair: str | None) -> list[Path]:
    """Countries as nodes (id: ISO3, label: the country's name) and, for each ordered pair, one
    directed edge weighted by its canonical events, with their Goldstein sum and mean, how many
    are cooperative and conflictual, the first and last dates, and the count of each type:
    what Gephi and networkx (`networkx.read_graphml`) read as a weighted directed graph."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", xmlns=ns)
    keys = [("label", "node", "string"), ("iso3", "node", "string"), ("weight", "edge", "double"),
            ("goldstein_sum", "edge", "double"), ("goldstein_mean", "edge", "double"),
            ("cooperative", "edge", "int"), ("conflictual", "edge", "int"), ("first_date", "edge", "string"),
            ("last_date", "edge", "string"), ("types", "edge", "string")]
    for name, domain, kind in keys:
        ET.SubElement(root, "key", id=name, attrib={"for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="accord", edgedefault="directed")
    edges: dict[tuple[str, str], list] = defaultdict(list)
    for event in merge_events(load_events(conn, pair)):
        if event.source and event.target:
            edges[(event.source, event.target)].append(event)
    for country in sorted({c for edge in edges for c in edge}):
        node = ET.SubElement(graph, "node", id=country)
        ET.SubElement(node, "data", key="label").text = country_name(country)
        ET.SubElement(node, "data", key="iso3").text = country
    for index, ((source, target), events) in enumerate(sorted(edges.items())):
        edge = ET.SubElement(graph, "edge", id=f"e{index}", source=source, target=target)
        for key, value in _edge_data(events).items():
            ET.SubElement(edge, "data", key=key).text = str(value)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return [path]


def _edge_data(events: list) -> dict[str, object]:
    """The attributes of one directed edge, from its canonical events."""
    scores = [e.goldstein for e in events if e.goldstein is not None]
    dates = sorted(e.date for e in events if e.date)
    cooperative = sum(1 for e in events if (e.quad_class or 1) <= 2)
    types = Counter(e.type for e in events)
    return {"weight": float(len(events)), "goldstein_sum": round(sum(scores), 2),
            "goldstein_mean": round(sum(scores) / len(scores), 2) if scores else 0.0,
            "cooperative": cooperative, "conflictual": len(events) - cooperative,
            "first_date": dates[0] if dates else "", "last_date": dates[-1] if dates else "",
            "types": "; ".join(f"{name} {count}" for name, count in types.most_common())}


EXPORTERS: dict[str, Callable[[sqlite3.Connection, Path, str | None], list[Path]]] = {
    "csv": export_csv, "jsonl": export_jsonl, "parquet": export_parquet,
    "graphml": export_graphml, "gdelt": export_gdelt,
}
