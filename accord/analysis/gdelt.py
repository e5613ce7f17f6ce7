"""Canonical events as a GDELT 2.0 event table, readable by tools written for GDELT's files:
tab-separated, no header row, GDELT 2.0's 61 columns in the codebook's order.

What accord does not know stays empty (religion, ethnic and type codes, AvgTone, coordinates:
the gazetteer has capitals but no coordinates). The *Geo_CountryCode columns hold the ISO
3166-1 alpha-2 code: GDELT writes FIPS 10-4 there, which is the same code for most
countries but not all (Vietnam is VN in ISO, VM in FIPS).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from accord.analysis.canonical import CanonicalEvent, merge_events
from accord.analysis.load import load_events
from accord.store.queries import in_batches
from accord.folding import fold

# The 61 columns of the GDELT 2.0 event table, in order (GDELT-Event_Codebook-V2.0).
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

# GDELT's geographic resolution codes.
GEO_COUNTRY, GEO_WORLD_CITY = 1, 4


@dataclass(frozen=True)
class Place:
    """A place the gazetteer knows: a country, or a capital with its country."""

    full_name: str
    iso2: str
    geo_type: int


@dataclass(frozen=True)
class Report:
    """What the export needs of a reporting document: its URL and when accord stored it."""

    url: str | None
    ingested_at: str | None


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, Place]]:
    """Country names by ISO3, and places by folded name (countries, their aliases, capitals)."""
    from accord.extract.gazetteer import _rows, _split

    names: dict[str, str] = {}
    places: dict[str, Place] = {}
    for row in _rows("countries.tsv"):
        iso3, iso2, name = row.get("iso3"), row.get("iso2") or "", row.get("name") or ""
        if not iso3:
            continue
        names[iso3] = name
        for alias in (name, *_split(row.get("aliases", ""))):
            places.setdefault(fold(alias), Place(name, iso2, GEO_COUNTRY))
        for capital in _split(row.get("capitals", "")):
            places.setdefault(fold(capital), Place(f"{capital}, {name}", iso2, GEO_WORLD_CITY))
    return names, places


def country_name(code: str | None) -> str:
    """The country's common name for an ISO3 code; the code itself when it is not a country."""
    return _countries()[0].get(code or "", code or "")


def place_of(location: str | None) -> Place | None:
    """The gazetteer's place for an event's location, or None when it does not know it."""
    return _countries()[1].get(fold(location)) if location else None


def _day(event: CanonicalEvent) -> str | None:
    """The event's date, else (GDELT's own convention: events are dated by their reports) the
    earliest publication date of the documents reporting it."""
    return event.date or event.earliest_report


def gdelt_row(index: int, event: CanonicalEvent, reports: dict[str, Report]) -> dict[str, object]:
    """One canonical event as a GDELT 2.0 event row; `reports`: its documents' URLs and ingest times."""
    date = _day(event) or ""
    year, month, day = date[:4], date[5:7] or "01", date[8:10] or "01"
    row: dict[str, object] = {column: "" for column in GDELT_COLUMNS}
    row.update({
        "GLOBALEVENTID": index + 1, "SQLDATE": f"{year}{month}{day}", "MonthYear": f"{year}{month}",
        "Year": year, "FractionDate": f"{int(year) + (int(month) - 1) / 12 + (int(day) - 1) / 365:.4f}",
        "IsRootEvent": 1, "EventCode": event.cameo, "EventBaseCode": event.cameo[:3],
        "EventRootCode": event.cameo[:2], "QuadClass": event.quad_class or "",
        "GoldsteinScale": event.goldstein if event.goldstein is not None else "",
        "NumMentions": len(event.mentions), "NumSources": len(event.outlets) or len(event.documents),
        "NumArticles": len(event.documents),
        "DATEADDED": _date_added(event, reports), "SOURCEURL": _source_url(event, reports),
    })
    for side, code in (("Actor1", event.source), ("Actor2", event.target)):
        row.update({f"{side}Code": code or "", f"{side}Name": country_name(code) if code else "",
                    f"{side}CountryCode": code or ""})
    place = place_of(event.location)
    if place:
        row.update({"ActionGeo_Type": place.geo_type, "ActionGeo_FullName": place.full_name,
                    "ActionGeo_CountryCode": place.iso2, "ActionGeo_ADM1Code": place.iso2})
    elif event.location:
        row["ActionGeo_FullName"] = event.location
    return row


def _first_reports(event: CanonicalEvent) -> list[str]:
    """The event's documents, earliest published first (undated last), then in report order."""
    order = {doc: i for i, doc in enumerate(event.documents)}
    published = {m.mention.doc_id: m.mention.published for m in event.mentions}
    return sorted(order, key=lambda doc: (published[doc] is None, published[doc] or "", order[doc]))


def _source_url(event: CanonicalEvent, reports: dict[str, Report]) -> str:
    """The URL of the first report that has one; else the first report's document id."""
    documents = _first_reports(event)
    return next((reports[d].url for d in documents if d in reports and reports[d].url), documents[0])


def _date_added(event: CanonicalEvent, reports: dict[str, Report]) -> str:
    """When accord first stored a report of the event, as YYYYMMDDHHMMSS."""
    stamps = [reports[d].ingested_at for d in event.documents if d in reports and reports[d].ingested_at]
    return "".join(ch for ch in min(stamps) if ch.isdigit())[:14] if stamps else ""


def _reports(conn: sqlite3.Connection, events: list[CanonicalEvent]) -> dict[str, Report]:
    ids = list(dict.fromkeys(doc for event in events for doc in event.documents))
    found: dict[str, Report] = {}
    for batch, marks in in_batches(ids):
        for row in conn.execute(f"SELECT id, url, ingested_at FROM documents WHERE id IN ({marks})", batch):
            found[row["id"]] = Report(row["url"], row["ingested_at"])
    return found


def export_gdelt(conn: sqlite3.Connection, path: Path, pair: str | None) -> list[Path]:
    """Canonical events as a GDELT 2.0 event table: tab-separated, no header row (GDELT's files
    have none; `GDELT_COLUMNS` names them). Events with no date and no dated report are left out:
    GDELT dates every event."""
    path.parent.mkdir(parents=True, exist_ok=True)
    events = [event for event in merge_events(load_events(conn, pair)) if _day(event)]
    reports = _reports(conn, events)
    with path.open("w", encoding="utf-8") as handle:
        for index, event in enumerate(events):
            row = gdelt_row(index, event, reports)
            # GDELT's files are neither quoted nor escaped: a field never holds a tab or a newline.
            handle.write("\t".join(" ".join(str(row[column]).split()) for column in GDELT_COLUMNS) + "\n")
    return [path]
