"""The pair report: one self-contained HTML file (inline CSS and SVG, works offline) or Markdown."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape

from accord.analysis import views
from accord.analysis.charts import index_svg, timeline_svg
from accord.extract.gazetteer import load_gazetteer


@dataclass
class ReportData:
    """Everything a report shows."""

    pair: str
    names: tuple[str, str]
    timeline: list[dict]
    index: list[dict]
    commitments: list[dict]
    variants: list[dict]
    generated: str


def build_report(conn: sqlite3.Connection, query: views.PairQuery) -> ReportData:
    """Collect the views of one pair."""
    gazetteer = load_gazetteer()
    names = tuple(gazetteer.country_name(c) or c for c in query.countries)
    return ReportData(
        pair="-".join(query.countries), names=names,
        timeline=views.timeline_view(conn, query), index=views.index_view(conn, query),
        commitments=views.commitments_view(conn, query), variants=views.variants_view(conn, query),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


_CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
.bar{background:#eee;width:140px;height:12px;border-radius:6px;overflow:hidden;display:inline-block}
.bar span{display:block;height:100%;background:#31a354}.status-behind .bar span{background:#fd8d3c}
.status-overdue .bar span{background:#d62728}details{margin:2px 0}summary{cursor:pointer}
blockquote{margin:4px 0 4px 1em;color:#444;border-left:3px solid #ddd;padding-left:8px}
.doc{font-family:monospace;color:#666}.chart{width:100%;height:auto}
"""


def render_html(data: ReportData) -> str:
    """The report as one HTML file; every value from articles is escaped."""
    title = f"{data.names[0]} – {data.names[1]}: relationship report"
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>",
             f"<style>{_CSS}</style></head><body>",
             f"<h1>{escape(title)}</h1><p>Generated {escape(data.generated)} by accord. "
             f"{len(data.timeline)} canonical events, {len(data.commitments)} commitments, "
             f"{len(data.variants)} disagreements.</p>",
             "<h2>Timeline</h2>", timeline_svg(data.timeline),
             "<h2>Relationship index</h2>", index_svg(data.index),
             "<h2>Commitments</h2>", _commitments_html(data.commitments),
             "<h2>Where sources disagree</h2>", _variants_html(data.variants),
             "<h2>Events and their evidence</h2>", _events_html(data.timeline),
             "</body></html>"]
    return "".join(parts)


def _evidence(sentences: list[str], documents: list[str]) -> str:
    quotes = "".join(f"<blockquote>{escape(s)}</blockquote>" for s in sentences)
    docs = ", ".join(f"<span class='doc'>{escape(d)}</span>" for d in documents)
    return f"<details><summary>evidence ({len(sentences)})</summary>{quotes}<p>documents: {docs}</p></details>"


def _commitments_html(rows: list[dict]) -> str:
    if not rows:
        return "<p>No numeric targets found.</p>"
    body = []
    for row in rows:
        actual = row["latest_actual"]
        progress = row["progress"]
        width = max(0, min(100, round((progress or 0) * 100)))
        bar = f"<span class='bar'><span style='width:{width}%'></span></span> {progress:.0%}" if progress is not None else "–"
        actual_text = (f"{actual['value']:,.0f} ({escape(actual['period'] or '')})" +
                       _evidence([actual["evidence"]], [actual["document"]])) if actual else "no data"
        body.append(f"<tr class='status-{escape(row['status'].replace(' ', '-'))}'><td>{escape(row['quantity'])}</td>"
                    f"<td>{row['target_value']:,.0f} {escape(row['unit'])}{_evidence(row['evidence'], row['documents'])}</td>"
                    f"<td>{escape(row['deadline'] or '–')}</td><td>{actual_text}</td><td>{bar}</td>"
                    f"<td>{escape(row['status'])}</td></tr>")
    return ("<table><tr><th>quantity</th><th>target</th><th>deadline</th><th>latest actual</th>"
            "<th>progress</th><th>status</th></tr>" + "".join(body) + "</table>")


def _variants_html(rows: list[dict]) -> str:
    if not rows:
        return "<p>No disagreements found.</p>"
    items = []
    for row in rows:
        variants = "".join(
            f"<li>“{escape(v['value'])}” <span class='doc'>{escape(', '.join(v['documents']))}</span>"
            f"{(' — ' + escape(', '.join(v['outlets']))) if v['outlets'] else ''}</li>" for v in row["variants"])
        items.append(f"<li><b>{escape(row['kind'])}</b>: {escape(row['subject'])}<ul>{variants}</ul></li>")
    return "<ul>" + "".join(items) + "</ul>"


def _events_html(items: list[dict]) -> str:
    rows = []
    for index, item in enumerate(items):
        rows.append(f"<tr id='event-{index}'><td>{escape(item['date'] or '–')}</td><td>{escape(item['type'])}</td>"
                    f"<td>{escape(item['cameo'])}</td><td>{escape(str(item['source']))} → {escape(str(item['target']))}</td>"
                    f"<td>{len(item['documents'])}</td><td>{_evidence(item['evidence'], item['documents'])}</td></tr>")
    return ("<table><tr><th>date</th><th>type</th><th>CAMEO</th><th>direction</th><th>documents</th>"
            "<th>evidence</th></tr>" + "".join(rows) + "</table>")


def render_markdown(data: ReportData) -> str:
    """The report as Markdown for pasting into a brief."""
    lines = [f"# {data.names[0]} – {data.names[1]}: relationship report", "",
             f"Generated {data.generated} by accord.", "", "## Timeline", "",
             "| date | type | CAMEO | direction | documents | evidence |", "|---|---|---|---|---|---|"]
    for item in data.timeline:
        lines.append(f"| {item['date'] or '–'} | {item['type']} | {item['cameo']} | {item['source']} → "
                     f"{item['target']} | {len(item['documents'])} | {_md(item['evidence'][0])} |")
    lines += ["", "## Relationship index", "", "| period | events | Goldstein sum | mean | cooperative |",
              "|---|---|---|---|---|"]
    lines += [f"| {r['period']} | {r['events']} | {r['goldstein_sum']:.1f} | {r['goldstein_mean']:.2f} | "
              f"{r['cooperative_share']:.0%} |" for r in data.index]
    lines += ["", "## Commitments", "", "| quantity | target | deadline | latest actual | progress | status |",
              "|---|---|---|---|---|---|"]
    for row in data.commitments:
        actual = row["latest_actual"]
        actual_text = f"{actual['value']:,.0f} ({actual['period']})" if actual else "no data"
        progress = f"{row['progress']:.0%}" if row["progress"] is not None else "–"
        lines.append(f"| {row['quantity']} | {row['target_value']:,.0f} {row['unit']} | "
                     f"{row['deadline'] or '–'} | {actual_text} | {progress} | {row['status']} |")
    lines += ["", "## Where sources disagree", ""]
    for row in data.variants:
        lines.append(f"- **{row['kind']}**: {_md(row['subject'])}")
        lines += [f"  - “{_md(v['value'])}” ({', '.join(v['documents'])})" for v in row["variants"]]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())
