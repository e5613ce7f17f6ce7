"""The CAMEO table: codes as strings, Goldstein scores, quad classes, PLOVER categories."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.extract.cameo import cameo_table, event_type, lookup, plover_category, quad_class

CONFORMANCE = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "cameo" / "cameo_codes.tsv"
PACKAGED = Path(__file__).resolve().parents[2] / "accord" / "data" / "cameo" / "cameo_codes.tsv"


def test_the_table_has_every_code_and_twenty_roots():
    table = cameo_table()
    assert len([c for c in table.values() if c.origin == "cameo"]) == 312
    roots = sorted(code for code in table if len(code) == 2)
    assert roots == [f"{n:02d}" for n in range(1, 21)]
    assert all(-10.0 <= code.goldstein <= 10.0 for code in table.values())
    assert all(code.code == key for key, code in table.items())


def test_the_packaged_table_keeps_every_conformance_code_name_and_score():
    if not CONFORMANCE.is_file():
        pytest.skip(f"conformance table not found at {CONFORMANCE}")
    rows = [line.split("\t") for line in CONFORMANCE.read_text("utf-8").splitlines()[1:]]
    table = cameo_table()
    assert [(c, n, float(g)) for c, n, g in rows] == [
        (code.code, code.name, code.goldstein) for code in table.values() if code.origin == "cameo"]


@pytest.mark.parametrize("code, type_", [
    ("042", "visit"), ("043", "visit"), ("040", "meeting_talks"), ("046", "meeting_talks"),
    ("057", "agreement_signed"), ("051", "statement_praise"), ("013", "statement_praise"),
    ("0511", "award_honor"), ("030", "pledge_commitment"), ("0311", "economic_cooperation"),
    ("061", "economic_cooperation"), ("062", "military_security_cooperation"),
    ("073", "aid_provided"), ("075", "other"), ("054", "other"), ("100", "protest_criticism"),
    ("112", "protest_criticism"), ("138", "protest_criticism"), ("1611", "protest_criticism"),
    ("161", "other"), ("174", "other"), ("190", "other"),
])
def test_every_code_has_the_codebook_type(code, type_):
    assert event_type(code) == type_


def test_leading_zeros_matter():
    assert lookup("010").name == "Make statement"
    assert lookup("10").name == "DEMAND"
    assert lookup("010").goldstein != lookup("10").goldstein


@pytest.mark.parametrize("code, name, goldstein", [
    ("042", "Make a visit", 1.9),
    ("043", "Host a visit", 2.8),
    ("057", "Sign formal agreement", 8.0),
    ("061", "Cooperate economically", 6.4),
    ("111", "Criticize or denounce", -2.0),
    ("190", "Use conventional military force", -10.0),
])
def test_lookup_gives_name_and_goldstein(code, name, goldstein):
    entry = lookup(code)
    assert (entry.code, entry.name, entry.goldstein) == (code, name, goldstein)


def test_lookup_falls_back_to_the_parent_code():
    assert lookup("0421").code == "042"   # no such four-digit code: its parent
    assert lookup("047").code == "04"     # no such three-digit code: its root
    assert lookup("0211").code == "0211"  # an existing four-digit code is kept


def test_lookup_rejects_unknown_codes():
    with pytest.raises(KeyError):
        lookup("999")
    with pytest.raises(KeyError):
        lookup("21")


@pytest.mark.parametrize("code, quad", [
    ("01", 1), ("042", 1), ("057", 1), ("061", 2), ("070", 2), ("0874", 2),
    ("090", 3), ("111", 3), ("138", 3), ("140", 4), ("163", 4), ("190", 4), ("20", 4),
])
def test_quad_classes(code, quad):
    assert quad_class(code) == quad
    assert lookup(code).quad_class == quad


@pytest.mark.parametrize("code, plover", [
    ("010", None), ("019", "AGREE"), ("030", "AGREE"), ("036", "AGREE"), ("042", "CONSULT"),
    ("051", "SUPPORT"), ("057", "AGREE"), ("062", "COOPERATE"), ("070", "AID"), ("0874", "RETREAT"), ("112", "ACCUSE"),
    ("120", "REJECT"), ("140", "PROTEST"), ("163", "SANCTION"), ("190", "ASSAULT"),
])
def test_plover_categories(code, plover):
    assert plover_category(code) == plover
    assert lookup(code).plover == plover


def test_the_event_type_table_lists_exactly_the_types_codes_map_to():
    from accord.extract.event_types import event_types

    names = [t.name for t in event_types()]
    assert len(names) == len(set(names)) == 11
    assert set(names) == {code.type for code in cameo_table().values()}
    assert all(t.colour.startswith("#") and t.label for t in event_types())
