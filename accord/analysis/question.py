"""What a plain-language question asks: its intent, the countries and pair it names, the period
it covers, the event types and kinds of figure it mentions, and its content words.

The rules are general (any pair, any period): intent comes from the question's form ("when
did", "what did ... sign", "how much", "who visited", a target against the actual figure),
countries from the gazetteer, periods from the date reader and a few period words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.extract.dates import DateContext, find_dates
from accord.extract.event_types import event_types as all_event_types
from accord.extract.gazetteer import load_gazetteer
from accord.folding import fold

QUANTITY_WORDS = [
    ("trade_turnover", r"\btrade|turnover|two-way|commerce"),
    ("investment", r"\binvest|capital|\bfdi\b"),
    ("energy", r"\belectricity|\bpower\b|energy|megawatt|\bmw\b|hydropower"),
    ("aid", r"\baid\b|\bgrant|assistance|donat|\bloan"),
    ("education", r"\bscholarship|student"),
    ("tourism", r"\btouris|visitors\b"),
]
_INTENTS = [
    ("target_vs_actual", r"\b(target|goal)s?\b.*\b(actual|progress|reached|achieved|on track|behind|so far|against)\b"
                         r"|\b(progress|on track|behind)\b.*\b(target|goal)s?\b"),
    ("target", r"\b(target|goal|aim|pledge|pledged|promise|expected to reach|plan to reach)"),
    ("who_visited", r"^\s*who\b.*\b(visit|travel|went|came|toured)"),
    ("how_much", r"\bhow (much|many)\b|\bwhat (was|were|is|are) the (value|amount|figure|size|volume|level)"
                 r"|\b(worth|value of|amount of)\b"),
    ("signed", r"\bsign|\bwhat (agreements?|treaties|treaty|deals?|documents?|mous?)\b|\bwhich (agreements?|treaties|deals?)\b"),
    ("when", r"^\s*(when|on what (date|day)|in what year|what (date|day|year)|which year)\b"),
]
STOP = set("what which who whom when where why how did do does is are was were the a an of to in on "
           "and or for with by from between that this these those have has had their its it "
           "be been any there about into at as than two both sides side country countries year years "
           "date day month much many set".split())


@dataclass(frozen=True)
class Question:
    """A question as understood: see the module docstring."""

    text: str
    intent: str  # target_vs_actual | target | who_visited | how_much | signed | when | events
    countries: tuple[str, ...]
    date_from: str | None
    date_to: str | None
    event_types: tuple[str, ...]
    quantities: tuple[str, ...]
    words: tuple[str, ...]

    @property
    def pair(self) -> str | None:
        """The pair asked about ("VNM-LAO"), when the question names two countries."""
        return "-".join(self.countries[:2]) if len(self.countries) >= 2 else None

    @property
    def has_period(self) -> bool:
        """Whether the question names a period."""
        return bool(self.date_from or self.date_to)

    def in_period(self, date: str | None) -> bool:
        """Whether a date (any precision) agrees with the asked period; no date never does when
        a period is asked."""
        if not self.has_period:
            return True
        if not date:
            return False
        if self.date_from and date[:len(self.date_from)] < self.date_from[:len(date)]:
            return False
        return not (self.date_to and date[:len(self.date_to)] > self.date_to[:len(date)])


def parse_question(text: str) -> Question:
    """Read a question's intent, countries, period, event types, kinds of figure and words."""
    folded = fold(text).lower()
    mentions = load_gazetteer().find(text)
    countries = tuple(dict.fromkeys(m.country for m in mentions if m.country and m.kind != "person"))
    intent = next((name for name, pattern in _INTENTS if re.search(pattern, folded)), "events")
    date_from, date_to = question_period(text)
    types = tuple(t.name for t in all_event_types() if t.question_words.search(folded))
    quantities = tuple(kind for kind, pattern in QUANTITY_WORDS if re.search(pattern, folded))
    names = {w for m in mentions for w in re.findall(r"\w+", fold(m.text).lower())}
    words = tuple(w for w in re.findall(r"[a-z]+", folded)
                  if w not in STOP and w not in names and len(w) > 2)
    return Question(text, intent, countries, date_from, date_to, types, quantities, words)


_YEAR = r"((?:19|20)\d\d)"


def question_period(text: str) -> tuple[str | None, str | None]:
    """The period a question names, as (from, to) dates of any precision: "in December 2025"
    -> both 2025-12; "between 2020 and 2023" -> 2020, 2023; "since 2019" -> 2019, None;
    "before 1980" -> None, 1980."""
    if match := re.search(rf"\b(?:between|from)\s+{_YEAR}\s+(?:and|to|until)\s+{_YEAR}\b", text, re.I):
        return match.group(1), match.group(2)
    if match := re.search(rf"\b(?:since|after)\s+{_YEAR}\b", text, re.I):
        return match.group(1), None
    if match := re.search(rf"\b(?:before|until|up to)\s+{_YEAR}\b", text, re.I):
        return None, match.group(1)
    dates = [m.value.iso for m in find_dates(text, DateContext()) if m.value and m.kind == "explicit"]
    if dates:
        return min(dates), max(dates)
    years = re.findall(rf"\b{_YEAR}\b", text)  # "for 2020", "by 2030": the date reader calls these periods
    return (min(years), max(years)) if years else (None, None)
