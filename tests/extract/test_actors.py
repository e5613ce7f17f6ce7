"""People: gazetteer office holders, titled names, countries from context, merged mentions.

Every text is invented; the people are public office holders of several countries.
"""

from __future__ import annotations

from accord.extract.records import Person
from accord.folding import fold


def person(people: list[Person], name: str) -> Person:
    found = [p for p in people if fold(name) in {fold(p.name), *map(fold, p.aliases)}]
    assert len(found) == 1, [(p.name, p.aliases) for p in people]
    return found[0]


def test_known_office_holders_get_country_and_title(extract):
    people = extract("Kenyan President William Ruto met Ugandan President Yoweri Museveni in "
                     "Entebbe.").people
    ruto, museveni = person(people, "William Ruto"), person(people, "Yoweri Museveni")
    assert (ruto.country, museveni.country) == ("KEN", "UGA")
    assert ruto.role == "Kenyan President"
    assert ruto.source == "gazetteer"
    assert len(people) == 2


def test_a_person_the_gazetteer_lacks_takes_the_country_of_the_title(extract):
    people = extract("Ugandan Trade Minister Francis Mwebesa met Kenyan counterpart Rebecca Miano "
                     "in Nairobi.").people
    mwebesa = person(people, "Francis Mwebesa")
    assert mwebesa.country == "UGA"
    assert mwebesa.role == "Ugandan Trade Minister"
    assert person(people, "Rebecca Miano").country == "KEN"


def test_his_counterpart_takes_the_demonym_before_the_name(extract):
    people = extract("Indian External Affairs Minister S. Jaishankar met his Japanese counterpart "
                     "Yoko Kamikawa in Tokyo.").people
    assert person(people, "Yoko Kamikawa").country == "JPN"
    assert person(people, "S. Jaishankar").country == "IND"


def test_spellings_with_and_without_diacritics_are_one_person(extract):
    text = ("Brazilian President Luiz Inácio Lula da Silva met Argentine President Javier Milei. "
            "Lula said the talks were frank. Luiz Inacio Lula da Silva later left for Brasilia.")
    people = extract(text).people
    lula = person(people, "Luiz Inácio Lula da Silva")
    assert lula.country == "BRA"
    assert {"Luiz Inacio Lula da Silva", "Lula"} <= set(lula.aliases) | {lula.name}
    assert person(people, "Javier Milei").country == "ARG"
    assert len(people) == 2


def test_transliteration_variants_are_one_person(extract):
    text = ("Mexican President Andrés Manuel López Obrador met Canadian Prime Minister Justin "
            "Trudeau. Lopez Obrador spoke first.")
    people = extract(text).people
    amlo = person(people, "Lopez Obrador")
    assert amlo.country == "MEX"
    assert person(people, "Justin Trudeau").country == "CAN"
    assert len(people) == 2


def test_a_hyphenated_given_name_is_one_person(extract):
    text = ("President Frank-Walter Steinmeier of Germany welcomed French President Emmanuel Macron. "
            "Steinmeier praised France.")
    people = extract(text).people
    assert sorted(p.name for p in people) == ["Emmanuel Macron", "Frank-Walter Steinmeier"]
    assert person(people, "Steinmeier").country == "DEU"


def test_title_words_and_institutions_are_not_people(extract):
    assert extract("The Prime Minister of Japan and the National Assembly of Kenya issued "
                   "statements.").people == []


def test_person_evidence_spans_the_name(extract):
    text = "Tokyo welcomed the move.\n\nIndian Prime Minister Narendra Modi met Fumio Kishida."
    modi = person(extract(text).people, "Narendra Modi")
    assert text[modi.evidence.start:modi.evidence.end] == "Narendra Modi"
    assert text[modi.evidence.sentence_start:modi.evidence.sentence_end] == modi.evidence.sentence
    assert 0 < modi.confidence <= 1


def test_surnames_alone_act_for_their_country_in_events(extract):
    text = ("Kenyan President William Ruto met Ugandan President Yoweri Museveni on 14 March 2024. "
            "Later, Museveni praised Ruto for his support.")
    praise = [e for e in extract(text).events if e.type == "statement_praise"]
    assert [(e.source, e.target) for e in praise] == [("UGA", "KEN")]


def test_people_named_in_a_sentence_give_an_event_its_countries(extract):
    text = "Anthony Albanese met Joko Widodo in Bogor on 4 July 2023."
    talks = [e for e in extract(text).events if e.type == "meeting_talks"]
    assert [{e.source, e.target} for e in talks] == [{"AUS", "IDN"}]
