"""Cleaning: normalisation, repeated paragraphs, page furniture; spans refer to the clean text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.ingest.clean import clean_text, furniture_reason, normalise, split_paragraphs
from samples import KENYA_UGANDA

LEAD = ("Nairobi and Kampala signed an agreement on Tuesday to extend the crude oil pipeline to the "
        "port of Lamu, the two energy ministers said in a joint statement.")
SECOND = ("The pipeline is expected to carry about two hundred thousand barrels a day once it is "
          "complete, according to the statement.")
THIRD = ("Officials from both countries will meet again in Kampala next month to settle the "
         "question of transit fees.")


def _removed(cleaned, reason):
    return [r.text for r in cleaned.removed if r.reason == reason]


def test_paragraph_spans_index_the_clean_text():
    cleaned = clean_text(KENYA_UGANDA)
    assert len(cleaned.paragraphs) == 4
    pieces = [cleaned.text[start:end] for start, end in cleaned.paragraphs]
    assert pieces[0] == "Kenya and Uganda agree to extend the oil pipeline"
    assert "\n\n".join(pieces) == cleaned.text


def test_repeated_paragraph_is_dropped_once():
    cleaned = clean_text("\n".join([LEAD, SECOND, LEAD, THIRD, "  " + LEAD.upper() + "  "]))
    assert cleaned.text == "\n\n".join([LEAD, SECOND, THIRD])
    assert len(_removed(cleaned, "repeats an earlier paragraph")) == 2


def test_short_repeats_are_kept():
    # Short lines such as "Kenya:" may legitimately repeat; only paragraphs of some length count.
    cleaned = clean_text("\n".join(["Kenya:", LEAD, "Kenya:", SECOND]))
    assert cleaned.text.count("Kenya:") == 2


def test_page_furniture_is_removed_by_kind():
    raw = "\n".join([
        "Kenya and Uganda agree to extend the oil pipeline",
        "Share on Facebook",
        LEAD,
        "Photo: East Africa Images",
        SECOND,
        "Advertisement",
        THIRD,
        "Related articles",
        "Tanzania and Burundi sign railway deal",
        "Rwanda opens new airport terminal",
        "Leave a comment",
    ])
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n\n") == [
        "Kenya and Uganda agree to extend the oil pipeline", LEAD, SECOND, THIRD]
    assert _removed(cleaned, "share or follow line") == ["Share on Facebook"]
    assert _removed(cleaned, "photo or source credit") == ["Photo: East Africa Images"]
    assert _removed(cleaned, "comment prompt or notice") == ["Advertisement"]
    assert _removed(cleaned, "after a related-links heading") == [
        "Related articles", "Tanzania and Burundi sign railway deal",
        "Rwanda opens new airport terminal", "Leave a comment"]


def test_related_heading_early_in_the_article_does_not_cut_it():
    cleaned = clean_text("\n".join(["Related", LEAD, SECOND, THIRD]))
    assert LEAD in cleaned.text and THIRD in cleaned.text


def test_navigation_menu_run_is_removed():
    cleaned = clean_text("\n".join(["Home", "World", "Africa", "Business", "Sport", LEAD, SECOND]))
    assert cleaned.text == LEAD + "\n\n" + SECOND
    assert _removed(cleaned, "navigation menu") == ["Home", "World", "Africa", "Business", "Sport"]


@pytest.mark.parametrize("line", [
    "Share on Facebook", "• Share this article", "Facebook Twitter LinkedIn Email",
    "Like us on Facebook", "Join our Telegram channel", "Click here to subscribe",
    "Subscribe to our newsletter", "Follow us on YouTube for daily video news!"])
def test_share_and_follow_lines_are_furniture(line):
    assert furniture_reason(line) == "share or follow line"


@pytest.mark.parametrize("sentence", [
    "Uganda blocked Facebook ahead of the election.",
    "Uganda lifts Facebook ban after five years",
    "Kenya and the US discuss TikTok rules",
    "Brazil fined Twitter over the election posts.",
])
def test_short_sentences_naming_a_platform_are_article_text(sentence):
    assert furniture_reason(sentence) is None


@pytest.mark.parametrize("line,reason", [
    ("| |", "no letters"), ("***", "no letters"),
    ("Source: https://news.example.ke/article-123", "photo or source credit"),
    ("(Photo: Reuters)", "photo or source credit"),
    ("Kenya and Uganda leaders meet - Photo 2.", "image caption label"),
    ("© 2024 East Africa Daily", "comment prompt or notice"),
    ("Be the first to comment", "comment prompt or notice"),
])
def test_other_furniture(line, reason):
    assert furniture_reason(line) == reason


def test_long_sentence_starting_with_source_is_kept():
    sentence = ("Source: officials in Kampala said the pipeline would be finished by 2027, although "
                "Kenyan engineers doubted the timetable and asked for a review.")
    assert furniture_reason(sentence) is None


def test_normalise_repairs_mojibake_and_composes():
    assert normalise("SÃ£o Paulo") == "São Paulo"
    decomposed = unicodedata.normalize("NFD", "Đà Nẵng")
    assert normalise(decomposed) == "Đà Nẵng"
    assert normalise("a\r\nb\rc\u200bd\ufeff") == "a\nb\ncd"


def test_hard_wrapped_block_becomes_one_paragraph():
    wrapped = ("Brazil and Argentina agreed on Sunday to restart the long\n"
               "negotiations on car and steel tariffs inside the Mercosur\n"
               "bloc, the foreign ministers of both countries told reporters\n"
               "in Montevideo.")
    assert split_paragraphs(wrapped) == [" ".join(wrapped.split("\n"))]


def test_lines_of_a_block_are_paragraphs_when_not_wrapped():
    assert split_paragraphs("Short title\nA first line.\n\n\nSecond block.") == [
        "Short title", "A first line.", "Second block."]


def test_raw_text_nothing_left():
    assert clean_text("Share on Facebook\n| |\nAdvertisement").text == ""


_LINES = st.one_of(
    st.sampled_from([LEAD, SECOND, THIRD, "Related articles", "Share on Facebook", "Home", "World",
                     "Photo: AP", "| |", "Advertisement", "", "   ", "Tô Lâm", "SÃ£o Paulo"]),
    st.text(max_size=80))


@given(st.one_of(st.text(max_size=600), st.lists(_LINES, max_size=14).map("\n".join)))
def test_clean_text_properties(raw):
    cleaned = clean_text(raw)
    # Spans cover exactly the kept paragraphs, in order, with no overlap.
    position = 0
    for start, end in cleaned.paragraphs:
        assert start == position and end >= start
        paragraph = cleaned.text[start:end]
        assert paragraph == paragraph.strip() and "\n" not in paragraph
        position = end + 2
    assert cleaned.text == "\n\n".join(cleaned.text[s:e] for s, e in cleaned.paragraphs)
    # Cleaning only drops whole paragraphs: what is kept is a subsequence of the input's.
    source = iter(split_paragraphs(normalise(raw)))
    kept = [cleaned.text[s:e] for s, e in cleaned.paragraphs]
    assert all(any(p == q for q in source) for p in kept)
    assert len(kept) + len(cleaned.removed) == len(split_paragraphs(normalise(raw)))
