"""Where agreement names begin and end: modifiers, counts, complements, lists, abbreviations.

Sentences are invented, about several country pairs.
"""

from __future__ import annotations

import pytest

from accord.extract.agreement_spans import grow_left, grow_right, list_follows, trim_tail
from accord.extract.agreements import find_agreements


def names(sentence: str) -> list[str]:
    return [a.name for a in find_agreements(sentence)]


# ---------------------------------------------------------------- left: modifiers and counts

@pytest.mark.parametrize("sentence, name", [
    # an amount, with its equivalent in parentheses, is part of a loan's name
    ("Chile and Peru inked a USD40 million (PEN150 million) loan agreement in Lima.",
     "USD40 million (PEN150 million) loan agreement"),
    ("The two banks signed a 300 million euro credit agreement.", "300 million euro credit agreement"),
    # hyphenated and -ing modifiers
    ("Ministers said a decade-old extradition pact between Peru and Chile had expired.",
     "decade-old extradition pact between Peru and Chile"),
    ("Under a 25-year supply contract the two governments signed, gas flows north.", "25-year supply contract"),
    # a judging word is not part of the name
    ("Ghana and Togo signed the new bilateral fisheries agreement.", "bilateral fisheries agreement"),
    # capitalised words, also joined by "of"
    ("Oman and Iran signed the General Security of Shipping Information Agreement.",
     "General Security of Shipping Information Agreement"),
    ("The Good Friday Agreement of 1998 is often cited.", "Good Friday Agreement of 1998"),
])
def test_modifiers_before_the_head_are_part_of_the_name(sentence, name):
    assert names(sentence) == [name]


def test_a_count_before_a_plural_head_is_kept_and_ends_the_name():
    edge = grow_left("Officials signed more than 30 trade agreements.",
                     len("Officials signed more than 30 trade "), plural=True)
    assert edge.count == "30" and edge.domain
    assert names("Officials signed more than 30 trade agreements.") == ["30 trade agreements"]


def test_a_count_before_a_singular_head_is_only_an_article():
    edge = grow_left("One MoU was signed.", len("One "))
    assert edge.count is None and edge.start == len("One ")


def test_a_possessive_ends_the_name_on_the_left():
    assert names("Peru signed Chile's Pacific Fisheries Agreement.") == ["Pacific Fisheries Agreement"]


# ---------------------------------------------------------------- right: complements

@pytest.mark.parametrize("sentence, name", [
    ("Ghana and Togo signed an agreement on the training and deployment of Togolese nurses in Ghana.",
     "agreement on the training and deployment of Togolese nurses in Ghana"),
    ("Oman and Iran renewed a framework agreement for cooperation in the fields of transport and energy.",
     "framework agreement for cooperation in the fields of transport and energy"),
    ("Delegates initialled a protocol on film co-production between Peru’s Film Council and "
     "Chile’s Office of Arts, Heritage and Media.",
     "protocol on film co-production between Peru’s Film Council and Chile’s Office of Arts, Heritage "
     "and Media"),
    ("Ministers must keep applying the Chile-Peru Cooperation Agreement 2022-2026 and review it yearly.",
     "Chile-Peru Cooperation Agreement 2022-2026"),
    # a gerund opening the complement takes its object
    ("Ghana and Togo signed a memorandum of understanding on reopening the Aflao border market.",
     "memorandum of understanding on reopening the Aflao border market"),
    ("Oman and Iran adopted the Action Plan on Building a Shared Maritime Corridor.",
     "Action Plan on Building a Shared Maritime Corridor"),
    # "in" before a lower-case field inside a complement
    ("Peru and Chile signed an agreement on cooperation in solar energy and mining on Monday.",
     "agreement on cooperation in solar energy and mining"),
])
def test_complements_belong_to_the_name(sentence, name):
    assert names(sentence) == [name]


@pytest.mark.parametrize("sentence, name", [
    # the place of signing is a city; a country after "in" inside a complement is its scope
    ("Ghana and Togo signed an agreement on fisheries in Accra on Friday.", "agreement on fisheries"),
    ("Ghana and Togo signed an agreement on cattle trade in Ghana's Volta region.", "agreement on cattle trade"),
    # "for" before an amount says what it pays for
    ("Quito has since signed a Memorandum of Understanding (MoU) for $35-million in drought aid.",
     "Memorandum of Understanding (MoU)"),
    # parties named only generically add nothing
    ("Peru and Chile are bound by the Andean Transit Agreement between the two countries.",
     "Andean Transit Agreement"),
    ("Both navies still train under the maritime security agreement between them.",
     "maritime security agreement"),
    # "on the sidelines of", "on 3 May": where and when, not what
    ("Ghana and Togo signed the Agreement on Power Trade on the sidelines of the summit.",
     "Agreement on Power Trade"),
    # a capital directly after a lower-case head opens a clause
    ("Oman upholds the 1990 boundary accord Iran has never accepted.", "1990 boundary accord"),
    # after "and Japan", a finite verb begins a new clause
    ("They signed the Agreement on Trade and Oman will ratify it.", "Agreement on Trade"),
])
def test_names_stop_where_their_complement_ends(sentence, name):
    assert names(sentence) == [name]


def test_a_lower_case_name_keeps_its_named_partners_but_a_proper_name_does_not():
    assert names("Last year Chile signed fishing agreements with Pacific states Fiji and Tonga.") \
        == ["fishing agreements with Pacific states Fiji and Tonga"]
    assert names("Brazil signed the Treaty of Montevideo with Argentina that year.") == ["Treaty of Montevideo"]


def test_a_tally_never_takes_its_parties():
    sentence = "Auditors counted 38 bilateral agreements between Accra and Lome that had lapsed."
    assert names(sentence) == ["38 bilateral agreements"]


def test_a_tally_takes_a_coordinated_head_and_a_total():
    assert names("The visit produced 9 trade agreements and memoranda of understanding.") \
        == ["9 trade agreements and memoranda of understanding"]
    assert names("Since 2015, bilateral loan agreements totalling USD3 billion were signed.") \
        == ["bilateral loan agreements totalling USD3 billion"]


def test_a_parenthesised_abbreviation_is_part_of_the_name_but_a_date_is_not():
    assert names("Peru and Chile initialled a memorandum of understanding (MoU) concerning joint research "
                 "in the area of mining.") \
        == ["memorandum of understanding (MoU) concerning joint research in the area of mining"]
    assert names("Posters celebrated the Treaty of Lima, (1990 – 2020), all week.") == ["Treaty of Lima"]


# ---------------------------------------------------------------- lists

def test_a_list_closed_by_a_conjunction_continues_the_name():
    sentence = ("Both sides renewed the agreement for cooperation in the fields of mining, fishing, "
                "tourism and aviation at the talks.")
    assert names(sentence) == ["agreement for cooperation in the fields of mining, fishing, tourism and aviation"]


@pytest.mark.parametrize("rest, follows", [
    (", culture, and health during", True),
    (", Culture and Tourism.", True),
    (", a subsidiary of Viettel.", False),  # an apposition, not a list item
    (", the Treaty of Lima and the Protocol.", False),  # a list of instruments
    (", Oman and Iran said.", False),  # a clause: its last item has a verb
    (", (Mar 3, 1990 – 2020)", False),
])
def test_which_commas_continue_a_list(rest, follows):
    assert list_follows(rest, 0) is follows


# ---------------------------------------------------------------- bare heads described by their parties

def test_a_bare_head_is_named_by_the_parties_that_signed_it():
    sentence = ("Another MoU was signed between the Andes Mining Board and Pacific Copper Ltd, which runs "
                "two mines.")
    assert names(sentence) == ["MoU was signed between the Andes Mining Board and Pacific Copper Ltd"]


def test_a_lower_case_plan_is_named_by_the_parties_that_agreed_it():
    sentence = ("Officials say the roadmap adopted by Lima and Santiago to integrate their power markets is "
                "on track.")
    assert names(sentence) == ["roadmap adopted by Lima and Santiago to integrate their power markets"]


def test_generic_signatories_do_not_name_a_bare_head():
    assert names("The ministers released a joint communiqué signed by the three governments.") == []


# ---------------------------------------------------------------- annexes and contracts

def test_an_annex_is_named_by_its_letter_alone():
    assert names("Negotiators reopened Annex IV, which sets tariffs.") == ["Annex IV"]


def test_a_contract_counts_only_when_the_states_are_its_parties():
    assert names("The port was leased under a 99-year contract the two governments signed in 1898.") \
        == ["99-year contract"]
    assert names("The airline signed a $2 billion contract with Airbus.") == []


# ---------------------------------------------------------------- trimming

@pytest.mark.parametrize("text, trimmed", [
    (" on trade between the two countries", " on trade"),
    (" on trade between the two Governments", " on trade between the two Governments"),
    (" on trade and", " on trade"),
    (" between them", ""),
])
def test_trim_tail(text, trimmed):
    assert trim_tail(text) == trimmed


def test_grow_right_stops_before_a_date():
    sentence = "the Protocol on Fisheries on 3 May 2023"
    assert sentence[:grow_right(sentence, len("the Protocol"))] == "the Protocol on Fisheries"
