"""Readers turn one input's bytes into raw articles or rejections, by detected format.

Every reader is registered in `READERS`; a reader takes an InputItem and yields
RawArticle or Rejection values. Readers never fetch anything.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Iterator

from accord.errors import Rejected
from accord.ingest.detect import detect_format
from accord.ingest.readers.feed import read_feed
from accord.ingest.readers.html import read_html
from accord.ingest.readers.jsonl import read_jsonl
from accord.ingest.readers.text import read_text
from accord.ingest.readers.warc import read_warc
from accord.models import InputItem, RawArticle, Rejection

Reader = Callable[[InputItem], Iterator[RawArticle | Rejection]]

# Decompressed size cap for gzip inputs, against gzip bombs.
MAX_GUNZIPPED_BYTES = 200 * 1024 * 1024


def read_gzip(item: InputItem) -> Iterator[RawArticle | Rejection]:
    """Decompress a gzip input (not a WARC) and read what is inside."""
    try:
        inner = _gunzip(item.data)
    except Rejected as error:
        yield Rejection(item.origin, str(error))
        return
    if inner.startswith(b"\x1f\x8b"):
        yield Rejection(item.origin, "nested gzip is not supported")
        return
    yield from read_item(InputItem(item.origin, inner))


def _gunzip(data: bytes) -> bytes:
    decompressor = zlib.decompressobj(wbits=31)
    try:
        inner = decompressor.decompress(data, MAX_GUNZIPPED_BYTES)
    except zlib.error as error:
        raise Rejected(f"corrupt gzip data: {error}") from None
    if decompressor.unconsumed_tail:
        raise Rejected(f"gzip expands beyond {MAX_GUNZIPPED_BYTES // 2**20} MB")
    if not decompressor.eof:
        raise Rejected("truncated gzip: the stream ends before its end marker")
    return inner


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
