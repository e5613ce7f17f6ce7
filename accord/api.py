"""The Python API for notebooks: `accord.open(path)` reads a store, `accord.extract(text)` reads
one article without a store. Every listing takes the CLI's filters and gives plain rows
(`Records`, a list of dicts) or, with `as_frame=True` or `.df()`, a pandas DataFrame.

    import accord
    with accord.open("demo.db") as store:
        frame = store.events(pair="VNM-LAO", type="visit", date_from="2025", as_frame=True)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from accord.analysis import filters, views
from accord.extract.spec import SPECS, RecordSpec
from accord.store.db import Store, open_store
from accord.store.records import RecordFilter, list_records

if TYPE_CHECKING:  # pandas is an extra: imported only when a frame is asked for
    import pandas

PANDAS_HINT = "DataFrames need pandas: pip install 'accord[pandas]'"


class Records(list):
    """Rows (dicts) as the CLI's --json gives them, flattened for tables; `.df()` for pandas."""

    def df(self) -> "pandas.DataFrame":
        """The rows as a pandas DataFrame (needs the `pandas` extra)."""
        try:
            import pandas
        except ImportError:
            raise ImportError(PANDAS_HINT) from None
        return pandas.DataFrame(list(self))


def _result(rows: list[dict], as_frame: bool) -> "Records | pandas.DataFrame":
    records = Records(rows)
    return records.df() if as_frame else records


def check_date(value: str | date | None, name: str) -> str | None:
    """A date filter as YYYY[-MM[-DD]] (a `date` is taken as its day), or ValueError naming the
    filter and the valid forms (the CLI's check, accord/analysis/filters.py)."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return filters.check_date(None if value is None else str(value))
    except ValueError as error:
        raise ValueError(f"{name}: {error}") from None


check_pair = filters.check_pair
check_event_type = filters.check_event_type
check_quantity = filters.check_quantity


def _flat(row: dict) -> dict:
    """A stored record row with JSON columns decoded and flags as booleans."""
    row = dict(row)
    for key in ("countries", "aliases"):
        if isinstance(row.get(key), str):
            row[key] = json.loads(row[key])
    for key in ("planned", "negated", "is_target"):
        if key in row:
            row[key] = bool(row[key])
    return row


class AccordStore:
    """An open accord store, read through the same views as the CLI and the web app."""

    def __init__(self, store: Store):
        self.store = store

    @property
    def path(self) -> str:
        """Where the store's file is."""
        return self.store.path

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def __enter__(self) -> "AccordStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<accord store {self.path}>"

    def _records(self, table: str, filters: RecordFilter, as_frame: bool):
        with self.store.reading() as conn:
            rows = list_records(conn, table, filters)
        return _result([_flat(row) for row in rows], as_frame)

    def events(self, pair: str | None = None, type: str | None = None, date_from: str | date | None = None,
               date_to: str | date | None = None, limit: int = 1000, as_frame: bool = False):
        """Sentence-level events (`accord events`): each with CAMEO, Goldstein and its evidence."""
        filters = RecordFilter(pair=check_pair(pair), type=check_event_type(type),
                               date_from=check_date(date_from, "date_from"),
                               date_to=check_date(date_to, "date_to"), limit=limit)
        return self._records("events", filters, as_frame)

    def facts(self, pair: str | None = None, quantity: str | None = None, limit: int = 1000,
              as_frame: bool = False):
        """Numeric facts (`accord facts`): value, unit, kind (`quantity`), period, target or reported."""
        return self._records("facts", RecordFilter(pair=check_pair(pair), type=check_quantity(quantity), limit=limit), as_frame)

    def agreements(self, pair: str | None = None, date_from: str | date | None = None,
                   date_to: str | date | None = None, limit: int = 1000, as_frame: bool = False):
        """Named agreements, treaties, memoranda and plans (`accord agreements`)."""
        filters = RecordFilter(pair=check_pair(pair), date_from=check_date(date_from, "date_from"),
                               date_to=check_date(date_to, "date_to"), limit=limit)
        return self._records("agreements", filters, as_frame)

    def labels(self, pair: str | None = None, limit: int = 1000, as_frame: bool = False):
        """Relationship labels as each source words them (`accord labels`)."""
        return self._records("relation_labels", RecordFilter(pair=check_pair(pair), limit=limit), as_frame)

    def _query(self, pair: str, date_from=None, date_to=None, by: str = "year",
               limit: int | None = None, offset: int = 0) -> views.PairQuery:
        if not pair:
            raise ValueError("a pair is required, e.g. pair='VNM-LAO'")
        if by not in ("month", "quarter", "year"):
            raise ValueError(f"invalid by {by!r}: use month, quarter or year")
        return views.PairQuery(check_pair(pair), check_date(date_from, "date_from"),
                               check_date(date_to, "date_to"), by, limit, offset)

    def timeline(self, pair: str, date_from: str | date | None = None, date_to: str | date | None = None,
                 limit: int | None = None, offset: int = 0, as_frame: bool = False):
        """Canonical events of a pair in date order, each with every report of it (`accord timeline`)."""
        query = self._query(pair, date_from, date_to, limit=limit, offset=offset)
        with self.store.reading() as conn:
            return _result(views.timeline_view(conn, query), as_frame)

    def commitments(self, pair: str, limit: int | None = None, offset: int = 0, as_frame: bool = False):
        """Targets against the latest reported figure, with progress and status (`accord commitments`)."""
        with self.store.reading() as conn:
            rows = views.commitments_view(conn, self._query(pair, limit=limit, offset=offset))
        return _result([_flat_commitment(row) for row in rows], as_frame)

    def index(self, pair: str, by: str = "year", as_frame: bool = False):
        """The relationship index by month, quarter or year (`accord index`)."""
        with self.store.reading() as conn:
            return _result(views.index_view(conn, self._query(pair, by=by)), as_frame)

    def documents(self, limit: int = 100, offset: int = 0, language: str | None = None,
                  as_frame: bool = False):
        """Stored documents (`accord docs`), without their texts."""
        found = self.store.list_documents(limit, offset, False, language)
        rows = [{k: v for k, v in vars(doc).items() if k not in ("clean_text", "raw_text", "origins")}
                for doc in found]
        return _result(rows, as_frame)


def _flat_commitment(row: dict) -> dict:
    """A commitment with its latest actual figure spread over columns, for tables."""
    actual = row.get("latest_actual") or {}
    flat = {key: value for key, value in row.items() if key != "latest_actual"}
    for key in ("value", "period", "document", "evidence"):
        flat[f"actual_{key}"] = actual.get(key)
    return flat


def open_accord(path: str | Path) -> AccordStore:
    """`accord.open(path)`: an existing store; FileNotFoundError when there is none at `path`."""
    target = Path(path)
    if not target.is_file():
        raise FileNotFoundError(f"no accord store at {target}: create it with "
                                f"`accord --db {target} ingest ARTICLES...`")
    return AccordStore(open_store(target))


@dataclass
class Article:
    """What `accord.extract` found in one article: the clean text every span refers to, the
    publication date used, and each kind of record as `Records`."""

    text: str
    published: str | None
    language: str | None
    events: Records = field(default_factory=Records)
    facts: Records = field(default_factory=Records)
    agreements: Records = field(default_factory=Records)
    people: Records = field(default_factory=Records)
    labels: Records = field(default_factory=Records)


def extract_article(text: str, published: str | date | None = None, title: str | None = None,
                    url: str | None = None) -> Article:
    """`accord.extract(text, published=...)`: clean one article and extract its records, as
    ingest does, without a store. Raises ValueError when no article text survives cleaning."""
    from accord.errors import Rejected
    from accord.extract.pipeline import extract_document
    from accord.ingest.document import build_document
    from accord.models import RawArticle

    stated = published.isoformat() if isinstance(published, date) else published
    try:
        document = build_document(RawArticle("<text>", "text", text, url=url, title=title, published=stated))
    except Rejected as error:
        raise ValueError(str(error)) from None
    found = extract_document(document.id, document.clean_text, document.published.value,
                             captions=document.captions)
    return Article(document.clean_text, document.published.iso, document.language,
                   **{spec.name: Records(_records_of(spec, spec.records(found))) for spec in SPECS})


def _records_of(spec: RecordSpec, records: list) -> list[dict]:
    """Extracted dataclasses as the store's rows: the spec's columns, dates as ISO text and
    precision, evidence spread out (no id, document or version: nothing is stored)."""
    return [{key.column: flat[key.name] for key in spec.keys} for flat in map(spec.flat, records)]
