"""Static SVG charts (no JavaScript, nothing fetched), for the report and the web pages.

Both charts put time on a broken axis (analysis/chart_axis.py): real spacing inside each
stretch of years, a break mark across the quiet decades. Hovering a dot or bar shows its
<title> (for a timeline dot: the event and its first sentence of evidence).
"""

from __future__ import annotations

from html import escape

from accord.analysis.chart_axis import BrokenAxis, nice_ticks, year_fraction
from accord.extract.event_types import type_colours

TYPE_COLOURS = type_colours()
FONT = 'font-family="system-ui,sans-serif"'


def _open(width: int, height: int, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
            f'role="img" aria-label="{label}" {FONT}>')


def _time_axis(axis: BrokenAxis, top: float, bottom: float) -> list[str]:
    """Grid lines and labels of the ticks, and a break mark between stretches."""
    parts = []
    for stretch in axis.stretches:
        parts.append(f'<line x1="{stretch.left:.1f}" x2="{stretch.right:.1f}" y1="{bottom}" y2="{bottom}" '
                     f'stroke="#999"/>')
    for pixel, label in axis.ticks():
        parts.append(f'<line x1="{pixel:.1f}" x2="{pixel:.1f}" y1="{top}" y2="{bottom + 4}" stroke="#e4e4e4"/>')
        parts.append(f'<text x="{pixel:.1f}" y="{bottom + 17}" text-anchor="middle" font-size="11">'
                     f'{escape(label)}</text>')
    for pixel in axis.breaks():
        parts.append(f'<path d="M{pixel - 6:.1f},{bottom + 5} l6,-10 M{pixel:.1f},{bottom + 5} l6,-10" '
                     f'stroke="#666" class="axis-break"><title>years without events left out</title></path>')
    return parts


def timeline_svg(items: list[dict], width: int = 900, row_height: int = 22, href=None) -> str:
    """Dated canonical events as dots on a broken time axis, one row per event type; each dot
    links to `href(index, item)` (default: the anchor #event-N of the event's row)."""
    href = href or (lambda index, item: f"#event-{index}")
    dated = [(i, item) for i, item in enumerate(items) if item.get("date")]
    if not dated:
        return "<p>No dated events.</p>"
    types = sorted({item["type"] for _, item in dated})
    left, right, top = 225, 20, 30
    bottom = top + row_height * len(types)
    height = bottom + 44
    axis = BrokenAxis([year_fraction(item["date"]) for _, item in dated], left, width - right)
    parts = [_open(width, height, "timeline of events"),
             f'<text x="{left}" y="16" font-size="11" fill="#555">dot size: documents reporting the event · '
             f'hover a dot for its evidence, click it for the event</text>']
    for row, kind in enumerate(types):
        y = top + row * row_height + row_height / 2
        parts.append(f'<circle cx="{left - 8}" cy="{y}" r="4" fill="{TYPE_COLOURS.get(kind, "#333")}"/>')
        parts.append(f'<text x="{left - 16}" y="{y + 4}" text-anchor="end" font-size="12">{escape(kind)}</text>')
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" stroke="#f0f0f0"/>')
    parts += _time_axis(axis, top, bottom)
    for index, item in dated:
        y = top + types.index(item["type"]) * row_height + row_height / 2
        radius = 3 + min(len(item.get("documents", [])), 5)
        colour = TYPE_COLOURS.get(item["type"], "#333")
        evidence = (item.get("evidence") or [""])[0]
        title = (f"{item['date']} {item['type']} {item['source']}→{item['target']} "
                 f"({len(item.get('documents', []))} docs)\n{evidence}")
        parts.append(f'<a href="{escape(href(index, item))}"><circle cx="{axis.x(year_fraction(item["date"])):.1f}" '
                     f'cy="{y:.1f}" r="{radius}" fill="{colour}" fill-opacity="0.75" stroke="#fff">'
                     f'<title>{escape(title)}</title></circle></a>')
    parts.append("</svg>")
    return "".join(parts)


def _period_years(period: str) -> tuple[float, float]:
    """A period label's start as a fractional year and its length in years."""
    if "-Q" in period:
        year, quarter = period.split("-Q")
        return int(year) + (int(quarter) - 1) / 4, 0.25
    if len(period) == 7:
        return int(period[:4]) + (int(period[5:7]) - 1) / 12, 1 / 12
    return float(int(period)), 1.0


def index_svg(rows: list[dict], width: int = 900, height: int = 280) -> str:
    """Events per period as bars (left axis) and the mean Goldstein score (-10..10, right axis)
    as a line, on a broken time axis."""
    if not rows:
        return "<p>No dated events to index.</p>"
    left, right, top, bottom = 56, 56, 34, height - 40
    plot_h = bottom - top
    spans = [_period_years(r["period"]) for r in rows]
    middles = [start + length / 2 for start, length in spans]
    axis = BrokenAxis(middles, left, width - right, pad=max(length for _, length in spans) * 0.6)
    ticks = nice_ticks(max(r["events"] for r in rows))
    most = ticks[-1]
    parts = [_open(width, height, "relationship index")]
    for value in ticks:
        y = bottom - value / most * plot_h
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#f0f0f0"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{value:g}</text>')
    for score in (-10, -5, 0, 5, 10):
        y = top + plot_h / 2 - score / 10 * plot_h / 2
        parts.append(f'<text x="{width - right + 6}" y="{y + 4:.1f}" font-size="11" fill="#d62728">{f"{score:+d}" if score else "0"}</text>')
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h / 2}" y2="{top + plot_h / 2}" '
                 f'stroke="#f4a3a3" stroke-dasharray="4"/>')
    parts += _time_axis(axis, top, bottom)
    parts += _index_marks(rows, spans, middles, axis, (top, bottom))
    parts += _index_legend(left, width - right)
    parts.append("</svg>")
    return "".join(parts)


def _index_marks(rows, spans, middles, axis: BrokenAxis, band: tuple[float, float]) -> list[str]:
    top, bottom = band
    plot_h = bottom - top
    most = nice_ticks(max(r["events"] for r in rows))[-1]
    parts, line, stretch = [], [], None
    for row, (start, length), middle in zip(rows, spans, middles):
        x, bar = axis.x(middle), row["events"] / most * plot_h
        half = max((axis.x(start + length) - axis.x(start)) * 0.4, 3)
        parts.append(f'<rect x="{x - half:.1f}" y="{bottom - bar:.1f}" width="{2 * half:.1f}" height="{bar:.1f}" '
                     f'fill="#9ecae1"><title>{escape(row["period"])}: {row["events"]} events</title></rect>')
        y = top + plot_h / 2 - row["goldstein_mean"] / 10 * plot_h / 2
        here = next(s for s in axis.stretches if s.left <= x <= s.right)
        if here is not stretch and len(line) > 1:  # no line across a break
            parts.append(_polyline(line))
        if here is not stretch:
            line, stretch = [], here
        line.append((x, y))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#d62728"><title>{escape(row["period"])}: '
                     f'mean Goldstein {row["goldstein_mean"]:+.2f}</title></circle>')
    if len(line) > 1:
        parts.append(_polyline(line))
    return parts


def _polyline(points: list[tuple[float, float]]) -> str:
    joined = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return f'<polyline points="{joined}" fill="none" stroke="#d62728" stroke-width="2"/>'


def _index_legend(left: float, right: float) -> list[str]:
    return [f'<rect x="{left}" y="8" width="12" height="10" fill="#9ecae1"/>',
            f'<text x="{left + 17}" y="17" font-size="11">canonical events (left axis)</text>',
            f'<line x1="{left + 200}" x2="{left + 220}" y1="13" y2="13" stroke="#d62728" stroke-width="2"/>',
            f'<text x="{left + 225}" y="17" font-size="11">mean Goldstein score, −10 to +10 (right axis)</text>']
