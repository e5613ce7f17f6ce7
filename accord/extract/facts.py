"""Numeric facts: money, energy, people and counted things, with unit, kind, period and target flag.

Written as rules because the parts that matter here (currency written before or
after the number, "bn", ranges with a shared scale, qualifiers such as "more
than", and whether a figure is a goal) are not what general number parsers do.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from accord.extract.records import Fact

_SCALES = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "crore": 1e7,
           "crores": 1e7, "million": 1e6, "lakh": 1e5, "lakhs": 1e5,
           "mn": 1e6, "mln": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}
_CURRENCIES = {
    "us$": "USD", "usd": "USD", "$": "USD", "us dollars": "USD", "dollars": "USD", "dollar": "USD",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR", "£": "GBP", "gbp": "GBP",
    "pounds": "GBP", "¥": "JPY", "jpy": "JPY", "yen": "JPY", "yuan": "CNY", "cny": "CNY",
    "rmb": "CNY", "vnd": "VND", "dong": "VND", "baht": "THB", "thb": "THB", "kip": "LAK",
    "lak": "LAK", "riel": "KHR", "rupees": "INR", "rupee": "INR", "inr": "INR", "rs": "INR",
    "won": "KRW", "krw": "KRW", "ringgit": "MYR", "myr": "MYR", "rupiah": "IDR", "idr": "IDR",
    "pesos": "PHP", "php": "PHP", "sgd": "SGD", "s$": "SGD", "aud": "AUD", "a$": "AUD",
    "rubles": "RUB", "roubles": "RUB", "rub": "RUB", "shillings": "KES", "ksh": "KES",
    "kes": "KES", "ugx": "UGX", "tzs": "TZS", "rand": "ZAR", "zar": "ZAR", "naira": "NGN",
    "reais": "BRL", "brl": "BRL", "r$": "BRL", "chf": "CHF", "francs": "CHF", "cad": "CAD",
    "c$": "CAD", "aed": "AED", "dirhams": "AED", "riyals": "SAR", "sar": "SAR",
    "₦": "NGN", "n": "NGN", "ngn": "NGN", "cedis": "GHS", "ghs": "GHS", "gh₵": "GHS",
}
_COUNTED = {
    "mw": "MW", "megawatt": "MW", "megawatts": "MW", "gw": "GW", "gigawatt": "GW",
    "gigawatts": "GW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "kw": "kW",
    "tonnes": "tonnes", "tons": "tonnes", "tonne": "tonnes", "ton": "tonnes",
    "km": "km", "kilometres": "km", "kilometers": "km", "hectares": "ha", "ha": "ha",
    "students": "persons", "people": "persons", "persons": "persons", "workers": "persons",
    "tourists": "persons", "visitors": "persons", "soldiers": "persons", "troops": "persons",
    "volunteers": "persons", "experts": "persons", "officials": "persons", "delegates": "persons",
    "refugees": "persons", "migrants": "persons", "trainees": "persons", "teachers": "persons",
    "doctors": "persons", "scholarships": "scholarships", "projects": "projects",
    "project": "projects", "documents": "documents", "agreements": "documents",
    "deals": "documents", "contracts": "documents", "memoranda": "documents", "mous": "documents",
    "institutions": "institutions", "universities": "institutions", "schools": "institutions",
    "enterprises": "enterprises", "companies": "companies", "firms": "firms",
    "businesses": "businesses", "vaccines": "doses", "doses": "doses", "barrels": "barrels",
    "flights": "flights", "vehicles": "vehicles", "containers": "containers",
    "nationals": "persons", "citizens": "persons", "residents": "persons", "pilgrims": "persons",
    "nurses": "persons", "engineers": "persons", "farmers": "persons", "traders": "persons",
    "litres": "litres", "liters": "litres", "cubic metres": "cubic_metres", "cubic meters": "cubic_metres",
    "turbines": "turbines", "jobs": "jobs", "hospitals": "hospitals", "aircraft": "aircraft",
    "ships": "ships", "vessels": "vessels", "trucks": "trucks", "buses": "buses",
    "kilometre": "km", "kilometer": "km",
}
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
                 "twenty": 20}
# Counted things that a spelled-out number may count ("seven cooperation documents").
_WORD_COUNTABLE = {"documents", "agreements", "projects", "memoranda", "mous", "deals", "contracts"}
_PERCENT = r"(?:%|\s?per\s?cent|\s?percent)"
# A figure starts where a number starts (not inside one) and is never in scientific notation:
# "1e309 dollars" is not a figure of 309, and news does not write money as "5e9".
_NUMBER = (r"(?<!\d)(?<!\d[eE])(?<![eE][+-])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
           r"(?![eE][+-]?\d)")
_SCALE = r"(?:trillion|billion|million|thousand|crores?|lakhs?|bn|tn|mn|mln)\b|[bmk]\b"
_CUR_BEFORE = r"(?:US\$|S\$|A\$|C\$|R\$|\$|€|£|¥|₦|(?<![A-Za-z])(?-i:N)(?=\d)|USD|EUR|GBP|JPY|CNY|RMB|VND|THB|LAK|INR|KRW|Rs\.?|SGD|AUD|CHF|CAD|BRL|ZAR|KES|Ksh|AED|SAR|NGN|GHS|GH₵)"
_CUR_AFTER = (r"(?:US dollars|USD|dollars|dollar|euros|euro|EUR|pounds|GBP|yen|JPY|yuan|CNY|RMB|VND|dong"
              r"|baht|THB|kip|LAK|riel|rupees|INR|won|KRW|ringgit|rupiah|pesos|SGD|AUD|rubles"
              r"|roubles|shillings|rand|naira|reais|BRL|CHF|francs|CAD|dirhams|riyals|AED|SAR)\b")
_QUALIFIER = (r"(?P<qual>more than|over|about|around|approximately|nearly|almost|some|at least"
              r"|up to|roughly|close to|less than|under|above|below|an estimated|estimated)?\s*")
_RANGE_TAIL = rf"(?:\s*(?:-|–|to)\s*(?P<num2>{_NUMBER}))?"
_MONEY = re.compile(
    rf"{_QUALIFIER}(?:(?P<cur1>{_CUR_BEFORE})\s?(?P<num>{_NUMBER}){_RANGE_TAIL}(?:\s?(?P<scale>{_SCALE}))?"
    rf"|(?P<numb>{_NUMBER}){_RANGE_TAIL.replace('num2', 'num2b')}\s?(?P<scaleb>{_SCALE})?\s?(?P<cur2>{_CUR_AFTER}))",
    re.I)
_COUNT = re.compile(
    rf"{_QUALIFIER}(?P<num>{_NUMBER}){_RANGE_TAIL}(?:\s?-\s?|\s)?(?P<scale>(?:million|thousand|billion)\b)?\s?"
    rf"(?P<mods>(?:[A-Za-z-]+\s){{0,3}}?)(?P<unit>{'|'.join(sorted(map(re.escape, _COUNTED), key=len, reverse=True))})\b",
    re.I)
_PERCENT_RE = re.compile(rf"{_QUALIFIER}(?P<num>{_NUMBER}){_RANGE_TAIL}{_PERCENT}", re.I)

_TARGET = re.compile(
    r"\b(target|targets|targeted|targeting|goal|goals|aim|aims|aimed|aiming|strive|strives|striving"
    r"|plan|plans|planned|planning|will|shall|expect|expects|expected|seek|seeks|seeking|towards"
    r"|toward|pledge|pledged|pledges|commit|committed|set to|intend|intends|projected|forecast"
    r"|ambition|envisage|envisaged|hope|hopes|would|agree|agreed|agrees|announce|announced|announces"
    r"|promise|promised|promises|to increase|to raise|to boost|to double|to expand|to lift)\b", re.I)
_DEADLINE = re.compile(r"^\s*(?:[\w-]+\s){0,6}?by\s+(?:the\s+end\s+of\s+)?(19|20)\d\d\b", re.I)
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
_PERIOD = re.compile(
    r"\b(first|second|third|fourth|last|past)\s+(?:(\d+|\w+)\s+)?(months?|quarters?|half|weeks?)\s+of\s+(19|20)\d\d"
    r"|\b(in|during|for)\s+(19|20)\d\d\b|\bby\s+(19|20)\d\d\b|\beach year|\bevery year|\bannually"
    r"|\bper year|\ba year\b|\bto date\b|\bso far\b|\b(19|20)\d\d\s*[-–]\s*(19|20)\d\d", re.I)
_NOT_AFTER = re.compile(r"^\s*(?:th|st|nd|rd)\b|^(?:-|\s)?(?:year|years|month|months|day|days|hours|"
                        r"minutes|weeks|anniversary|times|km/h|%)", re.I)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    qualifier: str | None


def find_facts(sentence: str, evidence_at, countries: tuple[str, ...] = ()) -> list[Fact]:
    """Numeric facts stated in a sentence; `evidence_at(start, end)` builds their evidence."""
    found = _money(sentence, countries) + _percent(sentence)
    taken = [(f.start, f.end) for f in found]
    found += [f for f in _counts(sentence) if not any(f.start < e and s < f.end for s, e in taken)]
    found.sort(key=lambda f: f.start)
    found = [f for f in found if math.isfinite(f.value)
             and (f.value_max is None or math.isfinite(f.value_max))]
    facts = []
    previous_target = False
    previous_end = 0
    for item in found:
        window = sentence[previous_end:item.start]
        after = sentence[item.end:item.end + 60]
        target = bool(_TARGET.search(window)) or bool(_DEADLINE.match(after)) or \
            (previous_target and re.fullmatch(r"[^.;]*?\b(and|,)\b[^.;]*", window or "") is not None
             and not re.search(r"\b(reached|was|were|stood|totalled|totaled|amounted)\b", window))
        previous_target, previous_end = target, item.end
        facts.append(Fact(
            value=item.value, value_max=item.value_max, unit=item.unit,
            quantity=_kind(sentence, item), is_target=target, qualifier=item.qualifier,
            period=_period(sentence, item), countries=countries,
            evidence=evidence_at(item.start, item.end), confidence=0.7))
    return facts


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _qualifier(match: re.Match) -> str | None:
    qual = match.group("qual")
    return qual.lower() if qual else None


# "Shillings" alone is the currency of the country the sentence is about, when that is one of these.
_SHILLINGS = {"KEN": "KES", "UGA": "UGX", "TZA": "TZS", "SOM": "SOS"}


def _money(sentence: str, countries: tuple[str, ...] = ()) -> list[_Found]:
    found = []
    for match in _MONEY.finditer(sentence):
        groups = match.groupdict()
        if groups.get("num"):
            number, second, scale, currency = groups["num"], groups.get("num2"), groups.get("scale"), groups["cur1"]
        else:
            number, second, scale, currency = groups["numb"], groups.get("num2b"), groups.get("scaleb"), groups["cur2"]
        if currency == "N" and not scale:
            continue  # "N95" is a mask, "N1.9 trillion" is naira
        multiplier = _SCALES.get((scale or "").lower(), 1.0)
        unit = _CURRENCIES.get(currency.lower().rstrip("."), currency.upper())
        local = {_SHILLINGS[c] for c in countries if c in _SHILLINGS}
        if currency.lower() == "shillings" and len(local) == 1:
            unit = local.pop()
        if currency.lower() in ("rs", "rs."):
            unit = "INR"
        value = _number(number) * multiplier
        value_max = _number(second) * multiplier if second else None
        start = match.start("qual") if groups.get("qual") else match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        found.append(_Found(start, match.end(), value, value_max, unit, _qualifier(match)))
    return found


def _percent(sentence: str) -> list[_Found]:
    return [_Found(m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), m.end(),
                   _number(m.group("num")), _number(m.group("num2")) if m.group("num2") else None,
                   "percent", _qualifier(m))
            for m in _PERCENT_RE.finditer(sentence)]


_WORD_COUNT = re.compile(
    rf"\b(?P<word>{'|'.join(_WORD_NUMBERS)})\s+(?P<mods>(?:[A-Za-z-]+\s){{0,3}}?)"
    rf"(?P<unit>{'|'.join(sorted(_WORD_COUNTABLE, key=len, reverse=True))})\b", re.I)


def _counts(sentence: str) -> list[_Found]:
    found = [_Found(m.start(), m.end(), float(_WORD_NUMBERS[m.group("word").lower()]), None,
                    _COUNTED[m.group("unit").lower()], None)
             for m in _WORD_COUNT.finditer(sentence)
             if not re.search(r"\b(th|st|nd|rd|years?|months?|days?)\b", m.group("mods"), re.I)
             # "the two sides' agreements": "the two" names who, it does not count.
             and not re.search(r"\b(the|these|those|both|their|its|our)\s*$", sentence[:m.start()], re.I)]
    for match in _COUNT.finditer(sentence):
        number = match.group("num")
        before = sentence[max(0, match.start("num") - 1):match.start("num")]
        if before and (before.isalnum() or before in "$€£¥"):
            continue
        if re.fullmatch(r"(19|20)\d\d", number) and not match.group("scale") and not match.group("mods").strip() == "":
            continue  # a year followed by words, not a count
        if _NOT_AFTER.match(sentence[match.end("num"):]):
            continue
        mods = match.group("mods").lower()
        if re.search(r"\b(th|st|nd|rd|years?|months?|days?|anniversary|session|congress)\b", mods):
            continue
        unit_word = match.group("unit").lower()
        unit = _COUNTED[unit_word]
        scale = _SCALES.get((match.group("scale") or "").lower(), 1.0)
        value = _number(number) * scale
        second = match.group("num2")
        if unit == "GW":
            unit, value = "MW", value * 1000
        start = match.start("qual") if match.group("qual") else match.start("num")
        found.append(_Found(start, match.end(), value, _number(second) * scale if second else None,
                            unit, _qualifier(match)))
    return found


def _kind(sentence: str, item: _Found) -> str:
    """The quantity kind, from the words nearest the number (left first, then right)."""
    left = sentence[max(0, item.start - 120):item.end].lower()
    if item.unit in ("MW", "GW", "kWh", "MWh", "GWh", "kW"):
        return "energy"
    if item.unit == "scholarships":
        return "education"
    best = None
    for kind, pattern in _KINDS:
        matches = list(re.finditer(pattern, left))
        if matches:
            distance = len(left) - matches[-1].end()
            if best is None or distance < best[0]:
                best = (distance, kind)
    if best is None:  # nothing on the left: "AUD 50 million in aid", "¥12 billion in loans"
        right = re.split(r"[,;.]", sentence[item.end:item.end + 40].lower(), maxsplit=1)[0]
        for kind, pattern in _KINDS:
            match = re.search(pattern, right)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), kind)
    return best[1] if best else ("count" if item.unit not in _CURRENCIES.values() else "money")


def _period(sentence: str, item: _Found) -> str | None:
    """The period a figure refers to: the period phrase nearest the number."""
    best = None
    for match in _PERIOD.finditer(sentence):
        distance = min(abs(match.start() - item.end), abs(item.start - match.end()))
        if best is None or distance < best[0]:
            best = (distance, match.group(0))
    return best[1] if best and best[0] <= 80 else None
