"""Date expressions: explicit, partial, ranges, deadlines, periods and narrative references.

Sentences are invented, about several country pairs. Publication date: Monday 20 May 2024.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.extract.dates import DateContext, DateMention, find_dates, infer_document_year
from accord.extract.records import DateValue

PUBLISHED = date(2024, 5, 20)  # a Monday


def dates_in(sentence: str, published: date | None = PUBLISHED, **context) -> list[DateMention]:
    return find_dates(sentence, DateContext(published=published, **context))


def only(sentence: str, published: date | None = PUBLISHED, **context) -> DateMention:
    found = dates_in(sentence, published, **context)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- explicit dates

@pytest.mark.parametrize("sentence, text, iso", [
    ("Kenya and Uganda held talks in Mombasa on 14 March 2024.", "14 March 2024", "2024-03-14"),
    ("Japanese and Indian officials met on June 3rd, 2023 in Tokyo.", "June 3rd, 2023", "2023-06-03"),
    ("The Brazilian embassy in Buenos Aires reopened on Dec. 5, 2022.", "Dec. 5, 2022", "2022-12-05"),
    ("France and Germany signed the pact on 2019-01-22 in Aachen.", "2019-01-22", "2019-01-22"),
    ("Australia and Indonesia signed it on the 4th of July 2023.", "4th of July 2023", "2023-07-04"),
])
def test_explicit_day_dates(sentence, text, iso):
    mention = only(sentence)
    assert mention.text == text
    assert sentence[mention.start:mention.end] == text
    assert mention.value == DateValue(iso, "day")
    assert mention.kind == "explicit"


def test_month_and_year_has_month_precision():
    mention = only("Indonesian and Australian navies trained together in August 2023.")
    assert mention.value == DateValue("2023-08", "month")
    assert mention.kind == "explicit"


def test_a_bare_year_has_year_precision():
    mention = only("Kenya and Uganda established diplomatic relations in 1963.")
    assert mention.value == DateValue("1963", "year")
    assert mention.value.year == 1963


def test_several_dates_in_one_sentence_come_in_text_order():
    found = dates_in("Brazil hosted Argentina in 2023, 2022 and 2021.")
    assert [m.value.iso for m in found] == ["2023", "2022", "2021"]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_an_impossible_day_is_not_reported_as_a_day():
    found = dates_in("Uganda said the Kenyan deal was signed on 31 February 2024.")
    assert all(m.value is None or m.value.precision != "day" for m in found)


def test_dates_inside_parentheses_are_marked():
    found = dates_in("The France-Germany treaty (signed on 22 January 1963) still stands.")
    assert [(m.value.iso, m.parenthetical) for m in found] == [("1963-01-22", True)]
    outside = only("France and Germany signed a treaty on 22 January 1963.")
    assert outside.parenthetical is False


# ---------------------------------------------------------------- ranges take their first day

@pytest.mark.parametrize("sentence, iso", [
    ("Japan and India held a summit on September 10-13, 2023.", "2023-09-10"),
    ("Indonesian and Australian ministers met on 10–13 September 2023.", "2023-09-10"),
    ("The Brazilian delegation stayed in Argentina from 4 to 6 July 2023.", "2023-07-04"),
    ("Kenya and Uganda met on Dec 1-2 in Arusha.", "2023-12-01"),  # partial, see below
])
def test_ranges_resolve_to_their_first_day(sentence, iso):
    assert only(sentence).value == DateValue(iso, "day")


# ---------------------------------------------------------------- partial dates

def test_a_partial_date_takes_the_publication_year():
    mention = only("The Ugandan minister arrived in Nairobi on January 5.")
    assert mention.value == DateValue("2024-01-05", "day")
    assert mention.kind == "partial"


def test_a_partial_date_shortly_after_publication_keeps_the_year():
    # Less than a month ahead: an announced event of the same year.
    assert only("Japan will host India on June 2.").value == DateValue("2024-06-02", "day")


def test_a_partial_date_far_after_publication_is_last_year():
    assert only("German and French ministers met on December 28.").value == \
        DateValue("2023-12-28", "day")


def test_a_partial_date_takes_the_year_of_the_anchor():
    context = DateContext(published=PUBLISHED)
    context.remember(DateValue("2023-11-15", "day"))
    mention = find_dates("Argentina's envoy left Brasilia on December 1.", context)[0]
    assert mention.value == DateValue("2023-12-01", "day")


def test_a_partial_date_without_any_year_stays_unresolved():
    mention = only("Kenya and Uganda met on March 3.", published=None)
    assert mention.kind == "partial"
    assert mention.value is None


def test_a_partial_date_in_an_undated_article_stays_unresolved():
    # Codebook: "A day and month with no year in an undated article give null."
    mention = only("Kenya and Uganda met on March 3.", published=None, document_year=2021)
    assert mention.value is None


def test_the_modal_may_is_not_a_month_but_capitalised_may_is():
    assert dates_in("Officials said Brazil and Argentina may 2 times a year meet.") == []
    assert only("India and Japan will meet again on May 12.").value == DateValue("2024-05-12", "day")


# ---------------------------------------------------------------- deadlines and periods

@pytest.mark.parametrize("sentence", [
    "Kenya and Uganda aim to double trade by 2030.",
    "The France-Germany plan runs until 2035.",
    "Japan and India want a deal by the end of 2025.",
    "The Indonesian-Australian roadmap runs until December 2026.",
])
def test_deadlines_are_not_event_dates(sentence):
    mention = only(sentence)
    assert mention.kind == "deadline"
    assert mention.value is None


def test_a_reporting_period_is_not_an_event_date():
    mention = only("Brazil's exports to Argentina grew in the first 7 months of 2024.")
    assert mention.kind == "period"
    assert mention.value is None


@pytest.mark.parametrize("sentence", [
    "Japanese investment in India fell in the first half of 2024.",
    "Kenyan exports to Uganda grew in the first quarter of 2023.",
])
def test_halves_and_quarters_are_reporting_periods(sentence):
    assert only(sentence).kind == "period"


def test_mid_year_is_a_year_but_the_end_of_a_range_is_not():
    assert only("Japan and India began talks in mid-2023.").value == DateValue("2023", "year")
    found = dates_in("Brazil and Argentina adopted a plan for the 2021-2030 period.")
    assert [m.text for m in found] == []


def test_numbers_with_units_are_not_years():
    assert dates_in("Brazil and Argentina will add 2000 MW of power.") == []
    assert dates_in("Some 2024 students from Kenya study in Uganda.") == []


# ---------------------------------------------------------------- narrative references

@pytest.mark.parametrize("sentence, iso, precision", [
    ("Kenya's president visited Uganda last year.", "2023", "year"),
    ("Japan and India will meet again next year.", "2025", "year"),
    ("France and Germany talked this month.", "2024-05", "month"),
    ("The Brazilian delegation met Argentine officials last month.", "2024-04", "month"),
    ("The Indonesian delegation arrived in Canberra yesterday.", "2024-05-19", "day"),
    ("Uganda and Kenya signed it today.", "2024-05-20", "day"),
    ("On Sunday, Japanese and Indian ministers met.", "2024-05-19", "day"),
    ("Brazil and Argentina met on Tuesday.", "2024-05-14", "day"),
    ("France and Germany met on Monday.", "2024-05-20", "day"),  # publication day itself
])
def test_relative_references_resolve_against_publication(sentence, iso, precision):
    mention = only(sentence)
    assert mention.kind == "relative"
    assert mention.value == DateValue(iso, precision)


def test_relative_references_without_publication_stay_unresolved():
    assert only("Uganda's minister flew to Nairobi on Friday.", published=None).value is None
    assert only("Japan hosted India last year.", published=None).value is None


def test_the_same_afternoon_takes_the_last_explicit_date():
    context = DateContext(published=PUBLISHED)
    for mention in find_dates("Kenyan President William Ruto landed in Kampala on 14 March 2024.",
                              context):
        context.remember(mention.value)
    same = find_dates("The same afternoon, the two leaders held talks.", context)[0]
    assert same.kind == "relative"
    assert same.value == DateValue("2024-03-14", "day")


def test_the_same_day_without_an_anchor_is_unknown():
    assert only("That day, France and Germany issued a statement.").value is None


def test_old_and_year_only_dates_do_not_become_the_anchor():
    context = DateContext(published=PUBLISHED)
    context.remember(DateValue("1977-07-18", "day"))  # historical
    context.remember(DateValue("2024", "year"))       # too vague
    assert context.anchor is None
    context.remember(DateValue("2024-05-02", "day"))  # more than a week before publication
    assert context.anchor is None
    context.remember(DateValue("2024-05-16", "day"))
    assert context.anchor == DateValue("2024-05-16", "day")
    assert len(context.history) == 4


# ---------------------------------------------------------------- document year

def test_document_year_is_the_latest_past_date_stated_to_the_month_or_day():
    text = ("Brazil and Argentina signed a pact on 3 March 2022. Trade rose again in June 2023. "
            "Both sides want to double it by December 2030.")
    assert infer_document_year(text) == 2023


def test_document_year_ignores_bare_years_and_periods():
    # A bare year is too often a plan or a period to stand in for the publication year.
    assert infer_document_year("Kenya and Uganda set targets for 2026 and met in 2021.") is None
    assert infer_document_year("Kenyan exports to Uganda grew in the first 7 months of 2024.") is None


def test_document_year_is_none_without_years():
    assert infer_document_year("Japan and India held talks on Friday.") is None


# ---------------------------------------------------------------- properties

_FRAGMENTS = st.sampled_from([
    "on", "in", "by", "until", "the", "first", "7", "months", "of", "May", "may", "Dec", "Dec.",
    "1-2", "10–13", "31", "29", "February", "2024", "1977", "2030", "2024-02-30", "2023-12-01",
    "3rd", ",", "(", ")", "same", "afternoon", "that", "day", "Sunday", "last", "year", "next",
    "month", "today", "yesterday", "Kenya", "Uganda", "MW", "-", "to", "and", "of", "end", "9999",
])
_SENTENCES = st.one_of(
    st.text(max_size=200),
    st.lists(_FRAGMENTS, max_size=25).map(" ".join),
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=5)), max_size=20).map("".join),
)
_CONTEXTS = st.builds(
    DateContext,
    published=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))),
    document_year=st.one_of(st.none(), st.integers(min_value=1800, max_value=2099)),
)
_ISO = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


@given(sentence=_SENTENCES, context=_CONTEXTS)
def test_find_dates_never_raises_and_spans_lie_within_the_sentence(sentence, context):
    for mention in find_dates(sentence, context):
        assert 0 <= mention.start < mention.end <= len(sentence)
        assert sentence[mention.start:mention.end] == mention.text
        if mention.value is not None:
            assert re.fullmatch(_ISO[mention.value.precision], mention.value.iso)
            if mention.value.precision == "day":
                date.fromisoformat(mention.value.iso)


@pytest.mark.parametrize("text, iso, kind", [
    ("The president said on Monday that both sides will cooperate.", "2024-05-20", "relative"),
    ("Officials said Thursday that the troops had left.", "2024-05-16", "relative"),
    ("The two ministers will meet on Wednesday in Geneva.", "2024-05-22", "relative"),
    ("Ramaphosa will on Monday co-chair the commission.", "2024-05-20", "relative"),
    ("The talks will resume next Friday.", "2024-05-24", "relative"),
    ("The envoy must leave by Thursday.", None, "deadline"),
    ("A survey ship was spotted in August last year.", "2023-08", "relative"),
    ("He criticised the decision last week.", "2024-05", "relative"),
    ("She congratulated him on last month's election.", None, "period"),
    ("Japan bought the islands in September.", "2023-09", "partial"),
])
def test_codebook_relative_dates(text, iso, kind):
    mention = only(text)
    assert (mention.value.iso if mention.value else None, mention.kind) == (iso, kind)


def test_a_date_after_publication_never_becomes_the_narrative_anchor():
    context = DateContext(published=PUBLISHED)
    context.remember(DateValue("2024-07-01", "day"))
    assert context.anchor is None
    context.remember(DateValue("2024-05-18", "day"))
    assert context.anchor == DateValue("2024-05-18", "day")


def test_acts_after_a_multi_day_span_take_its_month():
    context = DateContext(published=PUBLISHED)
    mention = find_dates("The state visit from May 15-18 was the first since 2019.", context)[0]
    assert mention.is_range and mention.value == DateValue("2024-05-15", "day")
    context.remember(mention.value, mention.is_range)
    assert context.undated_anchor == DateValue("2024-05", "month")
    assert context.anchor == DateValue("2024-05-15", "day")  # "the same day" still has its day
