"""Counted and measured units: a unit is what is written at the number, never a guess.

Every sentence here is invented.
"""

from __future__ import annotations

import pytest

from accord.extract.figures import find_figures


def figures(sentence: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in find_figures(sentence)]


@pytest.mark.parametrize("sentence, value, unit", [
    ("Egypt and Sudan share a 1,276 km border.", 1276, "km"),
    ("The border runs 2,430 km (1,510 miles).", 1510, "miles"),
    ("The 350-km railway links Kunming and Vientiane.", 350, "km"),
    ("The Bhutan plant sells 720 megawatts to India.", 720, "MW"),
    ("Laos plans 2.5 GW of exports to Vietnam.", 2500, "MW"),
    ("Ukraine shipped 4 million tonnes of grain to Egypt.", 4e6, "tonnes"),
    ("Azerbaijan sends 10 bcm of gas to Europe.", 10e9, "cubic_metres"),
    ("Kazakhstan exports 80,000 barrels of oil to China.", 80000, "barrels"),
    ("The Lao concession covers 1,300 hectares.", 1300, "ha"),
    ("Iraq imports 20 million cubic metres of gas a day from Iran.", 20e6, "cubic_metres_per_day"),
])
def test_units_of_measure_written_at_the_number(sentence, value, unit):
    assert (pytest.approx(value), unit) in figures(sentence)


@pytest.mark.parametrize("sentence, value, unit", [
    ("About 5,000 Filipino domestic workers are in Hong Kong.", 5000, "persons"),
    ("Japan sent 120 doctors and nurses to Turkey.", 120, "persons"),
    ("India handed over 75 SUVs to the Nepalese police.", 75, "vehicles"),
    ("Beijing counted 33 intrusions into its waters.", 33, "intrusions"),
    ("Three Chinese coast guard ships entered the zone.", 3, "ships"),
    ("India funds 400 houses in Jaffna.", 400, "houses"),
    ("The fund helped 8,300 government of Nepal-supported beneficiaries.", 8300, "persons"),
    ("Korea expects all 24 of its turbines to run by 2030.", 24, "turbines"),
])
def test_counted_nouns_in_the_noun_phrase_the_number_quantifies(sentence, value, unit):
    assert (pytest.approx(value), unit) in figures(sentence)


@pytest.mark.parametrize("sentence, value, unit", [
    ("Manila said the incident brought to 48 the number of protests filed this year.", 48, "protests"),
    ("The number of Filipino workers in Taiwan rose to 160,000.", 160000, "persons"),
    ("The number of ferry crossings reached 1,200.", 1200, "crossings"),
])
def test_the_number_of_names_the_unit_of_a_bare_number(sentence, value, unit):
    assert (value, unit) in figures(sentence)


@pytest.mark.parametrize("sentence, value", [
    ("One fourth of the loan was a grant.", 25), ("A quarter of Bhutan's trade is with India.", 25),
    ("Two thirds of the aid came from Japan.", 66.67), ("Half of Lao power exports go to Thailand.", 50),
])
def test_fractions_in_words_are_percent_shares(sentence, value):
    [(found, unit)] = figures(sentence)
    assert found == pytest.approx(value, rel=1e-3) and unit == "percent"


@pytest.mark.parametrize("sentence", [
    "Trade rose in the first half of 2024.",
    "Ties have grown over a quarter of a century.",
    "The second quarter of the year was slow.",
])
def test_fractions_that_are_periods_are_no_shares(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize("sentence", [
    "The K9 howitzer has a 1,000 hp engine.",        # no unit guessed from far-off words
    "Talks ran for 13 hours.",
    "The 2025 budget passed.",
    "They met 3 times in 2024.",
    "It was the 60th anniversary of ties.",
    "The C-130J aircraft landed.",
    "About 5 of the 12 sessions were closed.",
    "The two leaders met in Hanoi.",                 # "the two" names who, it counts nothing
    "Vietnam's three projects were praised.",        # a possessive names known things
    "Viet Nam is among the top three investors in Laos.",  # a rank
    "Two officials said the talks went well.",       # the sides of the story, in words
    "They held 5G trials.",
])
def test_no_unit_no_figure(sentence):
    assert figures(sentence) == []


def test_percent_forms():
    assert figures("Tariffs of 25 per cent, 10 percent, 5% and 0.5 percentage points.") == [
        (25, "percent"), (10, "percent"), (5, "percent"), (0.5, "percentage_points")]
