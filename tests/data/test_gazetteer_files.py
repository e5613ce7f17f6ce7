"""Sanity checks for the hand-written gazetteer data in accord/data/gazetteer/.

Stdlib only: the TSV files are read with the csv module (tab delimiter, no quoting);
lines starting with '#' are comments. The first non-comment line is the header.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

GAZ = Path(__file__).resolve().parents[2] / "accord" / "data" / "gazetteer"

COLUMNS = {
    "countries.tsv": ["iso3", "iso2", "name", "aliases", "demonyms", "capitals"],
    "organizations.tsv": ["id", "name", "aliases", "country", "kind"],
    "office_holders.tsv": ["name", "aliases", "country", "role", "start", "end"],
    "office_holders_petrarch.tsv": ["name", "aliases", "country", "role", "start", "end"],
}
MULTI = {"aliases", "demonyms", "capitals"}
ROLES = {
    "head_of_state",
    "head_of_government",
    "party_leader",
    "foreign_minister",
    "legislature_head",
    "defence_minister",
}
KINDS = {"party", "state_body", "military", "media", "igo", "ngo", "company"}
PSEUDO_COUNTRIES = {"EUU"}
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def read_tsv(name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, cells) for every non-comment, non-blank line."""
    path = GAZ / name
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for lineno, line in enumerate(handle, start=1):
            line = line.rstrip("\n").rstrip("\r")
            if line.startswith("#") or not line.strip():
                continue
            cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
            if header is None:
                header = cells
            else:
                rows.append((lineno, cells))
    assert header is not None, f"{name} has no header"
    return header, rows


def records(name: str) -> list[dict[str, str]]:
    header, rows = read_tsv(name)
    out = []
    for lineno, cells in rows:
        rec = dict(zip(header, cells))
        rec["_line"] = str(lineno)
        out.append(rec)
    return out


def split_multi(cell: str) -> list[str]:
    return [item for item in cell.split(";")] if cell else []


def fold(text: str) -> str:
    """Case-fold and strip diacritics (stricter than case-folding alone)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def parse_date(text: str, *, latest: bool) -> date:
    match = DATE_RE.match(text)
    assert match, f"bad date {text!r}"
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (12 if latest else 1)
    if match.group(3):
        day = int(match.group(3))
    elif latest:
        day = 31 if month == 12 else (date(year, month + 1, 1) - date(year, month, 1)).days
    else:
        day = 1
    return date(year, month, day)  # raises ValueError on impossible dates


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_file_parses_with_expected_columns(name):
    header, rows = read_tsv(name)
    assert header == COLUMNS[name]
    assert rows, f"{name} has no data rows"
    for lineno, cells in rows:
        assert len(cells) == len(header), f"{name}:{lineno}: {len(cells)} cells, expected {len(header)}"
        for column, cell in zip(header, cells):
            assert cell == cell.strip(), f"{name}:{lineno}: stray whitespace in {column}"
            if column in MULTI and cell:
                items = cell.split(";")
                assert all(item and item == item.strip() for item in items), (
                    f"{name}:{lineno}: empty or padded item in {column}: {cell!r}"
                )


def test_country_codes():
    rows = records("countries.tsv")
    iso3 = [r["iso3"] for r in rows]
    iso2 = [r["iso2"] for r in rows]
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in iso3), "iso3 must be 3 uppercase letters"
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in iso2), "iso2 must be 2 uppercase letters"
    assert len(set(iso3)) == len(iso3), "duplicate iso3"
    assert len(set(iso2)) == len(iso2), "duplicate iso2"
    assert all(r["name"] for r in rows), "every country needs a name"
    # All of ISO 3166-1 (249) plus XKX and EUU.
    assert len(rows) >= 251
    for code in ("VNM", "LAO", "USA", "CHN", "PSE", "XKX", "EUU"):
        assert code in iso3


def test_no_country_alias_shared_between_countries():
    owner: dict[str, set[str]] = defaultdict(set)
    for r in records("countries.tsv"):
        strings = [r["name"]]
        for column in ("aliases", "demonyms", "capitals"):
            strings += split_multi(r[column])
        for s in strings:
            owner[fold(s)].add(r["iso3"])
    clashes = {s: sorted(codes) for s, codes in owner.items() if len(codes) > 1}
    assert not clashes, f"strings naming more than one country: {clashes}"


def test_organizations():
    codes = {r["iso3"] for r in records("countries.tsv")}
    rows = records("organizations.tsv")
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids), "duplicate organisation id"
    for r in rows:
        assert r["name"], f"line {r['_line']}: empty name"
        assert r["kind"] in KINDS, f"line {r['_line']}: bad kind {r['kind']!r}"
        assert r["country"] == "" or r["country"] in codes, f"line {r['_line']}: unknown country {r['country']!r}"
    assert sum(1 for r in rows if r["kind"] == "igo") >= 80


def test_organization_names_do_not_clash_with_countries_or_each_other():
    # The EUU pseudo-country deliberately shares its name with the organisation EU.
    country_strings = set()
    for r in records("countries.tsv"):
        if r["iso3"] in PSEUDO_COUNTRIES:
            continue
        country_strings.add(fold(r["name"]))
        country_strings.update(fold(a) for a in split_multi(r["aliases"]))
    owner: dict[str, set[str]] = defaultdict(set)
    for r in records("organizations.tsv"):
        for s in [r["name"], *split_multi(r["aliases"])]:
            owner[fold(s)].add(r["id"])
    assert not {s for s in owner if s in country_strings}, "organisation string equals a country name/alias"
    clashes = {s: sorted(ids) for s, ids in owner.items() if len(ids) > 1}
    assert not clashes, f"strings naming more than one organisation: {clashes}"


def test_office_holders():
    codes = {r["iso3"] for r in records("countries.tsv")}
    rows = records("office_holders.tsv")
    seen = set()
    for r in rows:
        where = f"office_holders.tsv:{r['_line']}"
        assert r["name"], f"{where}: empty name"
        assert r["country"] in codes, f"{where}: unknown country {r['country']!r}"
        assert r["role"] in ROLES, f"{where}: bad role {r['role']!r}"
        assert r["start"] or r["end"], f"{where}: no dates at all"
        if r["start"] and r["end"]:
            assert parse_date(r["start"], latest=False) <= parse_date(r["end"], latest=True), (
                f"{where}: start after end"
            )
        else:
            for column in ("start", "end"):
                if r[column]:
                    parse_date(r[column], latest=column == "end")
        key = (r["name"], r["country"], r["role"], r["start"])
        assert key not in seen, f"{where}: duplicate row"
        seen.add(key)


def test_office_holder_terms_do_not_overlap_within_a_role():
    """Consecutive holders of one office may touch (same day) but not overlap, and only
    the last one may be open-ended. Compared at the precision both dates share."""
    by_office: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in records("office_holders.tsv"):
        if r["start"]:
            by_office[(r["country"], r["role"])].append(r)
    for office, terms in by_office.items():
        terms.sort(key=lambda r: parse_date(r["start"], latest=False))
        for before, after in zip(terms, terms[1:]):
            assert before["end"], f"{office}: {before['name']} is open-ended but {after['name']} follows"
            assert parse_date(after["start"], latest=True) >= parse_date(before["end"], latest=False), (
                f"{office}: {before['name']} ({before['end']}) overlaps {after['name']} ({after['start']})"
            )


def test_office_holders_coverage():
    rows = records("office_holders.tsv")
    countries = {r["country"] for r in rows} - PSEUDO_COUNTRIES
    assert len(countries) >= 60, f"only {len(countries)} countries covered"
    g20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA EUU".split()
    asean = "BRN KHM IDN LAO MYS MMR PHL SGP THA VNM TLS".split()
    for code in g20 + asean:
        assert code in countries | PSEUDO_COUNTRIES and any(r["country"] == code for r in rows), code
    for code in ("VNM", "LAO", "CHN"):
        roles = {r["role"] for r in rows if r["country"] == code}
        assert {"head_of_state", "head_of_government", "party_leader", "foreign_minister", "legislature_head"} <= roles


# ---------------------------------------------------------------- the generated office holders

GENERATED = "office_holders_petrarch.tsv"
STATE_AGENT = re.compile(r"(?:GOV|MIL|LEG|JUD|COP|SPY)[A-Z]*")
ROOT = GAZ.parents[2]
SOURCE = ROOT.parent / "shared" / "conformance" / "petrarch2" / "dictionaries" / "Phoenix.Countries.actors.txt"


def test_generated_holders_say_they_are_generated_and_from_what():
    head = (GAZ / GENERATED).read_text(encoding="utf-8").splitlines()[:6]
    assert head[0].startswith("# GENERATED by scripts/build_holders.py")
    assert any("Phoenix.Countries.actors.txt" in line for line in head)


def test_generated_holders_rows():
    codes = {r["iso3"] for r in records("countries.tsv")}
    rows = records(GENERATED)
    assert len(rows) > 10000 and len({r["country"] for r in rows}) >= 180
    for r in rows:
        where = f"{GENERATED}:{r['_line']}"
        assert r["country"] in codes, f"{where}: unknown country {r['country']!r}"
        assert STATE_AGENT.fullmatch(r["role"]), f"{where}: not a state role {r['role']!r}"
        for name in [r["name"], *split_multi(r["aliases"])]:
            assert len(name.split()) >= 2, f"{where}: single-word name {name!r}"
            assert unicodedata.normalize("NFC", name) == name, f"{where}: not NFC"
        if r["start"] and r["end"]:
            assert parse_date(r["start"], latest=False) <= parse_date(r["end"], latest=True), where
        for column in ("start", "end"):
            if r[column]:
                parse_date(r[column], latest=column == "end")


def test_generated_names_name_one_country_and_no_place_or_body():
    owner: dict[str, set[str]] = defaultdict(set)
    for r in records(GENERATED):
        for name in [r["name"], *split_multi(r["aliases"])]:
            owner[fold(name)].add(r["country"])
    shared = {name: sorted(c) for name, c in owner.items() if len(c) > 1}
    assert not shared, f"names of two countries: {list(shared.items())[:10]}"
    places = set()
    for r in records("countries.tsv"):
        places.update(fold(s) for s in [r["name"], *split_multi(r["aliases"]), *split_multi(r["demonyms"]),
                                        *split_multi(r["capitals"])])
    for r in records("organizations.tsv"):
        places.update(fold(s) for s in [r["name"], *split_multi(r["aliases"])])
    assert not places & set(owner), sorted(places & set(owner))[:10]


def test_generated_names_carry_no_title_words():
    titles = {line.strip().lower().strip(".") for line in
              (GAZ.parent / "lexicon" / "titles.txt").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    for r in records(GENERATED):
        for name in [r["name"], *split_multi(r["aliases"])]:
            assert not {w.lower().strip(".") for w in name.split()} & titles, (r["_line"], name)


@pytest.mark.skipif(not SOURCE.is_file(), reason="PETRARCH2's dictionary is not beside the project")
def test_generated_holders_are_what_the_script_makes(tmp_path):
    import subprocess
    import sys

    target = tmp_path / GENERATED
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_holders.py"), "--source", str(SOURCE),
                    "--target", str(target)], check=True, capture_output=True)
    assert target.read_text(encoding="utf-8") == (GAZ / GENERATED).read_text(encoding="utf-8"), (
        "office_holders_petrarch.tsv is stale: run python scripts/build_holders.py")
