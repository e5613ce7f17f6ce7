"""Counted and measured figures: percents, fractions in words, units of measure, counted nouns.

A unit is never guessed: it is the word written right after the number ("1,200 MW",
"13 percent", "508-km"), or the head of the noun phrase the number quantifies ("5,000
Filipino domestic workers", "three Korean coast guard boats"), or the noun of an
explicit "the number of <nouns>" the number is given for. Anything else ("536 hp", "13
sessions") is no figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.extract.numbers import Number

# Units of measure, written right after the number; a hyphen may join them ("508-km line").
MEASURES: dict[str, tuple[str, float]] = {
    "mw": ("MW", 1), "megawatt": ("MW", 1), "megawatts": ("MW", 1), "gw": ("MW", 1000),
    "gigawatt": ("MW", 1000), "gigawatts": ("MW", 1000), "kw": ("kW", 1), "kilowatts": ("kW", 1),
    "kwh": ("kWh", 1), "mwh": ("MWh", 1), "gwh": ("GWh", 1), "twh": ("TWh", 1),
    "km": ("km", 1), "kilometres": ("km", 1), "kilometers": ("km", 1), "kilometre": ("km", 1),
    "kilometer": ("km", 1), "miles": ("miles", 1), "mile": ("miles", 1),
    "tonnes": ("tonnes", 1), "tons": ("tonnes", 1), "tonne": ("tonnes", 1), "ton": ("tonnes", 1),
    "metric tons": ("tonnes", 1), "metric tonnes": ("tonnes", 1),
    "hectares": ("ha", 1), "hectare": ("ha", 1), "ha": ("ha", 1), "acres": ("acres", 1),
    "litres": ("litres", 1), "liters": ("litres", 1), "barrels": ("barrels", 1),
    "cubic metres": ("cubic_metres", 1), "cubic meters": ("cubic_metres", 1),
    "bcm": ("cubic_metres", 1e9), "square kilometres": ("km2", 1), "square kilometers": ("km2", 1),
    "sq km": ("km2", 1), "km2": ("km2", 1),
}
_PERSONS = """people persons students workers migrants tourists visitors nationals citizens residents
refugees pilgrims beneficiaries patients children volunteers trainees teachers doctors nurses
engineers farmers traders fishermen prisoners detainees inmates passengers civilians victims
survivors participants attendees graduates scholars researchers experts specialists officials
delegates staff employees labourers laborers personnel troops soldiers servicemen policemen
officers peacekeepers sailors marines athletes artists journalists investors entrepreneurs
businesspeople businessmen youths individuals applicants recipients deportees returnees
evacuees immigrants expatriates expats diplomats""".split()
# Counted things, plural noun -> unit. People are "persons"; things keep their own noun.
COUNTED: dict[str, str] = {
    **{noun: "persons" for noun in _PERSONS},
    "ships": "ships", "vessels": "vessels", "boats": "boats", "aircraft": "aircraft",
    "planes": "aircraft", "helicopters": "helicopters", "drones": "drones",
    "vehicles": "vehicles", "suvs": "vehicles", "cars": "vehicles", "trucks": "vehicles",
    "buses": "vehicles", "ambulances": "vehicles", "tractors": "vehicles",
    "houses": "houses", "homes": "houses", "schools": "schools", "hospitals": "hospitals",
    "clinics": "clinics", "classrooms": "classrooms", "wells": "wells", "bridges": "bridges",
    "projects": "projects", "scholarships": "scholarships", "enterprises": "enterprises",
    "companies": "companies", "firms": "firms", "businesses": "businesses",
    "institutions": "institutions", "universities": "institutions", "intrusions": "intrusions",
    "incursions": "incursions", "violations": "violations", "protests": "protests",
    "flights": "flights", "containers": "containers", "turbines": "turbines", "doses": "doses",
    "vaccines": "doses", "jobs": "jobs", "documents": "documents", "agreements": "documents",
    "deals": "documents", "contracts": "documents", "memoranda": "documents", "mous": "documents",
    "treaties": "documents", "factories": "factories", "plants": "plants",
}
# Official actors counted with a number in words are the sides of the story ("two officials
# said"), not a figure.
_WORD_COUNT_EXCLUDED = frozenset({"officials", "delegates", "diplomats", "experts", "members", "people",
                                  "persons", "individuals", "journalists", "staff"})
# Words that end a noun phrase: a counted noun further on belongs to another phrase.
_STOP = frozenset("""of the a an and or but to in on at for with from by as than that which who whom
whose per were was are is be been being have has had will would could should may might can this
these those its their our his her your my it they we he she said says each every all some any no
not into onto over under about after before during since until between among against within
""".split())
_PERCENT_RE = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pct\b)|\s(?P<points>percentage points?)\b", re.I)
_MEASURE_RE = re.compile(
    r"(?:\s?-\s?|\s)?(?P<unit>" + "|".join(sorted(map(re.escape, MEASURES), key=len, reverse=True))
    + r")(?![A-Za-z])", re.I)
_YEAR_SHAPED = re.compile(r"(19|20)\d\d")
_RANK_BEFORE = re.compile(r"\b(?:top|largest|biggest|leading|main|major|first|last|next)\s+$", re.I)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|these|those|both|their|its|our|his|her|my|your|all|each|every|first|last|other)"
    r"|[’']s)\s*$", re.I)


@dataclass(frozen=True)
class Quantity:
    """A counted or measured figure: its span, value(s) and unit."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    noun: str  # the unit or noun as written ("MW", "workers", "%")


def find_percents(text: str, numbers: list[Number]) -> list[Quantity]:
    """'13 percent', '6-9%', '2.5 per cent', '0.5 percentage points'."""
    found = []
    for number in numbers:
        if number.scale:
            continue
        match = _PERCENT_RE.match(text, number.end)
        if match is None:
            continue
        unit = "percentage_points" if match.group("points") else "percent"
        found.append(Quantity(number.start, match.end(), number.value, number.value_max, unit,
                              match.group(0).strip()))
    return found


_FRACTIONS = {"half": 2, "third": 3, "thirds": 3, "fourth": 4, "fourths": 4, "quarter": 4,
              "quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_FRACTION_RE = re.compile(
    r"\b(?:(?P<num>a|one|two|three|four|nine)[\s-])?(?P<den>half|thirds?|fourths?|quarters?|fifths?|tenths?)"
    r"\s+of\b(?!\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+|last\s+|next\s+)?(?:\d|years?|century|decade|"
    r"months?|weeks?|days?|hours?|term|season|fiscal|game|match))", re.I)
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|next|this|that|the|every|each)\s+$", re.I)


def find_fractions(text: str) -> list[Quantity]:
    """Shares in words: 'one fourth of the amount' -> 25 percent, 'two thirds of' -> 66.7, 'half of'
    -> 50. Not periods: 'the first half of 2024', 'a quarter of a century'."""
    found = []
    for match in _FRACTION_RE.finditer(text):
        numerator_word, denominator_word = (match.group("num") or "").lower(), match.group("den").lower()
        if not numerator_word and denominator_word != "half":
            continue  # "thirds of" alone is no share
        if _ORDINAL_BEFORE.search(text, 0, match.start()):
            continue
        numerator = _NUMERATORS.get(numerator_word, 1)
        denominator = _FRACTIONS[denominator_word]
        if numerator >= denominator:
            continue
        end = match.end() - len(" of")
        found.append(Quantity(match.start(), end, round(100 * numerator / denominator, 2), None,
                              "percent", match.group(0)[:end - match.start()]))
    return found


def find_measures(text: str, numbers: list[Number]) -> list[Quantity]:
    """'1,200 MW', '1.2 GW' (as 1,200 MW), '508-km', '1,100 km', '4.5 billion litres'."""
    found = []
    for number in numbers:
        if number.letter_scale:
            continue
        match = _MEASURE_RE.match(text, number.end)
        if match is None:
            continue
        unit, factor = MEASURES[match.group("unit").lower()]
        if match.group("unit").lower() == "ha" and match.group("unit") != "ha":
            continue  # "HA" or "Ha" after a number is a name, not hectares
        end = match.end()
        daily = _PER_DAY.match(text, end)
        if daily:  # "30 million cubic metres of gas a day" is a daily rate, not a stock
            unit, end = f"{unit}_per_day", end if daily.group("noun") else daily.end()
        high = number.value_max * factor if number.value_max is not None else None
        found.append(Quantity(number.start, end, number.value * factor, high, unit,
                              match.group("unit")))
    return found


_PER_DAY = re.compile(r"(?P<noun>\s+of\s+[a-z]+(?:\s+[a-z]+)?)?\s+(?:a|per)\s+day\b", re.I)
_MODIFIER = r"(?:of\s+[A-Z][\w’'.]*-[a-z]+|[A-Za-z][\w’'-]*)"  # "Chinese", "state-owned", "of India-supported"
_COUNTED_RE = re.compile(
    rf"(?:\s+of\s+(?:the|its|their|our|his|her|these|those))?\s(?P<mods>(?:{_MODIFIER}\s){{0,3}}?)(?P<noun>"
    + "|".join(sorted(map(re.escape, COUNTED), key=len, reverse=True)) + r")\b", re.I)


def find_counts(text: str, numbers: list[Number]) -> list[Quantity]:
    """Numbers that count a noun: '310 projects', '5,000 Filipino domestic workers', 'three
    Korean coast guard boats', '40 SUVs', '1 million doses'."""
    found = []
    for number in numbers:
        if number.letter_scale or number.scale not in (None, "million", "thousand", "billion", "lakh",
                                                       "crore"):
            continue
        if text[number.end:number.end + 1].isalpha():
            continue  # "130J", "5G", "60th": the number is part of a word
        match = _COUNTED_RE.match(text, number.end)
        if match is None or not _plain_modifiers(match.group("mods")):
            continue
        noun = match.group("noun").lower()
        if _YEAR_SHAPED.fullmatch(text[number.start:number.end]) and match.group("mods").strip():
            continue  # "in 2023 Indonesian workers": a year, then the noun phrase
        if number.in_words and not _word_count_fits(text, number, noun):
            continue
        if _RANK_BEFORE.search(text, 0, number.start):
            continue  # "the top three investors", "the largest 10 firms": a rank, not a count
        found.append(Quantity(number.start, match.end(), number.value, number.value_max,
                              COUNTED[noun], match.group("noun")))
    return found


def _plain_modifiers(mods: str) -> bool:
    """Modifiers of a counted noun are adjectives and nouns, never function words: "5 of the
    students" and "10 of them" count nothing; "of India-supported" is one compound modifier."""
    words = re.sub(r"\bof\s+[A-Z][\w’'.]*-[a-z]+", "", mods).split()
    return not any(w.lower() in _STOP for w in words) and not re.search(
        r"\b(?:\w+th|\d\w*|years?|months?|days?|weeks?|hours?|times|session|sessions|anniversary"
        r"|congress)\b", mods, re.I)


def _word_count_fits(text: str, number: Number, noun: str) -> bool:
    """A spelled-out count is a figure when it is at least two, is not "the two sides' ..." or
    "Vietnam's three projects" (a determiner names known things), and does not count officials."""
    return (number.value >= 2 and noun not in _WORD_COUNT_EXCLUDED
            and not _DETERMINER_BEFORE.search(text, 0, number.start))


_NUMBER_OF_RE = re.compile(r"\bthe\s+number\s+of\s+(?:(?:[a-z][\w-]*)\s){0,3}?(?P<noun>[a-z][\w-]*s)\b", re.I)


def find_numbers_of(text: str, numbers: list[Number], taken: list[tuple[int, int]]) -> list[Quantity]:
    """'raising to 12 the number of complaints', 'the number of visitors ... climbed to 8,000':
    a bare number given for "the number of <nouns>" counts those nouns."""
    found = []
    free = [n for n in numbers if not any(n.start < e and s < n.end for s, e in taken)
            and not n.letter_scale and not _YEAR_SHAPED.fullmatch(text[n.start:n.end])]
    for match in _NUMBER_OF_RE.finditer(text):
        noun = match.group("noun").lower()
        before = [n for n in free if 0 <= match.start() - n.end <= 2]
        after = [n for n in free if n.start >= match.end() and ";" not in text[match.end():n.start]
                 and n.start - match.end() <= 100 and not text[n.end:n.end + 1].isalpha()]
        chosen = (before or after[:1])
        for number in chosen[:1]:
            found.append(Quantity(number.start, number.end, number.value, number.value_max,
                                  COUNTED.get(noun, noun), noun))
    return found
