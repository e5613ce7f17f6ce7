"""Reading the period of a figure or target: a target's deadline year, the whole year a
reported figure refers to. Its own module, so that both the store readers (load.py) and the
commitments tracker (commitments.py) use it without importing each other."""

from __future__ import annotations

import re

_YEAR = re.compile(r"(19|20)\d\d")
# Periods shorter or other than a whole year: "first 7 months of 2024", and in the codebook's
# notation a range (2024-01..2024-07), a quarter (2024-Q1), a month or a fiscal year (2023-24).
_PARTIAL_PERIOD = re.compile(r"\b(first|last|past)\s+\w+\s+(months?|quarters?|weeks?)\b|\.\.|-Q[1-4]\b"
                             r"|\b\d{4}-\d\d\b", re.I)


def deadline_of(period: str | None) -> str | None:
    """A target's deadline year: 'by 2030' -> '2030', and '2030' (the codebook's notation for a
    target's year, which extraction writes for "by 2030" too) -> '2030'; other periods give None."""
    if period and re.fullmatch(r"\s*(19|20)\d\d\s*", period):
        return period.strip()
    if period and re.match(r"\s*by\b", period, re.I):
        match = _YEAR.search(period)
        return match.group(0) if match else None
    return None


def period_year(period: str | None) -> int | None:
    """The year a reported figure refers to, when its period is a whole year ("in 2023")."""
    if not period or _PARTIAL_PERIOD.search(period):
        return None
    match = _YEAR.search(period)
    return int(match.group(0)) if match else None
