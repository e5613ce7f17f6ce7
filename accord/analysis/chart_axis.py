"""A broken time axis for the static SVG charts: the dates are split where nothing happens for
years, each stretch keeps real time spacing inside it, and the stretches share the width by how
long they are and how many events they hold. A record running 1962-2026 with most events in
2025 thus shows 1962 and 1977 as narrow stretches and 2025-26 wide, with a break mark between.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

GAP_YEARS = 3.0  # a longer quiet spell breaks the axis
BREAK_PX = 22  # room for the break mark between two stretches
MIN_LABEL_PX = 64  # tick labels closer than this would overlap
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
STEPS = (1 / 12, 2 / 12, 3 / 12, 6 / 12, 1, 2, 5, 10, 20, 50)


def year_fraction(date: str) -> float:
    """A date (YYYY, YYYY-MM or YYYY-MM-DD) as a fractional year, mid-period when imprecise."""
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else 6.5
    day = int(date[8:10]) if len(date) >= 10 else 15
    return year + (month - 1) / 12 + (day - 1) / 365


@dataclass(frozen=True)
class Stretch:
    """One unbroken part of the axis: years `low`..`high` drawn at pixels `left`..`right`."""

    low: float
    high: float
    left: float
    right: float
    events: int

    def x(self, value: float) -> float:
        """The pixel of a fractional year inside this stretch."""
        return self.left + (value - self.low) / (self.high - self.low) * (self.right - self.left)


def _runs(values: list[float]) -> list[list[float]]:
    runs: list[list[float]] = []
    for value in sorted(values):
        if runs and value - runs[-1][-1] <= GAP_YEARS:
            runs[-1].append(value)
        else:
            runs.append([value])
    return runs


def _padded(run: list[float], pad: float) -> tuple[float, float]:
    low, high = run[0], run[-1]
    pad = max(pad, (high - low) * 0.05)
    low, high = low - pad, high + pad
    if high - low < 0.5:  # at least half a year, so one dot does not fill a stretch
        middle = (low + high) / 2
        low, high = middle - 0.25, middle + 0.25
    return low, high


class BrokenAxis:
    """Maps fractional years to pixels between `left` and `right`, with breaks."""

    def __init__(self, values: list[float], left: float, right: float, pad: float = 0.08):
        runs = _runs(values)
        bounds = [_padded(run, pad) for run in runs]
        weights = [max(high - low, 1.0) * math.sqrt(1 + len(run)) for run, (low, high) in zip(runs, bounds)]
        room = right - left - BREAK_PX * (len(runs) - 1)
        widths = [room * w / sum(weights) for w in weights]
        self.stretches: list[Stretch] = []
        cursor = left
        for (low, high), width, run in zip(bounds, widths, runs):
            self.stretches.append(Stretch(low, high, cursor, cursor + width, len(run)))
            cursor += width + BREAK_PX

    def x(self, value: float) -> float:
        """The pixel of a fractional year (which must lie in one of the stretches)."""
        for stretch in self.stretches:
            if stretch.low <= value <= stretch.high:
                return stretch.x(value)
        nearest = min(self.stretches, key=lambda s: min(abs(value - s.low), abs(value - s.high)))
        return nearest.x(min(max(value, nearest.low), nearest.high))

    def breaks(self) -> list[float]:
        """The pixel centres of the break marks."""
        return [s.right + BREAK_PX / 2 for s in self.stretches[:-1]]

    def ticks(self) -> list[tuple[float, str]]:
        """(pixel, label) of the tick marks, spaced so that no two labels overlap; a month
        label names its year when it is the first of a stretch or of a year."""
        ticks: list[tuple[float, str]] = []
        for stretch in self.stretches:
            found = _stretch_ticks(stretch)
            if not found:  # too narrow for a tick: name its year in the middle
                middle = (stretch.low + stretch.high) / 2
                found = [(stretch.x(middle), int(middle), None)]
            shown_year = None
            for pixel, year, month in found:
                if ticks and pixel - ticks[-1][0] < MIN_LABEL_PX:
                    continue
                if month is None:
                    label = str(year)
                else:
                    label = MONTHS[month] if year == shown_year else f"{MONTHS[month]} {year}"
                shown_year = year
                ticks.append((pixel, label))
        return ticks


def _stretch_ticks(stretch: Stretch) -> list[tuple[float, int, int | None]]:
    """(pixel, year, month index or None for a year tick) at a step that leaves room for labels."""
    span = stretch.high - stretch.low
    width = stretch.right - stretch.left
    step = next((s for s in STEPS if width / (span / s) >= MIN_LABEL_PX), STEPS[-1])
    months = round(step * 12)
    first = math.ceil(stretch.low * 12 / months) * months  # in months since year 0
    found = []
    for index in range(first, int(stretch.high * 12) + 1, months):
        year, month = divmod(index, 12)
        found.append((stretch.x(index / 12), year, month if step < 1 else None))
    return found


def nice_ticks(most: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `most` (about `count` of them)."""
    if most <= 0:
        return [0, 1]
    raw = most / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if step < 1 and most >= 1:
        step = 1
    top = math.ceil(most / step) * step
    return [round(i * step, 6) for i in range(int(round(top / step)) + 1)]
