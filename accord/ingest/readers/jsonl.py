"""JSON Lines: one article object per line, with `text` or `html`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from accord.errors import Rejected
from accord.ingest.decode import decode_bytes
from accord.ingest.readers.html import article_from_html
from accord.models import InputItem, RawArticle, Rejection

_META_KEYS = ("url", "title", "published", "source", "language")
# JSON may escape lone UTF-16 surrogates ("\ud800"); no UTF-8 text (nor SQLite) can hold them.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def read_jsonl(item: InputItem) -> Iterator[RawArticle | Rejection]:
    """Read every good line; each broken line is rejected with its line number."""
    try:
        text = decode_bytes(item.data)
    except Rejected as error:
        yield Rejection(item.origin, str(error))
        return
    # Split on newlines only: str.splitlines() also breaks at U+2028 and other separators
    # that JSON allows unescaped inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{item.origin}:{number}"
        try:
            yield article_from_json_line(line, origin)
        except Rejected as error:
            yield Rejection(origin, f"line {number}: {error}")


def article_from_json_line(line: str, origin: str) -> RawArticle:
    """Turn one JSON Lines record into an article."""
    try:
        record = json.loads(line)
    except ValueError as error:
        raise Rejected(f"invalid JSON ({error})") from None
    except RecursionError:
        raise Rejected("invalid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise Rejected(f"expected a JSON object, found {type(record).__name__}")
    record = {key: _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value
              for key, value in record.items()}
    meta = {key: _as_text(record.get(key)) for key in _META_KEYS}
    if isinstance(record.get("text"), str) and record["text"].strip():
        return RawArticle(origin=origin, format="jsonl", text=record["text"], **meta)
    if isinstance(record.get("html"), str) and record["html"].strip():
        article = article_from_html(record["html"], origin, url=meta["url"], fmt="jsonl")
        overrides = {key: value for key, value in meta.items() if value}
        return RawArticle(**{**article.__dict__, **overrides})
    raise Rejected("no non-empty 'text' or 'html' field")


def _as_text(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value).strip() or None
