"""Datelines are taken off the first paragraph and kept as the document's place."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.ingest.clean import clean_text
from accord.ingest.dateline import find_dateline


@pytest.mark.parametrize("paragraph, place, date, agency, rest", [
    ("NAIROBI, March 3 (Reuters) - Kenya recalled its envoy to Somalia on Friday.", "Nairobi", "March 3",
     "Reuters", "Kenya recalled"),
    ("ACCRA (AFP) — Ghana and Togo agreed to reopen their border crossings.", "Accra", None, "AFP", "Ghana and"),
    ("OTTAWA — The Canadian minister met her Mexican counterpart.", "Ottawa", None, None, "The Canadian"),
    ("Vientiane (KPL) – The Lao Prime Minister received the Thai ambassador.", "Vientiane", None, "KPL", "The Lao"),
    ("SEOUL: South Korea lodged a protest with Japan over the textbook.", "Seoul", None, None, "South Korea"),
    ("MOSCOW, May 2. /TASS/. Russia expelled two Estonian diplomats.", "Moscow", "May 2", "TASS", "Russia"),
    ("Dhaka, June 4 (UNB) Bangladesh and India signed seven agreements.", "Dhaka", "June 4", "UNB", "Bangladesh"),
    ("HÀ NỘI – Việt Nam and Cambodia pledged to settle the border issue.", "Hà Nội", None, None, "Việt Nam"),
])
def test_datelines_are_read(paragraph, place, date, agency, rest):
    found = find_dateline(paragraph)
    assert (found.place, found.date, found.agency) == (place, date, agency)
    assert paragraph[found.length:].startswith(rest)


@pytest.mark.parametrize("paragraph", [
    "Kenya and Uganda signed a trade deal - the first in a decade - on Monday.",
    "NATO - the alliance said - would respond to the incursion.",
    "US President Joe Biden said the talks with Mexico went well.",
    "The two sides agreed (Reuters) - to cooperate more closely on energy.",
    "Note: the figures below come from the customs office of both countries.",
    "BREAKING - Peru declares the Mexican ambassador persona non grata.",
])
def test_ordinary_sentences_are_not_datelines(paragraph):
    assert find_dateline(paragraph) is None


def test_cleaning_takes_the_dateline_off_and_keeps_it():
    cleaned = clean_text("Peru expels envoy\n\nLIMA, Dec 20 (AFP) - Peru declared the envoy persona non grata."
                         "\n\nMexico said it regretted the step.")
    assert cleaned.text.split("\n\n")[1] == "Peru declared the envoy persona non grata."
    assert cleaned.dateline.place == "Lima" and cleaned.dateline.text == "LIMA, Dec 20 (AFP)"


def test_a_dateline_further_down_is_left_alone():
    body = "\n\n".join(["One paragraph of text here.", "Another paragraph of text.", "A third one, long enough.",
                        "PARIS (AFP) - France and Spain met on Monday to discuss the border."])
    assert clean_text(body).dateline is None


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_a_dateline_is_always_a_prefix_followed_by_text(paragraph):
    found = find_dateline(paragraph)
    if found:
        assert 0 < found.length <= len(paragraph) and len(paragraph) - found.length >= 20
        assert found.place or found.date
