"""Readers turn one input's bytes into raw articles or rejections, by detected format.

Every reader is registered in `READERS`; a reader takes an InputItem and yields
RawArticle or Rejection values. Readers never fetch anything.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Iterator

from accord.ingest.detect import detect_format
from accord.ingest.readers.feed import read_feed
from accord.ingest.readers.gzip_reader import read_gzip
from accord.ingest.readers.html import read_html
from accord.ingest.readers.jsonl import read_jsonl
from accord.ingest.readers.text import read_text
from accord.ingest.readers.warc import read_warc
from accord.models import InputItem, RawArticle, Rejection

Reader = Callable[[InputItem], Iterator[RawArticle | Rejection]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "feed": read_feed,
    "gzip": read_gzip,
}


def read_item(item: InputItem) -> Iterator[RawArticle | Rejection]:
    """Detect the item's format and run the matching reader."""
    fmt = detect_format(item.data, item.origin)
    if fmt == "gzip" and _is_gzipped_warc(item.data):
        fmt = "warc"
    yield from READERS[fmt](item)


def _is_gzipped_warc(data: bytes) -> bool:
    try:
        head = gzip.GzipFile(fileobj=io.BytesIO(data)).read(8)
    except (OSError, EOFError, zlib.error):
        return False
    return head.startswith(b"WARC/")
