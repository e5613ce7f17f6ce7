"""Scoring rules of ../shared/eval/SCHEMA.md, checked on small hand-made gold and predictions.

Every record here is invented (Kenya-Uganda, Japan-India, Brazil-Argentina, France-Germany).
"""

from __future__ import annotations

import pytest

from accord.evaluation.score import (Score, date_agrees, period_agrees, period_is_scored,
                                     score_agreements, score_events, score_fact_periods, score_facts,
                                     score_people)


def event(type_: str, source: str, target: str, date: str | None) -> dict:
    return {"type": type_, "source": source, "target": target, "date": date}


def fact(value: float, unit: str = "USD", is_target: bool = False, period: str | None = None) -> dict:
    return {"value": value, "unit": unit, "is_target": is_target, "quantity": "trade_turnover",
            "period": period}


# ---------------------------------------------------------------- Score arithmetic

def test_score_precision_recall_f1():
    score = Score(tp=3, fp=1, fn=2)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_score_is_zero_when_nothing_predicted_or_no_gold():
    assert Score(tp=0, fp=0, fn=4).precision == 0.0
    assert Score(tp=0, fp=3, fn=0).recall == 0.0
    assert Score().f1 == 0.0


def test_scores_add_up_as_a_micro_average():
    total = Score()
    total.add(Score(tp=1, fp=0, fn=0))
    total.add(Score(tp=0, fp=1, fn=3))
    assert (total.tp, total.fp, total.fn) == (1, 1, 3)
    assert total.precision == pytest.approx(0.5)
    assert total.recall == pytest.approx(0.25)


def test_score_json_has_the_contract_keys():
    data = Score(tp=2, fp=1, fn=1).as_json()
    assert {"precision", "recall", "f1"} <= set(data)
    assert data["precision"] == pytest.approx(0.6667)
    assert data["tp"] == 2


# ---------------------------------------------------------------- date precision

@pytest.mark.parametrize("gold, predicted, expected", [
    ("2024-03-14", "2024-03-14", True),
    ("2024-03-14", "2024-03-15", False),
    ("2024-03-14", "2024-03", False),      # a gold day needs the day
    ("2024-03-14", "2024", False),
    ("2024-03", "2024-03-29", True),       # a gold month needs only the month
    ("2024-03", "2024-04-01", False),
    ("2024", "2024-11-02", True),          # a gold year needs only the year
    ("2024", "2023-12-31", False),
    (None, "1963-12-12", True),            # a null gold date matches any date
    (None, None, True),
    ("2024", None, False),
])
def test_date_agrees_to_the_gold_precision(gold, predicted, expected):
    assert date_agrees(gold, predicted) is expected


# ---------------------------------------------------------------- events

def test_events_match_on_type_unordered_pair_and_date():
    gold = [event("visit", "KEN", "UGA", "2024-03-14")]
    predicted = [event("visit", "UGA", "KEN", "2024-03-14")]
    assert score_events(gold, predicted).score.tp == 1
    directed = score_events(gold, predicted, directed=True).score
    assert (directed.tp, directed.fp, directed.fn) == (0, 1, 1)


def test_events_with_another_type_or_pair_do_not_match():
    gold = [event("visit", "JPN", "IND", "2023-03-20")]
    wrong_type = score_events(gold, [event("meeting_talks", "JPN", "IND", "2023-03-20")]).score
    wrong_pair = score_events(gold, [event("visit", "JPN", "CHN", "2023-03-20")]).score
    assert wrong_type.tp == 0 and wrong_type.fp == 1 and wrong_type.fn == 1
    assert wrong_pair.tp == 0


def test_duplicate_predictions_count_once_as_distinct_tuples():
    gold = [event("meeting_talks", "BRA", "ARG", "2024-05-02")]
    predicted = [event("meeting_talks", "BRA", "ARG", "2024-05-02")] * 3
    score = score_events(gold, predicted).score
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_duplicate_gold_events_are_one_tuple():
    gold = [event("statement_praise", "FRA", "DEU", None)] * 2
    score = score_events(gold, [event("statement_praise", "DEU", "FRA", "2024-01-22")]).score
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_each_gold_tuple_is_matched_at_most_once():
    gold = [event("visit", "IDN", "AUS", "2023")]
    predicted = [event("visit", "IDN", "AUS", "2023-07-04"), event("visit", "IDN", "AUS", "2023-07-05")]
    score = score_events(gold, predicted).score
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)


def test_null_gold_date_matches_any_predicted_date():
    gold = [event("aid_provided", "AUS", "IDN", None)]
    assert score_events(gold, [event("aid_provided", "AUS", "IDN", "2022-12-02")]).score.tp == 1
    assert score_events(gold, [event("aid_provided", "IDN", "AUS", None)]).score.tp == 1


def test_dated_gold_does_not_match_an_undated_prediction():
    gold = [event("agreement_signed", "FRA", "DEU", "2019-01-22")]
    score = score_events(gold, [event("agreement_signed", "FRA", "DEU", None)]).score
    assert score.tp == 0 and score.fn == 1


def test_specific_gold_dates_are_matched_before_a_null_gold_date():
    # One prediction fits both gold tuples; it must go to the dated one so that the
    # second, undated prediction can still match the null-dated gold.
    gold = [event("visit", "KEN", "UGA", None), event("visit", "KEN", "UGA", "2024-03")]
    predicted = [event("visit", "KEN", "UGA", "2024-03-14"), event("visit", "KEN", "UGA", "2021")]
    score = score_events(gold, predicted).score
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)


def test_misses_and_false_positives_are_listed():
    gold = [event("visit", "KEN", "UGA", "2024-03-14"), event("protest_criticism", "KEN", "UGA", None)]
    predicted = [event("visit", "KEN", "UGA", "2024-03-14"), event("award_honor", "UGA", "KEN", None)]
    matched = score_events(gold, predicted)
    assert [m["type"] for m in matched.misses] == ["protest_criticism"]
    assert [p["type"] for p in matched.false_positives] == ["award_honor"]


# ---------------------------------------------------------------- facts

@pytest.mark.parametrize("predicted, matches", [
    (1_600_000_000, True),
    (1_616_000_000, True),    # exactly 1 % above
    (1_584_000_000, True),    # exactly 1 % below
    (1_617_000_000, False),
    (1_583_000_000, False),
    (1_600, False),
])
def test_fact_values_agree_within_one_percent(predicted, matches):
    score = score_facts([fact(1_600_000_000)], [fact(predicted)]).score
    assert (score.tp == 1) is matches


def test_fact_units_must_be_equal():
    score = score_facts([fact(3000, "MW")], [fact(3000, "persons")]).score
    assert score.tp == 0 and score.fp == 1 and score.fn == 1


def test_fact_target_flag_must_be_equal():
    assert score_facts([fact(5e9, is_target=True)], [fact(5e9, is_target=False)]).score.tp == 0
    assert score_facts([fact(5e9, is_target=True)], [fact(5e9, is_target=True)]).score.tp == 1


def test_a_zero_gold_value_needs_a_zero_prediction():
    assert score_facts([fact(0, "projects")], [fact(0, "projects")]).score.tp == 1
    assert score_facts([fact(0, "projects")], [fact(0.001, "projects")]).score.tp == 0


def test_facts_are_not_deduplicated_like_events():
    gold = [fact(12, "documents")]
    score = score_facts(gold, [fact(12, "documents"), fact(12, "documents")]).score
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)


# ---------------------------------------------------------------- facts_period

@pytest.mark.parametrize("period, scored", [
    ("2023", True), ("2024-Q1", True), ("2022-01..2022-11", True), ("2013-12..2014-02", True),
    ("2024-2029", True), ("2000..2024", True),
    ("so far", False), ("last year", False), ("2023-24", False), ("fiscal year 2013", False),
    ("2025-12-01", False), ("2022-03", False), (None, False), ("", False),
])
def test_only_years_quarters_and_ranges_are_scored_periods(period, scored):
    assert period_is_scored(period) is scored


@pytest.mark.parametrize("gold, predicted, agrees", [
    ("2023", "2023", True), ("2023", "2022", False), ("2023", None, False), ("2023", "in 2023", False),
    ("2024-Q1", "2024-Q1", True), ("2024-Q1", "2024-Q2", False),
    ("2022-01..2022-11", "2022-01..2022-11", True), ("2022-01..2022-11", "2022-01..2022-10", False),
    ("2024-2029", "2024..2029", True), ("2024..2029", "2024-2029", True),
])
def test_period_agreement(gold, predicted, agrees):
    assert period_agrees(gold, predicted) is agrees


def test_facts_period_scores_the_period_of_matched_facts_only():
    gold = [fact(1.6e9, period="2023"), fact(4e9, is_target=True, period="2030"),
            fact(2e9, period="so far"), fact(7e9, period="2024-Q1"), fact(9e9, period="2021")]
    predicted = [fact(1.6e9, period="2023"), fact(4e9, is_target=True, period="2029"),
                 fact(2e9, period="to date"), fact(7e9, period="2024-Q1")]  # 9e9 is not matched
    periods = score_fact_periods(score_facts(gold, predicted)).score
    assert (periods.tp, periods.fp, periods.fn) == (2, 1, 1)
    assert periods.precision == periods.recall == periods.f1 == pytest.approx(2 / 3)


def test_facts_period_is_zero_when_no_matched_fact_has_a_scored_period():
    periods = score_fact_periods(score_facts([fact(1.0, period=None)], [fact(1.0, period="2023")])).score
    assert (periods.tp, periods.fp, periods.fn) == (0, 0, 0)


# ---------------------------------------------------------------- people

def test_people_match_case_and_diacritic_insensitively():
    gold = [{"name": "Luiz Inácio Lula da Silva", "aliases": [], "country": "BRA"}]
    predicted = [{"name": "LUIZ INACIO LULA DA SILVA", "aliases": [], "country": "BRA"}]
    people, country = score_people(gold, predicted)
    assert people.score.tp == 1
    assert country.score.tp == 1


def test_people_match_through_any_alias():
    gold = [{"name": "Javier Milei", "aliases": ["Milei"], "country": "ARG"}]
    predicted = [{"name": "Milei", "aliases": [], "country": "ARG"}]
    assert score_people(gold, predicted)[0].score.tp == 1
    predicted_alias = [{"name": "President Milei", "aliases": ["Javier Milei"], "country": "ARG"}]
    assert score_people(gold, predicted_alias)[0].score.tp == 1


def test_people_with_other_names_do_not_match():
    gold = [{"name": "Yoweri Museveni", "aliases": [], "country": "UGA"}]
    people, country = score_people(gold, [{"name": "William Ruto", "aliases": [], "country": "KEN"}])
    assert (people.score.tp, people.score.fp, people.score.fn) == (0, 1, 1)
    assert (country.score.tp, country.score.fp, country.score.fn) == (0, 0, 0)


def test_people_country_scores_the_country_of_matched_people():
    gold = [{"name": "Olaf Scholz", "aliases": [], "country": "DEU"},
            {"name": "Emmanuel Macron", "aliases": [], "country": "FRA"}]
    predicted = [{"name": "Olaf Scholz", "aliases": [], "country": "DEU"},
                 {"name": "Emmanuel Macron", "aliases": [], "country": "DEU"}]
    people, country = score_people(gold, predicted)
    assert people.score.tp == 2
    assert (country.score.tp, country.score.fp, country.score.fn) == (1, 1, 1)


# ---------------------------------------------------------------- agreements

def test_agreements_match_at_jaccard_sixty_percent():
    gold = [{"name": "Treaty of Aachen", "date": None}]
    # {treaty, of, aachen} vs {treaty, of, aachen, on, cooperation}: 3 / 5 = 0.6
    at_threshold = [{"name": "Treaty of Aachen on Cooperation", "date": None}]
    # 3 / 6 = 0.5
    below = [{"name": "Treaty of Aachen on Border Cooperation", "date": None}]
    assert score_agreements(gold, at_threshold).score.tp == 1
    assert score_agreements(gold, below).score.tp == 0


def test_agreement_names_are_folded_and_lower_cased():
    gold = [{"name": "Tratado de Asunción", "date": None}]
    assert score_agreements(gold, [{"name": "TRATADO DE ASUNCION", "date": None}]).score.tp == 1


def test_agreement_dates_agree_as_for_events():
    gold = [{"name": "Kenya-Uganda Pipeline Agreement", "date": "2023-05"}]
    same_month = [{"name": "Kenya-Uganda Pipeline Agreement", "date": "2023-05-03"}]
    other_month = [{"name": "Kenya-Uganda Pipeline Agreement", "date": "2023-06-03"}]
    undated_gold = [{"name": "Kenya-Uganda Pipeline Agreement", "date": None}]
    assert score_agreements(gold, same_month).score.tp == 1
    assert score_agreements(gold, other_month).score.tp == 0
    assert score_agreements(undated_gold, other_month).score.tp == 1


def test_each_gold_agreement_is_matched_once():
    gold = [{"name": "Japan-India Civil Nuclear Agreement", "date": None}]
    predicted = [{"name": "Japan-India Civil Nuclear Agreement", "date": None}] * 2
    score = score_agreements(gold, predicted).score
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)
