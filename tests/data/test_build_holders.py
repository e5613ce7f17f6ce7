"""scripts/build_holders.py: reading PETRARCH2's country actors into office holders.

The dictionary text below is written for these tests in the dictionary's format; the names
are invented.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import build_holders as B  # noqa: E402

DICTIONARY = """\
# a comment line
ARCADIA_  [ARC]
+ARCADIAN_
+ARCADIA_CITY_
TOMAS_VELLORE_  # CountryInfo.txt
+PRESIDENT_VELLORE_
\t[ARCELI 600101-991231]
\t[ARCGOV 000101-051231]
\t[ARCGOV >100301]
MIRA_DE_LA_COSTA_  # CountryInfo.txt
\t[ARCGOVMIL 20030101-20061130]
KARIMOV_  # CountryInfo.txt
\t[ARCGOV 030101-050101]
LENA_OSTROVA_  # CountryInfo.txt
\t[ARCELI 030101-050101]
\t[ARCOPP]
ARCADIAN_NATIONAL_ARMY
+ARCADIAN_ARMY_
\t[ARCMIL]
JON_HALE_
+JON_HALE_JR_
\t[ARCGOV <990101]
PAVEL_DRAN_  # CountryInfo.txt
\t[BRZGOV 030101-050101]
IVAN_PETROV_  # CountryInfo.txt
\t[ARCGOV 030101-050101]

BRAZORIA_  [BRZ]
IVAN_PETROV_  # CountryInfo.txt
\t[BRZGOV 080101-090101]
PAVEL_DRAN_  # CountryInfo.txt
\t[BRZGOV 030101-050101]
SAMI_NOOR_  # CountryInfo.txt
\t[BRZGOV 030101-050101]
SAMI_NOOR_  # CountryInfo.txt
\t[BRZLEG 060101-070101]
"""
COUNTRIES = {"ARC", "BRZ"}
TITLES = {"president", "minister", "prime"}


@pytest.fixture(scope="module")
def holders():
    entries = B.parse_entries(DICTIONARY.splitlines())
    return {h.name: h for h in B.select_holders(entries, COUNTRIES, TITLES)}


@pytest.mark.parametrize("raw, name", [
    ("NGUYEN_MINH_TRIET_", "Nguyen Minh Triet"),
    ("LUIZ_INACIO_LULA_DA_SILVA_", "Luiz Inacio Lula da Silva"),
    ("NANA_AKUFO-ADDO_", "Nana Akufo-Addo"),
    ("JOHN_MCCAIN_", "John McCain"),
    ("CONOR_O'BRIEN_", "Conor O'Brien"),
    ("RAVAN_A.G._FARHADI_", "Ravan A.G. Farhadi"),
    ("MOHAMMED_VI_", "Mohammed VI"),
    ("XI_JINPING", "Xi Jinping"),
])
def test_case_is_restored(raw, name):
    assert B.restore_case(raw) == name


@pytest.mark.parametrize("text, iso", [
    ("050101", "2005-01-01"), ("991231", "1999-12-31"), ("140130", "2014-01-30"),
    ("20031222", "2003-12-22"), ("9008223", ""), ("051340", ""),
])
def test_dates(text, iso):
    assert B.parse_date(text) == iso


def test_terms_keep_state_roles_and_their_dates():
    assert B.parse_term("ARCGOV", "000101-051231", COUNTRIES) == B.Term("ARC", "GOV", "2000-01-01", "2005-12-31")
    assert B.parse_term("ARCGOVMIL", ">100301", COUNTRIES) == B.Term("ARC", "GOVMIL", "2010-03-01", "")
    assert B.parse_term("ARCGOV", "<990101", COUNTRIES) == B.Term("ARC", "GOV", "", "1999-01-01")
    assert B.parse_term("ARCELI", "600101-991231", COUNTRIES) is None  # elites out of office
    assert B.parse_term("ARCOPP", "", COUNTRIES) is None
    assert B.parse_term("XYZGOV", "", COUNTRIES) is None  # no such country


def test_people_with_state_roles_are_kept_with_their_terms(holders):
    vellore = holders["Tomas Vellore"]
    assert [(t.country, t.agent, t.start, t.end) for t in vellore.terms] == [
        ("ARC", "GOV", "2000-01-01", "2005-12-31"), ("ARC", "GOV", "2010-03-01", "")]
    assert holders["Mira de la Costa"].terms[0].agent == "GOVMIL"


def test_a_title_is_taken_off_an_alias_and_a_lone_surname_is_dropped(holders):
    assert holders["Tomas Vellore"].aliases == []  # PRESIDENT_VELLORE_ -> "Vellore": one word


def test_ambiguous_and_non_person_entries_are_left_out(holders):
    assert "Karimov" not in holders  # a single word
    assert "Lena Ostrova" not in holders  # ELI and OPP only: no state role
    assert not any("Army" in name for name in holders)  # an institution among the people
    assert "Ivan Petrov" not in holders  # one name, two countries: which one a text means is unknown


def test_a_code_that_contradicts_its_section_is_a_data_error(holders):
    # Pavel Dran is coded BRZ under ARCADIA (dropped there) and again under BRAZORIA.
    assert {t.country for t in holders["Pavel Dran"].terms} == {"BRZ"}


def test_a_person_listed_twice_in_one_country_is_merged(holders):
    assert [t.agent for t in holders["Sami Noor"].terms] == ["GOV", "LEG"]


def test_an_uncommented_name_before_its_blocks_is_an_alias(holders):
    assert holders["Jon Hale"].aliases == ["Jon Hale Jr"]


def test_rows_are_one_per_term():
    holders = B.select_holders(B.parse_entries(DICTIONARY.splitlines()), COUNTRIES, TITLES)
    rows = B.rows_of(holders)
    assert ["Tomas Vellore", "", "ARC", "GOV", "2000-01-01", "2005-12-31"] in rows
    assert all(len(row) == 6 for row in rows)
