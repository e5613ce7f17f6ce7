"""The pair page's interactive charts: Plotly figures (data and layout as JSON) that
static/pair.js draws with the plotly.js the app serves. The page embeds them as a JSON data
block, so no inline script runs; the static SVG of analysis/charts.py stays in place until
the script replaces it (and is what a browser without scripts shows).

Both charts use a real date axis with a range slider under it: the slider is the overview of
the whole span (1962-2026 and more), and the plot opens on the recent years where the events
crowd; drag on the plot to zoom, double-click to reset, or use the range buttons.
"""

from __future__ import annotations

import textwrap
from datetime import date, timedelta
from html import escape

from accord.analysis.charts import TYPE_COLOURS, index_svg, timeline_svg

GAP_DAYS = 400  # a longer gap between events ends the recent run the charts open on
WRAP = 80  # hover text width, in characters
DAY_MS = 86_400_000
RANGE_BUTTONS = [{"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                 {"count": 3, "label": "3y", "step": "year", "stepmode": "backward"},
                 {"count": 10, "label": "10y", "step": "year", "stepmode": "backward"},
                 {"label": "all", "step": "all"}]


def pair_context(result: dict) -> dict:
    """The pair page's context: the pair view, evidence links, the static SVGs and the figures."""
    links = [evidence_link(item) for item in result["timeline"]]
    return {**result, "links": links,
            "timeline_svg": timeline_svg(result["timeline"], href=lambda i, item: links[i]),
            "index_svg": index_svg(result["index"]),
            "charts": {"timeline": timeline_figure(result["timeline"], links),
                       "index": index_figure(result["index"]),
                       "events": [_event_detail(item, link) for item, link in zip(result["timeline"], links)]}}


def evidence_link(item: dict) -> str:
    """The document view of an event's first report, with its span highlighted."""
    span = item["evidence_spans"][0]
    return f"/documents/{span['doc_id']}?start={span['start']}&end={span['end']}#evidence"


def _day(value: str) -> date:
    parts = [int(p) for p in value.split("-")[:3]]
    return date(parts[0], *(parts[1:] + [1, 1])[:2])


def focus_range(dates: list[str], pad_days: int = 31) -> list[str] | None:
    """The opening x range: the most recent run of dates with no gap over GAP_DAYS, padded;
    None (show everything) when there is only that run."""
    if not dates:
        return None
    days = sorted(map(_day, dates))
    start = days[-1]
    for earlier in reversed(days[:-1]):
        if (start - earlier).days > GAP_DAYS:
            break
        start = earlier
    if start == days[0]:
        return None
    pad = timedelta(days=max(pad_days, (days[-1] - start).days // 10))
    return [(start - pad).isoformat(), (days[-1] + pad).isoformat()]


def _date_axis(dates: list[str], pad_days: int = 31) -> dict:
    axis = {"type": "date", "rangeslider": {"visible": True, "thickness": 0.12},
            "rangeselector": {"buttons": RANGE_BUTTONS, "x": 0, "y": 1.02}, "automargin": True}
    focus = focus_range(dates, pad_days)
    if focus:
        axis["range"] = focus
    return axis


def _hover(item: dict) -> str:
    # Plotly renders a small HTML subset in hover text: article text is escaped first.
    evidence = "<br>".join(escape(line) for line in textwrap.wrap(item["evidence"][0], WRAP)[:6])
    return (f"<b>{escape(item['date'])} · {escape(item['type'])}</b><br>"
            f"{escape(str(item['source']))} → {escape(str(item['target']))} · "
            f"{len(item['documents'])} document(s)<br>{evidence}")


def timeline_figure(items: list[dict], links: list[str]) -> dict:
    """Dated canonical events as dots, one row and one legend entry per event type; a dot's
    size grows with the documents reporting it."""
    dated = [(i, item) for i, item in enumerate(items) if item.get("date")]
    types = sorted({item["type"] for _, item in dated})
    traces = []
    for kind in types:
        rows = [(i, item) for i, item in dated if item["type"] == kind]
        traces.append({
            "type": "scatter", "mode": "markers", "name": kind,
            "x": [item["date"] for _, item in rows], "y": [kind] * len(rows),
            "customdata": [[i, links[i]] for i, _ in rows],
            "hovertext": [_hover(item) for _, item in rows], "hoverinfo": "text",
            "marker": {"color": TYPE_COLOURS.get(kind, "#333"), "opacity": 0.8,
                       "size": [8 + 2 * min(len(item["documents"]), 6) for _, item in rows],
                       "line": {"width": 1, "color": "#fff"}}})
    layout = {"xaxis": _date_axis([item["date"] for _, item in dated]),
              "yaxis": {"type": "category", "categoryarray": types, "automargin": True,
                        "title": {"text": "event type"}},
              "legend": {"title": {"text": "event type"}}, "hovermode": "closest",
              "hoverlabel": {"align": "left"}, "height": 170 + 34 * len(types),
              "margin": {"t": 40, "r": 20}, "dragmode": "zoom"}
    return {"data": traces, "layout": layout, "undated": len(items) - len(dated)}


def _period_span(period: str) -> tuple[date, int]:
    """The first day and length in days of a period label (2025, 2025-Q4, 2025-12)."""
    if "-Q" in period:
        year, quarter = period.split("-Q")
        return date(int(year), 3 * int(quarter) - 2, 1), 91
    if len(period) == 7:
        return _day(period), 30
    return date(int(period), 1, 1), 365


def index_figure(rows: list[dict]) -> dict:
    """Canonical events per period as bars (left axis) and the mean Goldstein score as a line
    on its own -10..+10 axis (right), each at the period's place in time."""
    middles, widths = [], []
    for row in rows:
        first, days = _period_span(row["period"])
        middles.append((first + timedelta(days=days // 2)).isoformat())
        widths.append(days * 0.8 * DAY_MS)
    bars = {"type": "bar", "name": "canonical events", "x": middles, "y": [r["events"] for r in rows],
            "width": widths, "marker": {"color": "#9ecae1"}, "yaxis": "y",
            "hovertext": [f"{escape(r['period'])}: {r['events']} events, "
                          f"{r['cooperative_share']:.0%} cooperative" for r in rows], "hoverinfo": "text"}
    line = {"type": "scatter", "mode": "lines+markers", "name": "mean Goldstein score (−10 to +10)",
            "x": middles, "y": [r["goldstein_mean"] for r in rows], "yaxis": "y2",
            "line": {"color": "#d62728"}, "hovertext": [f"{escape(r['period'])}: mean Goldstein "
                                                        f"{r['goldstein_mean']:+.2f}" for r in rows],
            "hoverinfo": "text"}
    # Padded by half a year so that the bars of a yearly index are not cut at the edges.
    layout = {"xaxis": _date_axis(middles, pad_days=200),
              "yaxis": {"title": {"text": "canonical events"}, "rangemode": "tozero", "tickformat": "d",
                        "automargin": True},
              "yaxis2": {"title": {"text": "mean Goldstein"}, "overlaying": "y", "side": "right",
                         "range": [-10.5, 10.5], "tickvals": [-10, -5, 0, 5, 10], "zeroline": True},
              "legend": {"orientation": "h", "x": 1, "xanchor": "right", "y": 1.02, "yanchor": "bottom"},
              "hovermode": "closest", "height": 380,
              "margin": {"t": 40}, "bargap": 0.1}
    return {"data": [bars, line], "layout": layout}


def _event_detail(item: dict, link: str) -> dict:
    return {"date": item["date"], "type": item["type"], "source": item["source"], "target": item["target"],
            "documents": len(item["documents"]), "evidence": item["evidence"][:3], "link": link}
