"""WARC and WARC.gz archives: every HTML response record becomes an article."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from accord.errors import Rejected
from accord.ingest.decode import decode_bytes
from accord.ingest.readers.html import article_from_html
from accord.models import InputItem, RawArticle, Rejection

# warcio logs each malformed header it repairs; accord reports rejections itself.
logging.getLogger("warcio").setLevel(logging.CRITICAL)


def read_warc(item: InputItem) -> Iterator[RawArticle | Rejection]:
    """Read the HTML responses of a WARC; a truncated archive keeps the records before the break."""
    found = 0
    position = 0
    records = ArchiveIterator(io.BytesIO(item.data))
    try:
        for position, record in enumerate(records, start=1):
            origin = f"{item.origin}#{position}"
            if not _is_html_response(record):
                if _missing_bytes(record):
                    yield Rejection(origin, _truncated(record))
                continue
            found += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                content = record.content_stream().read()
                if _missing_bytes(record):
                    raise Rejected(_truncated(record))
                html = decode_bytes(content)
                yield article_from_html(html, origin, url=url, fmt="warc")
            except Rejected as error:
                yield Rejection(origin, f"{url or 'record'}: {error}")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as error:
        # warcio raises AttributeError reading the content of some records cut in their headers.
        yield Rejection(item.origin, f"truncated or corrupt WARC after record {position}: "
                                     f"{type(error).__name__}: {' '.join(str(error).split())[:120]}")
        return
    if records.offset < len(item.data):
        # A record cut inside its header (or a cut gzip member) ends iteration silently.
        yield Rejection(item.origin, f"truncated or corrupt WARC after record {position}: "
                                     f"{len(item.data) - records.offset} bytes left unread")
        return
    if not found:
        yield Rejection(item.origin, "WARC holds no HTML response records")


def _missing_bytes(record) -> int:
    """How many bytes of the record's declared Content-Length the archive lacks (read to its end)."""
    while record.raw_stream.read(65536):
        pass
    return max(0, getattr(record.raw_stream, "limit", 0))


def _truncated(record) -> str:
    return (f"truncated WARC record: {_missing_bytes(record)} of its {record.length} bytes "
            "missing")


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return "html" in content_type.lower()
