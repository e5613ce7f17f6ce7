from accord.analysis.canonical import merge_events
from accord.analysis.people import merge_people, same_person
from accord.analysis.variants import (all_variants, date_variants, figure_variants, label_components, label_variants,
                                      name_variants)

from analysis_fixtures import event, fact, label, person


def test_label_components_split_on_commas_and_and():
    assert label_components("Great friendship, special trust and strategic partnership") == [
        "great friendship", "special trust", "strategic partnership"]


def test_one_label_worded_three_ways_is_one_disagreement_with_documents():
    found = label_variants([
        label("a", "close friendship, mutual trust, strategic partnership"),
        label("b", "close friendship, mutual trust and strategic cohesion"),
        label("c", "Close Friendship, Mutual Trust, and Strategic Partnership"),
        label("d", "close friendship and mutual trust"),  # a different (older) label
    ])
    assert len(found) == 1
    values = {v.value: v.documents for v in found[0].variants}
    assert values["close friendship, mutual trust, strategic partnership"] == ["a", "c"]
    assert values["close friendship, mutual trust and strategic cohesion"] == ["b"]


def test_figures_for_the_same_period_that_differ_beyond_tolerance_are_a_disagreement():
    found = figure_variants([
        fact("a", "trade_turnover", 2.1e9, "USD", "in 2022", False),
        fact("b", "trade_turnover", 2.4e9, "USD", "in 2022", False),
        fact("c", "trade_turnover", 2.11e9, "USD", "in 2022", False),  # within 2 % of a
        fact("c", "trade_turnover", 3.0e9, "USD", "in 2023", False),
    ])
    assert len(found) == 1
    assert sorted(len(v.documents) for v in found[0].variants) == [1, 2]


def test_two_values_in_one_document_are_not_a_disagreement():
    assert figure_variants([fact("a", "investment", 5e9, "USD", "to date", False),
                            fact("a", "investment", 2e9, "USD", "to date", False)]) == []


def test_one_visit_dated_two_days_apart_by_two_documents_is_a_date_disagreement():
    events = merge_events([event("a", "visit", "JPN", "IND", "2023-09-10"),
                           event("b", "visit", "JPN", "IND", "2023-09-11"),
                           event("c", "visit", "JPN", "IND", "2023-12-01")])
    [found] = date_variants(events)
    assert sorted(v.value for v in found.variants) == ["2023-09-10", "2023-09-11"]


def test_spellings_across_documents_are_one_actor_and_a_name_disagreement():
    people = [person("a", "Nguyễn Văn An", "VNM", "Minister", "2024-01-02"),
              person("b", "Nguyen Van An", "VNM", "Deputy Prime Minister", "2025-03-04"),
              person("c", "Xaysana Vongsa", "LAO"), person("d", "Saysana Vongsa", "LAO")]
    actors = merge_people(people)
    assert len(actors) == 2
    nguyen = next(a for a in actors if a.country == "VNM")
    assert set(nguyen.spellings) == {"Nguyễn Văn An", "Nguyen Van An"}
    assert [r.role for r in sorted(nguyen.roles, key=lambda r: r.reported)] == ["Minister", "Deputy Prime Minister"]
    found = {d.subject: d.kind for d in name_variants(people, same_person)}
    assert found == {"Nguyễn Văn An": "alias", "Xaysana Vongsa": "name"}


def test_diacritics_case_and_short_forms_are_aliases_but_other_spellings_disagree():
    people = [person("a", "Tô Lâm", "VNM"), person("b", "To Lam", "VNM"), person("c", "TO LAM", "VNM"),
              person("a", "Saysomphone Phomvihane", "LAO"), person("b", "Xaysomphone Phomvihane", "LAO"),
              person("c", "SAYSOMPHONE Phomvihane", "LAO")]
    found = {d.subject: d for d in name_variants(people, same_person)}
    assert {d.kind for d in found.values()} == {"alias", "name"}
    [real] = [d for d in found.values() if d.kind == "name"]
    sides = {v.value.lower(): v.documents for v in real.variants}
    assert sides == {"saysomphone phomvihane": ["a", "c"], "xaysomphone phomvihane": ["b"]}


def test_real_disagreements_come_first_with_the_documents_on_each_side():
    people = [person("a", "Tô Lâm", "VNM"), person("b", "To Lam", "VNM")]
    facts = [fact("a", "trade_turnover", 2.1e9, "USD", "2022", False),
             fact("b", "trade_turnover", 2.4e9, "USD", "2022", False)]
    events = merge_events([event("a", "visit", "JPN", "IND", "2023-09-10"), event("b", "visit", "JPN", "IND", "2023-09-11")])
    labels = [label("a", "close friendship, mutual trust, strategic partnership"),
              label("b", "close friendship, mutual trust and strategic cohesion")]
    found = all_variants(labels, facts, events, people, same_person)
    assert [d.kind for d in found] == ["figure", "date", "relationship_label", "alias"]
    assert all(sorted(d for v in f.variants for d in v.documents) == ["a", "b"] for f in found)


def test_different_people_do_not_merge():
    assert not same_person("Nguyen Van An", "Nguyen Van Binh")
    assert not same_person("Kim", "Kim Jong-un")
