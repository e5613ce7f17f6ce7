"""Exports: tables (csv, jsonl, parquet), a GraphML network and a GDELT 2.0 event table."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as ET

from accord.analysis.canonical import merge_events
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
    """Countries as nodes and canonical events as directed edges, for Gephi."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", xmlns=ns)
    keys = [("label", "node", "string"), ("type", "edge", "string"), ("cameo", "edge", "string"),
            ("date", "edge", "string"), ("goldstein", "edge", "double"), ("documents", "edge", "int")]
    for name, domain, kind in keys:
        ET.SubElement(root, "key", id=name, attrib={"for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="accord", edgedefault="directed")
    events = merge_events(load_events(conn, pair))
    for country in sorted({c for e in events for c in (e.source, e.target) if c}):
        node = ET.SubElement(graph, "node", id=country)
        ET.SubElement(node, "data", key="label").text = country
    for index, event in enumerate(events):
        if not (event.source and event.target):
            continue
        edge = ET.SubElement(graph, "edge", id=f"e{index}", source=event.source, target=event.target)
        for key, value in (("type", event.type), ("cameo", event.cameo), ("date", event.date or ""),
                           ("goldstein", event.goldstein or 0.0), ("documents", len(event.documents))):
            ET.SubElement(edge, "data", key=key).text = str(value)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return [path]


# The 61 columns of the GDELT 2.0 event table, in order.
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
    "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code",
    "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type",
    "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName",
    "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat",
    "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type", "ActionGeo_FullName",
    "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]


def gdelt_row(index: int, event) -> dict[str, object]:
    """One canonical event as a GDELT 2.0 event row; fields accord does not know stay empty."""
    date = event.date or ""
    year, month, day = date[:4], date[5:7] or "01", date[8:10] or "01"
    row = {column: "" for column in GDELT_COLUMNS}
    row.update({
        "GLOBALEVENTID": index + 1,
        "SQLDATE": f"{year}{month}{day}" if year else "", "MonthYear": f"{year}{month}" if year else "",
        "Year": year,
        "FractionDate": f"{int(year) + (int(month) - 1) / 12 + (int(day) - 1) / 365:.4f}" if year else "",
        "Actor1Code": event.source or "", "Actor1Name": event.source or "",
        "Actor1CountryCode": event.source or "", "Actor2Code": event.target or "",
        "Actor2Name": event.target or "", "Actor2CountryCode": event.target or "", "IsRootEvent": 1,
        "EventCode": event.cameo, "EventBaseCode": event.cameo[:3], "EventRootCode": event.cameo[:2],
        "QuadClass": event.quad_class or "", "GoldsteinScale": event.goldstein if event.goldstein is not None else "",
        "NumMentions": len(event.mentions), "NumSources": len(event.outlets) or len(event.documents),
        "NumArticles": len(event.documents), "ActionGeo_FullName": event.location or "",
        "SOURCEURL": event.mentions[0].mention.doc_id,
    })
    return row


def export_gdelt(conn: sqlite3.Connection, path: Path, pair: str | None) -> list[Path]:
    """Canonical events as a GDELT 2.0 event table (tab-separated, with a header row)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    events = merge_events(load_events(conn, pair))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=GDELT_COLUMNS, delimiter="\t")
        writer.writeheader()
        for index, event in enumerate(events):
            writer.writerow(gdelt_row(index, event))
    return [path]


EXPORTERS: dict[str, Callable[[sqlite3.Connection, Path, str | None], list[Path]]] = {
    "csv": export_csv, "jsonl": export_jsonl, "parquet": export_parquet,
    "graphml": export_graphml, "gdelt": export_gdelt,
}
