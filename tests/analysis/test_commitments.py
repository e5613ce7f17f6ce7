from accord.analysis.commitments import deadline_of, period_year, track_commitments

from analysis_fixtures import fact


def test_target_gets_latest_whole_year_actual_and_partial_periods_are_ignored():
    facts = [
        fact("a", "trade_turnover", 5e9, "USD", None, True),
        fact("b", "trade_turnover", 1.2e9, "USD", "in 2021", False),
        fact("b", "trade_turnover", 1.6e9, "USD", "in 2023", False),
        fact("b", "trade_turnover", 1.3e9, "USD", "first 8 months of 2024", False),
        fact("c", "trade_turnover", 5e9, "USD", None, True),
    ]
    [commitment] = track_commitments(facts, reference_year=2025)
    assert commitment.documents == ["a", "c"]
    assert commitment.latest_actual.value == 1.6e9
    assert round(commitment.progress, 2) == 0.32
    assert commitment.status == "no deadline"  # short of the target, but not behind any date


def test_behind_needs_a_deadline():
    facts = [fact("a", "trade_turnover", 5e9, "USD", "by 2030", True),
             fact("b", "trade_turnover", 1.6e9, "USD", "in 2023", False)]
    [commitment] = track_commitments(facts, reference_year=2025)
    assert commitment.deadline == "2030" and commitment.status == "behind"


def test_a_figure_from_before_the_target_was_set_is_its_baseline_not_progress():
    facts = [fact("a", "trade_turnover", 5e9, "USD", "by 2030", True, published="2025-12-01"),
             fact("b", "trade_turnover", 1.6e9, "USD", "in 2023", False, published="2024-02-01")]
    [commitment] = track_commitments(facts, reference_year=2026)
    assert commitment.set_year == 2025
    assert commitment.baseline.value == 1.6e9 and commitment.latest_actual is None
    assert commitment.progress is None and commitment.status == "no data"
    shown = commitment.as_json()
    assert shown["baseline"]["period"] == "in 2023" and shown["latest_actual"] is None
    later = facts + [fact("c", "trade_turnover", 2.2e9, "USD", "in 2026", False, published="2027-01-05")]
    [commitment] = track_commitments(later, reference_year=2027)
    assert commitment.latest_actual.value == 2.2e9 and commitment.baseline is None
    assert commitment.status == "behind"


def test_status_met_overdue_on_track_and_no_data():
    facts = [
        fact("a", "energy", 1000, "MW", "by 2020", True),
        fact("a", "energy", 1200, "MW", "in 2019", False),
        fact("a", "aid", 100e6, "EUR", "by 2022", True),
        fact("a", "aid", 20e6, "EUR", "in 2021", False),
        fact("a", "education", 500, "scholarships", "by 2030", True),
        fact("a", "education", 300, "scholarships", "in 2024", False),
        fact("a", "tourism", 1e6, "persons", "by 2030", True),
    ]
    status = {c.quantity: c.status for c in track_commitments(facts, reference_year=2025)}
    assert status == {"energy": "met", "aid": "overdue", "education": "on track", "tourism": "no data"}


def test_units_must_match_for_an_actual_to_count():
    facts = [fact("a", "trade_turnover", 5e9, "USD", None, True),
             fact("a", "trade_turnover", 4e9, "EUR", "in 2023", False)]
    [commitment] = track_commitments(facts, reference_year=2025)
    assert commitment.latest_actual is None and commitment.status == "no data"


def test_period_helpers():
    assert deadline_of("by 2030") == "2030" and deadline_of("in 2030") is None
    assert period_year("in 2023") == 2023 and period_year("first 7 months of 2024") is None


def test_period_helpers_read_the_codebook_notation():
    assert deadline_of("2030") == "2030" and deadline_of("2024-01..2024-08") is None
    assert period_year("2023") == 2023
    assert period_year("2024-01..2024-08") is None and period_year("2024-Q1") is None
    assert period_year("2023-24") is None and period_year("2022-03") is None
