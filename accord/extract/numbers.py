"""Numbers as news writes them: digits with separators, scale words, ranges, and numbers in words.

`find_numbers` reads every number in a text with the scale word that follows it ("5.5 billion",
"3.4-billion", "700million", "HUF 12 bln", "one billion") and a range's upper bound
("1.1-1.2 billion" shares the scale). What the number measures (a currency, a unit, a percent)
is left to money.py and units.py, which look at the words around each number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SCALES = {"trillion": 1e12, "tn": 1e12, "trn": 1e12, "billion": 1e9, "bn": 1e9, "bln": 1e9,
          "million": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "thousand": 1e3, "crore": 1e7,
          "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5,
          # One letter reads as a scale only next to a currency ("$5m", "US$2b", "C$50k"): after
          # a bare number "5 m" is five metres and "4 b" a list item.
          "b": 1e9, "m": 1e6, "k": 1e3}
LETTER_SCALES = frozenset({"b", "m", "k"})

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {**{w: i for i, w in enumerate(_UNITS)}, **{w: 20 + 10 * i for i, w in enumerate(_TENS)}}

_SCALE_WORD = (r"(?i:trillion|billion|million|thousand|crores?|lakhs?|lacs?|tn|trn|bn|bln|mn|mln|mio|cr"
               r"|[bmk])(?![A-Za-z])")
# Digits: thousands separators ("14,000"), a decimal point, or a decimal comma before a scale
# word ("R12,4 billion", South African style; "1,250" with three digits stays thousands).
_DIGITS = (r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
           rf"|\d+,\d{{1,2}}(?=\s?-?{_SCALE_WORD})"
           r"|\d+(?:\.\d+)?)")
# A number never starts inside another number or a model name ("C-130", "COVID-19", "F-16"),
# and is never in scientific notation ("1e309 dollars" is not 309, and news does not write 5e9).
_DIGIT_NUMBER = re.compile(
    rf"(?<![\d.,])(?<![A-Za-z]-)(?<!\d[eE])(?<![eE][+-])(?P<num>{_DIGITS})(?![eE][+-]?\d)(?![.,]?\d)"
    rf"(?:\s?-?\s?(?P<scale>{_SCALE_WORD}))?")
_SMALL = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(_UNITS)})"
_WORD_NUMBER = re.compile(
    rf"\b(?P<num>(?:(?:a|{_SMALL})\s+hundred(?:\s+(?:and\s+)?{_SMALL})?|{_SMALL}|a|half\s+a)"
    rf"(?:\s+and\s+a\s+half)?)"
    rf"(?:\s+(?P<scale>trillion|billion|million|thousand))?\b", re.I)
_RANGE_JOIN = re.compile(r"\s?(?:-|–|—|to)\s?$|\s+to\s+$")


@dataclass(frozen=True)
class Number:
    """A number in a text: its span (scale word included), value, range end, and how it was written."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    scale: str | None = None       # the scale word as written ("bn", "million"), lower-cased
    in_words: bool = False         # "one billion", "four"

    @property
    def letter_scale(self) -> bool:
        """Whether the scale is a single letter ("5m"), which only a currency makes a scale."""
        return self.scale in LETTER_SCALES


def parse_digits(text: str) -> float:
    """'14,000' -> 14000.0, '1.6' -> 1.6, '12,4' -> 12.4 (a decimal comma: one or two digits)."""
    if re.fullmatch(r"\d+,\d{1,2}", text):
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))


def parse_words(text: str) -> float | None:
    """'twenty-five' -> 25, 'a hundred and fifty' -> 150, 'one and a half' -> 1.5, 'half a' -> 0.5."""
    words = re.split(r"[\s-]+", text.lower().strip())
    if words[:2] == ["half", "a"]:
        return 0.5
    half = 0.5 if words[-3:] == ["and", "a", "half"] else 0.0
    if half:
        words = words[:-3]
    total = 0.0
    for word in words:
        if word == "and":
            continue
        if word == "hundred":
            total = (total or 1) * 100
        elif word == "a":
            total += 1
        elif word in WORD_VALUES:
            total += WORD_VALUES[word]
        else:
            return None
    return total + half


def find_numbers(text: str) -> list[Number]:
    """Every number in the text, in order, with its scale; "A-B scale" and "A to B scale" are one
    range that shares B's scale. Spelled-out numbers are read too ("one billion", "four")."""
    numbers = [_digit_number(m) for m in _DIGIT_NUMBER.finditer(text)]
    taken = [(n.start, n.end) for n in numbers]
    for match in _WORD_NUMBER.finditer(text):
        if any(match.start() < e and s < match.end() for s, e in taken):
            continue
        word = match.group("num").lower()
        if word in ("a", "half a") and not match.group("scale"):
            continue  # "a" and "half a" are numbers only before a scale ("a billion")
        value = parse_words(match.group("num"))
        if value is None:
            continue
        scale = (match.group("scale") or "").lower() or None
        numbers.append(Number(match.start(), match.end(), value * SCALES.get(scale or "", 1.0),
                              scale=scale, in_words=True))
    numbers.sort(key=lambda n: n.start)
    return _join_ranges(text, numbers)


def scaled(digits: str, multiplier: float) -> float:
    """The value of written digits times a scale, computed in decimal so that "4.1 billion" is
    exactly 4100000000.0 and not 4099999999.9999995."""
    text = digits.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", digits) else digits.replace(",", "")
    return float(Decimal(text) * Decimal(int(multiplier)))


def _digit_number(match: re.Match) -> Number:
    scale = (match.group("scale") or "").lower() or None
    value = scaled(match.group("num"), SCALES.get(scale or "", 1.0))
    end = match.end() if scale else match.end("num")
    return Number(match.start(), end, value, scale=scale)


def _join_ranges(text: str, numbers: list[Number]) -> list[Number]:
    """'1.1-1.2 billion', '300 to 400', '5–7%': the first number takes the second's scale."""
    joined: list[Number] = []
    index = 0
    while index < len(numbers):
        first = numbers[index]
        second = numbers[index + 1] if index + 1 < len(numbers) else None
        between = text[first.end:second.start] if second else ""
        if (second and not first.in_words and not second.in_words and _RANGE_JOIN.fullmatch(between)
                and (first.scale is None or first.scale == second.scale)
                and not _is_year_span(text, first, second)):
            multiplier = SCALES.get(second.scale or "", 1.0) if first.scale is None else 1.0
            low = scaled(text[first.start:first.end], multiplier) if first.scale is None else first.value
            if low <= second.value:  # "5-3" is a score or a list, not a range
                joined.append(Number(first.start, second.end, low, second.value, second.scale))
                index += 2
                continue
        joined.append(first)
        index += 1
    return joined


def _is_year_span(text: str, first: Number, second: Number) -> bool:
    """'2024-2029' and '2007-08' are periods, not ranges of figures."""
    a, b = text[first.start:first.end], text[second.start:second.end]
    return bool(re.fullmatch(r"(19|20)\d\d", a) and re.fullmatch(r"(19|20)?\d\d", b))
