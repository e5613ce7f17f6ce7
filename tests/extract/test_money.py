"""Amounts of money: currencies before and after the number, shared currency names, conversions.

Every sentence here is invented, about several country pairs and currencies.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.extract.facts import find_facts
from accord.extract.money import find_money, resolve_currency
from accord.extract.numbers import find_numbers


def money(text: str, countries: tuple[str, ...] = ()) -> list[tuple[float, str]]:
    return [(m.number.value, m.currency) for m in find_money(text, find_numbers(text), countries)]


def facts(sentence: str, countries: tuple[str, ...] = ()):
    return find_facts(sentence, lambda start, end: sentence[start:end], countries)


# ---------------------------------------------------------------- prefixes and suffixes

@pytest.mark.parametrize("text, value, unit", [
    ("Hong Kong firms invested HK$3.7 billion in Shenzhen.", 3.7e9, "HKD"),
    ("The visa fee rose to C$85.", 85, "CAD"),
    ("Canberra gave A$40 million to Suva.", 40e6, "AUD"),
    ("Singapore lent S$2 billion to Jakarta.", 2e9, "SGD"),
    ("Wellington pledged NZ$15 million to Apia.", 15e6, "NZD"),
    ("Washington approved US$600 million for Manila.", 600e6, "USD"),
    ("Washington approved US $600 million for Manila.", 600e6, "USD"),
    ("Taipei offered NT$1.5 billion in credit.", 1.5e9, "TWD"),
    ("Brussels released €1.2bn for Kyiv.", 1.2e9, "EUR"),
    ("London pledged £88m to Nairobi.", 88e6, "GBP"),
    ("Tokyo lent ¥30 billion to Dhaka.", 30e9, "JPY"),
    ("New Delhi extended ₹500 crore to Kathmandu.", 5e9, "INR"),
    ("Seoul sent ₩2 trillion in exports to Hanoi.", 2e12, "KRW"),
    ("Kathmandu received NRs 4 billion from New Delhi.", 4e9, "NPR"),
    ("Islamabad owes PKR 90 billion to Beijing.", 90e9, "PKR"),
    ("Colombo repaid LKR 12 billion to New Delhi.", 12e9, "LKR"),
    ("Budapest granted HUF 20 bln to Belgrade.", 20e9, "HUF"),
    ("Doha invested QR4.5bn in Ankara.", 4.5e9, "QAR"),
    ("Pretoria sold goods worth R12,4 billion to Harare.", 12.4e9, "ZAR"),
    ("Kuala Lumpur approved RM3 billion for the rail link.", 3e9, "MYR"),
    ("Jakarta paid Rp 2 trillion for the ships.", 2e12, "IDR"),
    ("Beijing lent 12 billion yuan to Vientiane.", 12e9, "CNY"),
    ("Paris pledged 300 million euros to Beirut.", 300e6, "EUR"),
    ("India gave 40 million rupees to the Maldives.", 40e6, "INR"),
    ("Nepal received 3 billion Nepalese rupees from India.", 3e9, "NPR"),
    ("Colombo got 2 billion Sri Lankan rupees from New Delhi.", 2e9, "LKR"),
    ("Lahore firms earned 8 billion Pakistani rupees in Kabul.", 8e9, "PKR"),
    ("Ottawa will spend 2 billion Canadian dollars.", 2e9, "CAD"),
    ("Trade reached 75 billion U.S. dollars.", 75e9, "USD"),
    ("Riyadh deposited 3 billion Saudi riyals in Cairo.", 3e9, "SAR"),
    ("Cairo owes 40 billion Egyptian pounds.", 40e9, "EGP"),
    ("Exports reached 5 billion USD last year.", 5e9, "USD"),
    ("The fund holds EUR 450 million.", 450e6, "EUR"),
    ("Lagos earned N2.3 trillion from Accra.", 2.3e12, "NGN"),
])
def test_currency_written_before_or_after_the_number(text, value, unit):
    [(found_value, found_unit)] = money(text)
    assert found_value == pytest.approx(value)
    assert found_unit == unit


def test_a_currency_code_glued_to_the_next_word_by_a_missing_space():
    assert money("Firms invested 2 billion USDin mining.") == [(2e9, "USD")]


@pytest.mark.parametrize("text", [
    "The engine delivers 536 hp.",          # "...rs 536": no rupees inside a word
    "Its exporters 13 percent more.",
    "Nurses wore N95 masks.",               # one letter needs a scale word
    "The R2 road links the towns.",
    "A 500-pound bomb fell.",               # a compound adjective, not an amount
    "They shipped 500 pounds of rice.",     # weight
    "In 2018 won the vote.",                # a year, then the verb "won"
    "The team scored 3 goals.",
])
def test_a_currency_must_touch_its_number(text):
    assert money(text) == []


# ---------------------------------------------------------------- shared names and the bare dollar

@pytest.mark.parametrize("written, countries, unit", [
    ("$", (), "USD"), ("$", ("VNM", "KHM"), "USD"), ("$", ("CAN", "USA"), "CAD"),
    ("$", ("USA", "CAN"), "USD"), ("$", ("AUS", "FJI"), "AUD"), ("$", ("ZWE", "ZAF"), "USD"),
    ("Rs", (), "INR"), ("Rs", ("NPL", "IND"), "NPR"), ("Rs", ("LKA",), "LKR"),
    ("pesos", ("MEX", "GTM"), "MXN"), ("pesos", (), "PHP"), ("dinars", ("SRB",), "RSD"),
    ("shillings", ("UGA",), "UGX"), ("riyals", ("QAT", "TUR"), "QAR"), ("¥", ("CHN",), "CNY"),
    ("¥", ("JPN", "CHN"), "JPY"),
])
def test_shared_currency_names_take_the_first_country_that_uses_them(written, countries, unit):
    text = f"They paid {written}5 billion." if written in ("$", "Rs", "¥") else f"They paid 5 billion {written}."
    assert money(text, countries) == [(5e9, unit)]


def test_resolve_currency_keeps_iso_codes():
    assert resolve_currency("EUR", ("USA",)) == "EUR"
    assert resolve_currency("rupee", ("BGD",)) == "INR"  # no rupee country named: the default


def test_a_bracketed_dollar_amount_after_another_currency_is_usd():
    sentence = "Canada will pay Mexico 90 million Canadian dollars ($66 million) for the program."
    assert money(sentence, ("CAN", "MEX")) == [(90e6, "CAD"), (66e6, "USD")]


def test_an_amount_in_two_currencies_is_two_facts():
    sentence = "Korea will lend Laos 130 billion won (US$100 million) for a hospital."
    found = facts(sentence, ("KOR", "LAO"))
    assert [(f.value, f.unit) for f in found] == [(130e9, "KRW"), (100e6, "USD")]
    assert all(f.is_target for f in found)  # the restatement shares the target flag


# ---------------------------------------------------------------- per-unit prices are no facts

@pytest.mark.parametrize("sentence", [
    "Russia sells crude to India at USD 60 per barrel.",
    "Qatar prices its gas at $9 per MMBtu for Turkey.",
    "The Thai firm bought the Lao shares at 12 baht a share.",
    "Vietnam sold rice to the Philippines at $640 a tonne.",
    "Laos sells power to Thailand at 2.5 US cents/kWh, or $0.025 per kWh.",
    "Tickets for the Canada-US game cost C$90 each.",
    "Tajikistan pays Uzbekistan $120 per 1,000 cubic metres of gas.",
])
def test_prices_per_unit_are_not_bilateral_facts(sentence):
    assert [f for f in facts(sentence) if f.unit not in ("percent",)] == []


def test_an_annual_flow_is_not_a_price():
    [fact] = facts("Norway gives Ethiopia $50 million per year.")
    assert fact.value == 50e6 and fact.period is not None


# ---------------------------------------------------------------- the parser round-trips

_CURRENCIES = [  # (written, before the number?, glued?, ISO code)
    ("US$", True, True, "USD"), ("US$ ", True, False, "USD"), ("$", True, True, "USD"),
    ("HK$", True, True, "HKD"), ("C$", True, True, "CAD"), ("A$", True, True, "AUD"),
    ("S$", True, True, "SGD"), ("NZ$", True, True, "NZD"), ("€", True, True, "EUR"),
    ("£", True, True, "GBP"), ("¥", True, True, "JPY"), ("₹", True, True, "INR"),
    ("NRs ", True, False, "NPR"), ("PKR ", True, False, "PKR"), ("LKR ", True, False, "LKR"),
    ("EUR ", True, False, "EUR"), ("JPY", True, True, "JPY"), ("QR", True, True, "QAR"),
    ("RM", True, True, "MYR"), ("Rp ", True, False, "IDR"),
    (" yen", False, False, "JPY"), (" yuan", False, False, "CNY"), (" euros", False, False, "EUR"),
    (" rupees", False, False, "INR"), (" Nepalese rupees", False, False, "NPR"),
    (" Pakistani rupees", False, False, "PKR"), (" Sri Lankan rupees", False, False, "LKR"),
    (" U.S. dollars", False, False, "USD"), (" US dollars", False, False, "USD"),
    (" Canadian dollars", False, False, "CAD"), (" baht", False, False, "THB"),
    (" dong", False, False, "VND"), (" won", False, False, "KRW"), (" USD", False, False, "USD"),
    (" VND", False, False, "VND"),
]
_SCALES = [("", 1.0), (" thousand", 1e3), (" million", 1e6), (" billion", 1e9), (" trillion", 1e12),
           ("bn", 1e9), (" bn", 1e9), (" mn", 1e6), (" mln", 1e6), (" bln", 1e9), ("m", 1e6),
           (" crore", 1e7), (" lakh", 1e5), ("-million", 1e6), ("-billion", 1e9)]


@st.composite
def amounts(draw):
    scale_text, multiplier = draw(st.sampled_from(_SCALES))
    whole = draw(st.integers(min_value=1, max_value=999 if multiplier > 1 else 99_999_999))
    decimals = draw(st.sampled_from(["", ".5", ".25", ".75", ".1"])) if multiplier > 1 else ""
    digits = f"{whole:,}" if multiplier == 1 else str(whole)
    if multiplier == 1 and 1900 <= whole <= 2099:
        digits = f"{whole:,}"  # "2,023" is an amount; "2023" would be a year
    written, before, glued, code = draw(st.sampled_from(_CURRENCIES))
    number = f"{digits}{decimals}{scale_text}"
    text = f"{written}{number}" if before else f"{number}{written}"
    return text, float(f"{whole}{decimals}") * multiplier, code


@given(amounts(), st.sampled_from(["", "about ", "more than ", "nearly "]))
def test_any_formatted_amount_round_trips_to_its_value_and_currency(amount, qualifier):
    text, value, code = amount
    sentence = f"The two governments put the sum at {qualifier}{text} in their statement."
    found = facts(sentence)
    assert len(found) == 1, (sentence, found)
    assert found[0].value == pytest.approx(value, rel=1e-9)
    assert found[0].unit == code
    assert found[0].evidence.endswith(text.strip())


# ---------------------------------------------------------------- ranges and restatements

@pytest.mark.parametrize("sentence, low, high", [
    ("Chilean investment in Peru is worth between $5 billion and $7 billion.", 5e9, 7e9),
    ("Peru expects $2bn-$3bn from Chilean firms.", 2e9, 3e9),
    ("Chile will lend Peru €2 million to €3 million.", 2e6, 3e6),
    ("Peru expects US$1.1-1.3 billion from Chile.", 1.1e9, 1.3e9),
])
def test_a_money_range_is_one_fact_with_an_upper_bound(sentence, low, high):
    [fact] = facts(sentence)
    assert (fact.value, fact.value_max) == (pytest.approx(low), pytest.approx(high))


def test_a_change_from_one_amount_to_another_is_two_facts():
    assert [(f.value, f.value_max) for f in facts("Trade rose from $5 billion to $7 billion.")] == [
        (5e9, None), (7e9, None)]


@pytest.mark.parametrize("sentence", [
    "Japan pledged 50 billion yen, or about $340 million, to Manila.",
    "Seoul will lend Vientiane 130 billion won (about US$100 million).",
])
def test_a_restatement_in_another_currency_shares_the_first_amounts_flag(sentence):
    found = facts(sentence)
    assert len(found) == 2 and all(f.is_target for f in found)
    assert found[1].unit == "USD"


def test_a_bracketed_amount_in_the_same_currency_is_a_part_not_a_restatement():
    found = facts("Japan gave $5 billion ($3 billion in grants) to Manila.")
    assert [(f.value, f.unit) for f in found] == [(5e9, "USD"), (3e9, "USD")]
