"""The pair page's Plotly figures: real date axes opening on the recent events, legends, ticked
y axes, escaped hover text, and the page's data block made from the pair's JSON view."""

import json
import re
from html import unescape

from accord.web.charts import focus_range, index_figure, timeline_figure


def _event(date, kind="visit", sentence="The ministers met.", docs=("d1",)):
    return {"date": date, "type": kind, "source": "VNM", "target": "LAO", "documents": list(docs),
            "evidence": [sentence], "evidence_spans": [{"doc_id": docs[0], "start": 0, "end": 5}]}


def test_the_opening_range_is_the_recent_run_of_events():
    focus = focus_range(["1962-09-05", "1977-07-18", "2025-12-01", "2025-12-02", "2026-02-05"])
    assert "2025-10" < focus[0] < "2025-12-01" and "2026-02-05" < focus[1] < "2026-04"
    assert focus_range(["2025-12-01", "2026-02-05"]) is None  # one run: show it all
    assert focus_range([]) is None


def test_timeline_has_a_trace_per_type_on_a_date_axis_with_a_slider():
    items = [_event("1962-09-05", "other"), _event("2025-12-01"), _event("2025-12-02", "meeting_talks"),
             _event(None, "visit")]
    figure = timeline_figure(items, [f"/documents/d1#{i}" for i in range(4)])
    assert [t["name"] for t in figure["data"]] == ["meeting_talks", "other", "visit"]
    assert figure["undated"] == 1
    axis = figure["layout"]["xaxis"]
    assert axis["type"] == "date" and axis["rangeslider"]["visible"] and axis["range"][0] > "2025"
    visits = figure["data"][2]
    assert visits["x"] == ["2025-12-01"] and visits["customdata"] == [[1, "/documents/d1#1"]]


def test_hover_text_escapes_the_article():
    hostile = '<a href="javascript:alert(1)">x</a> <script>alert(2)</script> ' + "word " * 40
    trace = timeline_figure([_event("2025-01-01", sentence=hostile)], ["/x"])["data"][0]
    text = trace["hovertext"][0]
    assert "<a " not in text and "<script" not in text and "&lt;script&gt;" in text
    assert text.count("<br>") >= 3  # wrapped to a readable width


def test_index_places_periods_in_time_with_two_ticked_axes():
    rows = [{"period": p, "events": n, "goldstein_mean": g, "cooperative_share": 1.0}
            for p, n, g in [("1962", 1, 4.0), ("2025", 9, 4.5), ("2026", 1, 2.0)]]
    bars, line = index_figure(rows)["data"]
    assert bars["x"] == ["1962-07-02", "2025-07-02", "2026-07-02"]  # real spacing, not evenly
    assert line["yaxis"] == "y2" and line["y"] == [4.0, 4.5, 2.0]
    layout = index_figure(rows)["layout"]
    assert layout["yaxis2"]["tickvals"] == [-10, -5, 0, 5, 10] and layout["yaxis"]["rangemode"] == "tozero"
    quarters = index_figure([{**rows[0], "period": "2025-Q4"}])["data"][0]
    assert quarters["x"] == ["2025-11-15"]


def test_the_pair_page_charts_come_from_the_pair_json(client):
    api = client.get("/api/pairs/VNM-LAO").json()
    page = client.get("/pairs/VNM-LAO").text
    block = re.search(r'<script type="application/json" id="pair-charts">(.*?)</script>', page, re.S)
    charts = json.loads(unescape(block.group(1)))
    plotted = sorted(d for trace in charts["timeline"]["data"] for d in trace["x"])
    assert plotted == sorted(e["date"] for e in api["timeline"] if e["date"])
    assert [e["evidence"][0] for e in charts["events"]] == [e["evidence"][0] for e in api["timeline"]]
    assert len(charts["index"]["data"][0]["x"]) == len(api["index"])
    assert '<script src="/vendor/plotly.min.js"></script>' in page
