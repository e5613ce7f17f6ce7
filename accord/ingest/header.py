"""The optional `Key: value` header block at the top of a plain-text article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADER_KEYS = ("url", "title", "published", "source", "language")
_FIELD = re.compile(r"^\s*([A-Za-z][A-Za-z_-]{0,30})\s*:\s?(.*?)\s*$")
_CLOSER = re.compile(r"^\s*---+\s*$")
_MAX_HEADER_LINES = 40


@dataclass(frozen=True)
class HeaderBlock:
    """Header fields (lower-cased keys) and the text that follows the block."""

    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""

    def get(self, key: str) -> str | None:
        """The value of `key`, or None when it is missing or blank."""
        value = self.fields.get(key, "").strip()
        return value or None


def parse_header_block(text: str) -> HeaderBlock:
    """Split `text` into its header block and body.

    A header block is a run of `Key: value` lines at the very top (blank lines
    allowed), closed by a line of `---`, holding at least one known key
    (URL, TITLE, PUBLISHED, SOURCE, LANGUAGE; case-insensitive). Anything else
    means there is no header, and the whole text is the body.
    """
    lines = text.splitlines(keepends=True)
    fields: dict[str, str] = {}
    for index, line in enumerate(lines[: _MAX_HEADER_LINES + 1]):
        if _CLOSER.match(line):
            if not any(key in fields for key in HEADER_KEYS):
                break
            return HeaderBlock(fields, "".join(lines[index + 1:]))
        if not line.strip():
            continue
        match = _FIELD.match(line)
        if not match:
            break
        fields.setdefault(match.group(1).lower(), match.group(2))
    return HeaderBlock({}, text)
