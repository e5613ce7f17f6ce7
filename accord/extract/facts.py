"""Numeric facts: money, energy, people and counted things, with unit, kind, period and target flag.

Written as rules because the parts that matter here (currency written before or after the
number, "bn", ranges with a shared scale, qualifiers such as "more than", and whether a figure
is a goal) are not what general number parsers do. The pieces live in their own modules:
numbers.py reads numbers, money.py currencies, units.py percents and counted units, figures.py
puts them together, periods.py reads periods and targets.py the target flag. This module decides
which figures are bilateral facts, following the codebook
(/work/shared/eval/GUIDELINES.md, "Facts"):

- growth attached to a reported figure ("reached $5 billion, up 23 percent") is not a fact;
  a growth-rate target is (`percent_growth`, with `value_max` for a range);
- prices per unit (USD per barrel, per share) are not bilateral facts, nor are GDP growth,
  military head-counts (unless the troops are on the other side's soil) and counts of signed
  documents (the agreements list covers those);
- `is_target` is true for every forward-looking figure: targets, pledges, plans, "expected
  to reach", potentials, and loans or grants signed but not yet paid out;
- an amount restated in another currency in brackets is a second fact that shares the
  first one's target flag and period.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date

from accord.extract.dates import DateContext, find_dates
from accord.extract.figures import Figure, find_figures
from accord.extract.numbers import WORD_VALUES
from accord.extract.periods import Period, assign_periods, find_periods
from accord.extract.records import Fact
from accord.extract.targets import SIGNING, is_target


_NUMBER_WORDS = "|".join(sorted([*WORD_VALUES, "hundred", "half", "third", "fourth", "quarter", "fifth"],
                                key=len, reverse=True))
_MAY_HOLD = re.compile(rf"\d|\b(?:{_NUMBER_WORDS})s?\b", re.I)


def may_hold_facts(text: str) -> bool:
    """Cheap test: a sentence with no digit and no number word holds no figure."""
    return _MAY_HOLD.search(text) is not None


def find_facts(sentence: str, evidence_at, countries: tuple[str, ...] = (),
               published: date | None = None) -> list[Fact]:
    """Numeric facts stated in a sentence; `evidence_at(start, end)` builds their evidence.

    `countries` (in order of mention) settle shared currency names ("$", "rupees"); the
    publication date resolves relative periods and makes a figure for a later year a target.
    """
    figures = [f for f in find_figures(sentence, countries) if math.isfinite(f.value)
               and (f.value_max is None or math.isfinite(f.value_max))]
    if not figures:
        return []
    periods = find_periods(sentence, published)
    assigned = assign_periods([(f.start, f.end) for f in figures], periods, sentence)
    facts: list[Fact] = []
    targets: list[bool] = []
    for index, figure in enumerate(figures):
        period = assigned[index]
        if figure.conversion_of is not None:
            period = assigned[figure.conversion_of]
            target = targets[figure.conversion_of]
        else:
            target = is_target(sentence, figures, index, targets, period)
        targets.append(target)
        if not _is_fact(sentence, figures, index, target):
            continue
        # A growth-rate target is `percent_growth`; a reported growth rate that stands alone
        # ("exports rose 12% in 2024") stays a plain percent.
        unit = "percent_growth" if target and figure.unit == "percent" and _is_growth(sentence, figure) \
            else figure.unit
        qualifier, start = _qualifier(sentence, figure.start)
        base = figures[figure.conversion_of] if figure.conversion_of is not None else figure
        facts.append(Fact(
            value=figure.value, value_max=figure.value_max, unit=unit, quantity=_kind(sentence, base),
            is_target=target, qualifier=qualifier,
            period=_period_value(sentence, period, target, published),
            countries=countries, evidence=evidence_at(start, figure.end), confidence=0.7))
    return facts


# ---------------------------------------------------------------- which figures are facts

# "USD 80 per barrel", "$5 a share", "C$6 each": a price per unit. "Per" and any noun but a span of
# time ("$5 billion per year" is an annual flow), or "a"/"an" and a unit of goods.
_PER_UNIT = re.compile(
    r"\s*(?:(?:per|/)\s*(?:\d[\d,.]*\s+)?(?!(?:year|annum|month|day|week|quarter|decade|hour)s?\b)[a-z]"
    r"|(?:a|an)\s+(?:barrel|share|tonne|ton|metric ton|kg|kilogram|kilo|pound|ounce|litre|liter|gallon"
    r"|kwh|mwh|megawatt-hour|unit|head|person|bag|box|ticket|night|room|piece|item|dose|vehicle|visa"
    r"|seat|bushel|cubic metre|cubic meter|square metre|square meter|hectare|acre)s?\b|each\b|apiece\b)",
    re.I)
_GROWTH_BEFORE = re.compile(
    r"\b(?:up|down|rose|rise|rises|rising|grew|grow|grows|growing|growth(?:\s+rate)?(?:\s+of)?"
    r"|increased?|increases|increasing|decreased?|decreases|declined?|declines|declining|fell|fall"
    r"|falls|dropped|drop|drops|jumped|jumps|surged|surges|soared|climbed|expanded|expand|expands"
    r"|gained|(?:an?|the)\s+(?:\w+[\s-]){0,3}?(?:increase|decrease|rise|drop|decline|jump|fall|gain"
    r"|growth|hike|surge|expansion)(?:\s+rate)?\s+of)"
    r"\s+(?:by\s+)?(?:about|around|nearly|almost|more\s+than|over|some|roughly|approximately"
    r"|at\s+least|up\s+to|close\s+to)?\s*$", re.I)
_GROWTH_VERB = re.compile(r"\b(?:increase|raise|boost|lift|grow|expand|double|cut|reduce|lower|hike|bring)"
                          r"\w*\b[^.;]{0,80}\bby\s+(?:about|around|nearly|almost|more\s+than|over|some"
                          r"|roughly|approximately|at\s+least|up\s+to)?\s*$", re.I)
_GROWTH_AFTER = re.compile(r"\s*(?:-\s*)?(?:increase|rise|growth|jump|decline|drop|fall|gain|hike|surge"
                           r"|expansion|year-on-year|y-o-y|yoy|on-year|year on year)\b", re.I)
_ECONOMY = re.compile(r"\b(?:GDP|gross domestic product|econom(?:y|ies)|economic growth|inflation)\b", re.I)
_AGREEMENT_NOUNS = frozenset({"agreements", "deals", "contracts", "memoranda", "mous", "treaties"})
_TROOPS = frozenset({"troops", "soldiers", "servicemen", "marines", "sailors", "peacekeepers"})
_ON_THE_OTHER_SIDE = re.compile(
    r"\b(?:sent|send|sends|sending|deploy\w*|dispatch\w*|station\w*|based\s+in|entered|enters?|crossed"
    r"|cross(?:es|ing)?|intru\w+|incursions?|(?:on|in|inside|into)\s+(?:\w+\s+){0,2}(?:territory|soil))\b",
    re.I)

_MILITARY_MODIFIER = re.compile(r"\b(?:military|naval|army|combat|fighter|war|armed)\b", re.I)
_OWN_SIDE = re.compile(r"\b(?:to|on|along|at|near|in)\s+(?:its|their|the\s+country[’']s|the\s+nation[’']s)\b"
                       r"|\bto\s+(?:the\s+)?(?:home|domestic)\b", re.I)
# "India's 1.4 billion people", "a market of 600 million consumers".
_POPULATION = re.compile(r"(?:[’']s|\b(?:population|market|nation|country)\s+of)\s+(?:about\s+|some\s+|nearly\s+"
                         r"|more\s+than\s+|over\s+|around\s+)?[\d.,]+\s*(?:million|billion)?\s+(?:people"
                         r"|citizens|residents|inhabitants|consumers)\b", re.I)


def _is_fact(sentence: str, figures: list[Figure], index: int, target: bool) -> bool:
    """Whether a figure is a bilateral fact by the codebook (see the module docstring)."""
    figure = figures[index]
    if figure.kind == "money" and _PER_UNIT.match(sentence, figure.end):
        return False  # "USD 80 per barrel", "C$6 each": prices, not bilateral figures
    if re.search(r"(?:\bper|/)\s*$", sentence[max(0, figure.start - 5):figure.start]):
        return False  # "$120 per 1,000 cubic metres": the quantity a price is given for
    if figure.unit == "percent" and _is_growth(sentence, figure):
        if _ECONOMY.search(_clause(sentence, figure)):
            return False  # GDP growth is no bilateral figure
        if not target and _attached_to_a_figure(sentence, figures, index):
            return False  # "reached $5 billion, up 23 percent": the growth of a reported figure
    if figure.unit == "documents" and (figure.noun.lower() in _AGREEMENT_NOUNS or SIGNING.search(sentence)):
        return False  # counts of signed documents: the agreements list covers them
    if _is_military(sentence, figure) and not _on_the_other_side(sentence, figure):
        return False  # head-counts of one side's forces (mobilised, withdrawn) are not bilateral
    if figure.kind == "count" and _POPULATION.search(sentence, max(0, figure.start - 30), figure.end):
        return False  # "India's 1.4 billion people": a population, not a bilateral figure
    return True


def _on_the_other_side(sentence: str, figure: Figure) -> bool:
    """Troops sent, deployed or stationed abroad, or on the other side's soil ("400 troops are on
    Cambodian territory"); not "deployed 10,000 troops to its northern border"."""
    near = sentence[max(0, figure.start - 60):figure.end + 80]
    return _ON_THE_OTHER_SIDE.search(near) is not None and _OWN_SIDE.search(near) is None


def _is_military(sentence: str, figure: Figure) -> bool:
    """Troops, or counted things the text calls military ("two military aircraft")."""
    if figure.kind != "count":
        return False
    return figure.noun.lower() in _TROOPS or _MILITARY_MODIFIER.search(sentence, figure.start,
                                                                      figure.end) is not None


_CLAUSE_BREAK = re.compile(r"[;,]|\b(?:while|whereas|but|although)\b", re.I)


def _clause(sentence: str, figure: Figure) -> str:
    """The clause a figure stands in: from the last comma, semicolon or "while" before it to the
    first one after it ("The economy grew 5.6 percent, while exports fell 9 percent")."""
    breaks = [m for m in _CLAUSE_BREAK.finditer(sentence)]
    start = max((m.end() for m in breaks if m.end() <= figure.start), default=0)
    end = min((m.start() for m in breaks if m.start() >= figure.end), default=len(sentence))
    return sentence[start:end]


def _is_growth(sentence: str, figure: Figure) -> bool:
    """A percent that is a change ('up 12%', 'grew 5-7%', 'increase trade by 6-9%', 'a 10%
    rise'), not a level or a share ('rose to 45%', 'down from 22.5 percent', '30% of trade')."""
    before = sentence[max(0, figure.start - 140):figure.start]
    return bool(_GROWTH_BEFORE.search(before) or _GROWTH_VERB.search(before)
                or _GROWTH_AFTER.match(sentence, figure.end))


_NEW_CLAUSE = re.compile(r"\b(?:and|while|whereas|but|although)\b|;", re.I)


def _attached_to_a_figure(sentence: str, figures: list[Figure], index: int) -> bool:
    """A growth rate right after another figure (", up 6.2 percent") or right before the figure
    it grew to ("rose 13 percent to Rs 500 crore")."""
    figure = figures[index]
    for other in figures:
        if other is figure or other.unit == "percent":
            continue
        # "between January and October 2022" is a period, not a second clause.
        between = re.sub(r"\bbetween\b[^,;]*?\band\b", "", sentence[other.end:figure.start])
        if other.end <= figure.start and len(between) <= 60 and not _NEW_CLAUSE.search(between):
            return True
        if other.start >= figure.end and re.fullmatch(r"\s*,?\s*to\s+(?:\w+\s+){0,2}",
                                                      sentence[figure.end:other.start]):
            return True
    return False


# ---------------------------------------------------------------- qualifier, kind, period

_QUALIFIER = re.compile(
    r"(?P<qual>more than|over|about|around|approximately|nearly|almost|some|at least|up to|roughly"
    r"|close to|less than|under|above|below|an estimated|estimated|exceeding|in excess of|upwards of)"
    r"\s*$", re.I)


def _qualifier(sentence: str, start: int) -> tuple[str | None, int]:
    """'more than 14,000 students': the qualifier (lower-cased) and where the evidence span starts."""
    match = _QUALIFIER.search(sentence, max(0, start - 20), start)
    if match is None:
        return None, start
    return match.group("qual").lower(), match.start("qual")


_KINDS = [
    ("trade_turnover", r"\btrade|turnover|two-way|bilateral trade|commerce"),
    ("exports", r"\bexport"),
    ("imports", r"\bimport"),
    ("investment", r"\binvest|capital\b|fdi\b"),
    ("energy", r"\belectricity|power|energy|\bmw\b|megawatt|hydropower|coal|gas\b|oil\b"),
    ("aid", r"\baid\b|grant|assistance|donat|relief|loan|humanitarian"),
    ("education", r"\bscholarship|student|education|training|universit|school|institution"),
    ("tourism", r"\btourist|tourism|visitor"),
    ("agreements", r"\bdocument|agreement|memorand|deal|contract"),
    ("projects", r"\bprojects?\b"),
    ("military", r"\btroop|soldier|military|defen[cs]e|weapon|arms\b"),
]

# Every kind a fact can have: the worded kinds above, then the fallbacks of _kind.
QUANTITY_KINDS = tuple(kind for kind, _ in _KINDS) + ("money", "count")


def _kind(sentence: str, figure: Figure) -> str:
    """The quantity kind, from the words nearest the number (left first, then right)."""
    if figure.unit in ("MW", "kW", "kWh", "MWh", "GWh", "TWh"):
        return "energy"
    if figure.unit == "scholarships":
        return "education"
    left = sentence[max(0, figure.start - 120):figure.end].lower()
    best = None
    for kind, pattern in _KINDS:
        matches = list(re.finditer(pattern, left))
        if matches:
            distance = len(left) - matches[-1].end()
            if best is None or distance < best[0]:
                best = (distance, kind)
    if best is None:  # nothing on the left: "AUD 50 million in aid", "¥12 billion in loans"
        # A bracketed restatement ("KRW 130 billion (US$100 million) in ODA") is skipped.
        after = re.sub(r"^\s*\([^)]*\)", "", sentence[figure.end:])
        right = re.split(r"[,;.]", after[:40].lower(), maxsplit=1)[0]
        for kind, pattern in _KINDS:
            match = re.search(pattern, right)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), kind)
    return best[1] if best else ("money" if figure.kind == "money" else "count")


def _period_value(sentence: str, period: Period | None, target: bool, published: date | None) -> str | None:
    """The figure's period; a reported figure with none takes the year of the act the sentence
    dates ("on Friday handed over NRs 500 million" in an article of 2020 -> 2020)."""
    if period is not None:
        return period.value
    if target or published is None:
        return None
    dated = [m.value for m in find_dates(sentence, DateContext(published=published))
             if m.value and m.kind in ("explicit", "partial", "relative") and m.value.precision != "year"
             and not m.parenthetical]
    return str(dated[0].year) if dated else None


# ---------------------------------------------------------------- one fact per figure per document

def merge_repeats(facts: list[Fact]) -> list[Fact]:
    """A figure stated again in another sentence of the same document (a headline and its body,
    a quote restating the lead) is one fact: the first statement is kept, preferring a full
    sentence over a headline, and it takes a period from a repeat when it has none."""
    kept: dict[tuple, Fact] = {}
    order: list[tuple] = []
    for fact in facts:
        key = (round(fact.value, 6), fact.value_max, fact.unit, fact.is_target, fact.quantity)
        first = kept.get(key)
        if first is None:
            kept[key] = fact
            order.append(key)
            continue
        if first.evidence.sentence_start == fact.evidence.sentence_start:
            key = (*key, fact.evidence.start)  # two equal figures in one sentence are two facts
            kept[key] = fact
            order.append(key)
            continue
        if _is_headline(first.evidence.sentence) and not _is_headline(fact.evidence.sentence):
            kept[key] = replace(fact, period=fact.period or first.period)
        elif first.period is None and fact.period is not None:
            kept[key] = replace(first, period=fact.period)
    return [kept[key] for key in order]


def _is_headline(sentence: str) -> bool:
    return not sentence.rstrip().endswith((".", "!", "?", "”", '"', "’", "'"))
