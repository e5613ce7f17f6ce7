"""The optional `Key: value` header block of plain-text articles."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from accord.ingest.header import HEADER_KEYS, parse_header_block


def test_header_fields_and_body():
    text = ("URL: https://news.example.ke/pipeline\nTITLE: Kenya and Uganda sign pipeline deal\n"
            "PUBLISHED: 2024-03-05\nSOURCE: East Africa Daily\nLANGUAGE: en\n---\n"
            "Nairobi and Kampala signed the deal on Tuesday.\n")
    header = parse_header_block(text)
    assert header.get("url") == "https://news.example.ke/pipeline"
    assert header.get("title") == "Kenya and Uganda sign pipeline deal"
    assert header.get("published") == "2024-03-05"
    assert header.get("source") == "East Africa Daily"
    assert header.get("language") == "en"
    assert header.body == "Nairobi and Kampala signed the deal on Tuesday.\n"


def test_keys_are_case_insensitive_and_blank_lines_allowed():
    header = parse_header_block("title: Brazil and Argentina\n\nPublished:   unknown  \n---\nBody.")
    assert header.get("title") == "Brazil and Argentina"
    assert header.get("published") == "unknown"  # kept as stated; parsing happens later
    assert header.body == "Body."


def test_blank_value_reads_as_missing():
    header = parse_header_block("TITLE:\nSOURCE: Wire\n---\nText")
    assert header.get("title") is None
    assert header.get("source") == "Wire"


def test_first_value_of_a_repeated_key_wins():
    header = parse_header_block("TITLE: First\nTITLE: Second\n---\nText")
    assert header.get("title") == "First"


def test_value_keeps_later_colons():
    header = parse_header_block("URL: https://example.in/a:b\n---\nText")
    assert header.get("url") == "https://example.in/a:b"


def test_crlf_line_ends():
    header = parse_header_block("TITLE: Japan and India\r\nSOURCE: Wire\r\n---\r\nText\r\n")
    assert header.get("title") == "Japan and India"
    assert header.body == "Text\r\n"


def test_no_closer_means_no_header():
    text = "TITLE: Not a header\nNairobi and Kampala signed the deal.\n"
    header = parse_header_block(text)
    assert header.fields == {}
    assert header.body == text


def test_unknown_keys_only_means_no_header():
    text = "Note: editors\n---\nText after a rule."
    header = parse_header_block(text)
    assert header.fields == {}
    assert header.body == text


def test_article_starting_with_prose_has_no_header():
    text = "Kenya: talks resume\nThe talks resumed on Monday.\n---\nMore text."
    assert parse_header_block(text).body == text


def test_closer_too_far_down_is_not_a_header():
    text = "TITLE: x\n" + "".join(f"K{i}: v\n" for i in range(60)) + "---\nText"
    assert parse_header_block(text).fields == {}


# -- properties -------------------------------------------------------------

@given(st.text())
def test_never_raises_and_body_is_a_suffix(text):
    header = parse_header_block(text)
    assert text.endswith(header.body)
    if not header.fields:
        assert header.body == text


_VALUE = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                           blacklist_characters="\x1c\x1d\x1e\x85"),
    max_size=40).map(str.strip)


@given(st.dictionaries(st.sampled_from(HEADER_KEYS), _VALUE, min_size=1),
       st.sampled_from(["upper", "lower", "title"]), st.text(max_size=200))
def test_generated_headers_round_trip(fields, case, body):
    lines = "".join(f"{getattr(key, case)()}: {value}\n" for key, value in fields.items())
    header = parse_header_block(lines + "---\n" + body)
    assert header.body == body
    for key, value in fields.items():
        assert header.get(key) == (value or None)
