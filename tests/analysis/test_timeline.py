import pytest

from accord.analysis.canonical import merge_events
from accord.analysis.timeline import period_of, relationship_index, timeline

from analysis_fixtures import event


def test_timeline_orders_by_date_and_filters_by_range():
    events = merge_events([event("a", "visit", "KEN", "UGA", "2024-03-05"),
                           event("a", "other", "KEN", "UGA", "1963"),
                           event("b", "meeting_talks", "KEN", "UGA", None)])
    assert [e.date for e in timeline(events)] == ["1963", "2024-03-05", None]
    assert [e.date for e in timeline(events, date_from="2000")] == ["2024-03-05"]
    assert [e.date for e in timeline(events, date_to="1999-12")] == ["1963"]


def test_index_counts_goldstein_and_cooperation_per_period():
    mentions = [event("a", "visit", "KEN", "UGA", "2024-03-05"), event("b", "visit", "KEN", "UGA", "2024-05-05")]
    rows = relationship_index(merge_events(mentions), by="quarter")
    assert [(r.period, r.events) for r in rows] == [("2024-Q1", 1), ("2024-Q2", 1)]
    assert rows[0].cooperative_share == 1.0 and rows[0].goldstein_mean == 1.0


def test_events_less_precise_than_the_period_are_left_out():
    rows = relationship_index(merge_events([event("a", "visit", "KEN", "UGA", "2024")]), by="month")
    assert rows == []


def test_unknown_period_is_an_error():
    with pytest.raises(ValueError):
        period_of("2024-01-01", "week")
