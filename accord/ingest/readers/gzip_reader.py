"""gzip inputs (not WARC.gz, which the WARC reader reads record by record): every member of the
stream is decompressed (`cat a.gz b.gz` is one valid gzip file), and a stream that stops short
is never read as if it were whole.

A cut stream (a member without its end marker, a corrupt member after good ones) keeps what was
read only for JSON Lines, whose lines are articles of their own: the lines complete before the
cut are read, and the input gets an entry in the ingest report saying it was truncated, how
many lines were kept and that the rest is lost. Any other cut input (one article, a page, a
feed) is rejected with the reason: part of an article is not the article.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from accord.errors import Rejected
from accord.ingest.detect import GZIP_MAGIC, detect_format
from accord.models import InputItem, RawArticle, Rejection

# Decompressed size cap for gzip inputs (all members together), against gzip bombs.
MAX_GUNZIPPED_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Gunzipped:
    """A gzip stream's content: `cut` says why the stream stops short (None: it is whole);
    `trailing` counts bytes after the last whole member that are neither gzip nor zero padding."""

    data: bytes
    cut: str | None = None
    trailing: int = 0


def gunzip(data: bytes) -> Gunzipped:
    """Decompress every member. Raises Rejected when the first member is not gzip data or the
    content would pass MAX_GUNZIPPED_BYTES."""
    parts: list[bytes] = []
    size, members, rest = 0, 0, data
    while rest:
        if members and not rest.startswith(GZIP_MAGIC):
            # Zero bytes pad gzip files written to blocks or tapes; anything else is not gzip.
            return Gunzipped(b"".join(parts), trailing=len(rest.rstrip(b"\0")))
        decompressor = zlib.decompressobj(wbits=31)
        try:
            part = decompressor.decompress(rest, MAX_GUNZIPPED_BYTES - size + 1)
        except zlib.error as error:
            if not members:
                raise Rejected(f"corrupt gzip data: {error}") from None
            return Gunzipped(b"".join(parts), f"gzip member {members + 1} is corrupt ({error})")
        size += len(part)
        if decompressor.unconsumed_tail or size > MAX_GUNZIPPED_BYTES:
            raise Rejected(f"gzip expands beyond {MAX_GUNZIPPED_BYTES // 2**20} MB")
        parts.append(part)
        members += 1
        if not decompressor.eof:
            return Gunzipped(b"".join(parts), "the stream ends before its end marker")
        rest = decompressor.unused_data
    return Gunzipped(b"".join(parts))


def read_gzip(item: InputItem) -> Iterator[RawArticle | Rejection]:
    """Decompress a gzip input and read what is inside (see the module's docstring for a cut one)."""
    from accord.ingest.readers import read_item  # the readers' dispatcher, which registers this one

    try:
        found = gunzip(item.data)
    except Rejected as error:
        yield Rejection(item.origin, str(error))
        return
    if found.data.startswith(GZIP_MAGIC):
        yield Rejection(item.origin, "nested gzip is not supported")
        return
    if found.cut is None:
        yield from read_item(InputItem(item.origin, found.data))
        if found.trailing:
            yield Rejection(item.origin, f"{found.trailing} bytes after the gzip data are not gzip "
                                         "and were not read (the gzip data before them was)")
        return
    kept = _complete_lines(found.data) if detect_format(found.data, item.origin) == "jsonl" else b""
    if not kept:
        yield Rejection(item.origin, f"truncated gzip: {found.cut}")
        return
    yield from read_item(InputItem(item.origin, kept))
    lines = sum(1 for line in kept.split(b"\n") if line.strip())
    yield Rejection(item.origin, f"truncated gzip: {found.cut}; kept the {lines} JSON lines complete "
                                 "before the cut, the rest of the input is lost")


def _complete_lines(data: bytes) -> bytes:
    """The lines that end before the cut: the last, unterminated one may be part of a line."""
    end = data.rfind(b"\n")
    kept = data[:end + 1] if end >= 0 else b""
    return kept if kept.strip() else b""
