"""Readers: each input format into raw articles or rejections, detected from content."""

from __future__ import annotations

import gzip
import json

import pytest

from accord.ingest.readers import read_item
from accord.ingest.readers.feed import html_fragment_to_text
from accord.models import InputItem, RawArticle, Rejection
from samples import (BRAZIL_ARGENTINA, HTML_NO_ARTICLE, HTML_PAGE, JAPAN_INDIA, KENYA_UGANDA,
                     html_page, warc_bytes)


def read(data: bytes | str, origin: str = "input") -> list[RawArticle | Rejection]:
    return list(read_item(InputItem(origin, data.encode() if isinstance(data, str) else data)))


def articles(found):
    return [f for f in found if isinstance(f, RawArticle)]


def rejections(found):
    return [f for f in found if isinstance(f, Rejection)]


# -- plain text ---------------------------------------------------------------

def test_text_with_header_block():
    data = ("URL: https://news.example.ke/pipeline\nTITLE: Pipeline deal\nPUBLISHED: unknown\n"
            "SOURCE: East Africa Daily\nLANGUAGE: en\n---\n" + KENYA_UGANDA)
    [article] = read(data, "a.txt")
    assert article == RawArticle(origin="a.txt", format="text", text=KENYA_UGANDA,
                                 url="https://news.example.ke/pipeline", title="Pipeline deal",
                                 published="unknown", source="East Africa Daily", language="en")


def test_text_without_header():
    [article] = read(BRAZIL_ARGENTINA, "b.txt")
    assert article.text == BRAZIL_ARGENTINA and article.title is None and article.published is None


def test_text_with_only_a_header_is_rejected():
    [rejection] = read("TITLE: Nothing\n---\n\n  \n", "c.txt")
    assert rejection == Rejection("c.txt", "no article text after the header block")


def test_gzipped_text_is_read_inside():
    [article] = read(gzip.compress(("TITLE: Rail\n---\n" + JAPAN_INDIA).encode()), "d.txt.gz")
    assert article.title == "Rail" and article.text == JAPAN_INDIA and article.format == "text"


def test_truncated_gzip_is_rejected():
    data = gzip.compress(JAPAN_INDIA.encode() * 5)
    [rejection] = read(data[: len(data) // 2], "e.txt.gz")
    assert rejection.origin == "e.txt.gz" and "truncated gzip" in rejection.reason


def _jsonl(first: int, last: int) -> bytes:
    texts = (JAPAN_INDIA, KENYA_UGANDA, BRAZIL_ARGENTINA)
    return "".join(json.dumps({"text": texts[i % 3], "url": f"https://news.example.org/{i}"}) + "\n"
                   for i in range(first, last)).encode()


def test_every_member_of_a_multi_member_gzip_is_read():
    # `cat a.gz b.gz` is one gzip file; reading only its first member would lose b silently.
    found = read(gzip.compress(_jsonl(0, 2)) + gzip.compress(_jsonl(2, 5)), "joined.jsonl.gz")
    assert [a.url for a in found] == [f"https://news.example.org/{i}" for i in range(5)]
    [text] = read(gzip.compress(b"TITLE: Rail\n---\n") + gzip.compress(JAPAN_INDIA.encode()), "t.txt.gz")
    assert text.title == "Rail" and text.text == JAPAN_INDIA


def test_a_cut_jsonl_gzip_keeps_the_complete_lines_and_says_it_was_truncated():
    second = gzip.compress(_jsonl(2, 6))
    found = read(gzip.compress(_jsonl(0, 2)) + second[: len(second) // 2], "cut.jsonl.gz")
    kept = articles(found)
    assert kept and [a.url for a in kept] == [f"https://news.example.org/{i}" for i in range(len(kept))]
    [note] = rejections(found)
    assert note.origin == "cut.jsonl.gz" and note.reason.startswith("truncated gzip: the stream ends")
    assert f"kept the {len(kept)} JSON lines complete before the cut" in note.reason
    assert "the rest of the input is lost" in note.reason


def test_a_cut_gzip_of_one_article_is_rejected_even_after_whole_members():
    # Part of an article is not the article: the first member alone must not pass for it.
    article = gzip.compress(JAPAN_INDIA.encode() * 3)
    [rejection] = read(gzip.compress(b"TITLE: Rail\n---\n") + article[: len(article) // 2], "cut.txt.gz")
    assert rejection == Rejection("cut.txt.gz", "truncated gzip: the stream ends before its end marker")


def test_a_corrupt_member_after_good_ones_is_a_cut():
    found = read(gzip.compress(_jsonl(0, 2)) + b"\x1f\x8b\x08\x00" + b"\xff" * 40, "bad.jsonl.gz")
    assert len(articles(found)) == 2
    [note] = rejections(found)
    assert "gzip member 2 is corrupt" in note.reason and "kept the 2 JSON lines" in note.reason


def test_bytes_after_the_gzip_data_are_reported_and_zero_padding_is_not():
    data = gzip.compress(_jsonl(0, 2))
    assert len(read(data + b"\0" * 512, "padded.jsonl.gz")) == 2
    found = read(data + b"not gzip", "junk.jsonl.gz")
    assert len(articles(found)) == 2
    [note] = rejections(found)
    assert note.reason.startswith("8 bytes after the gzip data are not gzip and were not read")


def test_corrupt_and_nested_gzip_are_rejected():
    [corrupt] = read(b"\x1f\x8b\x08\x00" + b"\xff" * 40, "f.gz")
    assert "gzip" in corrupt.reason
    [nested] = read(gzip.compress(gzip.compress(b"text")), "g.gz")
    assert nested.reason == "nested gzip is not supported"


# -- HTML -----------------------------------------------------------------------

def test_html_page_main_text_without_boilerplate():
    [article] = read(HTML_PAGE, "page.html")
    assert article.format == "html"
    assert article.title == "Japan and India expand rail cooperation"
    assert article.source == "Asia Wire"
    assert article.published == "2024-06-14"
    assert "high-speed rail corridor" in article.text
    assert "defence technology" in article.text
    for furniture in ("Home", "Subscribe to our newsletter", "Stock markets close higher",
                      "All rights reserved", "Privacy policy"):
        assert furniture not in article.text


def test_html_without_article_text_is_rejected():
    [rejection] = read(HTML_NO_ARTICLE, "empty.html")
    assert rejection == Rejection("empty.html", "HTML page has no article text")


def test_html_page_without_date_has_none():
    [article] = read(html_page("Kenya and Uganda open border post", [
        "Kenya and Uganda opened a one-stop border post at Busia on Tuesday to speed up trade.",
        "Officials said waiting times for lorries would fall by half within a year."]), "p.html")
    assert article.published is None
    assert "Busia" in article.text


# -- feeds -----------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>East Africa Daily</title><language>en</language>
<item><title>Kenya and Uganda open border post</title><link>https://ea.example/1</link>
<pubDate>Tue, 05 Mar 2024 01:30:00 +0300</pubDate>
<description><![CDATA[<p>Kenya and Uganda opened a one-stop border post at Busia on Tuesday.</p>
<p>Officials said waiting times would fall by half.</p><script>track()</script>]]></description></item>
<item><title>Headline only</title><link>https://ea.example/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>South America Review</title>
<entry><title>Brazil and Argentina revive trade talks</title><link href="https://sa.example/a"/>
<updated>2023-11-21T12:00:00Z</updated><published>2023-11-19T23:30:00-03:00</published>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Brazil and Argentina agreed on Sunday to restart talks on car tariffs.&lt;/p&gt;
&lt;p&gt;The ministers will meet again in Montevideo next month.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_with_content():
    found = read(RSS, "feed.xml")
    [article] = articles(found)
    assert article.origin == "feed.xml#entry1" and article.format == "feed"
    assert article.title == "Kenya and Uganda open border post"
    assert article.url == "https://ea.example/1"
    assert article.source == "East Africa Daily" and article.language == "en"
    assert article.text == ("Kenya and Uganda opened a one-stop border post at Busia on Tuesday."
                            "\n\nOfficials said waiting times would fall by half.")
    assert rejections(found) == [Rejection("feed.xml#entry2", "feed entry has no content")]


def test_feed_date_keeps_the_stated_day():
    # 01:30 at +03:00 is the previous day in UTC; the article was published on 5 March.
    from accord.ingest.pubdate import parse_stated_date
    [article] = articles(read(RSS, "feed.xml"))
    assert str(parse_stated_date(article.published)) == "2024-03-05"
    [atom] = articles(read(ATOM, "atom.xml"))
    assert str(parse_stated_date(atom.published)) == "2023-11-19"


def test_atom_prefers_full_content_over_summary():
    [article] = read(ATOM, "atom.xml")
    assert article.url == "https://sa.example/a"
    assert article.source == "South America Review"
    assert article.text.startswith("Brazil and Argentina agreed on Sunday")
    assert "Short summary" not in article.text


def test_feed_without_entries_is_rejected():
    [rejection] = read('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                       "</channel></rss>", "none.xml")
    assert rejection == Rejection("none.xml", "feed has no entries")


def test_feed_declaring_entities_is_refused():
    bomb = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            "<rss version='2.0'><channel><title>&b;</title><item><title>x</title>"
            "<description>Kenya and Uganda signed a deal on Tuesday.</description></item>"
            "</channel></rss>")
    [rejection] = read(bomb, "bomb.xml")
    assert rejection.origin == "bomb.xml" and "feed refused" in rejection.reason


def test_html_fragment_to_text():
    assert html_fragment_to_text("plain words ") == "plain words"
    assert html_fragment_to_text("") == ""
    assert html_fragment_to_text("<p>One <b>bold</b></p><ul><li>Two</li><li>Three</li></ul>") == (
        "One bold\n\nTwo\n\nThree")


# -- WARC -------------------------------------------------------------------------

JAPAN = html_page("Japan and India sign rail pact", [
    "Tokyo and New Delhi agreed on Friday to extend the high-speed railway and to deepen "
    "defence cooperation, officials said after the talks."] * 1 + [
    "The loans will be repaid over forty years at a very low rate of interest."])
BRAZIL = html_page("Brazil and Argentina revive trade talks", [
    "Brazil and Argentina agreed on Sunday to restart negotiations on car and steel tariffs "
    "inside the Mercosur bloc, the ministers said in Montevideo.",
    "Industry groups on both sides welcomed the decision."])
PAGES = [("https://example.in/rail", JAPAN), ("https://example.br/trade", BRAZIL)]


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_html_responses(gzipped):
    found = read(warc_bytes(PAGES, gzip=gzipped), "crawl.warc")
    assert [a.origin for a in found] == ["crawl.warc#1", "crawl.warc#2"]
    assert [a.url for a in found] == ["https://example.in/rail", "https://example.br/trade"]
    assert all(a.format == "warc" for a in found)
    assert "high-speed railway" in found[0].text and "Mercosur" in found[1].text
    assert "Home" not in found[0].text


def test_warc_skips_non_html_records():
    data = warc_bytes([("https://example.in/data.json", b'{"a": 1}')],
                      content_type="application/json") + warc_bytes(PAGES[:1])
    [article] = read(data, "mixed.warc")
    assert article.origin == "mixed.warc#2"


def test_warc_without_html_is_rejected():
    data = warc_bytes([("https://example.in/data.json", b'{"a": 1}')], content_type="application/json")
    assert read(data, "x.warc") == [Rejection("x.warc", "WARC holds no HTML response records")]


@pytest.mark.parametrize("gzipped", [False, True])
@pytest.mark.parametrize("cut", [60, 300])
def test_truncated_warc_keeps_earlier_records_and_rejects_the_rest(gzipped, cut):
    data = warc_bytes(PAGES, gzip=gzipped)
    found = read(data[:-cut], "cut.warc")
    [kept] = articles(found)
    assert kept.origin == "cut.warc#1" and "high-speed railway" in kept.text
    [rejection] = rejections(found)
    assert rejection.origin.startswith("cut.warc")
    assert "truncated" in rejection.reason


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_cut_inside_the_second_header_is_rejected(gzipped):
    first = warc_bytes(PAGES[:1], gzip=gzipped)
    both = warc_bytes(PAGES, gzip=gzipped)
    found = read(both[: len(first) + 30], "head.warc")
    assert [a.origin for a in articles(found)] == ["head.warc#1"]
    [rejection] = rejections(found)
    assert rejection.origin == "head.warc" and "truncated" in rejection.reason


def test_warc_cut_inside_the_only_record_is_rejected():
    data = warc_bytes(PAGES[:1])
    [rejection] = read(data[: len(data) // 2], "half.warc")
    assert rejection.origin == "half.warc#1" and "truncated WARC record" in rejection.reason


# -- JSON Lines -------------------------------------------------------------------

def test_jsonl_keeps_good_lines_and_reports_broken_ones_by_number():
    lines = [
        json.dumps({"text": KENYA_UGANDA, "title": "Pipeline", "url": "https://ea.example/p",
                    "published": "2024-03-05", "source": "East Africa Daily"}),
        "{broken",
        "",
        json.dumps({"text": BRAZIL_ARGENTINA, "published": 20240305}),
        json.dumps([1, 2]),
        json.dumps({"title": "no body", "text": "   "}),
        json.dumps({"html": HTML_PAGE, "title": "Override title"}),
    ]
    found = read("\n".join(lines) + "\n", "batch.jsonl")
    good = articles(found)
    assert [a.origin for a in good] == ["batch.jsonl:1", "batch.jsonl:4", "batch.jsonl:7"]
    assert good[0].title == "Pipeline" and good[0].published == "2024-03-05"
    assert good[0].url == "https://ea.example/p" and good[0].source == "East Africa Daily"
    assert good[1].published == "20240305"
    assert good[2].title == "Override title" and good[2].source == "Asia Wire"
    assert "high-speed rail corridor" in good[2].text and good[2].format == "jsonl"
    bad = rejections(found)
    assert [r.origin for r in bad] == ["batch.jsonl:2", "batch.jsonl:5", "batch.jsonl:6"]
    assert bad[0].reason.startswith("line 2: invalid JSON")
    assert bad[1].reason == "line 5: expected a JSON object, found list"
    assert bad[2].reason == "line 6: no non-empty 'text' or 'html' field"


def test_jsonl_line_separator_inside_a_string_does_not_split_the_record():
    record = {"text": "Kenya and Uganda met.\u2028The ministers agreed on the route of the pipeline."}
    data = json.dumps(record, ensure_ascii=False) + "\r\n" + json.dumps({"text": JAPAN_INDIA})
    found = read(data, "sep.jsonl")
    assert [a.origin for a in found] == ["sep.jsonl:1", "sep.jsonl:2"]
    assert found[0].text == record["text"]


def test_jsonl_html_line_without_article_text():
    found = read(json.dumps({"html": HTML_NO_ARTICLE}) + "\n" + json.dumps({"text": "x" * 30}),
                 "h.jsonl")
    assert found[0] == Rejection("h.jsonl:1", "line 1: HTML page has no article text")
    assert isinstance(found[1], RawArticle)
