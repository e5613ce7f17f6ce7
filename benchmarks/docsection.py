"""Write a report into its marked section of a document (`<!-- name:begin -->` ... `<!-- name:end -->`),
so a benchmark run can refresh its table in docs/ without touching the text around it."""

from __future__ import annotations

import sys
from pathlib import Path


def replace_section(doc: Path, begin: str, end: str, section: str) -> None:
    """Replace everything from `begin` to `end` (markers included) in `doc` by `section`."""
    text = doc.read_text()
    start, stop = text.index(begin), text.index(end) + len(end)
    doc.write_text(text[:start] + section + text[stop:])
    print(f"written to {doc}", file=sys.stderr)
