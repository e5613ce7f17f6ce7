"""The gazetteer as the extractor uses it: coverage, matching rules, spans and look-ups.

(The TSV files' format is checked in tests/data/test_gazetteer_files.py.)
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.extract.gazetteer import Country, Gazetteer, OfficeHolder, Organization

G20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
       "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}
ASEAN = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"}
SAARC = {"AFG", "BGD", "BTN", "IND", "MDV", "NPL", "PAK", "LKA"}
EAC = {"BDI", "KEN", "RWA", "SSD", "TZA", "UGA", "COD", "SOM"}
MERCOSUR = {"ARG", "BRA", "PRY", "URY"}


def found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.kind, m.country) for m in gazetteer.find(text)]


# ---------------------------------------------------------------- coverage

def test_every_iso_country_is_present(gazetteer):
    assert len(gazetteer.countries) >= 249
    assert {"KEN", "UGA", "JPN", "IND", "BRA", "ARG", "FRA", "DEU", "IDN", "AUS"} <= set(gazetteer.countries)


def test_office_holders_cover_the_required_groups_and_sixty_countries(gazetteer):
    countries = {holder.country for holder in gazetteer.holders}
    assert len(countries) >= 60
    missing = (G20 | ASEAN | SAARC | EAC | MERCOSUR) - countries
    assert not missing, missing


def test_international_organisations_have_no_country(gazetteer):
    for org_id in ("UN", "ASEAN", "AU", "EU", "EAC", "MERCOSUR", "SAARC"):
        assert gazetteer.organizations[org_id].country is None


def test_office_holders_have_roles_and_ordered_terms(gazetteer):
    roles = {"head_of_state", "head_of_government", "party_leader", "foreign_minister",
             "legislature_head", "defence_minister"}
    state_agent = re.compile(r"(?:GOV|MIL|LEG|JUD|COP|SPY)[A-Z]*")  # the generated file's CAMEO codes
    for holder in gazetteer.holders:
        assert holder.role in roles or state_agent.fullmatch(holder.role), holder
        if holder.start and holder.end:
            assert holder.start <= holder.end, holder


# ---------------------------------------------------------------- matching

def test_names_demonyms_and_capitals(gazetteer):
    assert found(gazetteer, "Kenyan and Ugandan officials met in Nairobi and Kampala.") == [
        ("Kenyan", "demonym", "KEN"), ("Ugandan", "demonym", "UGA"),
        ("Nairobi", "capital", "KEN"), ("Kampala", "capital", "UGA")]


@pytest.mark.parametrize("text, country", [
    ("New Delhi", "IND"), ("Buenos Aires", "ARG"), ("Brasília", "BRA"), ("Brasilia", "BRA"),
    ("Tokyo", "JPN"), ("Berlin", "DEU"), ("Jakarta", "IDN"), ("Canberra", "AUS"), ("Paris", "FRA"),
])
def test_capitals_with_and_without_diacritics(gazetteer, text, country):
    assert found(gazetteer, f"Officials met in {text} on Monday.") == [(text, "capital", country)]


def test_the_longest_name_wins(gazetteer):
    assert found(gazetteer, "South Korea and North Korea") == [
        ("South Korea", "country", "KOR"), ("North Korea", "country", "PRK")]
    assert [m[2] for m in found(gazetteer, "Guinea-Bissau, Guinea, Niger and Nigeria")] == \
        ["GNB", "GIN", "NER", "NGA"]
    assert [m[2] for m in found(gazetteer, "Dominica and the Dominican Republic")] == ["DMA", "DOM"]


def test_matching_folds_diacritics_but_needs_a_capital_letter(gazetteer):
    assert found(gazetteer, "Cote d'Ivoire and Côte d'Ivoire") == [
        ("Cote d'Ivoire", "country", "CIV"), ("Côte d'Ivoire", "country", "CIV")]
    assert found(gazetteer, "kenya and uganda, in lower case") == []


def test_acronyms_match_only_in_capitals(gazetteer):
    assert found(gazetteer, "The US and the UN asked us to help.") == [
        ("US", "country", "USA"), ("UN", "org", None)]


def test_a_lower_case_article_before_a_the_name(gazetteer):
    assert [m[2] for m in found(gazetteer, "Trade between the Netherlands and the Philippines "
                                          "and the Gambia grew.")] == ["NLD", "PHL", "GMB"]


def test_office_holders_are_found_by_any_spelling(gazetteer):
    mentions = gazetteer.find("Narendra Modi met Fumio Kishida; Tô Lâm met To Lam.")
    assert [(m.kind, m.country, m.key) for m in mentions] == [
        ("person", "IND", "Narendra Modi"), ("person", "JPN", "Fumio Kishida"),
        ("person", "VNM", "To Lam"), ("person", "VNM", "To Lam")]


def test_mention_spans_are_offsets_into_the_text(gazetteer):
    text = "Après la réunion, Brasília et Buenos Aires ont signé. Olaf Scholz était à Paris."
    mentions = gazetteer.find(text)
    assert mentions
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text


# ---------------------------------------------------------------- look-ups

def test_holders_named_is_case_and_diacritic_insensitive(gazetteer):
    modi = gazetteer.holders_named("NARENDRA MODI")
    assert [(h.country, h.role) for h in modi] == [("IND", "head_of_government")]
    assert modi[0].start.startswith("2014")
    assert {h.country for h in gazetteer.holders_named("Luiz Inacio Lula da Silva")} == {"BRA"}
    assert gazetteer.holders_named("Nobody Atall") == []


def test_generated_holders_cover_office_holders_the_curated_file_lacks(gazetteer):
    # Ministers of 2003-2014 from PETRARCH2's country actors (office_holders_petrarch.tsv).
    assert [(m.text, m.country) for m in gazetteer.find("Omar Zakhilwal met Kastriot Islami.")] == [
        ("Omar Zakhilwal", "AFG"), ("Kastriot Islami", "ALB")]
    assert len({holder.country for holder in gazetteer.holders}) >= 180


def test_the_curated_holders_win_over_the_generated_ones(gazetteer):
    # Both files know Hamid Karzai; only the curated row (with its curated role) is loaded.
    karzai = gazetteer.holders_named("Hamid Karzai")
    assert karzai and {h.role for h in karzai} <= {"head_of_state", "head_of_government"}


def test_a_generated_holder_a_curated_one_names_is_dropped():
    from accord.extract.gazetteer import _not_claimed

    curated = [OfficeHolder("Ana Lima", ("Ana Lima Souza",), "BRA", "foreign_minister", "2020", None)]
    generated = [OfficeHolder("Ana Lima Souza", (), "PRT", "GOV", "2005-01-01", None),
                 OfficeHolder("Rui Costa Pinto", (), "PRT", "GOV", "2005-01-01", None)]
    assert [h.name for h in _not_claimed(generated, curated)] == ["Rui Costa Pinto"]


def test_country_name(gazetteer):
    assert gazetteer.country_name("KEN") == "Kenya"
    assert gazetteer.country_name("XXX") is None
    assert gazetteer.country_name(None) is None


def test_a_small_hand_built_gazetteer():
    small = Gazetteer(
        [Country("KEN", "Kenya", ("Republic of Kenya",), ("Kenyan",), ("Nairobi",)),
         Country("UGA", "Uganda", (), ("Ugandan",), ("Kampala",))],
        [Organization("EAC", "East African Community", ("EAC",), None, "igo")],
        [OfficeHolder("William Ruto", ("Ruto",), "KEN", "head_of_state", "2022-09-13", None)])
    text = "Ruto of the Republic of Kenya met the EAC in Kampala; Tanzania was absent."
    assert [(m.text, m.kind, m.key) for m in small.find(text)] == [
        ("Ruto", "person", "William Ruto"), ("Republic of Kenya", "country", "KEN"),
        ("EAC", "org", "EAC"), ("Kampala", "capital", "UGA")]
    assert small.find("") == []


# ---------------------------------------------------------------- the matcher against a reference

_REFERENCE: dict[int, object] = {}


def _reference_pattern(gazetteer: Gazetteer):
    """One alternation of every alias, longest first (compiled once: ~20,000 aliases)."""
    if id(gazetteer) not in _REFERENCE:
        aliases = sorted(gazetteer._entries, key=len, reverse=True)
        _REFERENCE[id(gazetteer)] = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, aliases)) + r")(?!\w)")
    return _REFERENCE[id(gazetteer)]


def _reference_find(gazetteer: Gazetteer, text: str) -> list[tuple[int, int, str]]:
    """The plainest statement of the matching rule: one alternation of every alias, longest
    first, tried left to right; a match whose case does not fit moves on by one character."""
    from accord.extract.gazetteer import _case_fits
    from accord.folding import fold

    pattern = _reference_pattern(gazetteer)
    folded, position, found = fold(text), 0, []
    while (match := pattern.search(folded, position)) is not None:
        original = text[match.start():match.end()]
        fits = [kind for surface, kind, _, _ in gazetteer._entries[match.group()]
                if _case_fits(surface, original)]
        if fits:
            found.append((match.start(), match.end(), fits[0]))
            position = match.end()
        else:
            position = match.start() + 1
    return found


_PIECES = ["Republic of Kenya", "Kenya", "Kenyan", "KENYA", "kenya", "The Gambia", "the Gambia",
           "Gambian", "Gambia", "US", "Us", "us", "EAC", "Eac", "Ruto", "William Ruto", "Nairobi",
           "Đà Nẵng", "Da Nang", "Vientiane", "Lao", "Laos", "Lao PDR", "People's", "and", "of",
           "met", " ", " ", ", ", ". ", "-", "'s", "x", "1", "\n\n", "É", "Omar Zakhilwal", "Omar",
           "Zakhilwal", "OMAR", "Mohamed", "Ali"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_find_gives_what_the_reference_matcher_gives(gazetteer, pieces):
    text = "".join(pieces)
    assert [(m.start, m.end, m.kind) for m in gazetteer.find(text)] == _reference_find(gazetteer, text)
