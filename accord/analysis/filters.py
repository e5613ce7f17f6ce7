"""Checking the filters a user gives (a pair of ISO3 codes, an event type, a quantity kind,
a date) against the codebook, so that a typo is an error naming what is valid rather than a
silent empty or wrong answer. Each check returns the value to use or raises ValueError with
a message meant for the user."""

from __future__ import annotations

import difflib
import re
from datetime import date

from accord.extract.event_types import type_names
from accord.extract.facts import QUANTITY_KINDS
from accord.extract.gazetteer import country_names
from accord.store.records import normalise_pair

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def check_pair(pair: str | None) -> str | None:
    """A pair as its store key ("LAO-VNM"), or ValueError: malformed, or a code that is no
    country of the gazetteer (with the closest codes and names as suggestions)."""
    key = normalise_pair(pair)
    if key is None:
        return None
    known = country_names()
    for code in key.split("-"):
        if code not in known:
            raise ValueError(f"unknown ISO3 code {code!r} in {pair!r}{_suggest_codes(code, known)}")
    return key


def _suggest_codes(code: str, known: dict[str, str]) -> str:
    """'; did you mean LAO (Laos), LBN (Lebanon)?', or a pointer to the code list when nothing
    is close. Codes sharing the typed code's first letters come first ("LAX": LAO before LUX)."""
    def rank(iso: str) -> tuple[int, float]:
        prefix = next((i for i, (a, b) in enumerate(zip(iso, code)) if a != b), 3)
        return prefix, difflib.SequenceMatcher(None, iso, code).ratio()

    close = sorted((iso for iso in known if rank(iso)[0] >= 2 or rank(iso)[1] >= 0.6),
                   key=lambda iso: tuple(-r for r in rank(iso)) + (iso,))[:4]
    if not close:
        return "; codes are ISO 3166-1 alpha-3, e.g. VNM, LAO, CHN"
    return "; did you mean " + ", ".join(f"{iso} ({known[iso]})" for iso in close) + "?"


def check_event_type(kind: str | None) -> str | None:
    """An event type of the codebook, or ValueError listing every valid one."""
    return _check_name(kind, type_names(), "event type")


def check_quantity(kind: str | None) -> str | None:
    """A quantity kind facts can have, or ValueError listing every valid one."""
    return _check_name(kind, QUANTITY_KINDS, "quantity kind")


def _check_name(value: str | None, valid, what: str) -> str | None:
    if value is None or value in valid:
        return value
    close = difflib.get_close_matches(value, valid, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise ValueError(f"unknown {what} {value!r}{hint}; valid: {', '.join(valid)}")


def check_date(value: str | None) -> str | None:
    """A date filter as YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day, or
    ValueError naming the valid forms."""
    if value is None:
        return None
    match = _DATE.fullmatch(value.strip())
    if match:
        year, month, day = (int(part) if part else 1 for part in match.groups())
        try:
            date(year, month, day)
            return value.strip()
        except ValueError:
            pass
    raise ValueError(f"invalid date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD with a real "
                     "month and day, e.g. 2025, 2025-12 or 2025-12-01")


def check_period(date_from: str | None, date_to: str | None) -> None:
    """ValueError when the period ends before it starts (it could only match nothing)."""
    if date_from and date_to and date_to < date_from[:len(date_to)]:
        raise ValueError(f"the period ends ({date_to}) before it starts ({date_from})")
