"""The record specs against what derives from them: the dataclasses, the migrated tables,
the Parquet schemas and the round trips record -> flat -> record and record -> store row."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.extract.records import (Agreement, DateValue, Event, Evidence, Extraction, Fact, Person,
                                    RelationLabel)
from accord.extract.spec import BY_NAME, EVENTS, PEOPLE, SPECS, unstored_fields
from accord.store.migrations import apply_migrations
from accord.store.records import replace_extraction, store_row

# Columns every record table has besides its spec's: the row id, the document, the version.
BOOKKEEPING = {"id", "doc_id", "version"}
# Event attributes that steer extraction and are never stored (extract/records.py says why).
NOT_STORED = {"events": {"joint", "date_stated", "host"}}


@pytest.fixture(scope="module")
def migrated():
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    apply_migrations(conn)
    return conn


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_the_spec_names_every_stored_attribute_of_its_dataclass(spec):
    assert unstored_fields(spec) == NOT_STORED.get(spec.name, set())
    assert {f.name for f in spec.fields} <= {f.name for f in fields(spec.record)}


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_the_migrated_table_has_exactly_the_spec_columns(spec, migrated):
    table = {row["name"] for row in migrated.execute(f"PRAGMA table_info({spec.table})")}
    derived = {"pair_key"} if spec.pair_from else set()
    derived |= {"folded"} if spec.folded else set()
    assert table == BOOKKEEPING | derived | {key.column for key in spec.keys}


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_the_parquet_schema_is_the_spec_keys(spec):
    schemas = pytest.importorskip("accord.scale.schemas")
    names = schemas.SCHEMAS[spec.name].names
    assert names == ["order", "doc_id", "idx", "version", *(key.name for key in spec.keys)]


def _evidence(draw) -> Evidence:
    start = draw(st.integers(0, 500))
    length = draw(st.integers(1, 80))
    return Evidence(draw(st.text(min_size=1, max_size=40)), start, start + length, start, start + length // 2)


_texts = st.text(max_size=20)
_optional = st.none() | _texts
_countries = st.lists(st.sampled_from(["VNM", "LAO", "KHM", "THA"]), max_size=3, unique=True).map(tuple)
_dates = st.none() | st.builds(DateValue, st.sampled_from(["2024", "2024-05", "2024-05-17"]),
                               st.sampled_from(["year", "month", "day"]))
_floats = st.floats(allow_nan=False, allow_infinity=False, width=32)


@st.composite
def events(draw) -> Event:
    return Event(draw(_texts), draw(_texts), draw(_optional), draw(_optional), draw(_dates), draw(_texts),
                 _evidence(draw), plover=draw(_optional), goldstein=draw(st.none() | _floats),
                 quad_class=draw(st.none() | st.integers(1, 4)), location=draw(_optional),
                 planned=draw(st.booleans()), negated=draw(st.booleans()), confidence=draw(_floats))


@st.composite
def people(draw) -> Person:
    return Person(draw(st.text(min_size=1, max_size=20)), draw(_optional), draw(_optional), _evidence(draw),
                  aliases=tuple(draw(st.lists(_texts, max_size=3))), confidence=draw(_floats),
                  source=draw(st.sampled_from(["ner", "gazetteer", "title"])))


@st.composite
def facts(draw) -> Fact:
    return Fact(draw(_floats), draw(_texts), draw(_texts), draw(st.booleans()), _evidence(draw),
                value_max=draw(st.none() | _floats), qualifier=draw(_optional), period=draw(_optional),
                countries=draw(_countries), confidence=draw(_floats))


@st.composite
def agreements(draw) -> Agreement:
    return Agreement(draw(_texts), draw(_texts), draw(_dates), _evidence(draw), countries=draw(_countries),
                     confidence=draw(_floats))


@st.composite
def labels(draw) -> RelationLabel:
    return RelationLabel(draw(_texts), draw(_countries), _evidence(draw), confidence=draw(_floats))


RECORDS = {"events": events(), "people": people(), "facts": facts(), "agreements": agreements(),
           "labels": labels()}


@pytest.mark.parametrize("name", list(RECORDS))
@given(data=st.data())
def test_a_record_comes_back_from_its_flat_keys(name, data):
    spec = BY_NAME[name]
    record = data.draw(RECORDS[name])
    assert spec.from_flat(spec.flat(record)) == record


@given(event=events())
def test_an_event_row_carries_sqlite_values_and_the_pair_key(event):
    row = store_row(EVENTS, event, "doc1", "v1")
    assert row["planned"] in (0, 1) and row["negated"] in (0, 1)
    assert row["sent_start"] == event.evidence.sentence_start
    assert row["date_precision"] == (event.date.precision if event.date else None)
    countries = sorted({c for c in (event.source, event.target) if c})
    assert row["pair_key"] == ("-".join(countries) if len(countries) == 2 else None)


@given(person=people())
def test_a_person_row_keeps_its_method_aliases_and_folded_name(person):
    row = store_row(PEOPLE, person, "doc1", "v1")
    assert row["method"] == person.source
    assert json.loads(row["aliases"]) == list(person.aliases)
    assert row["folded"]


def test_an_extraction_is_stored_in_the_spec_tables(migrated):
    migrated.execute("INSERT INTO documents(id, origin, format, raw_text, clean_text)"
                     " VALUES ('d1', 'a.txt', 'text', 'x', 'x')")
    evidence = Evidence("Laos and Vietnam signed a plan.", 0, 31, 9, 16)
    extraction = Extraction("d1", "v1", ("LAO", "VNM"))
    extraction.events = [Event("agreement_signed", "057", "VNM", "LAO", DateValue("2024-05", "month"), "signed",
                               evidence, planned=True)]
    extraction.labels = [RelationLabel("special relationship", ("LAO", "VNM"), evidence)]
    replace_extraction(migrated, extraction)
    event = dict(migrated.execute("SELECT * FROM events WHERE doc_id = 'd1'").fetchone())
    assert (event["pair_key"], event["date"], event["date_precision"], event["planned"]) == \
        ("LAO-VNM", "2024-05", "month", 1)
    label = migrated.execute("SELECT label, countries FROM relation_labels WHERE doc_id = 'd1'").fetchone()
    assert (label["label"], json.loads(label["countries"])) == ("special relationship", ["LAO", "VNM"])
