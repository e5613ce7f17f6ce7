"""The broken time axis of the static charts: real spacing inside a stretch, breaks across
quiet decades, room for the busy recent years, and tick labels that never overlap."""

from accord.analysis.chart_axis import MIN_LABEL_PX, BrokenAxis, nice_ticks, year_fraction
from accord.analysis.charts import index_svg, timeline_svg

DATES = ["1962-09-05", "1977-07-18"] + ["2025-12-01"] * 12 + ["2025-12-02", "2026-02-05"]


def test_quiet_decades_become_breaks_and_recent_years_get_the_room():
    axis = BrokenAxis([year_fraction(d) for d in DATES], 100, 900)
    assert len(axis.stretches) == 3 and len(axis.breaks()) == 2
    widths = [s.right - s.left for s in axis.stretches]
    assert widths[2] > widths[0] + widths[1]  # most events, most room
    # Inside a stretch, time is spaced for real: 1 Dec to 5 Feb is ~9 times 1 to 8 Dec.
    x = lambda d: axis.x(year_fraction(d))  # noqa: E731
    assert 7 < (x("2026-02-05") - x("2025-12-01")) / (x("2025-12-08") - x("2025-12-01")) < 11
    assert x("1962-09-05") < x("1977-07-18") < x("2025-12-01")


def test_tick_labels_do_not_overlap_and_name_their_year():
    for dates in (DATES, ["2020-01-01", "2026-06-30"], ["1990-05-01"], ["1962-01-01", "2026-12-31"]):
        ticks = BrokenAxis([year_fraction(d) for d in dates], 100, 900).ticks()
        assert ticks
        assert all(b[0] - a[0] >= MIN_LABEL_PX for a, b in zip(ticks, ticks[1:]))
        assert any(label[-4:].isdigit() for _, label in ticks)
    labels = [label for _, label in BrokenAxis([year_fraction(d) for d in DATES], 100, 900).ticks()]
    assert "Jul 1962" in labels and "Jan 2026" in labels


def test_nice_ticks_cover_the_top_value():
    assert nice_ticks(9) == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(1) == [0, 1]
    assert nice_ticks(37)[-1] >= 37 and len(nice_ticks(37)) <= 7


def test_the_svgs_have_ticked_axes_a_legend_and_evidence_on_hover():
    items = [{"date": d, "type": "visit", "source": "VNM", "target": "LAO", "documents": ["a"],
              "evidence": [f"Sentence about {d} <b>"]} for d in DATES]
    svg = timeline_svg(items)
    assert svg.count("<circle") >= len(DATES) and "axis-break" in svg
    assert "Sentence about 1962-09-05 &lt;b&gt;" in svg  # the <title> holds the escaped evidence
    rows = [{"period": p, "events": n, "goldstein_mean": 3.0} for p, n in [("1962", 1), ("2025", 9), ("2026", 1)]]
    index = index_svg(rows)
    assert ">10</text>" in index and ">+10</text>" in index and ">-10</text>" in index  # both y axes
    assert "canonical events (left axis)" in index and "mean Goldstein" in index
    assert index.count("<rect") == 4  # three bars and the legend swatch
