"""Reading numbers: separators, decimal commas, scales, ranges, numbers in words, and what is no number.

Every sentence here is invented.
"""

from __future__ import annotations

import pytest

from accord.extract.numbers import find_numbers, parse_digits, parse_words


def numbers(text: str) -> list[tuple[float, float | None]]:
    return [(n.value, n.value_max) for n in find_numbers(text)]


@pytest.mark.parametrize("text, value", [
    ("14,000", 14000), ("1.6", 1.6), ("12,4", 12.4), ("7,2", 7.2), ("1,250", 1250), ("0.1", 0.1),
])
def test_digits(text, value):
    assert parse_digits(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("four", 4), ("twenty-five", 25), ("ninety nine", 99), ("a hundred", 100),
    ("one hundred and fifty", 150), ("one and a half", 1.5), ("half a", 0.5),
])
def test_words(text, value):
    assert parse_words(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("Chile lent Peru 2.5 billion", 2.5e9),
    ("a 3.4-billion grant", 3.4e9),           # hyphen between number and scale
    ("sold 700million of bonds", 7e8),        # no space
    ("worth 12 bln", 12e9), ("worth 4.2bn", 4.2e9), ("worth 3 Bn", 3e9), ("worth 7 mln", 7e6),
    ("worth 500 crore", 5e9), ("worth 25 lakh", 2.5e6), ("worth 1.2 trillion", 1.2e12),
    ("exports of R41,5 billion", 41.5e9),     # decimal comma before a scale
    ("one billion in credit", 1e9), ("half a billion in aid", 5e8), ("a million doses", 1e6),
    ("one and a half billion", 1.5e9),
])
def test_scales_multiply(text, value):
    assert find_numbers(text)[0].value == pytest.approx(value)


@pytest.mark.parametrize("text, low, high", [
    ("between 1.1-1.2 billion", 1.1e9, 1.2e9), ("300 to 400 nurses", 300, 400), ("5–7% a year", 5, 7),
    ("6-9%", 6, 9),
])
def test_ranges_share_the_second_scale(text, low, high):
    [number] = find_numbers(text)
    assert (number.value, number.value_max) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text", ["the 2024-2029 plan", "fiscal 2007-08", "a 3-1 win"])
def test_year_spans_and_scores_are_not_ranges(text):
    assert all(n.value_max is None for n in find_numbers(text))


@pytest.mark.parametrize("text", [
    "a C-130J transport", "COVID-19 rules", "an F-16 jet", "on 22.01.2024", "1e309 units", "5E+12",
])
def test_model_names_dotted_dates_and_scientific_notation_hold_no_number(text):
    assert find_numbers(text) == []


def test_a_letter_after_a_number_is_a_scale_only_as_a_single_letter():
    [five_m] = find_numbers("$5m")
    assert five_m.letter_scale and five_m.value == 5e6
    [km] = find_numbers("5 km")
    assert km.value == 5 and km.scale is None


def test_a_lone_article_is_no_number():
    assert find_numbers("a delegation and a visit") == []
