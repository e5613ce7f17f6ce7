"""The codebook's people, rule by rule: who is a person, where a name starts and ends, and the
state each person acts for. Every sentence is invented for these tests; the people in them are
made up unless the gazetteer's office holders are the point.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.extract.records import Person
from accord.folding import fold


def named(people: list[Person], name: str) -> Person:
    found = [p for p in people if fold(name) in {fold(p.name), *map(fold, p.aliases)}]
    assert len(found) == 1, [(p.name, p.aliases, p.country) for p in people]
    return found[0]


def names(people: list[Person]) -> set[str]:
    return {p.name for p in people}


# ---------------------------------------------------------------- who is not a person

@pytest.mark.parametrize("line", [
    "By Marisol Quintana Reyes",
    "BY HANNA KOWALSKA-NOWAK",
    "ALEXEI VORONTSOV and PETRA LINDQVIST",
    "Translated by Tran Minh Khoa",
    "(Reporting by Ingrid Solberg in Oslo and Tomas Vidal in Madrid; Editing by Rachel Moreau)",
    "(Photo: Kenji Hasegawa/Kyodo)",
    "Foto: Beatriz Lourenço/Agência Sul",
])
def test_credit_lines_name_no_people(extract, line):
    text = f"Chile and Peru signed a trade deal on Monday.\n\n{line}"
    assert extract(text).people == []


@pytest.mark.parametrize("line", [
    "Editor: Zhang Mingyu",
    "Associated Press writers Carla Ibarra in Lima and Tomas Ruiz in Quito contributed.",
    "Sofia Lindgren in Stockholm contributed reporting.",
])
def test_editor_and_contributor_lines_name_no_people(extract, line):
    text = f"Chile and Peru signed a trade deal on Monday.\n\n{line}"
    assert extract(text).people == []


def test_a_credit_cue_inside_a_sentence_is_no_credit(extract):
    text = "Hanoi received a letter written by Lao President Thongloun Sisoulith on Monday."
    assert names(extract(text).people) == {"Thongloun Sisoulith"}


def test_the_officials_a_caption_shows_are_people_though_it_opens_like_a_credit(extract):
    text = ("Chile and Peru signed a trade deal on Monday.\n\n"
            "Photo: President Gabriel Boric and President Dina Boluarte at the signing in Lima.")
    assert names(extract(text).people) == {"Gabriel Boric", "Dina Boluarte"}


@pytest.mark.parametrize("text", [
    "Ho Chi Minh City will open a second metro line with Japanese loans, Vietnam said.",
    "Kenya thanked the Nelson Mandela Foundation for its work with South Africa.",
])
def test_a_known_name_read_only_inside_a_place_or_body_name_is_no_person(extract, text):
    assert extract(text).people == []


def test_a_known_name_titled_elsewhere_stays_a_person_beside_the_place_named_after_him(extract):
    text = "President Ho Chi Minh visited Laos in 1959, and Ho Chi Minh City now bears his name."
    assert names(extract(text).people) == {"Ho Chi Minh"}


def test_a_reporter_is_no_person(extract):
    text = ("Foreign Minister Aurelio Montes of Chile told VNA correspondent Le Thi Hoa that the deal "
            "would be signed soon.")
    assert names(extract(text).people) == {"Aurelio Montes"}


def test_a_title_without_a_name_is_no_person(extract):
    text = "Chinese State Councillor and Commerce Minister Zhou Minghai praised the Councillor of the legation."
    assert names(extract(text).people) == {"Zhou Minghai"}


@pytest.mark.parametrize("text", [
    "The Central Highlands province of Dak Ruong and Kratie province of Cambodia signed a deal.",
    "Officials met near the Prasat Ta Moan temple on the border with Cambodia.",
    "The friendship between Quang Loc and Sre Ambel provinces of Vietnam and Cambodia grew.",
    "The visitors later flew to Phu Quoc with Cambodian officials.",
    "Vietnam marked the 70th anniversary of the Dien Bien Phu Victory with Laos.",
])
def test_places_and_events_that_look_like_names_are_no_people(extract, text):
    assert extract(text).people == []


def test_a_name_the_text_also_uses_for_a_place_is_that_place(extract):
    text = ("Dak Ruong will grant scholarships to students from Kratie province of Cambodia.\n\n"
            "The students will study at a college in Dak Ruong next year.")
    assert extract(text).people == []


@pytest.mark.parametrize("title", ["NATO Secretary General", "UN Secretary-General",
                                   "World Bank President", "ASEAN Secretary-General"])
def test_officials_of_international_bodies_are_no_people(extract, title):
    text = f"{title} Henrik Aalto Berg said Russia and Ukraine should talk."
    assert extract(text).people == []


def test_an_eu_office_holder_is_a_person_of_the_eu(extract):
    people = extract("European Commission President Ursula von der Leyen met Indian Prime Minister "
                     "Narendra Modi in New Delhi.", date(2025, 2, 28)).people
    assert named(people, "Ursula von der Leyen").country == "EUU"


def test_an_official_of_an_eu_body_acts_for_the_eu(extract):
    text = "EU Trade Commissioner Helga Lindqvist said Poland and Ukraine were close to a deal."
    assert named(extract(text).people, "Helga Lindqvist").country == "EUU"


def test_a_person_the_text_calls_a_terrorist_is_no_official(extract):
    text = ("India and Canada expelled diplomats after the killing of separatist leader Jaswant "
            "Deol, and Canadian Prime Minister Paul Renard accused India.")
    assert names(extract(text).people) == {"Paul Renard"}


# ---------------------------------------------------------------- where a name starts and ends

def test_a_weekday_after_a_name_ends_it(extract):
    people = extract("Iran's Oil Minister Bahram Sadeghi Tuesday arrived in Baghdad.").people
    assert named(people, "Bahram Sadeghi").country == "IRN"


def test_institution_words_before_a_name_are_its_title(extract):
    people = extract("Iraqi officials will meet Governor of Iraqi Central Bank Haidar Nouri on "
                     "Sunday.").people
    person = named(people, "Haidar Nouri")
    assert (person.name, person.country) == ("Haidar Nouri", "IRQ")


def test_military_ranks_are_titles(extract):
    text = ("Thailand's First Army commander, Lt-Gen. Prasert Wongsuwan, and Cambodia's Third Army "
            "commander, Gen. Mao Sophan, held talks at the border.")
    people = extract(text).people
    assert named(people, "Prasert Wongsuwan").country == "THA"
    assert named(people, "Mao Sophan").country == "KHM"


def test_a_long_name_with_particles_is_one_name(extract):
    text = ("The guests were received by His Excellency President Sidi Ould Cheikh El Moctar of "
            "Mauritania.")
    person = named(extract(text).people, "Sidi Ould Cheikh El Moctar")
    assert person.name == "Sidi Ould Cheikh El Moctar"


def test_a_regnal_number_is_part_of_the_name(extract):
    people = extract("His Majesty King Mohammed VI received the Mauritanian Prime Minister in "
                     "Rabat.").people
    assert named(people, "Mohammed VI").country == "MAR"


def test_a_title_in_an_appositive_after_the_name_makes_it_a_name(extract):
    text = "Lucia Fernanda Salas, Peru's foreign minister, announced the decision on Tuesday."
    assert named(extract(text).people, "Lucia Fernanda Salas").country == "PER"


def test_the_gazetteer_name_grows_to_the_fuller_form_in_the_text(extract):
    people = extract("The Prime Minister of the UAE, Sheikh Mohammed bin Rashid Al Maktoum, landed in Rabat.").people
    assert len(people) == 1 and people[0].country == "ARE"


def test_a_known_surname_after_another_given_name_is_another_person(extract):
    text = "Rwandan President Paul Kagame and his wife Jeannette Kagame arrived in Nairobi."
    people = extract(text).people
    assert names(people) == {"Paul Kagame", "Jeannette Kagame"}
    assert named(people, "Jeannette Kagame").country == "RWA"  # a leader's spouse


# ---------------------------------------------------------------- the state a person acts for

def test_a_posting_is_where_an_envoy_serves_not_whom_they_represent(extract):
    text = "Chinese Ambassador to Armenia Li Wenbo and Indian Ambassador to Nepal Arvind Mehra spoke."
    people = extract(text).people
    assert named(people, "Li Wenbo").country == "CHN"
    assert named(people, "Arvind Mehra").country == "IND"


def test_the_officials_an_envoy_deals_with_are_the_hosts(extract):
    text = ("The tractors were delivered by the High Commissioner of Australia to Fiji, Helen Marsh "
            "to Minister of Agriculture, Josefa Tuilau in Suva.")
    people = extract(text).people
    assert named(people, "Helen Marsh").country == "AUS"
    assert named(people, "Josefa Tuilau").country == "FJI"


def test_a_national_agency_names_the_state(extract):
    text = "According to JICA Chief Representative in Vietnam, Hiroshi Tanabe, the loans will grow."
    assert named(extract(text).people, "Hiroshi Tanabe").country == "JPN"


def test_a_country_of_another_name_in_the_clause_is_not_this_ones(extract):
    text = ("In a meeting with Japan's Trade Minister Kenta Morioka, Fijian Minister Ravi Nand said "
            "the islands wanted investment.")
    people = extract(text).people
    assert named(people, "Kenta Morioka").country == "JPN"
    assert named(people, "Ravi Nand").country == "FJI"


def test_a_title_of_one_country_names_it(extract):
    text = "Taoiseach Ciaran Dolan met the British Prime Minister in Belfast."
    assert named(extract(text).people, "Ciaran Dolan").country == "IRL"


def test_an_envoy_in_a_capital_keeps_the_country_before_the_title(extract):
    text = "Venezuela's ambassador in Bogota, Ramon Urdaneta, called the day historic."
    assert named(extract(text).people, "Ramon Urdaneta").country == "VEN"


def test_a_persons_own_title_phrase_is_not_someone_elses(extract):
    text = ("Mozambique's ministers of defence and foreign affairs, Carlos Mabunda, met "
            "Tanzanian Defence Minister Halima Juma in Maputo.")
    assert named(extract(text).people, "Carlos Mabunda").country == "MOZ"


def test_a_minister_for_a_portfolio_keeps_the_country_before_it(extract):
    text = "Ghana's Minister for Trade and Industry, Kofi Asante, signed the protocol in Abuja."
    assert named(extract(text).people, "Kofi Asante").country == "GHA"


def test_an_adviser_acts_for_the_country_of_the_one_advised(extract):
    text = ("Cambodia and Vietnam agreed on a new target, Chan Dara, personal adviser to Prime "
            "Minister Hun Sen, told reporters.")
    assert named(extract(text, date(2017, 7, 21)).people, "Chan Dara").country == "KHM"


def test_a_speaker_talking_of_a_country_as_subject_acts_for_it(extract):
    text = "Ecuador will impose a tariff on goods from Colombia, President Tomas Villacis said on Monday."
    assert named(extract(text).people, "Tomas Villacis").country == "ECU"


def test_the_people_of_a_sentence_without_countries_give_theirs(extract):
    text = ("Kenyan President William Ruto left for Tokyo on Thursday.\n\n"
            "Deputy President Amina Wekesa will chair the cabinet until Ruto returns.")
    assert named(extract(text, date(2023, 6, 8)).people, "Amina Wekesa").country == "KEN"


def test_the_sentence_country_no_one_else_takes(extract):
    text = ("In a meeting in the border city between Peru and Bolivia, Presidents Dina Boluarte and "
            "Ramiro Quispe Mamani stressed their shared history.")
    people = extract(text, date(2024, 5, 1)).people
    assert named(people, "Dina Boluarte").country == "PER"
    assert named(people, "Ramiro Quispe Mamani").country == "BOL"


def test_a_country_word_before_another_persons_noun_is_not_ones_own(extract):
    text = ("Kenya and Ethiopia will sign trade deals this week. Kenya expects investment.\n\n"
            "\"We are ready,\" said State House Spokesperson Daniel Mwangi before the arrival of "
            "the Ethiopian leader.")
    assert named(extract(text).people, "Daniel Mwangi").country == "KEN"


def test_an_official_without_any_clue_is_of_the_side_the_report_starts_from(extract):
    text = ("The Philippines summoned China's ambassador on Monday over a water cannon attack.\n\n"
            "National Security Council spokesman Ramon Dizon said the action was illegal.")
    assert named(extract(text).people, "Ramon Dizon").country == "PHL"


def test_an_office_holder_of_two_states_is_the_one_served_on_the_date(extract):
    text = "Ursula von der Leyen met Chinese officials."
    assert named(extract(text, date(2016, 5, 1)).people, "Ursula von der Leyen").country == "DEU"
    assert named(extract(text, date(2023, 5, 1)).people, "Ursula von der Leyen").country == "EUU"


def test_generated_office_holders_give_country_and_role(extract):
    people = extract("Finance Minister Omar Zakhilwal met Pakistani officials in Islamabad.",
                     date(2010, 6, 1)).people
    assert named(people, "Omar Zakhilwal").country == "AFG"


def test_a_near_spelling_of_a_holder_does_not_override_the_title(extract):
    # "Kumar Rai" is a shorter form of no holder: only the first and last words together count.
    people = extract("Canada expelled India's Pavan Kumar Rai, a senior diplomat.").people
    assert named(people, "Pavan Kumar Rai").country == "IND"


def test_whose_aide_or_spouse_a_person_is_gives_their_country(extract):
    text = ("Kazakh President Kassym-Jomart Tokayev spoke with Russian officials on Friday.\n\n"
            "\"Russia remains our partner,\" Tokayev's press secretary Aidos Serikbay wrote.\n\n"
            "Tokayev's wife, Saule Tokayeva, visited a school near the Russian border.")
    people = extract(text, date(2024, 8, 2)).people
    assert named(people, "Aidos Serikbay").country == "KAZ"
    assert named(people, "Saule Tokayeva").country == "KAZ"


def test_a_country_the_only_one_of_its_sentence_is_shared_by_its_people(extract):
    text = ("Ukrainian Prime Minister Denys Shmyhal visited Berlin on Tuesday.\n\n"
            "Shmyhal also met Economy Minister Jonas Feldmann and Bundestag President Klara Hoff.")
    people = extract(text, date(2024, 6, 11)).people
    assert named(people, "Klara Hoff").country == "DEU"
    assert named(people, "Jonas Feldmann").country == "DEU"


def test_a_first_lady_takes_the_country_of_the_leader_she_accompanies(extract):
    text = ("South Korean President Lee Jae-myung arrived in Tokyo on Saturday.\n\n"
            "Lee, accompanied by first lady Yoon Min-seo, was welcomed by Japanese officials.")
    assert named(extract(text, date(2025, 8, 23)).people, "Yoon Min-seo").country == "KOR"


def test_a_particle_joined_by_a_hyphen_is_part_of_the_name(extract):
    text = "Sudan's Sovereign Council chief Abdel Karim al-Mahdi met Egyptian officials in Cairo."
    person = named(extract(text).people, "Abdel Karim al-Mahdi")
    assert (person.name, person.country) == ("Abdel Karim al-Mahdi", "SDN")


def test_plural_place_words_after_a_name_make_it_a_place(extract):
    text = "Cambodia and Thailand agreed to reopen the Poipet and Ban Khlong Luek checkpoints."
    assert extract(text).people == []


def test_an_abbreviated_title_does_not_end_the_sentence(extract):
    text = ("Nigeria's trade minister on Wednesday received her Ghanaian counterpart, Hon. Akosua "
            "Mensah-Boateng, in Abuja.")
    assert named(extract(text).people, "Akosua Mensah-Boateng").country == "GHA"


def test_capitalised_words_before_a_body_are_its_name(extract):
    text = ("The Director-General of the Nigerian Export Promotion Council, Mrs. Ada Okonkwo, "
            "attended the signing.")
    assert names(extract(text).people) == {"Ada Okonkwo"}


def test_a_contributor_line_names_no_people(extract):
    text = "Kenya and Uganda signed the deal.\n\nAmina Wekesa in Kampala contributed reporting."
    assert extract(text).people == []


def test_whom_an_official_meets_is_of_the_other_side(extract):
    text = ("Indian Prime Minister Narendra Modi hosted the Maldivian President on Monday.\n\n"
            "Maldivian Foreign Minister Hassan Shareef met Commerce Minister Arjun Kapoor.")
    people = extract(text, date(2024, 10, 7)).people
    assert named(people, "Arjun Kapoor").country == "IND"


def test_a_country_marked_on_a_second_conjunct_is_not_the_firsts(extract):
    text = ("Singapore and Malaysia signed the rail agreement on Monday.\n\n"
            "Senior Minister of State Tan Wei Ling and Malaysia's Deputy Prime Minister Ahmad Zaki "
            "Rahman also attended.")
    people = extract(text).people
    assert named(people, "Ahmad Zaki Rahman").country == "MYS"
    assert named(people, "Tan Wei Ling").country == "SGP"


def test_a_building_with_a_name_is_no_person(extract):
    text = "Bangladesh's chief adviser received the Indian envoy at the State Guest House Meghna."
    assert extract(text).people == []


# ---------------------------------------------------------------- properties

_GIVEN = ["Maria", "Tomas", "Ana", "Kofi", "Lin", "Rafael", "Ingrid", "Nguyen Van", "Sok", "Amina"]
_FAMILY = ["Quintero", "Asante", "Haugland", "Morales", "Thanh", "Chanthavong", "Okafor", "Vidal"]
_TITLES = ["Foreign Minister", "Prime Minister", "Trade Minister", "Ambassador", "President",
           "Deputy Prime Minister", "Defence Minister"]
_DEMONYMS = ["Chilean", "Ghanaian", "Norwegian", "Vietnamese", "Lao", "Nigerian", "Peruvian", "Thai"]
_TEMPLATES = [
    "{demonym} {title} {name} met officials in the capital on Monday.",
    "The talks were led by {demonym} {title} {name}, who arrived on Sunday.",
    "{name}, the {demonym} {title_lower}, said the two sides agreed to cooperate.",
    "\"We welcome the agreement,\" said {demonym} {title} {name}.",
]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(_TEMPLATES), st.sampled_from(_DEMONYMS), st.sampled_from(_TITLES),
       st.sampled_from(_GIVEN), st.sampled_from(_FAMILY))
def test_a_name_is_a_verbatim_span_of_its_evidence_sentence(extract, template, demonym, title, given_name,
                                                             family):
    name = f"{given_name} {family}"
    text = "Two ministers met.\n\n" + template.format(demonym=demonym, title=title, title_lower=title.lower(),
                                                     name=name)
    people = extract(text).people
    for person in people:
        evidence = person.evidence
        assert text[evidence.start:evidence.end] == person.name
        assert text[evidence.sentence_start:evidence.sentence_end] == evidence.sentence
        assert person.name in evidence.sentence
    assert any(fold(p.name) == fold(name) for p in people), [(p.name, p.country) for p in people]
