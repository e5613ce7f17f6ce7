"""HTML pages: main text and metadata through trafilatura, publication date through htmldate."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import htmldate
import trafilatura

from accord.errors import Rejected
from accord.ingest.decode import decode_bytes
from accord.models import InputItem, RawArticle, Rejection

# trafilatura and htmldate log every page they find thin; accord reports rejections itself.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

MIN_ARTICLE_CHARS = 40


def read_html(item: InputItem) -> Iterator[RawArticle | Rejection]:
    """Read one HTML page into an article."""
    try:
        yield article_from_html(decode_bytes(item.data), item.origin, url=None, fmt="html")
    except Rejected as error:
        yield Rejection(item.origin, str(error))


def article_from_html(html: str, origin: str, url: str | None, fmt: str) -> RawArticle:
    """Extract the main text, title, outlet and date of an HTML page (never fetches)."""
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as error:  # trafilatura raises assorted lxml errors on broken markup
        raise Rejected(f"HTML could not be parsed: {type(error).__name__}") from None
    text = (extracted.text if extracted else "") or ""
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise Rejected("HTML page has no article text")
    return RawArticle(
        origin=origin,
        format=fmt,
        text=text,
        url=url or extracted.url,
        title=extracted.title,
        published=_page_date(html, url),
        source=extracted.sitename or extracted.hostname,
        language=extracted.language,
    )


def _page_date(html: str, url: str | None) -> str | None:
    """The page's original publication date from its markup, or None (no guessing from text)."""
    try:
        return htmldate.find_date(html, url=url, original_date=True, extensive_search=False)
    except Exception:  # htmldate fails on some malformed trees; a missing date is fine
        return None
