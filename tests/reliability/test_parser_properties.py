"""Properties of parsers the other suites leave uncovered.

Covered elsewhere: the header block (tests/ingest/test_header.py), publication dates
(tests/ingest/test_pubdate.py), format detection, decoding and cleaning (tests/ingest),
sentence dates and numbers with currencies (tests/extract/test_dates.py, test_facts.py),
search queries (tests/store/test_store.py). Here: the pair syntax of `--pair` and the
stored pair keys, JSON Lines records, feed entry fragments, stated language codes, and
RFC 2822 dates with absurd fields.
"""

from __future__ import annotations

import html
import json
import re
import string
from datetime import datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from accord.errors import Rejected
from accord.ingest.document import _language_code
from accord.ingest.pubdate import parse_stated_date
from accord.ingest.readers.feed import html_fragment_to_text
from accord.ingest.readers.jsonl import article_from_json_line
from accord.store.records import normalise_pair, pair_key

# Every code point, lone surrogates and control characters included.
ANY_CHAR = st.characters(codec=None, categories=None)
ANY_TEXT = st.text(alphabet=ANY_CHAR, max_size=60)

# -- pair syntax ----------------------------------------------------------------------

CODE = st.text(alphabet=string.ascii_letters, min_size=3, max_size=3)
SEPARATOR = st.sampled_from(["-", ",", "/", " - ", ", ", "--", " / ", ",-"])
BLANK = st.text(alphabet=" \t", max_size=3)


@given(CODE, CODE, SEPARATOR, BLANK, BLANK)
def test_two_codes_in_any_case_order_and_separator_give_one_key(a, b, separator, before, after):
    key = normalise_pair(f"{before}{a}{separator}{b}{after}")
    assert key == "-".join(sorted([a.upper(), b.upper()]))
    assert normalise_pair(f"{b}{separator}{a}") == key
    assert normalise_pair(key) == key


@given(st.one_of(ANY_TEXT, st.lists(st.one_of(CODE, ANY_TEXT, SEPARATOR), max_size=5).map("".join)))
def test_pair_syntax_gives_a_key_or_none_or_a_clear_error(text):
    try:
        key = normalise_pair(text)
    except ValueError as error:
        assert "invalid pair" in str(error) and "VNM-LAO" in str(error)
    else:
        assert (key is None and not text) or re.fullmatch(r"[A-Z]{3}-[A-Z]{3}", key), (text, key)


@pytest.mark.parametrize("pair", ["ÅÄÖ-VNM", "VNM-ЛАО", "ΑΒΓ,LAO", "VNM-LAO-KHM", "VN-LAO", "V1M-LAO"])
def test_what_is_not_two_iso3_codes_is_refused(pair):
    with pytest.raises(ValueError, match="invalid pair"):
        normalise_pair(pair)


@given(CODE.map(str.upper), CODE.map(str.upper))
def test_stored_pair_keys_are_what_a_pair_query_looks_for(a, b):
    assume(a != b)
    assert pair_key([a, b]) == pair_key([b, a, None, a]) == normalise_pair(f"{b}-{a}")
    assert pair_key([a, a]) is None and pair_key([a, None]) is None


# -- JSON Lines records -----------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=12)
_FIELDS = ["text", "html", "url", "title", "published", "source", "language"]
RECORDS = st.dictionaries(st.sampled_from(_FIELDS), st.one_of(ANY_TEXT, JSON_VALUES), max_size=7)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@given(st.one_of(ANY_TEXT, JSON_VALUES.map(json.dumps), RECORDS.map(json.dumps),
                 RECORDS.map(lambda r: json.dumps(r)[:-1])))
def test_a_json_line_becomes_a_storable_article_or_a_one_line_reason(line):
    try:
        article = article_from_json_line(line, "feed.jsonl:1")
    except Rejected as error:
        assert str(error).strip() and "\n" not in str(error)
        return
    assert article.text.strip() and article.origin == "feed.jsonl:1"
    for value in (article.text, article.url, article.title, article.published, article.source,
                  article.language):
        if value is not None:
            value.encode("utf-8")  # no lone surrogates: SQLite and every later step need UTF-8


@given(st.text(alphabet=ANY_CHAR, min_size=1, max_size=200).filter(lambda t: t.strip()), ANY_TEXT)
def test_a_json_text_field_is_kept_as_it_was_written(text, title):
    article = article_from_json_line(json.dumps({"text": text, "title": title}), "x")
    # JSON reads an escaped surrogate pair as one character; only lone halves are replaced.
    assert article.text == _LONE_SURROGATE.sub("\ufffd", json.loads(json.dumps(text)))


# -- feed entries -------------------------------------------------------------------------

WORDS = st.text(alphabet=string.ascii_letters + "àéîõüđ ", min_size=1, max_size=40)
FRAGMENTS = st.one_of(
    ANY_TEXT,
    st.lists(st.one_of(ANY_TEXT, st.sampled_from(["<p>", "</p>", "<br>", "<script>", "</script>",
                                                  "<div", ">", "&amp;", "&#0;", "&#xD800;", "<!--"])),
             max_size=12).map("".join))


@given(FRAGMENTS)
def test_a_feed_entry_fragment_becomes_text_without_error(fragment):
    text = html_fragment_to_text(fragment)
    assert isinstance(text, str)
    text.encode("utf-8")
    assert all(line == line.strip() and line for line in text.split("\n\n")) or text == ""


@given(st.lists(WORDS.filter(lambda p: p.split()), min_size=1, max_size=6))
def test_feed_paragraphs_come_back_one_per_block(paragraphs):
    fragment = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs) + "<script>var x = 1;</script>"
    assert html_fragment_to_text(fragment) == "\n\n".join(" ".join(p.split()) for p in paragraphs)


# -- stated language codes -----------------------------------------------------------------

@given(st.one_of(ANY_TEXT, st.sampled_from(["en", "EN-us", "vi_VN", " lo ", "fil", "中文", "ελ"])))
def test_a_stated_language_is_an_iso_code_or_nothing(value):
    code = _language_code(value)
    assert code is None or re.fullmatch(r"[a-z]{2,3}", code), (value, code)


def test_stated_language_tags_give_their_language():
    assert [_language_code(v) for v in ("en-US", "vi_VN", " LO ", "fil", "", None, "english")] == \
        ["en", "vi", "lo", "fil", None, None, None]


# -- RFC 2822 and ISO dates with absurd fields ---------------------------------------------

MONTH = st.sampled_from(["Jan", "Feb", "Mar", "Dec", "Foo", "", "March"])
NUMBER = st.one_of(st.integers(-5, 40), st.integers(-10**25, 10**25))


@given(NUMBER, MONTH, NUMBER, NUMBER, NUMBER, st.sampled_from(["+0000", "-0530", "GMT", "+9999", ""]))
def test_rfc2822_dates_with_absurd_fields_are_dates_or_nothing(day, month, year, hour, minute, zone):
    for value in (f"Tue, {day} {month} {year} {hour}:{minute}:00 {zone}",
                  f"{year}-{day}-{minute}", f"{day}/{hour}/{year}", f"{month} {day}, {year}"):
        found = parse_stated_date(value)
        assert found is None or 1800 <= found.year <= datetime.now().year + 1, (value, found)
