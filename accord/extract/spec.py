"""One spec per record type: its table, its dataclass, and the dataclass's fields with their kinds.

The dataclass in extract/records.py *is* the field list: each attribute's type gives its kind
(str -> text, float, int, bool, tuple[str, ...] -> strings, DateValue -> date, Evidence ->
evidence), its metadata says when it is not stored or has a store column named otherwise.
Everything that moves a record between shapes derives from these specs, in the spirit of
sqlite-utils' `insert_all`: the store's insert (`store/records.replace_extraction`), the JSON
of the listings (`analysis/views.record_json`), the Parquet rows and their Arrow schemas
(`scale/rows.py`, `scale/schemas.py`), the notebook rows (`api.py`) and the web's listing
routes. Adding a field to a record is one line in its dataclass plus a migration that adds the
column (docs/ARCHITECTURE.md shows the diff); `tests/extract/test_spec.py` fails while the
specs and the migrated tables disagree.

A record is spread over flat keys: a `date` field over `date` and `date_precision`, the
evidence over `sentence`, `sentence_start`, `sentence_end`, `start` and `end`. Those keys
are the Parquet columns and the JSON names; the store names a few columns otherwise
(`FlatKey.column`), because its tables predate this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from functools import cached_property
from types import UnionType
from typing import Union, get_args, get_origin, get_type_hints

from accord.extract.records import (Agreement, DateValue, Event, Evidence, Extraction, Fact, Person,
                                    RelationLabel)

# The kinds of field, each with one flat shape in Python (store/, scale/ and analysis/ map a
# kind to an SQLite value, an Arrow type and JSON).
TEXT, INT, FLOAT, BOOL, STRINGS, DATE, EVIDENCE = "text", "int", "float", "bool", "strings", "date", "evidence"

_EVIDENCE_KEYS = ("sentence", "sentence_start", "sentence_end", "start", "end")
_EVIDENCE_KINDS = {"sentence": TEXT, "sentence_start": INT, "sentence_end": INT, "start": INT, "end": INT}
# Store columns named otherwise than their flat key (the tables of migration 003).
_STORE_NAMES = {"sentence_start": "sent_start", "sentence_end": "sent_end"}


@dataclass(frozen=True)
class Field:
    """One stored field of a record: the dataclass attribute, its kind, its store column."""

    name: str
    kind: str
    column: str | None = None


@dataclass(frozen=True)
class FlatKey:
    """One flat key of a record: its name in Parquet and JSON, its store column, its kind."""

    name: str
    column: str
    kind: str


@dataclass(frozen=True)
class RecordSpec:
    """A record type: where it is stored, how its fields are laid out, how it is listed."""

    name: str  # the Extraction attribute, the Parquet table, the listing's name
    table: str  # the SQLite table
    record: type
    summary: str  # what a listing of it holds (the web API's description)
    pair_from: tuple[str, ...] = ()  # fields whose countries make the stored pair_key
    folded: str | None = None  # a field stored folded as well, to look it up by any spelling
    listed: bool = True  # has its own listing (`accord X`, /api/X); people are listed as actors

    # Derived once per spec: the store's insert and the listings read them for every row.
    @cached_property
    def fields(self) -> tuple[Field, ...]:
        """The stored fields, in the dataclass's order."""
        return _stored_fields(self.record)

    @cached_property
    def keys(self) -> tuple[FlatKey, ...]:
        """The flat keys of the record, in field order."""
        return tuple(key for f in self.fields for key in _spread(f))

    @cached_property
    def column_kinds(self) -> dict[str, str]:
        """The kind of each of the spec's store columns."""
        return {key.column: key.kind for key in self.keys}

    def flat(self, record) -> dict:
        """The record as flat keys: dates and evidence spread, tuples as lists."""
        row = {}
        for f in self.fields:
            value = getattr(record, f.name)
            if f.kind == DATE:
                row[f.name], row[f"{f.name}_precision"] = (value.iso, value.precision) if value else (None, None)
            elif f.kind == EVIDENCE:
                row.update({key: getattr(value, key) for key in _EVIDENCE_KEYS})
            elif f.kind == STRINGS:
                row[f.name] = list(value)
            else:
                row[f.name] = value
        return row

    def from_flat(self, row: dict):
        """The record whose `flat` the row is (by flat key names)."""
        values = {}
        for f in self.fields:
            if f.kind == DATE:
                iso = row.get(f.name)
                values[f.name] = DateValue(iso, row[f"{f.name}_precision"]) if iso else None
            elif f.kind == EVIDENCE:
                values[f.name] = Evidence(row["sentence"], *(int(row[k]) for k in _EVIDENCE_KEYS[1:]))
            elif f.kind == STRINGS:
                values[f.name] = tuple(row.get(f.name) or ())
            elif f.kind == BOOL:
                values[f.name] = bool(row[f.name])
            else:
                values[f.name] = row[f.name]
        return self.record(**values)

    def records(self, extraction: Extraction) -> list:
        """The extraction's records of this type."""
        return getattr(extraction, self.name)


def _spread(f: Field) -> Iterator[FlatKey]:
    if f.kind == DATE:
        yield FlatKey(f.name, f.column or f.name, TEXT)
        yield FlatKey(f"{f.name}_precision", f"{f.column or f.name}_precision", TEXT)
    elif f.kind == EVIDENCE:
        yield from (FlatKey(k, _STORE_NAMES.get(k, k), _EVIDENCE_KINDS[k]) for k in _EVIDENCE_KEYS)
    else:
        yield FlatKey(f.name, f.column or f.name, f.kind)


def _stored_fields(record: type) -> tuple[Field, ...]:
    hints = get_type_hints(record)
    return tuple(Field(f.name, _kind(hints[f.name]), f.metadata.get("column"))
                 for f in fields(record) if f.metadata.get("stored", True))


_KINDS = {str: TEXT, int: INT, float: FLOAT, bool: BOOL, DateValue: DATE, Evidence: EVIDENCE}


def _kind(hint) -> str:
    """The kind of an annotation: `X | None` is X's, `tuple[str, ...]` is strings."""
    if get_origin(hint) in (Union, UnionType):
        (hint,) = [arg for arg in get_args(hint) if arg is not type(None)]
    if get_origin(hint) is tuple:
        return STRINGS
    return _KINDS[hint]


EVENTS = RecordSpec("events", "events", Event, "Events with their evidence, filtered and paginated.",
                    pair_from=("source", "target"))
FACTS = RecordSpec("facts", "facts", Fact, "Numeric facts with their evidence.", pair_from=("countries",))
AGREEMENTS = RecordSpec("agreements", "agreements", Agreement, "Named agreements with their evidence.",
                        pair_from=("countries",))
PEOPLE = RecordSpec("people", "people", Person, "People named in the documents, with their evidence.",
                    folded="name", listed=False)
LABELS = RecordSpec("labels", "relation_labels", RelationLabel,
                    "Relationship labels as each source words them, with evidence.", pair_from=("countries",))

SPECS: tuple[RecordSpec, ...] = (EVENTS, FACTS, AGREEMENTS, PEOPLE, LABELS)
BY_NAME = {spec.name: spec for spec in SPECS}
BY_TABLE = {spec.table: spec for spec in SPECS}


def countries_of(spec: RecordSpec, record) -> Iterable[str | None]:
    """The countries a record's pair is made of (its `pair_from` fields, flattened)."""
    for name in spec.pair_from:
        value = getattr(record, name)
        yield from (value if isinstance(value, tuple) else (value,))


def unstored_fields(spec: RecordSpec) -> set[str]:
    """Dataclass attributes the spec leaves out: they steer extraction and are not kept."""
    return {f.name for f in fields(spec.record)} - {f.name for f in spec.fields}
