"""Figures: every number in a sentence with the unit attached to it, before facts.py judges them.

Money comes first (money.py), then percents, fractions, units of measure and counted nouns
(units.py); a span read as one kind is not read again as another. An amount in brackets right
after another amount ("KRW 130 billion (US$100 million)") is marked as restating it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from accord.extract.money import CONVERSION_GAP, find_money
from accord.extract.numbers import find_numbers
from accord.extract.units import (find_counts, find_fractions, find_measures, find_numbers_of,
                                  find_percents)


@dataclass(frozen=True)
class Figure:
    """A number with its unit, before it is judged a fact: span, value(s), unit and what it is."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    kind: str                  # "money" | "percent" | "measure" | "count"
    noun: str = ""             # the unit or counted noun as written
    conversion_of: int | None = None  # index of the amount this one restates in another currency


def find_figures(sentence: str, countries: tuple[str, ...] = ()) -> list[Figure]:
    """Every number with a unit attached: money first, then percents, measures and counts; a
    span read as one kind is not read again as another."""
    numbers = find_numbers(sentence)
    figures: list[Figure] = []

    def free(start: int, end: int) -> bool:
        return not any(start < f.end and f.start < end for f in figures)

    for money in find_money(sentence, numbers, countries):
        if free(money.start, money.end):
            figures.append(Figure(money.start, money.end, money.number.value, money.number.value_max,
                                  money.currency, "money", money.written))
    for kind, found in (("percent", find_percents(sentence, numbers)),
                        ("percent", find_fractions(sentence)),
                        ("measure", find_measures(sentence, numbers)),
                        ("count", find_counts(sentence, numbers))):
        for quantity in found:
            if free(quantity.start, quantity.end):
                figures.append(Figure(quantity.start, quantity.end, quantity.value, quantity.value_max,
                                      quantity.unit, kind, quantity.noun))
    taken = [(f.start, f.end) for f in figures]
    for quantity in find_numbers_of(sentence, numbers, taken):
        figures.append(Figure(quantity.start, quantity.end, quantity.value, quantity.value_max,
                              quantity.unit, "count", quantity.noun))
    figures.sort(key=lambda f: f.start)
    return _mark_conversions(sentence, _join_money_ranges(sentence, figures))


_RANGE_GAP = re.compile(r"\s*(?P<join>-|–|to|and)\s*")


def _join_money_ranges(sentence: str, figures: list[Figure]) -> list[Figure]:
    """'between $5 billion and $7 billion', '$5bn-$7bn', '€2 million to €3 million': one amount
    with an upper bound (not "from $5 billion to $7 billion", which is a change)."""
    joined: list[Figure] = []
    for figure in figures:
        last = joined[-1] if joined else None
        gap = _RANGE_GAP.fullmatch(sentence, last.end, figure.start) if last else None
        if (last and gap and last.kind == figure.kind == "money" and last.unit == figure.unit
                and last.value_max is None and figure.value_max is None and last.value < figure.value):
            before = sentence[max(0, last.start - 12):last.start].lower()
            join = gap.group("join")
            if (join != "and" or re.search(r"\bbetween\s+$", before)) and \
                    (join != "to" or not re.search(r"\b(?:from|to)\s+$", before)):
                joined[-1] = replace(last, end=figure.end, value_max=figure.value)
                continue
        joined.append(figure)
    return joined


def _mark_conversions(sentence: str, figures: list[Figure]) -> list[Figure]:
    """'KRW 130 billion (US$100 million)': an amount in another currency right after an amount
    restates it."""
    marked: list[Figure] = []
    for index, figure in enumerate(figures):
        if index and figure.kind == "money" and marked[-1].kind == "money" and \
                figure.unit != marked[-1].unit and CONVERSION_GAP.fullmatch(sentence, marked[-1].end, figure.start):
            base = marked[-1].conversion_of if marked[-1].conversion_of is not None else index - 1
            figure = replace(figure, conversion_of=base)
        marked.append(figure)
    return marked
