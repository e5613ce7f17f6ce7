"""WARC and WARC.gz archives: every HTML response record becomes an article."""

from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from accord.errors import Rejected
from accord.ingest.decode import decode_bytes
from accord.ingest.readers.html import article_from_html
from accord.models import InputItem, RawArticle, Rejection


def read_warc(item: InputItem) -> Iterator[RawArticle | Rejection]:
    """Read the HTML responses of a WARC; a truncated archive keeps the records before the break."""
    found = 0
    position = 0
    try:
        for position, record in enumerate(ArchiveIterator(io.BytesIO(item.data)), start=1):
            if not _is_html_response(record):
                continue
            found += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            origin = f"{item.origin}#{position}"
            try:
                html = decode_bytes(record.content_stream().read())
                yield article_from_html(html, origin, url=url, fmt="warc")
            except Rejected as error:
                yield Rejection(origin, f"{url or 'record'}: {error}")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
        yield Rejection(item.origin, f"truncated or corrupt WARC after record {position}: "
                                     f"{type(error).__name__}: {str(error)[:120]}")
        return
    if not found:
        yield Rejection(item.origin, "WARC holds no HTML response records")


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return "html" in content_type.lower()
