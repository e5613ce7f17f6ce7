"""Date expressions in sentences, with precision, anchored to the publication date.

dateparser reads single date strings well but misreads periods ("first 7 months
of 2024") and ranges ("December 1-2"), and cannot tell an event date from a
deadline ("by 2030"), so sentence-level date finding is done with these rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from accord.extract.records import DateValue

MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:[-–]|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
# How far before publication a date can be and still be the day the story is about: news
# reports the past week; an older date in the text is background.
ANCHOR_WINDOW = timedelta(days=7)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,\s*|\s+){_YEAR}\b", re.I)),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d{{4}})(?!\s*(?:billion|million|%|per))", re.I)),
    ("dm", re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?!,?\s*\d{{4}})", re.I)),
    ("my", re.compile(rf"\b{_MONTH}\s*,?\s+{_YEAR}\b", re.I)),
    ("mrel", re.compile(rf"\b{_MONTH}\s+(?P<which>last|this|next)\s+year\b", re.I)),
    ("m", re.compile(rf"\b(?:in|since|during|until|by|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?{_MONTH}(?![\w-])(?!\s*,?\s*\d)", re.I)),
    ("year", re.compile(rf"(?<![\d–])(?<!\d-){_YEAR}(?![\d–-]|\s*(?:MW|GW|USD|km|people|persons|students))", re.I)),
    ("same", re.compile(r"\b(?:the\s+)?same\s+(?P<unit>day|morning|afternoon|evening|night)\b|\bthat\s+(?P<unit2>day|morning|afternoon|evening)\b", re.I)),
    ("weekday", re.compile(r"\b(?P<weekday>" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b")),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tonight|this\s+(?:morning|afternoon|evening)|"
                            r"last\s+year|this\s+year|last\s+month|this\s+month|next\s+year|next\s+month|"
                            r"last\s+week|this\s+week|next\s+week)\b", re.I)),
]
_WITH_DIGITS = frozenset({"iso", "mdy", "dmy", "md", "dm", "my", "year"})
_POSSESSIVE_AFTER = re.compile(r"^\s*['’]s\b")  # "last month's elections": what, not when
_DEADLINE_BEFORE = re.compile(r"(?:\bby|\buntil|\btill|\bto|\btowards|\bthrough|\bbefore|\bvision|\bfor the period|\bperiod)\s+(?:the\s+end\s+of\s+)?$", re.I)
_PERIOD_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|past|initial)\s+(?:\w+\s+)?"
                            r"(?:months?|quarters?|half|weeks?|years?)\s+of\s+$"
                            # "the plan for 2026", "the budget for fiscal 2025": what a year is for
                            r"|\bfor\s+(?:fiscal\s+|the\s+year\s+)?$"
                            # "his first visit since 2023": when a span began, not when this happened
                            r"|\bsince\s+$", re.I)


@dataclass(frozen=True)
class DateMention:
    """A date found in a sentence: span within the sentence, value (None if unresolvable), kind.

    `kind` is "explicit" (full date or year stated), "partial" (year taken from
    context), "relative" (resolved against the publication date or the last
    explicit date), "deadline" (by 2030) or "period" (first 7 months of 2024).
    """

    start: int
    end: int
    text: str
    value: DateValue | None
    kind: str
    parenthetical: bool = False
    is_range: bool = False  # "September 10-13": the value is the first day


@dataclass
class DateContext:
    """What relative and partial dates are resolved against, updated sentence by sentence."""

    published: date | None = None
    document_year: int | None = None  # stands in for the publication year when that is unknown
    anchor: DateValue | None = None  # the last explicit recent date in the text
    anchor_is_range: bool = False  # the anchor opens a span of days (a multi-day visit)
    last_stated: DateValue | None = None  # the last date the text stated, whatever its age
    history: list[DateValue] = field(default_factory=list)

    @property
    def reference_year(self) -> int | None:
        """The year a partial date ("December 1") takes."""
        if self.anchor and self.anchor.precision in ("day", "month"):
            return self.anchor.year
        if self.published:
            return self.published.year
        return self.document_year

    def remember(self, value: DateValue, is_range: bool = False) -> None:
        """Make `value` the anchor for later relative references when it is recent."""
        self.history.append(value)
        if value.precision == "year":
            return
        self.last_stated = value
        if self.published:
            if value.iso > self.published.isoformat()[:len(value.iso)]:
                return  # a date after publication is a plan or a deadline, not where the story is
            if value.precision == "day" and date.fromisoformat(value.iso) < self.published - ANCHOR_WINDOW:
                return  # an older date is background ("the coup on Dec. 7"), not the story's day
            if value.precision == "month" and value.iso < self.published.isoformat()[:7]:
                return
        ref = self.published.year if self.published else self.document_year
        if ref is None or value.year >= ref - 1:
            self.anchor = value
            self.anchor_is_range = is_range

    @property
    def undated_anchor(self) -> DateValue | None:
        """The date an act with no date of its own takes: the anchor, or its month when the
        anchor opens a span of days (codebook: acts within a multi-day visit with no day of
        their own get YYYY-MM)."""
        if self.anchor is not None and self.anchor_is_range and self.anchor.precision == "day":
            return DateValue(self.anchor.iso[:7], "month")
        return self.anchor


def find_dates(sentence: str, context: DateContext) -> list[DateMention]:
    """Every date expression in the sentence, resolved as far as the context allows."""
    taken: list[tuple[int, int]] = []
    mentions = []
    digits = any(c.isdigit() for c in sentence)
    for kind, pattern in _PATTERNS:
        if kind in _WITH_DIGITS and not digits:
            continue  # most sentences hold no digit: six of the eleven patterns need one
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            mention = _resolve(kind, match, sentence, context)
            if mention is None:
                continue
            taken.append((match.start(), match.end()))
            mentions.append(mention)
    return sorted(mentions, key=lambda m: m.start)


def _resolve(kind: str, match: re.Match, sentence: str, context: DateContext) -> DateMention | None:
    groups = match.groupdict()
    before = sentence[max(0, match.start() - 40):match.start()]
    parenthetical = sentence[:match.start()].count("(") > sentence[:match.start()].count(")")

    day_text = groups.get("day") or ""
    is_range = bool(re.search(r"[-–]|to|and", match.group(0)[match.group(0).find(day_text):])) if day_text else False

    def mention(value: DateValue | None, how: str) -> DateMention:
        return DateMention(match.start(), match.end(), match.group(0), value, how, parenthetical,
                           is_range and how in ("explicit", "partial"))

    try:
        if kind == "iso":
            return mention(_day(int(groups["year"]), int(groups["m"]), int(groups["day"])), "explicit")
        if kind in ("mdy", "dmy"):
            return mention(_day(int(groups["year"]), MONTHS[groups["month"].lower()], int(groups["day"])),
                           "explicit")
        if kind in ("md", "dm"):
            if groups["month"].lower() == "may" and kind == "md" and not re.match(r"May\b", match.group(0)):
                return None  # the modal verb "may", not the month
            month, day = MONTHS[groups["month"].lower()], int(groups["day"])
            year = _year_for(month, day, context, sentence)
            return mention(_day(year, month, day) if year else None, "partial")
        if kind == "m":
            if not re.search(r"[A-Z]", match.group("month")[:1]):
                return None  # "in may" is not a month
            if _DEADLINE_BEFORE.search(before) or re.match(r"(?:by|until)\b", match.group(0), re.I):
                return mention(None, "deadline")
            month = MONTHS[groups["month"].lower()]
            year = _year_for(month, 1, context, sentence)
            return mention(DateValue(f"{year:04d}-{month:02d}", "month") if year else None, "partial")
        if kind == "my":
            if _DEADLINE_BEFORE.search(before):
                return mention(None, "deadline")
            return mention(DateValue(f"{int(groups['year']):04d}-{MONTHS[groups['month'].lower()]:02d}",
                                     "month"), "explicit")
        if kind == "year":
            if _DEADLINE_BEFORE.search(before):
                return mention(None, "deadline")
            if _PERIOD_BEFORE.search(before):
                return mention(None, "period")
            return mention(DateValue(groups["year"], "year"), "explicit")
        if kind == "same":  # "the same day" is the day just stated, however long ago
            return mention(context.last_stated or context.anchor, "relative")
        if kind == "weekday":
            return _weekday_mention(match, sentence, context, mention)
        if kind in ("mrel", "relative"):
            return _relative_mention(kind, match, sentence, context, mention)
    except ValueError:
        return None
    return None


def _weekday_mention(match: re.Match, sentence: str, context: DateContext,
                     mention: Callable[[DateValue | None, str], DateMention]) -> DateMention:
    """A weekday: the last such day before publication, the next one after a future verb or
    "next"/"coming", or a deadline after "by"/"until"."""
    before = sentence[max(0, match.start() - 90):match.start()]
    word = re.search(r"(\w+)\s*$", before)
    previous = word.group(1).lower() if word else ""
    if previous in ("by", "until", "till", "before"):
        return mention(None, "deadline")
    ahead = previous in ("next", "coming", "starting", "from") and _future_before(before) \
        or previous in ("next", "coming") or previous not in ("last", "since", "previous") and _future_before(before)
    return mention(_weekday(match.group("weekday").lower(), context, ahead), "relative")


def _relative_mention(kind: str, match: re.Match, sentence: str, context: DateContext,
                      mention: Callable[[DateValue | None, str], DateMention]) -> DateMention:
    """"March last year" (kind "mrel") as a month; "yesterday", "last week" and the like
    ("relative") against the anchor, or a period when a possessive follows ("last year's")."""
    if kind == "mrel":
        if not context.published:
            return mention(None, "relative")
        year = context.published.year + {"last": -1, "this": 0, "next": 1}[match.group("which").lower()]
        return mention(DateValue(f"{year:04d}-{MONTHS[match.group('month').lower()]:02d}", "month"), "relative")
    if _POSSESSIVE_AFTER.match(sentence[match.end():]):
        return mention(None, "period")
    return mention(_relative(" ".join(match.group("rel").lower().split()), context), "relative")


def _day(year: int, month: int, day: int) -> DateValue:
    return DateValue(date(year, month, day).isoformat(), "day")


_FUTURE = re.compile(r"\b(?:will|shall|next|upcoming|scheduled|is to|are to|plans? to|planned|expected to"
                     r"|due to)\b", re.I)


_REPORTING = re.compile(r"\b(?:said|says|told|announced|stated|added|noted|reported|according)\b", re.I)
_FUTURE_NEAR = re.compile(r"\b(?:will|shall|'ll|is to|are to|was to|were to|scheduled|expected to|due to|"
                          r"plans? to|planned|set to|upcoming|to be held|to hold|to meet|to visit)\b", re.I)


def _future_before(before: str) -> bool:
    """Whether the words just before a date put it in the future ("will visit Hanoi on"),
    with no reporting verb in between ("will ... , he said on" is past)."""
    found = list(_FUTURE_NEAR.finditer(before))
    return bool(found) and not _REPORTING.search(before[found[-1].end():])


def _year_for(month: int, day: int, context: DateContext, sentence: str = "") -> int | None:
    """The year of a date stated without one: that of the anchor or publication, stepping back
    a year when the date would fall more than a month after publication, unless the sentence
    speaks of the future ("will visit Accra in August")."""
    if context.published is None:
        return None  # codebook: a day and month with no year in an undated article give null
    year = context.reference_year
    if year is None:
        return None
    try:
        stated = date(year, month, day)
    except ValueError:
        return None
    future = bool(_FUTURE.search(sentence))
    if not future and stated > context.published + timedelta(days=31):
        return year - 1  # news reports the past: "in September" read in January is last September
    if future and stated < context.published - timedelta(days=31):
        return year + 1  # "will visit Beijing in April", said in November: next April
    return year


def _weekday(name: str, context: DateContext, ahead: bool = False) -> DateValue | None:
    """The latest such weekday on or before publication (news reports the past week), or,
    for an act the sentence puts in the future ("will meet on Monday", "starting Sunday"),
    the first such weekday after publication."""
    if not context.published:
        return None
    if ahead:
        delta = (WEEKDAYS.index(name) - context.published.weekday()) % 7  # today counts: "will on Tuesday"
        return DateValue((context.published + timedelta(days=delta)).isoformat(), "day")
    delta = (context.published.weekday() - WEEKDAYS.index(name)) % 7
    return DateValue((context.published - timedelta(days=delta)).isoformat(), "day")


def _relative(phrase: str, context: DateContext) -> DateValue | None:
    published = context.published
    if not published:
        return None
    offsets = {"last year": -1, "this year": 0, "next year": 1}
    if phrase in offsets:
        return DateValue(str(published.year + offsets[phrase]), "year")
    if phrase in ("today", "yesterday", "tonight") or phrase.startswith("this ") and phrase.endswith(
            ("morning", "afternoon", "evening")):
        return DateValue((published - timedelta(days=phrase == "yesterday")).isoformat(), "day")
    week_offset = {"last week": -7, "this week": 0, "next week": 7}.get(phrase)
    if week_offset is not None:  # codebook: "this week", "last week" give the month
        return DateValue((published + timedelta(days=week_offset)).isoformat()[:7], "month")
    month_offset = {"last month": -1, "this month": 0, "next month": 1}[phrase]
    index = published.year * 12 + published.month - 1 + month_offset
    return DateValue(f"{index // 12:04d}-{index % 12 + 1:02d}", "month")


def infer_document_year(text: str) -> int | None:
    """The latest year the text states as a past date (not a deadline or a validity period).

    Used only when the publication date is unknown, so that "September 10-13"
    in an article that otherwise speaks of 2024 takes that year.
    """
    context = DateContext()
    # Only dates stated to the month or day count: a bare year ("for 2026") is too often a
    # plan or a period to stand in for the publication year.
    years = [m.value.year for m in find_dates(text, context)
             if m.value and m.kind == "explicit" and m.value.precision in ("day", "month")]
    return max(years) if years else None
