"""The CAMEO table: codes as strings, Goldstein scores, quad classes, PLOVER categories."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.extract.cameo import cameo_table, lookup, plover_category, quad_class

CONFORMANCE = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "cameo" / "cameo_codes.tsv"
PACKAGED = Path(__file__).resolve().parents[2] / "accord" / "data" / "cameo" / "cameo_codes.tsv"


def test_the_table_has_every_code_and_twenty_roots():
    table = cameo_table()
    assert len(table) == 312
    roots = sorted(code for code in table if len(code) == 2)
    assert roots == [f"{n:02d}" for n in range(1, 21)]
    assert all(-10.0 <= code.goldstein <= 10.0 for code in table.values())
    assert all(code.code == key for key, code in table.items())


def test_the_packaged_table_equals_the_conformance_table():
    if not CONFORMANCE.is_file():
        pytest.skip(f"conformance table not found at {CONFORMANCE}")
    assert PACKAGED.read_text("utf-8") == CONFORMANCE.read_text("utf-8")


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
    ("111", 3), ("140", 3), ("163", 4), ("190", 4), ("20", 4),
])
def test_quad_classes(code, quad):
    assert quad_class(code) == quad
    assert lookup(code).quad_class == quad


@pytest.mark.parametrize("code, plover", [
    ("010", None), ("019", "AGREE"), ("030", "AGREE"), ("036", "AGREE"), ("042", "CONSULT"),
    ("051", "SUPPORT"), ("057", "AGREE"), ("062", "COOPERATE"), ("070", "AID"), ("112", "ACCUSE"),
    ("120", "REJECT"), ("140", "PROTEST"), ("163", "SANCTION"), ("190", "ASSAULT"),
])
def test_plover_categories(code, plover):
    assert plover_category(code) == plover
    assert lookup(code).plover == plover
