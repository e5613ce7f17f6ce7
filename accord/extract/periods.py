"""The period a figure refers to, in the codebook's notation.

A year is `2023`, a fiscal year `2007-08`, a quarter `2024-Q1`, a range `2022-01..2022-11`
(months) or `2000..2024` (years; "the 2024-2029 period" is kept as written), a month `2022-03`.
Relative periods are resolved against the publication date when it is known ("last year" in
an article of 2019 is `2018`) and otherwise kept as a short phrase ("last year", "so far",
"over the next 10 years"). `assign_periods` then gives each figure the period phrase that
belongs to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from accord.extract.dates import MONTHS
from accord.extract.numbers import WORD_VALUES

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19|20)\d\d"
_COUNT = r"(?:\d{1,2}|" + "|".join(sorted(WORD_VALUES, key=len, reverse=True)) + r")"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_RELATIVE_YEAR = r"(?:this|last|next|the\s+current|the\s+previous|the\s+past)\s+year"


@dataclass(frozen=True)
class Period:
    """A period phrase in a sentence: span, normalised value, and what it says about time."""

    start: int
    end: int
    value: str
    deadline: bool = False  # "by 2030", "through 2025": a figure aimed for
    forward: bool = False   # "over the next 10 years", "in the coming years", a future year
    past: bool = False      # "so far", "to date", "last year", "at present": a figure reached


def _year_of(text: str, published: date | None) -> int | None:
    """'2023' -> 2023; 'this year' / 'last year' / 'next year' against the publication date."""
    text = " ".join(text.lower().split())
    if re.fullmatch(_YEAR, text):
        return int(text)
    if published is None:
        return None
    offsets = {"this year": 0, "the current year": 0, "last year": -1, "the previous year": -1,
               "the past year": -1, "next year": 1}
    return published.year + offsets[text] if text in offsets else None


def _count(text: str) -> int:
    return int(text) if text.isdigit() else WORD_VALUES[text.lower()]


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


# Each rule: a pattern and a function from the match (and publication date) to a Period value, or
# None when the phrase cannot be normalised (then the phrase itself is kept).
_RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"\b(?:from|between)\s+(?P<m1>{_MONTH})\s+(?P<y1>{_YEAR})\s+(?:to|and|until|till|through)"
                rf"\s+(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})\b", re.I), "month_range"),
    (re.compile(rf"\b(?:(?:from|between)\s+)?(?P<m1>{_MONTH})\s*(?:-|–|to|and|until|through)\s*"
                rf"(?P<m2>{_MONTH})\s*,?\s+(?P<y2>{_YEAR})\b", re.I), "month_range"),
    (re.compile(rf"\b(?:the\s+)?(?P<which>first|last|past)\s+(?P<n>{_COUNT})\s+months\s+of\s+"
                rf"(?P<y>{_YEAR}|{_RELATIVE_YEAR})\b", re.I), "months"),
    (re.compile(rf"\b(?:the\s+)?(?P<which>first|second)\s+half\s+of\s+(?P<y>{_YEAR}|{_RELATIVE_YEAR})\b"
                rf"|\bH(?P<h>[12])\s+(?:of\s+)?(?P<y2>{_YEAR})\b", re.I), "half"),
    (re.compile(rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+"
                rf"(?P<y>{_YEAR}|{_RELATIVE_YEAR})\b|\bQ(?P<q2>[1-4])\s*(?:of\s+)?(?P<y2>{_YEAR})\b"
                rf"|\b(?P<y3>{_YEAR})\s*-?Q(?P<q3>[1-4])\b", re.I), "quarter"),
    (re.compile(rf"\b(?:(?:the\s+)?(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)(?P<y>{_YEAR})\s*[-–/]\s*"
                rf"(?P<y2>\d\d(?:\d\d)?)\b|\b(?:the\s+)?(?P<y3>{_YEAR})\s*[-–/]\s*(?P<y4>\d\d)\b"
                rf"(?:\s+(?:fiscal|financial)(?:\s+year)?)?", re.I), "fiscal"),
    (re.compile(rf"\b(?:in\s+)?(?:the\s+)?(?P<y>{_YEAR})\s+(?:fiscal|financial)\s+year\b"
                rf"|\b(?:in\s+)?(?:the\s+)?(?:fiscal|financial)\s+(?:year\s+)?(?P<y2>{_YEAR})\b"
                rf"|\bFY\s?(?P<y3>{_YEAR})\b", re.I), "fiscal_year"),
    (re.compile(rf"\b(?:from|between)\s+(?P<y1>{_YEAR})\s+(?:to|and|until|till|through)\s+(?P<y2>{_YEAR})\b",
                re.I), "year_range"),
    (re.compile(rf"\b(?:the\s+)?(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>{_YEAR})\b(?:\s+period\b)?", re.I), "year_span"),
    (re.compile(rf"\b(?P<prep>in|during|for|by|until|till|through|since)?\s*(?:the\s+end\s+of\s+)?"
                rf"(?P<m>{_MONTH})\s*,?\s+(?P<y>{_YEAR})\b", re.I), "month"),
    (re.compile(rf"\b(?P<prep>in|during|for|of|throughout|by|until|till|through|before|from|since"
                rf"|in\s+the\s+year)\s+(?:the\s+end\s+of\s+|end-)?(?P<y>{_YEAR})\b(?![-–]\d)", re.I), "year"),
    (re.compile(rf"\b(?P<prep>by|until|through)?\s*(?:the\s+end\s+of\s+)?(?P<y>{_RELATIVE_YEAR})(?:\s+alone)?\b",
                re.I), "relative_year"),
    (re.compile(r"\b(?:over|in|during|within|for)\s+the\s+(?:next|coming)\s+(?:\w+\s+)?"
                r"(?:years?|decades?|months?)\b"
                r"|\bover\s+(?:the\s+)?(?:\w+\s+)?(?:years?|decades?)\b(?!\s+ago)"
                r"|\bwithin\s+(?:\w+\s+)?(?:years?|months?)\b"
                r"|\bin\s+the\s+(?:near|coming|foreseeable)\s+(?:future|time|years?)\b"
                r"|\bin\s+the\s+coming\s+time\b", re.I), "forward_phrase"),
    (re.compile(r"\b(?:during|over|in|for)?\s*the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|decades?|months?)\b"
                r"|\b(?:so\s+far|to\s+date|till\s+date|thus\s+far|up\s+to\s+now|at\s+present|cumulatively)\b",
                re.I), "past_phrase"),
    (re.compile(r"\b(?:each|every|a|per)\s+year\b(?![-\w])|\bannually\b|\bper\s+annum\b|\byearly\b|\bannual\b",
                re.I),
     "annual"),
]


def find_periods(sentence: str, published: date | None = None) -> list[Period]:
    """Every period phrase in the sentence, normalised, longest first where phrases overlap."""
    found: list[Period] = []
    for pattern, kind in _RULES:
        for match in pattern.finditer(sentence):
            start, end = match.start(), match.end()
            while start < end and sentence[start].isspace():
                start += 1
            if start >= end or any(start < p.end and p.start < end for p in found):
                continue
            period = _normalise(kind, match, sentence[start:end], published)
            if period is not None:
                found.append(Period(start, end, *period))
    return sorted(found, key=lambda p: p.start)


def _normalise(kind: str, match: re.Match, text: str,
               published: date | None) -> tuple[str, bool, bool, bool] | None:
    """(value, deadline, forward, past) for a matched phrase."""
    groups = match.groupdict()
    phrase = " ".join(re.sub(r"^(?:during|in|for)\s+(?:the\s+)?|^the\s+", "", text.lower()).split())
    if kind == "month_range":
        y2 = int(groups["y2"])
        y1 = int(groups["y1"]) if groups.get("y1") else y2
        return f"{y1}-{_month(groups['m1']):02d}..{y2}-{_month(groups['m2']):02d}", False, False, True
    if kind in ("months", "half", "quarter"):
        return _part_of_year(kind, groups, phrase, published)
    if kind == "fiscal":
        first = groups.get("y") or groups.get("y3")
        second = groups.get("y2") or groups.get("y4")
        if int(second[-2:]) != (int(first) + 1) % 100:
            return None  # "2019-22" is no fiscal year
        return f"{first}-{second[-2:]}", False, False, False
    if kind == "fiscal_year":
        return f"fiscal year {groups.get('y') or groups.get('y2') or groups.get('y3')}", False, False, False
    if kind == "year_range":
        return f"{groups['y1']}..{groups['y2']}", False, False, False
    if kind == "year_span":
        if int(groups["y2"]) <= int(groups["y1"]):
            return None
        return f"{groups['y1']}-{groups['y2']}", False, False, False
    if kind == "month":
        prep = (groups.get("prep") or "").lower()
        if prep == "since":
            return phrase, False, False, True
        return (f"{groups['y']}-{_month(groups['m']):02d}", prep in ("by", "until", "till", "through"),
                False, False)
    if kind in ("year", "relative_year"):
        return _year_period(groups, text, phrase, published)
    if kind == "forward_phrase":
        return phrase, False, True, False
    if kind == "past_phrase":
        return phrase, False, False, True
    return phrase, False, False, False  # annual


def _part_of_year(kind: str, groups: dict, phrase: str,
                  published: date | None) -> tuple[str, bool, bool, bool] | None:
    """The first or last months, a half or a quarter of a year, as a range or `YYYY-Qn`."""
    year = _year_of(groups.get("y") or groups.get("y2") or groups.get("y3") or "", published)
    if year is None:
        return phrase, False, False, True
    if kind == "months":
        n = _count(groups["n"])
        if not 1 <= n <= 12:
            return None
        first, last = (1, n) if groups["which"].lower() == "first" else (13 - n, 12)
        return f"{year}-{first:02d}..{year}-{last:02d}", False, False, True
    if kind == "half":
        second = (groups.get("which") or "").lower() == "second" or groups.get("h") == "2"
        return (f"{year}-07..{year}-12" if second else f"{year}-01..{year}-06"), False, False, True
    quarter = _ORDINALS.get((groups.get("q") or "").lower()) or int(groups.get("q2") or groups.get("q3"))
    return f"{year}-Q{quarter}", False, False, True


def _year_period(groups: dict, text: str, phrase: str,
                 published: date | None) -> tuple[str, bool, bool, bool]:
    """A year ("in 2023", "by 2030", "last year"): forward or past against the publication
    year, a deadline after "by"/"until"/"end", the phrase itself after "since"/"from"."""
    prep = " ".join((groups.get("prep") or "").lower().split())
    if prep in ("since", "from"):
        return phrase, False, prep == "from", prep == "since"
    year = _year_of(groups["y"], published)
    lowered = text.lower()
    deadline = prep in ("by", "until", "till", "through", "before") or "end" in lowered
    past = "last" in lowered or "previous" in lowered or "past" in lowered
    forward = "next" in lowered
    if year is None:
        return phrase, deadline, forward, past
    if published is not None:
        forward = forward or year > published.year
        past = past or year < published.year
    return str(year), deadline, forward, past


def assign_periods(spans: list[tuple[int, int]], periods: list[Period],
                   sentence: str = "") -> list[Period | None]:
    """The period of each figure span (in sentence order).

    A period phrase set off at the head of a clause ("In 2019, ...", ", in the first 5 months
    of 2022, the turnover reached ...") belongs to the figure after it. Any other phrase belongs
    to the nearer of the figures right before and right after it ("$5 billion in 2023 and $6
    billion in 2024"; "exports in 2021 reached $3 billion"). A figure with no phrase of its own
    takes the nearest phrase leading a clause on its left ("In 2023, X was 15 percent of 390
    billion yen"), else the nearest on its right ("26.1 percent, and 15.7 percent in 2023"), but
    not across "but", "while" or "of which".
    """
    own: dict[int, Period] = {}
    bound: set[int] = set()     # periods that belong to some figure
    trailing: set[int] = set()  # periods bound to the figure before them
    for period in periods:
        before = [i for i, (s, e) in enumerate(spans) if e <= period.start]
        after = [i for i, (s, e) in enumerate(spans) if s >= period.end]
        gap_before = period.start - spans[before[-1]][1] if before else None
        gap_after = spans[after[0]][0] - period.end if after else None
        choice = None
        # A phrase never reaches a figure across a new clause ("3,000 students are enrolled, and
        # the two established ties in 1960").
        if before and _CLAUSE_BREAK.search(sentence, spans[before[-1]][1], period.start):
            gap_before = None
        if after and _CLAUSE_BREAK.search(sentence, period.end, spans[after[0]][0]):
            gap_after = None
        if after and _fronted(sentence, period):
            choice = after[0]
        elif gap_before is not None and gap_before <= 150 and (gap_after is None or gap_before <= gap_after):
            choice = before[-1]
        elif gap_after is not None and gap_after <= 150:
            choice = after[0]
        if choice is not None:
            bound.add(id(period))
            if spans[choice][1] <= period.start:
                trailing.add(id(period))
            current = own.get(choice)
            if current is None or _distance(spans[choice], period) < _distance(spans[choice], current):
                own[choice] = period
    result: list[Period | None] = []
    for index, (start, end) in enumerate(spans):
        if index in own:
            result.append(own[index])
            continue
        # Only phrases that belong to a figure spread to their neighbours. One that leads its
        # clause spreads forward; one that trails a figure spreads forward only within its clause
        # ("1,150 projects in 2023 with a total of €6.8 million", not "received $300 million last
        # year, seeks another $500 million"), and back to a parallel figure ("26.1 percent, and
        # 15.7 percent in 2023").
        left = [p for p in periods if p.end <= start and id(p) in bound
                and not _CONTRAST.search(sentence, p.end, start)
                and (id(p) not in trailing or not re.search(r"[,;]", sentence[p.end:start]))]
        right = [p for p in periods if p.start >= end and id(p) in bound
                 and not _CONTRAST.search(sentence, end, p.start)]
        result.append(left[-1] if left else right[0] if right else None)
    return result


_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|while|but|whereas|which|who)\b|\b(?:while|whereas|but)\b", re.I)
_CONTRAST = re.compile(r"\b(?:but|while|whereas|although|though|however|of\s+which|including)\b|;", re.I)
_CLAUSE_HEAD = re.compile(r"(?:^|[,;:]|\b(?:and|while|but|whereas)|—|–)\s*"
                          r"(?:(?:in|during|for|over|from|between|by|since|throughout)\s+)?(?:the\s+)?$", re.I)


def _fronted(sentence: str, period: Period) -> bool:
    """'In 2021, some 5,000 nurses ...': a phrase at the head of a clause, set off by a comma."""
    return bool(sentence) and re.match(r"\s*,", sentence[period.end:]) is not None and \
        _CLAUSE_HEAD.search(sentence, 0, period.start) is not None


def _distance(span: tuple[int, int], period: Period) -> int:
    return max(period.start - span[1], span[0] - period.end, 0)
