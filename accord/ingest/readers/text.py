"""Plain-text articles, with an optional `Key: value` header block."""

from __future__ import annotations

from collections.abc import Iterator

from accord.errors import Rejected
from accord.ingest.decode import decode_bytes
from accord.ingest.header import parse_header_block
from accord.models import InputItem, RawArticle, Rejection


def read_text(item: InputItem) -> Iterator[RawArticle | Rejection]:
    """Read a plain-text article; header fields become metadata, kept unparsed."""
    try:
        text = decode_bytes(item.data)
    except Rejected as error:
        yield Rejection(item.origin, str(error))
        return
    header = parse_header_block(text)
    if not header.body.strip():
        yield Rejection(item.origin, "no article text after the header block")
        return
    yield RawArticle(
        origin=item.origin,
        format="text",
        text=header.body,
        url=header.get("url"),
        title=header.get("title"),
        published=header.get("published"),
        source=header.get("source"),
        language=header.get("language"),
    )
