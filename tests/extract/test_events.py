"""Events end to end: the coder's verdicts made into records by the codebook's rules.

Every text is invented. Publication date: Monday 20 May 2024 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from accord.extract.cameo import lookup
from accord.extract.events import is_headline, skip_reason
from accord.extract.coder.candidates import ActorRef
from accord.extract.nlp import split_sentences
from accord.extract.records import DateValue, Event


def only(events: list[Event], kind: str, negated: bool = False) -> Event:
    found = [e for e in events if e.type == kind and e.negated == negated]
    assert len(found) == 1, [(e.type, e.source, e.target, e.negated) for e in events]
    return found[0]


def test_every_event_carries_its_evidence_code_table_entry_and_confidence(extract):
    text = "Kenyan President William Ruto arrived in Kampala on Saturday for a two-day state visit to Uganda."
    events = extract(text).events
    assert events
    for event in events:
        entry = lookup(event.cameo)
        assert event.type == entry.type and event.goldstein == entry.goldstein
        assert event.quad_class == entry.quad_class and event.plover == entry.plover
        assert 0.0 < event.confidence <= 1.0
        assert event.evidence.sentence == text
        assert text[event.evidence.start - event.evidence.sentence_start:
                    event.evidence.end - event.evidence.sentence_start] == event.trigger


def test_a_visit_runs_from_visitor_to_host_and_is_dated_by_its_day(extract):
    visit = only(extract("Kenyan President William Ruto arrived in Kampala on Saturday for a "
                         "two-day state visit to Uganda.").events, "visit")
    assert (visit.source, visit.target) == ("KEN", "UGA")
    assert visit.date == DateValue("2024-05-18", "day")


def test_a_visit_goes_to_the_capital_it_takes_place_in(extract):
    text = ("King Abdullah offered a dinner in Amman on Friday in honour of the visiting Egyptian "
            "president, who arrived for a state visit.")
    visit = only(extract(text).events, "visit")
    assert (visit.source, visit.target) == ("EGY", "JOR")


def test_joint_acts_during_a_visit_take_the_visiting_side_as_source(extract):
    text = ("Indian Prime Minister Narendra Modi arrived in Colombo on Sunday for a state visit to Sri Lanka.\n\n"
            "Sri Lanka and India signed three agreements on energy and held talks on fisheries.")
    events = [e for e in extract(text).events if e.type in ("agreement_signed", "meeting_talks")]
    assert events and all((e.source, e.target) == ("IND", "LKA") for e in events)


def test_a_joint_act_whose_subject_is_the_unnamed_side_takes_that_side_as_source(extract):
    # The second sentence names only Australia; its subject, "The Foreign Minister", is the
    # document's other side, mentioned first: the codebook gives the joint act to it.
    text = ("Japan and Australia held their annual economic dialogue in Osaka on Monday, officials from "
            "both countries said.\n\n"
            "The Foreign Minister and Australian Foreign Minister Penny Wong signed a memorandum of "
            "understanding on critical minerals on Tuesday.")
    signing = only(extract(text).events, "agreement_signed")
    assert (signing.source, signing.target) == ("JPN", "AUS")


def test_a_joint_act_whose_subject_is_a_pronoun_for_anything_keeps_the_named_side_first(extract):
    text = ("Japan and Australia held their annual economic dialogue on Monday, officials from both "
            "countries said.\n\n"
            "It was a productive day, and Australian Foreign Minister Penny Wong signed a memorandum of "
            "understanding on critical minerals.")
    signing = only(extract(text).events, "agreement_signed")
    assert signing.source == "AUS"


def test_a_hope_is_no_event(extract):
    # Codebook: hopes about the future are no events (the coder alone codes this a meeting).
    text = ("Prime Minister Fumio Kishida and Australian leader Anthony Albanese looked forward to "
            "meeting again in Canberra next year.")
    assert extract(text).events == []


def test_wanting_the_other_side_to_act_is_not_a_hope(extract):
    events = extract("Tokyo wants Canberra to drop its tariffs on Japanese steel immediately, "
                     "the minister said.").events
    demands = [(e.source, e.target) for e in events if e.type == "protest_criticism" and not e.negated]
    assert demands == [("JPN", "AUS")]


def test_a_protest_runs_from_the_protester(extract):
    event = only(extract("Manila summoned the Chinese ambassador on Monday to protest against the "
                         "water cannon attack on a Philippine supply boat.").events, "protest_criticism")
    assert (event.source, event.target) == ("PHL", "CHN")
    assert event.date == DateValue("2024-05-20", "day")


def test_a_planned_visit_is_flagged_and_dated_forward(extract):
    visit = only(extract("Brazilian President Lula will visit Paraguay on Friday to discuss the "
                         "Itaipu dam tariff.").events, "visit")
    assert visit.planned and visit.date == DateValue("2024-05-24", "day")


def test_a_cancelled_meeting_is_flagged_not_reported(extract):
    events = extract("Talks between the Serbian and Kosovar prime ministers in Brussels were called "
                     "off on Monday, EU officials said.").events
    assert not [e for e in events if e.type == "meeting_talks" and not e.negated]


def test_a_year_alone_dates_no_event(extract):
    events = extract("Vietnam and the United States established diplomatic relations in 1995.").events
    assert events and all(e.date is None for e in events)


def test_an_undated_sentence_takes_the_narrative_date_then_the_publication_date(extract):
    text = ("Thai and Cambodian defence ministers met in Phnom Penh on 17 May 2024.\n\n"
            "The two sides agreed to set up a joint border committee.")
    second = [e for e in extract(text).events if "joint border committee" in e.evidence.sentence]
    assert second and all(e.date == DateValue("2024-05-17", "day") for e in second)
    alone = [e for e in extract("The two sides agreed to set up a joint border committee, Thai and "
                                "Cambodian officials said.").events]
    assert alone and all(e.date == DateValue("2024-05-20", "day") for e in alone)


def test_a_headline_is_no_evidence():
    text = "Kenya and Uganda sign rail deal\n\nThe deal was signed in Nairobi on Monday by both ministers."
    first, second = split_sentences(text)
    assert is_headline(first, text) and not is_headline(second, text)


@pytest.mark.parametrize("sentence, reason", [
    ("Kenya: Uganda.", "too short"),
    ("Nothing here names a country at all, as far as anyone can tell.", "no candidate pair"),
    ("ປະເທດລາວ ແລະ ຫວຽດນາມ ໄດ້ລົງນາມ ສັນຍາ ຮ່ວມມື ສອງ ສະບັບ ໃນ ວັນນີ້ ທີ່ ນະຄອນຫຼວງ.", "not in Latin script"),
])
def test_sentences_the_coder_cannot_score_are_skipped_with_a_reason(sentence, reason):
    actors = [ActorRef(0, 5, "KEN", "country"), ActorRef(10, 16, "UGA", "country")] \
        if reason != "no candidate pair" else []
    assert skip_reason(sentence, actors, ("KEN", "UGA") if reason != "no candidate pair" else ()) == reason


def test_skipped_sentences_are_counted_in_the_extraction_report(extract):
    extraction = extract("Kenya and Uganda held talks in Nairobi on Monday on the new rail link.\n\n"
                         "Photo: KNA\n\nThe weather in the capital was fine, and nothing else happened.")
    assert extraction.skipped == {"headline": 1}  # a short line without a full stop near the top


def test_a_sports_match_is_no_event(extract):
    events = extract("Nigeria beat Ghana 2-0 in Accra on Saturday in a World Cup qualifier.").events
    assert [e for e in events if not e.negated] == []


def test_extraction_without_publication_date_leaves_relative_dates_unresolved(extract):
    events = extract("Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni "
                     "on Monday.", published=None).events
    assert events and all(e.date is None for e in events)


def test_the_coder_loads_once_and_is_reused():
    from accord.extract.coder.model import load_coder

    assert load_coder() is load_coder()
    assert date.today()  # the model file's load does not depend on the date


def test_the_two_sides_opening_a_sentence_are_the_documents_pair(extract):
    # The countries named after "the two parties" are what the pair talks about, not actors.
    text = ("Egyptian Foreign Minister Sameh Shoukry held talks with Sudanese Foreign Minister "
            "Ali al-Sadiq in Cairo on Sunday. Egypt and Sudan agreed to expand trade. The two parties "
            "also discussed a new road project between Egypt and Chad to boost trade with South Africa.")
    events = extract(text).events
    assert events
    assert {frozenset((e.source, e.target)) for e in events} == {frozenset(("EGY", "SDN"))}


def test_a_group_named_after_its_countries_refers_to_them(extract):
    text = ("The Korean president attended the summit in Hanoi. Lee Jae-myung also held separate talks "
            "with Cambodia's Hun Manet, during which the two sides agreed to resume direct flights.")
    pairs = {frozenset((e.source, e.target)) for e in extract(text).events}
    assert frozenset(("KOR", "KHM")) in pairs


def test_an_act_with_one_member_of_a_list_is_an_act_with_each(extract):
    # Alone, the coder finds the list's first and last members, not its middle.
    text = ("Turkish Foreign Minister Hakan Fidan met US Secretary of State Marco Rubio in New York "
            "on Monday. Turkey and the United States discussed trade. Fidan also held talks with the "
            "ministers of Germany, Spain, India, Montenegro, Bulgaria and with the Arab League's chief "
            "during the assembly.")
    meetings = [e for e in extract(text).events if e.type == "meeting_talks" and "Bulgaria" in e.evidence.sentence]
    assert {(e.source, e.target) for e in meetings} == {
        ("TUR", "DEU"), ("TUR", "ESP"), ("TUR", "IND"), ("TUR", "MNE"), ("TUR", "BGR")}


def test_the_two_sides_of_a_joint_act_are_no_list_to_share(extract):
    events = extract("Japan and South Korea signed a fisheries agreement in Tokyo on Friday.").events
    assert {frozenset((e.source, e.target)) for e in events} == {frozenset(("JPN", "KOR"))}


def test_the_date_of_the_act_framing_a_sentence_dates_the_acts_within_it(extract):
    events = extract("During a meeting held by video link yesterday, Kenyan Foreign Minister Musalia "
                     "Mudavadi discussed border trade with his Ugandan counterpart.").events
    meeting = only(events, "meeting_talks")
    assert meeting.date == DateValue("2024-05-19", "day")


def test_a_visit_goes_to_the_country_its_word_is_directed_to(extract):
    events = extract("To mark the state visit to Kenya by Ethiopian Prime Minister Abiy Ahmed, "
                     "Kenyan Foreign Minister Musalia Mudavadi wrote an article on the ties between "
                     "the two countries.").events
    visit = only(events, "visit")
    assert (visit.source, visit.target) == ("ETH", "KEN")


def test_an_undated_visit_does_not_claim_the_joint_acts_of_other_sentences(extract):
    text = ("The visit to Kenya by Ethiopian Prime Minister Abiy Ahmed drew wide coverage.\n\n"
            "Kenya and Ethiopia signed a border trade agreement.")
    signed = [e for e in extract(text, published=None).events if e.type == "agreement_signed"]
    assert signed and all(e.source == "KEN" for e in signed)


@pytest.mark.parametrize("text, visitor, host", [
    ("Kenyan President William Ruto said he had accepted an invitation from Chinese President Xi "
     "Jinping to visit Beijing in October.", "KEN", "CHN"),
    ("Brazilian President Lula da Silva will pay a state visit next week at the invitation of "
     "Chinese President Xi Jinping, a Chinese foreign ministry spokeswoman said.", "BRA", "CHN"),
])
def test_a_visit_goes_to_the_place_visited_or_to_whoever_invited(extract, text, visitor, host):
    visits = [e for e in extract(text).events if e.type == "visit"]
    assert visits and all((e.source, e.target) == (visitor, host) for e in visits)
