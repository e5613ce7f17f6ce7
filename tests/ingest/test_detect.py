"""Format detection from content, the file name only breaking ties."""

from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.ingest.detect import detect_format
from samples import HTML_PAGE, KENYA_UGANDA, warc_bytes

RSS = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title></channel></rss>'
ATOM = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>'
RDF = b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'


@pytest.mark.parametrize("data,expected", [
    (HTML_PAGE.encode(), "html"),
    (b"\xef\xbb\xbf  <!doctype html><html><body><p>x</p></body></html>", "html"),
    (b"<div><p>Japan and India</p></div>", "html"),
    (RSS, "feed"), (ATOM, "feed"), (RDF, "feed"),
    (json.dumps({"text": "Kenya"}).encode() + b"\n" + json.dumps({"text": "Uganda"}).encode(), "jsonl"),
    (b"{broken\n" + b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
    (KENYA_UGANDA.encode(), "text"),
    (b"{Editor's note} Kenya and Uganda met.\nMore text.", "text"),
    (b"<Kenya> and <Uganda> are not tags", "text"),
    (gzip.compress(b"anything"), "gzip"),
])
def test_detects_by_content(data, expected):
    assert detect_format(data, "no-extension") == expected


def test_extension_does_not_override_content():
    assert detect_format(KENYA_UGANDA.encode(), "story.html") == "text"
    assert detect_format(HTML_PAGE.encode(), "story.txt") == "html"
    assert detect_format(RSS, "feed.html") == "feed"


def test_html_fragment_after_prose_is_html_only_for_html_files():
    data = b"Saved page\n" + b"<p>Brazil and Argentina</p>"
    assert detect_format(data, "page.htm") == "html"
    assert detect_format(data, "page.txt") == "text"


def test_warc_plain_and_gzipped():
    pages = [("https://example.in/a", b"<html><body><p>Japan</p></body></html>")]
    assert detect_format(warc_bytes(pages)) == "warc"
    assert detect_format(warc_bytes(pages, gzip=True)) == "gzip"  # read_item looks inside


@given(st.binary(max_size=2000), st.text(max_size=30))
def test_never_raises(data, origin):
    assert detect_format(data, origin) in {"gzip", "warc", "feed", "html", "jsonl", "text"}
