"""Periods in the codebook's notation, and which figure each period phrase belongs to.

Every sentence here is invented.
"""

from __future__ import annotations

from datetime import date

import pytest

from accord.extract.facts import find_facts
from accord.extract.periods import find_periods

PUBLISHED = date(2019, 11, 14)


def period_values(text: str, published: date | None = PUBLISHED) -> list[str]:
    return [p.value for p in find_periods(text, published)]


@pytest.mark.parametrize("text, value", [
    ("in 2023", "2023"), ("during 2021", "2021"), ("by 2030", "2030"), ("by the end of 2026", "2026"),
    ("through 2025", "2025"), ("last year", "2018"), ("this year alone", "2019"), ("next year", "2020"),
    ("in the 2023-24 fiscal year", "2023-24"), ("in fiscal year 2007-08", "2007-08"), ("FY2022-23", "2022-23"),
    ("in the 2013 fiscal year", "fiscal year 2013"),
    ("in the first quarter of 2024", "2024-Q1"), ("in Q3 2022", "2022-Q3"),
    ("the fourth quarter of last year", "2018-Q4"),
    ("in the first 11 months of 2022", "2022-01..2022-11"),
    ("the first seven months of this year", "2019-01..2019-07"),
    ("the last three months of 2021", "2021-10..2021-12"),
    ("in the first half of 2024", "2024-01..2024-06"), ("the second half of 2023", "2023-07..2023-12"),
    ("from March 2021 to June 2022", "2021-03..2022-06"),
    ("between January and October 2020", "2020-01..2020-10"),
    ("January-November 2022", "2022-01..2022-11"),
    ("from 2016 to 2020", "2016..2020"), ("in the 2021-2025 period", "2021-2025"),
    ("in March 2022", "2022-03"),
    ("so far", "so far"), ("to date", "to date"), ("at present", "at present"),
    ("over the next five years", "over the next five years"), ("over three years", "over three years"),
    ("during the past 20 years", "past 20 years"), ("each year", "each year"), ("annually", "annually"),
])
def test_period_notation(text, value):
    assert period_values(f"Trade was worth $1 billion {text}.") == [value]


def test_relative_years_stay_phrases_without_a_publication_date():
    assert period_values("It reached $3 billion last year.", published=None) == ["last year"]


@pytest.mark.parametrize("text", ["2019-22 saw growth", "since the 1990s", "a 10-year deal",
                                  "a year-on-year rise"])
def test_not_periods(text):
    assert period_values(text) == []


def periods_of(sentence: str, published: date | None = PUBLISHED) -> list[tuple[float, str | None]]:
    return [(f.value, f.period) for f in find_facts(sentence, lambda s, e: (s, e), published=published)]


@pytest.mark.parametrize("sentence, expected", [
    ("Trade reached $5 billion in 2017 and $6 billion in 2018.", [(5e9, "2017"), (6e9, "2018")]),
    ("Trade in 2017 reached $5 billion.", [(5e9, "2017")]),
    ("In 2016, Peru bought 12 percent of Chile's wine, worth 90 million dollars.",
     [(12, "2016"), (90e6, "2016")]),
    ("Ghana took 20 percent, and Togo took 15 percent in 2018.", [(20, "2018"), (15, "2018")]),
    ("Exports were $2 billion in 2017, in the first six months of 2018, they reached $1.4 billion.",
     [(2e9, "2017"), (1.4e9, "2018-01..2018-06")]),
    ("Chile's share was 12 percent in 2018, down from 14 percent in 2017.", [(12, "2018"), (14, "2017")]),
])
def test_each_figure_takes_the_period_that_belongs_to_it(sentence, expected):
    assert periods_of(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Peru, which received $300 million from Chile last year, seeks another $500 million.",
     [(300e6, "2018"), (500e6, None)]),
    ("The fund backed 900 projects in 2017 with a total of €5.1 million.", [(900, "2017"), (5.1e6, "2017")]),
    ("More than 2,000 Peruvian students study in Chile, and the two set up ties in 1960.", [(2000, None)]),
    ("Japan offered a ¥40 billion loan, of which ¥15 billion was paid out in 2018.",
     [(40e9, None), (15e9, "2018")]),
])
def test_a_period_spreads_within_its_clause_only(sentence, expected):
    assert periods_of(sentence) == expected


def test_a_conversion_shares_the_period_of_the_amount_it_restates():
    sentence = "From May 2018 to July 2018, Japan lent Peru JPY11 billion (US$100 million)."
    assert periods_of(sentence) == [(11e9, "2018-05..2018-07"), (100e6, "2018-05..2018-07")]


def test_a_dated_reported_figure_takes_the_year_of_its_date():
    assert periods_of("On Monday, Japan handed over 2 million dollars to Fiji.") == [(2e6, "2019")]
    assert periods_of("On Monday, Japan handed over 2 million dollars to Fiji.", published=None) == [(2e6, None)]


def test_no_period_when_the_text_gives_none():
    assert periods_of("Japan will give Fiji 2 million dollars.") == [(2e6, None)]
