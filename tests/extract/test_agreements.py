"""Named agreements: heads, modifiers, "of/on/between" tails, lists, and what is not a name.

Sentences are invented, about several country pairs.
"""

from __future__ import annotations

import pytest

from accord.extract.agreements import find_agreements, scan_sentence
from accord.extract.records import DateValue


def names(sentence: str) -> list[str]:
    return [a.name for a in find_agreements(sentence)]


# ---------------------------------------------------------------- names and kinds

@pytest.mark.parametrize("sentence, name, kind", [
    ("Kenya and Uganda signed the Agreement on the Avoidance of Double Taxation on 3 May 2023.",
     "Agreement on the Avoidance of Double Taxation", "agreement"),
    ("Brazil and Argentina reaffirmed the Treaty of Asuncion, which created Mercosur.",
     "Treaty of Asuncion", "treaty"),
    ("Japan and India signed a Memorandum of Understanding on Semiconductor Supply Chains.",
     "Memorandum of Understanding on Semiconductor Supply Chains", "memorandum"),
    ("Indonesia and Australia adopted a Joint Declaration on Maritime Cooperation.",
     "Joint Declaration on Maritime Cooperation", "statement"),
    ("Kenya and Uganda ratified the Protocol on the Crude Oil Pipeline.",
     "Protocol on the Crude Oil Pipeline", "protocol"),
    ("France and Germany signed a defence pact.", "defence pact", "agreement"),
    ("Japan and India signed the Japan-India Civil Nuclear Agreement.",
     "Japan-India Civil Nuclear Agreement", "agreement"),
])
def test_named_agreements_and_their_kind(sentence, name, kind):
    found = find_agreements(sentence)
    assert [(a.name, a.kind) for a in found] == [(name, kind)]
    assert name in sentence[found[0].start:found[0].end]


def test_an_abbreviated_memorandum_is_a_name_by_itself():
    found = find_agreements("Uganda and Kenya signed an MoU on health.")
    assert [(a.name, a.kind) for a in found] == [("MoU on health", "memorandum")]


def test_capitalised_plans_and_strategies_are_documents():
    sentence = ("Indonesia and Australia adopted a Joint Declaration on Maritime Cooperation "
                "and the Action Plan for 2024-2028.")
    assert names(sentence) == ["Joint Declaration on Maritime Cooperation", "Action Plan for 2024-2028"]


def test_a_clause_ends_a_name_and_may_hold_another():
    sentence = "France and Germany signed the Treaty of Aachen, which renewed the Elysee Treaty."
    assert names(sentence) == ["Treaty of Aachen", "Elysee Treaty"]


def test_lists_give_one_agreement_per_item():
    sentence = ("Brazil and Argentina signed agreements such as the Extradition Treaty, the Defence "
                "Cooperation Agreement and the Visa Waiver Protocol.")
    assert names(sentence) == ["Extradition Treaty", "Defence Cooperation Agreement", "Visa Waiver Protocol"]


# ---------------------------------------------------------------- where a name ends

@pytest.mark.parametrize("sentence, name", [
    ("Kenya and Uganda signed the Protocol on Fisheries on 3 May 2023.", "Protocol on Fisheries"),
    ("Japan and India signed the Agreement on Rail Safety on March 20.", "Agreement on Rail Safety"),
    ("Brazil signed the Treaty of Montevideo with Argentina that year.", "Treaty of Montevideo"),
    ("The two sides signed a Memorandum of Understanding on Renewable Energy on Friday.",
     "Memorandum of Understanding on Renewable Energy"),
    ("France and Germany signed the Treaty of Aachen in 2019.", "Treaty of Aachen"),
])
def test_names_stop_before_dates_and_clauses(sentence, name):
    assert names(sentence) == [name]


# ---------------------------------------------------------------- not names

@pytest.mark.parametrize("sentence", [
    "The Kenyan and Ugandan ministers discussed the agreement at length.",
    "Japan and India exchanged several agreements and memoranda.",
    "Brazil and Argentina have a plan to build a railway.",
    "France and Germany agreed to boost cooperation.",
    "Indonesia and Australia signed an agreement on Friday.",
])
def test_generic_or_plural_mentions_are_not_named_agreements(sentence):
    assert names(sentence) == []


# ---------------------------------------------------------------- through the pipeline

def test_agreements_are_dated_by_an_explicit_date_in_their_sentence(extract):
    text = "France and Germany signed the Treaty of Aachen on 22 January 2019."
    agreement, = extract(text).agreements
    assert agreement.name == "Treaty of Aachen"
    assert agreement.kind == "treaty"
    assert agreement.date == DateValue("2019-01-22", "day")
    assert set(agreement.countries) == {"FRA", "DEU"}
    assert text[agreement.evidence.start:agreement.evidence.end].startswith("Treaty of Aachen")


def test_a_signing_on_a_weekday_is_dated_against_publication(extract):
    # The fixture's documents are published on Monday 2024-05-20: "on Tuesday" is 2024-05-14.
    agreement, = extract("Kenya and Uganda signed the Protocol on Fisheries on Tuesday.").agreements
    assert agreement.date.iso == "2024-05-14"


def test_an_agreement_only_mentioned_stays_undated(extract):
    agreement, = extract("Kenya and Uganda discussed the Protocol on Fisheries on Tuesday.").agreements
    assert agreement.date is None


def test_a_signing_without_its_own_date_takes_the_narratives_date(extract):
    text = ("Japanese and Indian ministers met in Tokyo on 7 March 2024.\n\n"
            "The sides also signed the Protocol on Fisheries.")
    agreement, = extract(text).agreements
    assert agreement.date.iso == "2024-03-07"


def test_one_record_per_agreement_name_keeping_the_dated_mention(extract):
    text = ("Brazil and Argentina signed the Treaty of Buenos Aires on 2 June 2021.\n\n"
            "The Treaty of Buenos Aires has since guided their energy trade.")
    agreement, = extract(text).agreements
    assert agreement.date.iso == "2021-06-02"


def test_unsigned_and_hoped_for_documents_are_not_agreements(extract):
    text = ("Egypt and Ethiopia did not sign the protocol on dam filling. "
            "Kenya had hoped for a separate digital trade pact with Uganda.")
    assert extract(text).agreements == []


def test_agreement_countries_fall_back_to_the_document_pair(extract):
    text = ("Japanese and Indian ministers met in Tokyo on 7 March 2024.\n\n"
            "The sides also signed the Protocol on Fisheries.")
    extraction = extract(text)
    agreement, = extraction.agreements
    assert set(agreement.countries) == {"JPN", "IND"}


# ---------------------------------------------------------------- what makes a name

@pytest.mark.parametrize("sentence, name", [
    # a domain word makes a lower-case name
    ("Oman and Iran signed a fisheries agreement.", "fisheries agreement"),
    # a lower-case name followed by its signing
    ("The gas agreement inked between Oman and Iran lets pipelines cross.", "gas agreement"),
    # counted plurals are one record each
    ("Ministers from Ghana and Togo inked eleven memorandums of understanding (MoU) at the State House.",
     "eleven memorandums of understanding (MoU)"),
    ("Over the decade, upwards of 40 customs agreements have been concluded.", "40 customs agreements"),
    # a single memorandum, with generic modifiers and a complement
    ("Engineers studied the joint technical memorandum in the sphere of water supply before the vote.",
     "joint technical memorandum in the sphere of water supply"),
    # a joint statement the sides signed
    ("The two presidents signed a joint statement.", "joint statement"),
    # a plan being implemented, with its purpose
    ("Both utilities have adopted a plan to merge their grids by 2028.", "plan to merge their grids"),
    # a capitalised document type
    ("Officials also initialled a Record of Discussions on Technical Assistance for Port Dredging with "
     "the Ghana Ports Authority (GPA).", "Record of Discussions on Technical Assistance for Port Dredging"),
    ("A Letter of Intent between the Andes Rail Company (ARC) and the Pacific Port Board was exchanged.",
     "Letter of Intent between the Andes Rail Company (ARC) and the Pacific Port Board"),
])
def test_what_names_an_instrument(sentence, name):
    assert names(sentence) == [name]


@pytest.mark.parametrize("sentence", [
    "The agreement was reached after hours of talks.",
    "Under the new deal, Oman gets port access.",
    "The ministers talked about the pipeline deal for hours.",  # "deal" needs a name
    "Critics doubted the deal for dairy exporters.",
    "Oman and Iran issued a joint statement.",
    "The two sides signed several agreements and MoUs.",
    "The ministers reviewed the implementation of bilateral agreements.",
    "Oman and Iran signed a memorandum of understanding on Tuesday.",  # bare: no name of its own
    "Firms from Oman run 120 projects in Iran.",
    "A planned memorandum on fishing quotas was not signed at the summit.",
    "Ghana and Togo signed a cooperation agreement.",  # generic modifiers alone
    "The minister said an agreement with Oman in March would help.",  # a partner says who, not what
    "The agreement was signed between the foreign ministers on Monday.",  # the one named before
    "Analysts said two accords could reshape the region.",
])
def test_passing_nouns_are_not_named_agreements(sentence):
    assert names(sentence) == []


@pytest.mark.parametrize("sentence", [
    "They accused each other of breaching the Declaration on the Conduct of Parties.",
    "The decision was contrary to the UN Charter.",
    "Both are parties to the WTO Agreement on Agriculture.",
    "Ties soured after the withdrawal from the Iran nuclear deal.",
    "They discussed the Black Sea grain deal.",
    "The Paris Agreement on climate change was discussed.",
    "They backed the regional trade agreement.",
    "Both joined the Regional Comprehensive Economic Partnership Agreement in 2022.",
])
def test_multilateral_instruments_are_not_agreements(sentence):
    assert names(sentence) == []


def test_a_financed_programme_or_one_sides_plan_is_not_an_agreement():
    sentence = ("A JPY10 billion loan agreement signed in May will fund the Coastal Roads Programme, while "
                "Peru’s Drought Response Programme stays separate.")
    assert names(sentence) == ["JPY10 billion loan agreement"]


def test_a_name_that_only_characterises_another_is_no_second_instrument():
    sentence = ("Officials call it the Maritime Cooperation Agreement; critics regard it as the weakest "
                "naval treaty in years.")
    assert names(sentence) == ["Maritime Cooperation Agreement"]


# ---------------------------------------------------------------- references and aliases

def test_bare_heads_are_references_not_names():
    scan = scan_sentence("The memorandum of understanding was signed Friday, and the document was published.")
    assert scan.names == []
    second = len("The memorandum of understanding was signed Friday, and the ")
    assert [r.start for r in scan.references] == [4, second]


def test_a_name_in_apposition_is_an_alias_of_the_name_before_it():
    sentence = ("Lima ratified the Treaty on Andean Cooperation, the Treaty of Quito, which both had signed "
                "on 2 May.")
    found, = find_agreements(sentence)
    assert found.name == "Treaty on Andean Cooperation"
    assert found.aliases == ("Treaty of Quito",)
    assert sentence[found.date_from:].startswith(", which both had signed")


def test_names_in_a_list_are_not_aliases():
    sentence = "They signed the Extradition Treaty, the Transfer Treaty and the Visa Protocol."
    assert [a.aliases for a in find_agreements(sentence)] == [(), (), ()]


@pytest.mark.parametrize("sentence", [
    "Oman adopted the National Energy Strategy for 2040.",
    "The Foreign Ministry Statement said talks had stalled.",
])
def test_one_sides_strategies_and_statements_are_not_agreements(sentence):
    assert names(sentence) == []
