"""RSS and Atom feeds: each entry with content becomes an article."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import feedparser
import lxml.html
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from accord.ingest.pubdate import parse_stated_date
from accord.models import InputItem, RawArticle, Rejection

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br"}
# Characters lxml refuses anywhere in a tree (text cleaning drops the control characters anyway).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def read_feed(item: InputItem) -> Iterator[RawArticle | Rejection]:
    """Read a feed's entries; a feed that declares entities is refused unparsed."""
    try:
        fromstring(item.data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        yield Rejection(item.origin, f"feed refused: {type(error).__name__} (XML entity expansion risk)")
        return
    except ParseError:
        pass  # malformed XML: feedparser's lenient parser still reads many such feeds
    try:
        parsed = feedparser.parse(item.data)
    except Exception as error:  # its lenient parser raises on some broken feeds (&#xD800;)
        yield Rejection(item.origin, f"feed could not be parsed: {type(error).__name__}")
        return
    feed_title = parsed.feed.get("title")
    if not parsed.entries:
        yield Rejection(item.origin, "feed has no entries")
        return
    for index, entry in enumerate(parsed.entries, start=1):
        origin = f"{item.origin}#entry{index}"
        text = _entry_text(entry)
        if not text.strip():
            yield Rejection(origin, "feed entry has no content")
            continue
        yield RawArticle(
            origin=origin,
            format="feed",
            text=text,
            url=entry.get("link"),
            title=entry.get("title"),
            published=_entry_date(entry),
            source=feed_title,
            language=parsed.feed.get("language"),
        )


def _entry_text(entry) -> str:
    """Prefer the full content over the summary; HTML fragments become paragraphs."""
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary")
    return html_fragment_to_text(html or "")  # feedparser gives None for some broken entries


def html_fragment_to_text(html: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element.

    trafilatura's article detection needs a whole page and discards short
    fragments, so feed entries get this simpler block-wise conversion.
    """
    html = _NOT_XML.sub("", html)
    if not html.strip():
        return ""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for block in root.iter(*_BLOCKS):
        block.tail = "\n\n" + (block.tail or "")
    lines = (" ".join(part.split()) for part in root.text_content().split("\n\n"))
    return "\n\n".join(line for line in lines if line)


def _entry_date(entry) -> str | None:
    """The entry's date as stated, else feedparser's reading of it.

    feedparser's parsed dates are converted to UTC, which moves a date stated late
    or early in the day (Tue, 05 Mar 2024 01:30 +0530) to the day before or after.
    """
    for key in ("published", "updated"):
        if entry.get(key) and parse_stated_date(entry[key]):
            return entry[key]
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return entry.get("published") or entry.get("updated")
