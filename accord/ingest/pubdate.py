"""Publication dates: from metadata first, else from the head of the text; never guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

import dateparser

from accord.models import PublishedDate

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december"
          "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_ISO = r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))"
_NUMERIC = r"(?P<num>(?P<n1>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<ny>\d{4}))"
_WRITTEN = (rf"(?P<written>(?:(?P<wm1>{MONTHS})\.?\s+(?P<wd1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<wy1>\d{{4}})"
            rf"|(?P<wd2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<wm2>{MONTHS})\.?,?\s+(?P<wy2>\d{{4}})))")
_ANY_DATE = rf"(?:{_ISO}|{_NUMERIC}|{_WRITTEN})"
_LABELLED = re.compile(
    rf"(?:^|[\s|(\[])(?:published|posted|updated|date|dated|ngày|đăng)\s*(?:on|at)?\s*[:\-]?\s*{_ANY_DATE}",
    re.IGNORECASE)
# "HANOI, Dec 1, 2025 -", also with another calendar's date before it and the agency after it
# ("Cairo, Rabi Al-Akhir 13, 1446, October 16, 2024, SPA --").
_DATELINE = re.compile(rf"^[A-Z][\w.' -]{{1,40}},\s*(?:[^,\n]{{1,30}},\s*){{0,2}}?{_ANY_DATE}"
                       rf"(?:,\s*[A-Z][\w.&' ]{{1,20}})?\s*[-—–(:]", re.IGNORECASE)
_BARE = re.compile(rf"(?<!\d){_ANY_DATE}(?!\d)", re.IGNORECASE)
_MONTH_NUMBER = {name: index % 12 + 1 for index, name in enumerate(MONTHS.split("|")[:12])}
_MONTH_NUMBER.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                      "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})

HEAD_LINES = 8
SHORT_LINE = 80
_VIETNAMESE = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
_MONTH_FIRST_TLDS = (".us",)


@dataclass(frozen=True)
class DateHints:
    """What tells how to read an ambiguous numeric date such as 01/12/2025.

    `day_first` is True or False when known, None when nothing implies an order.
    """

    day_first: bool | None = None


def infer_hints(text: str, url: str | None, language: str | None) -> DateHints:
    """Day-first when the language or the outlet's country implies it; unknown otherwise."""
    if url and _host(url).endswith(_MONTH_FIRST_TLDS):
        return DateHints(day_first=False)
    if language and not language.lower().startswith("en"):
        return DateHints(day_first=True)
    if any(ch in _VIETNAMESE for ch in text[:5000].lower()):
        return DateHints(day_first=True)
    host = _host(url) if url else ""
    if re.search(r"\.(vn|la|kh|th|uk|au|in|fr|de|sg|my|id|ph|nz|za|ke|ng)$", host):
        return DateHints(day_first=True)
    return DateHints(day_first=None)


def _host(url: str) -> str:
    match = re.match(r"^[a-z]+://([^/:?#]+)", url.strip(), re.IGNORECASE)
    return match.group(1).lower() if match else ""


def resolve_published(stated: str | None, text: str, hints: DateHints) -> PublishedDate:
    """The publication date: metadata if it parses, else a dateline or labelled date in the text."""
    notes = []
    if stated:
        parsed = parse_stated_date(stated, hints)
        if parsed:
            return PublishedDate(parsed, "metadata")
        notes.append(f"stated date {stated[:40]!r} is not a date")
    found = find_date_in_text(text, hints)
    if isinstance(found, date):
        return PublishedDate(found, "text")
    notes.append(found or "no publication date in metadata or text")
    return PublishedDate(None, None, "; ".join(notes))


def parse_stated_date(value: str, hints: DateHints = DateHints()) -> date | None:
    """Parse a metadata date (ISO 8601, RFC 2822 or written forms); None when it is not one."""
    value = value.strip()
    if not value or len(value) > 64:
        return None
    match = re.fullmatch(rf"\s*{_ANY_DATE}\s*(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*", value,
                         re.IGNORECASE)
    if match:
        found = _date_from_match(match, hints)
        return found if isinstance(found, date) else None
    try:
        return _plausible(parsedate_to_datetime(value).date())
    except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: year 2222222024
        pass
    if not re.search(r"\d{4}", value):
        return None
    parsed = dateparser.parse(value, languages=["en"], settings={
        "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
        "DATE_ORDER": "MDY" if hints.day_first is False else "DMY"})
    return _plausible(parsed.date()) if parsed else None


def find_date_in_text(text: str, hints: DateHints) -> date | str | None:
    """A publication date stated at the head of the text, or a note on why none was taken.

    Only dates in a position that marks publication count: labelled ("Published:",
    "date"), a dateline ("HANOI, Dec 1, 2025 -"), or alone on a short line (a clock time
    and zone beside it, or in a field of its own: "Source: X | 2025-12-01 20:41 | Editor:
    Y"). Dates inside long sentences are events, not publication dates.
    """
    note = None
    for line in [line for line in text.splitlines() if line.strip()][:HEAD_LINES]:
        line = line.strip()
        for pattern in (_LABELLED, _DATELINE, _BARE if len(line) <= SHORT_LINE else None):
            if pattern is None:
                continue
            match = pattern.search(line)
            if match and pattern is _BARE and not _date_stands_alone(line, match):
                continue
            if match:
                found = _date_from_match(match, hints)
                if isinstance(found, date):
                    return found
                note = note or found
    return note


MAX_WORDS_BESIDE_DATE = 6
_PREPOSITION_BEFORE = re.compile(r"\b(since|on|in|from|until|till|to|after|before|by|of|at|during)\s*$",
                                 re.IGNORECASE)


# A clock time and its zone beside the date are part of the timestamp, not words around it
# ("November 28, 2024 3:52 PM GMT+5", "2024-12-10 20:41:37").
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
                    r"|\s*\b[A-Z]{2,4}T\b)?", re.IGNORECASE)


def _date_stands_alone(line: str, match: re.Match) -> bool:
    """A bare date marks publication only beside a few words (an outlet name, a byline, an
    "Updated" note), not as part of a headline's phrase ("... since December 2, 1975"). In a
    line of fields ("Source: Xinhua | 2024-12-10 20:41:37 | Editor: ..."), the date's own
    field is what counts."""
    before, after = line[:match.start()], line[match.end():]
    if "|" in before or "|" in after:
        before, after = before.rsplit("|", 1)[-1], after.split("|", 1)[0]
    rest = _CLOCK.sub(" ", before + " " + after)
    return len(re.findall(r"\w+", rest)) <= MAX_WORDS_BESIDE_DATE and \
        not _PREPOSITION_BEFORE.search(before)


def _date_from_match(match: re.Match, hints: DateHints) -> date | str | None:
    groups = match.groupdict()
    try:
        if groups.get("iso"):
            return _plausible(date(int(groups["iy"]), int(groups["im"]), int(groups["id"])))
        if groups.get("written"):
            month = groups.get("wm1") or groups.get("wm2")
            day = groups.get("wd1") or groups.get("wd2")
            year = groups.get("wy1") or groups.get("wy2")
            return _plausible(date(int(year), _MONTH_NUMBER[month.lower()], int(day)))
        if groups.get("num"):
            return _numeric_date(int(groups["n1"]), int(groups["n2"]), int(groups["ny"]), hints)
    except ValueError:
        return None
    return None


def _numeric_date(first: int, second: int, year: int, hints: DateHints) -> date | str | None:
    if first > 12 >= second:
        day_first = True
    elif second > 12 >= first:
        day_first = False
    elif first == second:
        day_first = True
    elif hints.day_first is None:
        return f"ambiguous numeric date {first:02d}/{second:02d}/{year}: day/month order unknown"
    else:
        day_first = hints.day_first
    day, month = (first, second) if day_first else (second, first)
    return _plausible(date(year, month, day))


def _plausible(value: date) -> date | None:
    """Reject dates no news article can carry (before 1800 or more than a year ahead)."""
    if 1800 <= value.year <= datetime.now().year + 1:
        return value
    return None
