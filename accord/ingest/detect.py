"""Recognise an input's format from its content, with the file name only as a tie-breaker."""

from __future__ import annotations

import json
import re

GZIP_MAGIC = b"\x1f\x8b"
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_MARK = re.compile(rb"<(!doctype html|html|head|body|article|div|p)[\s>/]", re.IGNORECASE)
# What may stand before a feed's root element: the XML declaration, comments, processing
# instructions and a DOCTYPE whose internal subset (where entities are declared) can be long.
_XML_PROLOG = re.compile(rb"(?:\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>))*\s*",
                         re.IGNORECASE | re.DOTALL)


def detect_format(data: bytes, origin: str = "") -> str:
    """Return one of 'gzip', 'warc', 'feed', 'html', 'jsonl' or 'text' for the content."""
    if data.startswith(GZIP_MAGIC):
        return "gzip"
    head = _strip_bom(data[:4096]).lstrip()
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"<"):
        if _FEED_ROOT.search(head[:2048]) or _feed_after_prolog(data):
            return "feed"
        if _HTML_MARK.search(head):
            return "html"
    if head.startswith(b"{") and _first_line_is_object(data):
        return "jsonl"
    if head.startswith(b"<") and _HTML_MARK.search(data[:65536]):
        return "html"
    lowered = origin.lower()
    if lowered.endswith((".html", ".htm")) and _HTML_MARK.search(data[:65536]):
        return "html"
    return "text"


def _feed_after_prolog(data: bytes) -> bool:
    """A feed root element after a prolog too long for the head (a DTD declaring entities)."""
    body = _strip_bom(data[:1 << 20]).lstrip()
    return _FEED_ROOT.match(body, _XML_PROLOG.match(body).end()) is not None


def _strip_bom(data: bytes) -> bytes:
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def _first_line_is_object(data: bytes) -> bool:
    """JSON Lines if the first non-blank line (or the first of several '{' lines) is an object."""
    lines = [line for line in _strip_bom(data).splitlines()[:20] if line.strip()]
    if not lines:
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except ValueError:
        # A broken first line still means JSON Lines when the next lines are objects.
        return sum(line.lstrip().startswith(b"{") for line in lines) >= 2
