"""Static SVG charts (no JavaScript, nothing fetched), for the report and the web pages."""

from __future__ import annotations

from html import escape

from accord.extract.event_types import type_colours

TYPE_COLOURS = type_colours()


def _year_fraction(date: str) -> float:
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else 6.5
    day = int(date[8:10]) if len(date) >= 10 else 15
    return year + (month - 1) / 12 + (day - 1) / 365


def timeline_svg(items: list[dict], width: int = 900, row_height: int = 22, href=None) -> str:
    """Dated canonical events as dots on a time axis, one row per event type; each dot links to
    `href(index, item)` (default: the anchor #event-N of the event's row)."""
    href = href or (lambda index, item: f"#event-{index}")
    dated = [(i, item) for i, item in enumerate(items) if item.get("date")]
    if not dated:
        return "<p>No dated events.</p>"
    types = sorted({item["type"] for _, item in dated})
    start = min(_year_fraction(item["date"]) for _, item in dated)
    end = max(_year_fraction(item["date"]) for _, item in dated)
    span = max(end - start, 1.0)
    left, right, top = 190, 20, 20
    height = top + row_height * len(types) + 40
    plot = width - left - right

    def x(date: str) -> float:
        return left + (_year_fraction(date) - start) / span * plot

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="timeline of events">']
    for row, kind in enumerate(types):
        y = top + row * row_height + row_height / 2
        parts.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end" font-size="12">{escape(kind)}</text>')
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" stroke="#eee"/>')
    for year in _ticks(int(start), int(end) + 1):
        xpos = left + (year - start) / span * plot
        if left <= xpos <= width - right:
            parts.append(f'<line x1="{xpos:.1f}" x2="{xpos:.1f}" y1="{top}" y2="{height - 30}" stroke="#ddd"/>')
            parts.append(f'<text x="{xpos:.1f}" y="{height - 14}" text-anchor="middle" font-size="11">{year}</text>')
    for index, item in dated:
        y = top + types.index(item["type"]) * row_height + row_height / 2
        radius = 4 + min(len(item.get("documents", [])), 6)
        colour = TYPE_COLOURS.get(item["type"], "#333")
        title = f"{item['date']} {item['type']} {item['source']}→{item['target']} ({len(item.get('documents', []))} docs)"
        parts.append(f'<a href="{escape(href(index, item))}"><circle cx="{x(item["date"]):.1f}" cy="{y:.1f}" r="{radius}" '
                     f'fill="{colour}" fill-opacity="0.75"><title>{escape(title)}</title></circle></a>')
    parts.append("</svg>")
    return "".join(parts)


def _ticks(first: int, last: int) -> list[int]:
    span = max(last - first, 1)
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if span / s <= 12)
    return [y for y in range(first - first % step, last + 1, step)]


def index_svg(rows: list[dict], width: int = 900, height: int = 260) -> str:
    """Events per period as bars, and the mean Goldstein score (-10..10) as a line."""
    if not rows:
        return "<p>No dated events to index.</p>"
    left, right, top, bottom = 50, 50, 20, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    most = max(r["events"] for r in rows) or 1
    step = plot_w / len(rows)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="relationship index">',
             f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h / 2}" y2="{top + plot_h / 2}" stroke="#ccc" stroke-dasharray="4"/>']
    points = []
    for i, row in enumerate(rows):
        bar = row["events"] / most * plot_h
        x = left + i * step
        parts.append(f'<rect x="{x + step * 0.15:.1f}" y="{top + plot_h - bar:.1f}" width="{step * 0.7:.1f}" '
                     f'height="{bar:.1f}" fill="#9ecae1"><title>{escape(row["period"])}: {row["events"]} events'
                     f'</title></rect>')
        parts.append(f'<text x="{x + step / 2:.1f}" y="{height - 22}" text-anchor="middle" font-size="11">'
                     f'{escape(row["period"])}</text>')
        y = top + plot_h / 2 - row["goldstein_mean"] / 10 * plot_h / 2
        points.append(f"{x + step / 2:.1f},{y:.1f}")
    parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#d62728" stroke-width="2"/>')
    for point, row in zip(points, rows):
        px, py = point.split(",")
        parts.append(f'<circle cx="{px}" cy="{py}" r="3" fill="#d62728"><title>mean Goldstein '
                     f'{row["goldstein_mean"]:+.2f}</title></circle>')
    parts.append(f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" font-size="11">{most}</text>')
    parts.append(f'<text x="{width - right + 6}" y="{top + 10}" font-size="11" fill="#d62728">+10</text>')
    parts.append(f'<text x="{width - right + 6}" y="{top + plot_h}" font-size="11" fill="#d62728">-10</text>')
    parts.append(f'<text x="{left}" y="{height - 4}" font-size="11">bars: canonical events; '
                 f'red line: mean Goldstein score</text>')
    parts.append("</svg>")
    return "".join(parts)
