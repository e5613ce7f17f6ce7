from accord.analysis.canonical import dates_agree, merge_events

from analysis_fixtures import event


def test_reports_of_one_meeting_from_two_documents_merge_into_one_event():
    events = merge_events([
        event("a", "meeting_talks", "KEN", "UGA", "2024-03-05", outlet="Daily Nation", published="2024-03-06"),
        event("b", "meeting_talks", "UGA", "KEN", "2024-03-05", outlet="New Vision", published="2024-03-05"),
        event("c", "meeting_talks", "KEN", "UGA", "2024-03", outlet="The Star", published="2024-03-20"),
    ])
    assert len(events) == 1
    merged = events[0]
    assert merged.documents == ["a", "b", "c"]
    assert merged.outlets == ["Daily Nation", "New Vision", "The Star"]
    assert merged.date == "2024-03-05" and merged.precision == "day"
    assert merged.earliest_report == "2024-03-05"
    assert (merged.source, merged.target) == ("KEN", "UGA")  # two of three mentions


def test_same_day_but_different_pair_does_not_merge():
    events = merge_events([event("a", "visit", "JPN", "IND", "2023-09-10"),
                           event("b", "visit", "JPN", "IDN", "2023-09-10")])
    assert len(events) == 2


def test_same_pair_and_day_but_different_type_does_not_merge():
    events = merge_events([event("a", "visit", "BRA", "ARG", "2022-05-01"),
                           event("b", "agreement_signed", "BRA", "ARG", "2022-05-01")])
    assert sorted(e.type for e in events) == ["agreement_signed", "visit"]


def test_different_days_do_not_merge_but_month_joins_the_day():
    events = merge_events([event("a", "visit", "FRA", "DEU", "2021-06-01"),
                           event("b", "visit", "FRA", "DEU", "2021-06-03"),
                           event("c", "visit", "FRA", "DEU", "2021-07")])
    assert sorted(e.date for e in events) == ["2021-06-01", "2021-06-03", "2021-07"]


def test_conflicting_locations_keep_events_apart():
    events = merge_events([event("a", "meeting_talks", "AUS", "IDN", "2020-02-02", location="Jakarta"),
                           event("b", "meeting_talks", "AUS", "IDN", "2020-02-02", location="Canberra")])
    assert len(events) == 2


def test_undated_mention_joins_the_one_dated_event_of_its_own_document():
    events = merge_events([event("a", "visit", "KEN", "UGA", "2024-03-05"),
                           event("a", "visit", "KEN", "UGA", None),
                           event("b", "visit", "KEN", "UGA", None)])
    dated = next(e for e in events if e.date)
    undated = [e for e in events if e.date is None]
    assert dated.documents == ["a"] and len(dated.mentions) == 2
    assert len(undated) == 1 and undated[0].documents == ["b"]


def test_dates_agree_at_the_coarser_precision():
    assert dates_agree("2025-12", "2025-12-01")
    assert dates_agree("2025", "2025-12-01")
    assert not dates_agree("2025-11", "2025-12-01")
    assert not dates_agree(None, "2025")


def test_a_welcome_thanks_and_congratulations_on_one_day_are_three_acts():
    events = merge_events([
        event("a", "statement_praise", "LAO", "VNM", "2025-12-01", sentence="The president warmly welcomed the guest."),
        event("b", "statement_praise", "LAO", "VNM", "2025-12-01", sentence="The host welcomed the delegation."),
        event("a", "statement_praise", "LAO", "VNM", "2025-12-01", sentence="He thanked the guest for the gift."),
        event("c", "statement_praise", "VNM", "LAO", "2025-12-01", sentence="They sent congratulations on the day."),
        event("d", "statement_praise", "VNM", "LAO", "2025-12-01", sentence="Media praised the enduring bond."),
        event("e", "statement_praise", "LAO", "VNM", "2025-12-01", sentence="Media praised the enduring bond."),
    ])
    assert len(events) == 5
    welcome = next(e for e in events if len(e.mentions) == 2)
    assert welcome.documents == ["a", "b"]  # one welcome, reported twice


def test_joint_acts_of_one_day_still_merge_whatever_side_a_sentence_names_first():
    events = merge_events([event("a", "meeting_talks", "VNM", "LAO", "2025-12-01", sentence="They welcomed talks."),
                           event("b", "meeting_talks", "LAO", "VNM", "2025-12-01", sentence="Talks were held.")])
    assert len(events) == 1


def test_an_undated_report_naming_the_visit_days_joins_the_dated_visit():
    events = merge_events([
        event("a", "visit", "VNM", "LAO", "2025-12-01", sentence="The state visit began on December 1, 2025."),
        event("b", "visit", "VNM", "LAO", None, sentence="During a state visit on Dec 1-2, the leaders met."),
        event("b", "visit", "VNM", "LAO", None, sentence="The trip was made at the request of the hosts."),
        event("c", "visit", "VNM", "LAO", None, sentence="A visit from September 10-13 is planned."),
        event("d", "visit", "VNM", "LAO", None, sentence="Another visit was reported."),
    ])
    dated = next(e for e in events if e.date)
    assert dated.documents == ["a", "b"] and len(dated.mentions) == 3
    undated = sorted(e.documents for e in events if e.date is None)
    assert undated == [["c"], ["d"]]  # different documents, no shared day: not one event


def test_an_undated_report_stays_apart_when_two_years_have_an_event_on_that_day():
    events = merge_events([event("a", "visit", "VNM", "LAO", "2019-12-01"),
                           event("b", "visit", "VNM", "LAO", "2025-12-01"),
                           event("c", "visit", "VNM", "LAO", None, sentence="He arrived on 1 December.")])
    assert [e.documents for e in events if e.date is None] == [["c"]]


def test_undated_reports_of_two_documents_naming_the_same_day_are_one_event():
    events = merge_events([event("a", "meeting_talks", "KEN", "UGA", None, sentence="Talks on March 5 went well."),
                           event("b", "meeting_talks", "UGA", "KEN", None, sentence="On 5 March the two met.")])
    assert len(events) == 1 and events[0].documents == ["a", "b"]
