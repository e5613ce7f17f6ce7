"""Numeric facts: value, unit, range, qualifier, quantity kind, period and target flag.

Sentences are invented, about several country pairs and currencies.
"""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.extract.facts import find_facts, may_hold_facts, merge_repeats
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

# Periods are written in the codebook's notation: a year, a fiscal year, a quarter, a range, or a
# short phrase when the text is relative.
@pytest.mark.parametrize("sentence, period", [
    ("Bilateral trade in the first 8 months of 2024 reached US$1.3 billion.", "2024-01..2024-08"),
    ("Trade between Kenya and Uganda reached US$5.5 billion in 2023.", "2023"),
    ("India granted 1,000 scholarships to Kenyan students each year.", "each year"),
    ("Japan has funded 256 projects in India to date.", "to date"),
    ("Brazil and Argentina plan 3,000 MW of new capacity by 2030.", "2030"),
    ("Kenyan exports to Uganda grew 8% in the first quarter of 2023.", "2023-Q1"),
    ("Japanese investment in India was $2 billion in the second half of 2024.", "2024-07..2024-12"),
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
    "trade", "aid", "will", "target", "reached", "and", "e", "9" * 40, "HK$", "NRs", "R", "QR", "one",
    "fourth", "half of", "between", "(", ")", "last year", "per", "barrel", "up", "troops", "fiscal",
    "Q1", "12,4", "2023-24", "the number of", "protests", "signed", "loan", "agreements", "was promised",
])
_SENTENCES = st.one_of(
    st.text(max_size=200),
    st.lists(_PIECES, max_size=25).map(" ".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=25).map("".join),
    st.integers(min_value=300, max_value=400).map(lambda n: f"Trade reached US${'9' * n} billion."),
)


@given(_SENTENCES)
def test_find_facts_never_raises_and_values_are_finite_and_within_the_sentence(sentence):
    for fact in facts_in(sentence) + find_facts(sentence, spans, ("CAN", "NPL"), published=date(2024, 2, 29)):
        start, end = fact.evidence
        assert 0 <= start < end <= len(sentence)
        assert isinstance(fact.value, float)
        assert math.isfinite(fact.value) and fact.value >= 0
        if fact.value_max is not None:
            assert math.isfinite(fact.value_max) and fact.value_max >= fact.value
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


# ---------------------------------------------------------------- growth rates (codebook, Facts)

def units_of(sentence: str, countries: tuple[str, ...] = (), published=None) -> list[tuple[float, str, bool]]:
    return [(f.value, f.unit, f.is_target)
            for f in find_facts(sentence, spans, countries, published=published)]


@pytest.mark.parametrize("sentence, kept", [
    ("Trade between Peru and Chile reached $4.1 billion in 2022, up 9 percent.", (4.1e9, "USD", False)),
    ("Chilean shipments to Peru came to $900 million, a rise of 14 percent on the year.",
     (900e6, "USD", False)),
    ("Bolivian imports from Peru rose 6% to $1.2 billion.", (1.2e9, "USD", False)),
    ("The number of Peruvian students in Chile climbed to 5,000 last year, up 40 percent.",
     (5000, "persons", False)),
])
def test_growth_attached_to_a_reported_figure_is_not_a_fact(sentence, kept):
    assert units_of(sentence) == [kept]


def test_a_growth_rate_that_stands_alone_is_a_reported_percent():
    assert units_of("Ghana's cocoa exports to Nigeria grew 11 percent in 2023.") == [(11, "percent", False)]


@pytest.mark.parametrize("sentence, low, high", [
    ("The two ministries pledged to raise bilateral trade by 6-9% a year through 2027.", 6, 9),
    ("Ghana and Nigeria aim to lift trade by 25 percent by 2026.", 25, None),
    ("Both sides agreed to increase the annual exchange budget by 5 percent in 2026.", 5, None),
    ("Two-way investment is expected to grow by 15-20% annually.", 15, 20),
])
def test_growth_rate_targets_are_percent_growth_with_a_range(sentence, low, high):
    [fact] = find_facts(sentence, spans)
    assert (fact.unit, fact.is_target, fact.value, fact.value_max) == ("percent_growth", True, low, high)


@pytest.mark.parametrize("sentence", [
    "Brazil's economy posted an annual growth rate of 3 percent, good news for Paraguay.",
    "Vietnam's GDP grew 6.5 percent, Laos said.",
])
def test_gdp_growth_is_not_a_bilateral_fact(sentence):
    assert find_facts(sentence, spans) == []


def test_gdp_growth_is_dropped_only_in_its_own_clause():
    assert units_of("The Thai economy grew 2.5 percent, while exports to Laos fell 9 percent.") == [
        (9, "percent", False)]


def test_a_share_or_a_level_is_not_growth():
    assert units_of("Seafood was 15 percent of the total, down from 19 percent in 2021.") == [
        (15, "percent", False), (19, "percent", False)]


# ---------------------------------------------------------------- figures that are not bilateral facts

@pytest.mark.parametrize("sentence", [
    "Kenya and Ethiopia are signatories to 30 bilateral agreements.",
    "The session ended with the signing of 11 cooperation agreements and memoranda.",
    "More than 60 cooperation deals were signed in various fields.",
    "The ministers signed 14 cooperation documents.",
])
def test_counts_of_signed_documents_are_not_facts(sentence):
    assert find_facts(sentence, spans) == []


def test_documents_exchanged_are_counted():
    assert units_of("The leaders witnessed the exchange of 9 cooperation documents.") == [(9, "documents", False)]


@pytest.mark.parametrize("sentence", [
    "Quito mobilised 8,000 soldiers to three provinces to fight gangs.",
    "Minsk said 20,000 Belarusian soldiers had returned to their barracks.",
    "Mexico deployed 10,000 troops to its northern border after talks with Washington.",
    "On August 3, two Egyptian military aircraft landed in Asmara.",
])
def test_military_head_counts_are_not_bilateral_facts(sentence):
    assert find_facts(sentence, spans) == []


@pytest.mark.parametrize("sentence", [
    "Hanoi said 150 Chinese soldiers had crossed into Vietnamese territory.",
    "Britain sent 250 troops to the Estonian exercise.",
])
def test_troops_on_the_other_sides_soil_are_facts(sentence):
    [fact] = find_facts(sentence, spans)
    assert fact.unit == "persons"


def test_a_population_is_not_a_bilateral_figure():
    assert find_facts("India's 1.4 billion people are a market for Japan.", spans) == []


# ---------------------------------------------------------------- forward-looking figures

@pytest.mark.parametrize("sentence", [
    "The two sides inked a JPY30 billion loan agreement in Tokyo.",
    "Loan agreements totalling KRW 200 billion were also signed for four projects.",
    "India and Nepal signed an MoU for a $50-million grant to rebuild 20,000 houses.",
    "Ghana has earmarked a GHS 10 million grant for Togolese exporters.",
    "Bhutan has the potential capacity to produce 30,000 MW of hydropower.",
    "Turkish companies are developing wind farms that could supply 1,500 MW.",
    "He urged both sides to keep expanding trade until it reaches $8 billion.",
    "The remainder of the $2 billion package will be provided next month.",
    "India invited Belarusian firms to raise trade to two billion dollars.",
    "Aid of $2bn-$3bn was promised to Dhaka.",
    "The regional bank approved a $250 million loan to Accra on Thursday.",
    "Loans worth $3 billion were pledged last year.",
])
def test_pledges_potentials_and_signed_loans_are_targets(sentence):
    found = [f for f in find_facts(sentence, spans) if f.unit != "projects"]
    assert found and all(f.is_target for f in found), found


@pytest.mark.parametrize("sentence", [
    "Trade hit $3 billion in 2016, officials said.",
    "The plant is designed to generate 2,000 MW.",
    "About 1.2 trillion yen of the target had been committed by the end of 2021.",
    "An existing credit line of US$ 200 mn was extended to Colombo.",
    "The first $40 million was disbursed in June.",
])
def test_reached_and_existing_figures_are_not_targets(sentence):
    found = find_facts(sentence, spans)
    assert found and not any(f.is_target for f in found), found


def test_a_figure_for_a_later_year_than_publication_is_a_target():
    sentence = "The ministers named $7 billion in 2026 as their figure for trade."
    assert units_of(sentence, published=date(2024, 3, 1)) == [(7e9, "USD", True)]
    [fact] = find_facts("The ministers named $7 billion in 2023 as the figure for trade.", spans,
                        published=date(2024, 3, 1))
    assert fact.is_target is False and fact.period == "2023"


def test_a_loan_signed_but_partly_disbursed():
    sentence = "Japan offered a ¥50 billion loan to Manila, of which ¥20 billion was disbursed in 2023."
    assert units_of(sentence) == [(50e9, "JPY", True), (20e9, "JPY", False)]


def test_a_target_and_the_figure_it_is_set_against():
    assert units_of("Chile and Peru aim to lift trade to US$10 billion from US$6.1 billion.") == [
        (10e9, "USD", True), (6.1e9, "USD", False)]


# ---------------------------------------------------------------- numbers in words

@pytest.mark.parametrize("sentence, value, unit", [
    ("India pledged one billion U.S. dollars to Bhutan.", 1e9, "USD"),
    ("Norway promised half a billion kroner to Ethiopia.", 5e8, "NOK"),
    ("Japan said four Chinese patrol ships entered the zone.", 4, "ships"),
    ("One fourth of the sum was given as a grant.", 25, "percent"),
])
def test_numbers_in_words(sentence, value, unit):
    [fact] = find_facts(sentence, spans)
    assert (fact.value, fact.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text, holds", [
    ("Trade reached 5 billion.", True), ("Japan said four ships came.", True),
    ("One fourth was a grant.", True), ("The ministers met in Hanoi.", False),
])
def test_may_hold_facts_is_a_cheap_filter(text, holds):
    assert may_hold_facts(text) is holds


# ---------------------------------------------------------------- one fact per figure per document

def evidence_in(sentence: str, start_of_sentence: int):
    def build(start: int, end: int) -> Evidence:
        return Evidence(sentence, start_of_sentence, start_of_sentence + len(sentence),
                        start_of_sentence + start, start_of_sentence + end)
    return build


def test_a_figure_repeated_in_another_sentence_is_one_fact():
    headline = "Peru, Chile pledge to raise trade by 6-9% yearly"
    body = "Peru and Chile pledged to raise their trade by 6-9% a year through 2027."
    quote = "Trade reached $3 billion in 2022, the minister said."
    again = "“Trade reached $3 billion,” he said."
    found = []
    offset = 0
    for sentence in (headline, body, quote, again):
        found += find_facts(sentence, evidence_in(sentence, offset))
        offset += len(sentence) + 1
    merged = merge_repeats(found)
    assert [(f.value, f.unit, f.evidence.sentence) for f in merged] == [
        (6, "percent_growth", body), (3e9, "USD", quote)]
    assert merged[1].period == "2022"


def test_equal_figures_in_one_sentence_are_two_facts():
    sentence = "Germany will give $5 million and France will give $5 million."
    assert len(merge_repeats(find_facts(sentence, evidence_in(sentence, 0)))) == 2
