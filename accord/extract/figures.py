"""Figures: every number in a sentence with the unit attached to it, before facts.py judges them.

Money comes first (money.py), then percents, fractions, units of measure and counted nouns
(units.py); a span read as one kind is not read again as another. An amount in brackets right
after another amount ("JPY200 billion (US$1.95 billion)") is marked as restating it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from accord.extract.money import find_money
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
    return _mark_conversions(sentence, figures)


_CONVERSION_GAP = re.compile(r"\s*[(\[]\s*(?:about|around|approximately|approx\.|roughly|some|nearly"
                             r"|or|equivalent to|i\.e\.)?\s*", re.I)


def _mark_conversions(sentence: str, figures: list[Figure]) -> list[Figure]:
    """'JPY200 billion (US$1.95 billion)': the bracketed amount restates the one before it."""
    marked = []
    for index, figure in enumerate(figures):
        if index and figure.kind == "money" and marked[-1].kind == "money" and \
                _CONVERSION_GAP.fullmatch(sentence, marked[-1].end, figure.start):
            base = marked[-1].conversion_of if marked[-1].conversion_of is not None else index - 1
            figure = replace(figure, conversion_of=base)
        marked.append(figure)
    return marked
