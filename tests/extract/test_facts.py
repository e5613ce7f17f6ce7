"""Numeric facts: value, unit, range, qualifier, quantity kind, period and target flag.

Sentences are invented, about several country pairs and currencies.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.extract.facts import find_facts
from accord.extract.records import Evidence, Fact


def spans(start: int, end: int) -> tuple[int, int]:
    return start, end


def facts_in(sentence: str, countries: tuple[str, ...] = ()) -> list[Fact]:
    return find_facts(sentence, spans, countries)


def only(sentence: str, countries: tuple[str, ...] = ()) -> Fact:
    found = facts_in(sentence, countries)
    assert len(found) == 1, found
    return found[0]


def matched_text(sentence: str, fact: Fact) -> str:
    start, end = fact.evidence
    return sentence[start:end]


# ---------------------------------------------------------------- currencies and scales

@pytest.mark.parametrize("sentence, value, unit, text", [
    ("Trade between Kenya and Uganda reached US$5.5 billion in 2023.", 5.5e9, "USD", "US$5.5 billion"),
    ("Japan-India trade hit USD 1.3 bn last year.", 1.3e9, "USD", "USD 1.3 bn"),
    ("Germany exported goods worth $ 2.5bn to France.", 2.5e9, "USD", "$ 2.5bn"),
    ("Two-way trade between France and Germany reached €250 billion.", 250e9, "EUR", "€250 billion"),
    ("Japan provided ¥12.5 billion to India.", 12.5e9, "JPY", "¥12.5 billion"),
    ("Japan extended a loan of 50 billion yen to India.", 50e9, "JPY", "50 billion yen"),
    ("Brazil will invest R$ 4 billion in Argentine lithium.", 4e9, "BRL", "R$ 4 billion"),
    ("Australia gave a grant of A$20 million to Indonesia.", 20e6, "AUD", "A$20 million"),
    ("An Indonesian bank lent 4.5 trillion rupiah to Australian firms.", 4.5e12, "IDR",
     "4.5 trillion rupiah"),
    ("Kenya earned 80 million US dollars from Ugandan transit fees.", 80e6, "USD",
     "80 million US dollars"),
])
def test_money_is_normalised_to_a_plain_number_and_iso_currency(sentence, value, unit, text):
    fact = only(sentence)
    assert fact.value == pytest.approx(value)
    assert fact.unit == unit
    assert matched_text(sentence, fact) == text


@pytest.mark.parametrize("sentence", [
    "Kenya reported trade of 1e309 dollars with Uganda.", "A model put Uganda's exports at USD 5e9.",
    "The simulation gave 2.5E+12 dollars."])
def test_numbers_in_scientific_notation_are_no_figures(sentence):
    assert facts_in(sentence) == []


def test_a_figure_never_starts_inside_a_number():
    assert [f.value for f in facts_in("Kenya exported goods worth 1e3 dollars and 250 dollars.")] == [250]


def test_money_span_does_not_end_in_whitespace():
    sentence = "India committed Rs 500 to the Kenyan clinic."
    fact = only(sentence)
    assert fact.unit == "INR"
    assert matched_text(sentence, fact) == "Rs 500"


def test_indian_crore_and_lakh_scales():
    crore = only("India committed Rs 500 crore to a dairy project in Kenya.")
    assert (crore.value, crore.unit) == (pytest.approx(5e9), "INR")
    lakh = only("India gave 25 lakh rupees to Ugandan flood victims.")
    assert (lakh.value, lakh.unit) == (pytest.approx(2.5e6), "INR")


# ---------------------------------------------------------------- counted units

@pytest.mark.parametrize("sentence, value, unit", [
    ("Brazil and Argentina plan 3,000 MW of new capacity by 2030.", 3000, "MW"),
    ("The Indonesian-Australian plant will produce 1.2 GW of solar power.", 1200, "MW"),
    ("Kenya and Uganda exchanged 12 cooperation documents.", 12, "documents"),
    ("Japan has funded 256 projects in India to date.", 256, "projects"),
    ("India granted 1,000 scholarships to Kenyan students each year.", 1000, "scholarships"),
    ("France sent 250 troops to the German border exercise.", 250, "persons"),
    ("Some 170 institutions in Uganda host Kenyan students.", 170, "institutions"),
    ("Uganda received at least 3,500 tonnes of Kenyan fertiliser.", 3500, "tonnes"),
    ("Brazil pledged 1 million doses of vaccines to Argentina.", 1e6, "doses"),
])
def test_counted_units(sentence, value, unit):
    fact = only(sentence)
    assert fact.value == pytest.approx(value)
    assert fact.unit == unit


@pytest.mark.parametrize("sentence, value", [
    ("Exports from Brazil to Argentina rose 39% in 2023.", 39),
    ("Trade between Japan and India grew 12.5 per cent.", 12.5),
    ("The Indonesian firm owns 45 percent of the Australian mine.", 45),
])
def test_percentages(sentence, value):
    fact = only(sentence)
    assert (fact.value, fact.unit) == (pytest.approx(value), "percent")


# ---------------------------------------------------------------- ranges and qualifiers

def test_a_money_range_shares_its_scale_and_keeps_the_upper_bound():
    sentence = "Bilateral trade between Kenya and Uganda reached US$1.1-1.2 billion in 2023."
    fact = only(sentence)
    assert fact.value == pytest.approx(1.1e9)
    assert fact.value_max == pytest.approx(1.2e9)
    assert fact.unit == "USD"
    assert matched_text(sentence, fact) == "US$1.1-1.2 billion"


def test_ranges_of_counts_and_percentages():
    experts = only("Kenya sent 300 to 400 experts to Uganda.")
    assert (experts.value, experts.value_max, experts.unit) == (300, 400, "persons")
    growth = only("Exports from Japan to India grew 5–7% a year.")
    assert (growth.value, growth.value_max, growth.unit) == (5, 7, "percent")


def test_a_single_number_has_no_upper_bound():
    assert only("France lent €3 billion to Germany.").value_max is None


@pytest.mark.parametrize("sentence, qualifier, value", [
    ("More than 14,000 students from Kenya study in Uganda.", "more than", 14000),
    ("Nearly 2 million tourists from Australia visited Indonesia.", "nearly", 2e6),
    ("Australia pledged about A$ 300 million to Indonesia.", "about", 300e6),
    ("Uganda bought at least 3,500 tonnes of Kenyan maize.", "at least", 3500),
])
def test_qualifiers_are_kept_and_included_in_the_span(sentence, qualifier, value):
    fact = only(sentence)
    assert fact.qualifier == qualifier
    assert fact.value == pytest.approx(value)
    assert matched_text(sentence, fact).lower().startswith(qualifier)


# ---------------------------------------------------------------- quantity kind

@pytest.mark.parametrize("sentence, kind", [
    ("Two-way trade between France and Germany reached €250 billion.", "trade_turnover"),
    ("Brazil's exports to Argentina were worth $9 billion.", "exports"),
    ("Japan's investment in India totalled $4 billion.", "investment"),
    ("The dam will supply 500 MW to Kenya and Uganda.", "energy"),
    ("Australia gave a grant of A$20 million to Indonesia.", "aid"),
    ("More than 14,000 students from Kenya study in Uganda.", "education"),
    ("Nearly 2 million tourists from Australia visited Indonesia.", "tourism"),
    ("France sent 250 troops to the German border exercise.", "military"),
])
def test_quantity_kind_from_the_nearest_words(sentence, kind):
    assert only(sentence).quantity == kind


def test_projected_is_not_a_project():
    fact = only("Trade between Japan and India is projected to reach 10 billion dollars.")
    assert fact.quantity == "trade_turnover"


@pytest.mark.parametrize("sentence", [
    "Australia pledged AUD 50 million in aid to Indonesia.",
    "Japan provided ¥12.5 billion in loans to India.",
    "Germany will provide €2 billion in grants to France each year.",
])
def test_kind_words_right_after_the_figure_count_when_none_precede_it(sentence):
    assert only(sentence).quantity == "aid"


# ---------------------------------------------------------------- target or reported

def test_a_reported_figure_is_not_a_target():
    assert only("Trade between Kenya and Uganda reached US$3.2 billion in 2023.").is_target is False


@pytest.mark.parametrize("sentence", [
    "Kenya and Uganda aim to raise trade to US$5 billion.",
    "Japan and India set a target of $50 billion in trade.",
    "Brazil will invest R$ 4 billion in Argentine lithium.",
    "Indonesia and Australia hope trade reaches A$40 billion.",
    "Trade between France and Germany should reach €300 billion by 2030.",  # deadline only
])
def test_goals_and_plans_are_targets(sentence):
    assert only(sentence).is_target is True


def test_reported_and_target_figures_in_one_sentence():
    sentence = ("Trade between Japan and India was 3.2 billion USD last year and the two sides "
                "aim to reach 5 billion USD by 2026.")
    reported, target = facts_in(sentence)
    assert (reported.value, reported.is_target) == (pytest.approx(3.2e9), False)
    assert (target.value, target.is_target) == (pytest.approx(5e9), True)


def test_a_figure_reported_after_a_target_is_not_a_target():
    sentence = "Trade is expected to hit $10 billion by 2030, up from $7 billion in 2023."
    target, reported = facts_in(sentence)
    assert target.is_target is True
    assert reported.is_target is False


# ---------------------------------------------------------------- period

@pytest.mark.parametrize("sentence, period", [
    ("Bilateral trade in the first 8 months of 2024 reached US$1.3 billion.", "first 8 months of 2024"),
    ("Trade between Kenya and Uganda reached US$5.5 billion in 2023.", "in 2023"),
    ("India granted 1,000 scholarships to Kenyan students each year.", "each year"),
    ("Japan has funded 256 projects in India to date.", "to date"),
    ("Brazil and Argentina plan 3,000 MW of new capacity by 2030.", "by 2030"),
    ("Kenyan exports to Uganda grew 8% in the first quarter of 2023.", "first quarter of 2023"),
    ("Japanese investment in India was $2 billion in the second half of 2024.",
     "second half of 2024"),
])
def test_period_phrases(sentence, period):
    assert only(sentence).period == period


def test_no_period_when_the_sentence_states_none():
    assert only("France lent €3 billion to Germany.").period is None


# ---------------------------------------------------------------- what is not a fact

@pytest.mark.parametrize("sentence", [
    "Kenya and Uganda marked the 60th anniversary of diplomatic relations.",
    "Japan and India have been partners for 50 years.",
    "The third session of the Brazil-Argentina commission opened in 2023.",
    "French and German ministers met on 22 January 2019.",
    "The two-day visit ended on Friday.",
    "Indonesia and Australia held talks.",
])
def test_years_ordinals_durations_and_dates_are_not_facts(sentence):
    assert facts_in(sentence) == []


def test_countries_and_evidence_are_passed_through():
    def evidence_at(start: int, end: int) -> Evidence:
        return Evidence("s", 100, 200, 100 + start, 100 + end)

    sentence = "Kenya exported $40 million of tea to Uganda."
    fact = find_facts(sentence, evidence_at, ("KEN", "UGA"))[0]
    assert fact.countries == ("KEN", "UGA")
    assert sentence[fact.evidence.start - 100:fact.evidence.end - 100] == "$40 million"


# ---------------------------------------------------------------- properties

_PIECES = st.sampled_from([
    "US$", "$", "€", "¥", "R$", "A$", "Rs", "USD", "EUR", "yen", "rupiah", "shillings", "1.6", "5,500",
    "3,000", "14,000", "2024", "1.1-1.2", "5–7", "0", "00", ".", ",", "billion", "bn", "million", "m",
    "k", "tn", "trillion", "crore", "lakh", "MW", "GW", "%", "per cent", "students", "projects",
    "documents", "more than", "about", "nearly", "to", "-", "by 2030", "first 7 months of 2024",
    "trade", "aid", "will", "target", "reached", "and", "e", "9" * 40,
])
_SENTENCES = st.one_of(
    st.text(max_size=200),
    st.lists(_PIECES, max_size=25).map(" ".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=25).map("".join),
    st.integers(min_value=300, max_value=400).map(lambda n: f"Trade reached US${'9' * n} billion."),
)


@given(_SENTENCES)
def test_find_facts_never_raises_and_values_are_finite_and_within_the_sentence(sentence):
    for fact in facts_in(sentence):
        start, end = fact.evidence
        assert 0 <= start < end <= len(sentence)
        assert isinstance(fact.value, float)
        assert math.isfinite(fact.value) and fact.value >= 0
        if fact.value_max is not None:
            assert math.isfinite(fact.value_max) and fact.value_max >= 0
        assert fact.unit
        assert isinstance(fact.is_target, bool)


def test_shillings_take_the_currency_of_the_east_african_country_named():
    sentence = "Uganda earned 1,250 million shillings from coffee sales."
    assert only(sentence, ("UGA",)).unit == "UGX"
    assert only(sentence, ("TZA", "JPN")).unit == "TZS"
    assert only(sentence, ()).unit == "KES"  # no country: the most common reading
    assert only(sentence, ("KEN", "UGA")).unit == "KES"  # ambiguous: unchanged
    assert only(sentence, ("UGA",)).value == pytest.approx(1.25e9)


@pytest.mark.parametrize("sentence,value,unit", [
    ("Bilateral trade reached N1.9 trillion in 2023.", 1.9e12, "NGN"),
    ("They witnessed the signing of seven cooperation documents.", 7, "documents"),
    ("About 330,000 Vietnamese nationals live in South Korea.", 330000, "persons"),
    ("The 508-km rail line links the two cities.", 508, "km"),
    ("The pipeline will carry 4.5 billion litres of fuel a year by 2028.", 4.5e9, "litres"),
])
def test_more_units_and_forms(sentence, value, unit):
    [fact] = find_facts(sentence, lambda s, e: (s, e))
    assert (fact.value, fact.unit) == (value, unit)


@pytest.mark.parametrize("sentence", [
    "Nurses wore N95 masks.", "Báo Thanh niên01/12/2025", "The two sides signed two agreements.".replace("two agreements", "the agreements"),
    "The two governments reviewed their agreements.",
])
def test_no_false_counts_or_currencies(sentence):
    assert find_facts(sentence, lambda s, e: (s, e)) == []


def test_agreed_and_announced_amounts_are_targets():
    [fact] = find_facts("The ministers agreed to increase the budget by 10 percent in 2025.", lambda s, e: (s, e))
    assert fact.is_target
    [fact] = find_facts("Albanese announced a contribution of AUD 10 million.", lambda s, e: (s, e))
    assert fact.is_target and fact.unit == "AUD"
