"""Publication dates: metadata first, then the head of the text; unknown stays None with a reason."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.ingest.pubdate import (DateHints, find_date_in_text, infer_hints, parse_stated_date,
                                   resolve_published)

DAY_FIRST = DateHints(day_first=True)
MONTH_FIRST = DateHints(day_first=False)
UNKNOWN = DateHints()


@pytest.mark.parametrize("value,expected", [
    ("2024-03-05", date(2024, 3, 5)),
    ("2024-03-05T23:30:00-05:00", date(2024, 3, 5)),  # the date as stated, not moved to UTC
    ("2024-3-5", date(2024, 3, 5)),
    ("Tue, 05 Mar 2024 01:30:00 +0530", date(2024, 3, 5)),
    ("March 5, 2024", date(2024, 3, 5)),
    ("5 March 2024", date(2024, 3, 5)),
    ("Sept. 9, 2023", date(2023, 9, 9)),
    ("25/12/2023", date(2023, 12, 25)),
    ("12/25/2023", date(2023, 12, 25)),
])
def test_parse_stated_date(value, expected):
    assert parse_stated_date(value) == expected


@pytest.mark.parametrize("value", ["unknown", "", "   ", "yesterday", "2024-13-45", "1066-10-14",
                                   "9999-01-01", "31/31/2024", "x" * 100])
def test_unparseable_stated_dates_are_none(value):
    assert parse_stated_date(value) is None


def test_ambiguous_numeric_date_needs_a_hint():
    assert parse_stated_date("01/12/2025", UNKNOWN) is None
    assert parse_stated_date("01/12/2025", DAY_FIRST) == date(2025, 12, 1)
    assert parse_stated_date("01/12/2025", MONTH_FIRST) == date(2025, 1, 12)


def test_same_day_and_month_is_not_ambiguous():
    assert parse_stated_date("03/03/2024", UNKNOWN) == date(2024, 3, 3)


@pytest.mark.parametrize("text,expected", [
    ("Published: 2024-03-05\nNairobi and Kampala signed the deal.", date(2024, 3, 5)),
    ("Posted on March 5, 2024 | Business\nText.", date(2024, 3, 5)),
    ("date 2025-12-01 NAIROBI - Kenya and Uganda signed the deal on Tuesday.", date(2025, 12, 1)),
    ("NAIROBI, March 5, 2024 - Kenya and Uganda signed a pipeline deal on Tuesday in the capital.",
     date(2024, 3, 5)),
    ("Kenya and Uganda sign pipeline deal\n05/03/2024\nNairobi and Kampala signed.", date(2024, 3, 5)),
    # A timestamp with its clock time and zone, and an "Updated" note.
    ("Kenya and Uganda sign pipeline deal\nMarch 5, 2024 3:52 PM GMT+3 Updated 2 hours ago\nText.",
     date(2024, 3, 5)),
    # A line of fields: the date's own field counts.
    ("Pipeline deal signed\nSource: Nation Media | 2024-03-05 20:41:37 | Editor: Grace Wanjiru\nText.",
     date(2024, 3, 5)),
    # A dateline with another calendar's date before the date and the agency after it.
    ("Nairobi, Shaban 24, 1445, March 5, 2024, KNA -- Kenya and Uganda signed the deal.", date(2024, 3, 5)),
])
def test_find_date_in_text(text, expected):
    assert find_date_in_text(text, DAY_FIRST) == expected


def test_a_field_line_whose_date_sits_in_a_headline_phrase_is_no_timestamp():
    text = "Kenya | Ties grow closer since the visit on March 5, 2024 | Analysis\nText."
    assert find_date_in_text(text, DAY_FIRST) is None


def test_dates_inside_long_sentences_are_events_not_publication():
    text = ("Kenya and Uganda signed the pipeline deal that both governments first discussed "
            "on 12 June 2019 in Arusha, officials said.")
    assert find_date_in_text(text, DAY_FIRST) is None


def test_only_the_head_of_the_text_is_searched():
    text = "\n".join(["Line of prose without a date."] * 12 + ["Published: 2024-03-05"])
    assert find_date_in_text(text, DAY_FIRST) is None


def test_ambiguous_date_in_text_gives_a_note():
    note = find_date_in_text("Japan and India\n04/05/2024\nTokyo and New Delhi agreed.", UNKNOWN)
    assert isinstance(note, str) and "ambiguous" in note


def test_resolve_prefers_metadata():
    found = resolve_published("2024-01-02", "Published: 2023-05-06\nText", DAY_FIRST)
    assert (found.value, found.found_in, found.iso) == (date(2024, 1, 2), "metadata", "2024-01-02")


def test_resolve_falls_back_to_text_with_a_note_kept_only_when_unknown():
    found = resolve_published("unknown", "Published: 2023-05-06\nText", DAY_FIRST)
    assert (found.value, found.found_in) == (date(2023, 5, 6), "text")


def test_resolve_unknown_records_why():
    found = resolve_published("unknown", "Brazil and Argentina agreed on tariffs.", UNKNOWN)
    assert found.value is None and found.iso is None and found.found_in is None
    assert "'unknown' is not a date" in found.note
    assert "no publication date" in found.note
    assert resolve_published(None, "No date here.", UNKNOWN).note == (
        "no publication date in metadata or text")


@pytest.mark.parametrize("text,url,language,expected", [
    ("Kenya and Uganda", "https://www.example.us/x", "en", False),
    ("Kenya and Uganda", None, "pt", True),
    ("Tô Lâm và Thongloun", None, None, True),
    ("Kenya and Uganda", "https://www.nation.example.ke/news", "en", True),
    ("Kenya and Uganda", "https://www.example.com/news", "en", None),
    ("Kenya and Uganda", None, None, None),
])
def test_infer_hints(text, url, language, expected):
    assert infer_hints(text, url, language).day_first is expected


# -- properties -------------------------------------------------------------

def _plausible(value: date) -> bool:
    return 1800 <= value.year <= datetime.now().year + 1


@given(st.text(max_size=80), st.sampled_from([DAY_FIRST, MONTH_FIRST, UNKNOWN]))
def test_parse_stated_date_never_raises(value, hints):
    parsed = parse_stated_date(value, hints)
    assert parsed is None or (isinstance(parsed, date) and _plausible(parsed))


@given(st.dates(min_value=date(1800, 1, 1), max_value=date(datetime.now().year, 12, 31)),
       st.sampled_from(["", "T00:00:00Z", "T12:30:15+07:00", " 08:00"]))
def test_iso_dates_round_trip(value, suffix):
    assert parse_stated_date(value.isoformat() + suffix) == value


@given(st.dates(min_value=date(1800, 1, 1), max_value=date(datetime.now().year, 12, 31)))
def test_rfc2822_dates_round_trip(value):
    stated = value.strftime("%a, %d %b %Y 10:00:00 +0000")
    assert parse_stated_date(stated) == value


@given(st.text(max_size=400), st.sampled_from([DAY_FIRST, MONTH_FIRST, UNKNOWN]))
def test_find_date_in_text_never_raises(text, hints):
    found = find_date_in_text(text, hints)
    assert found is None or isinstance(found, str) or (isinstance(found, date) and _plausible(found))


@given(st.lists(st.sampled_from(["Published: ", "date ", "NAIROBI, ", "2024-02-30", "31/04/2024",
                                 "13/13/2024", "Feb 29, 2023", "1 Jan 2024", "text", "\n"]),
                max_size=12).map("".join))
def test_find_date_in_text_never_raises_on_date_like_text(text):
    found = find_date_in_text(text, DAY_FIRST)
    assert found is None or isinstance(found, (str, date))
