"""Dating agreements and one record per instrument: attached dates, non-Gregorian dates,
signing sentences, anniversaries, list sentences, references, aliases, counts and shorthands.

Sentences are invented. The pipeline fixture publishes on Monday 2024-05-20.
"""

from __future__ import annotations

from datetime import date

import pytest

from accord.extract.agreement_dates import SentenceInput, collect_agreements, headline_end
from accord.extract.dates import DateContext, find_dates


def dated(extraction) -> list[tuple[str, str | None]]:
    return [(a.name, a.date.iso if a.date else None) for a in extraction.agreements]


def collect(*texts: str, published: date | None = date(2024, 5, 20)):
    context = DateContext(published=published)
    inputs = [SentenceInput(text, find_dates(text, context)) for text in texts]
    return [(c.name, c.date.iso if c.date else None) for c in collect_agreements(inputs, published)]


# ---------------------------------------------------------------- dates attached to a name

@pytest.mark.parametrize("text, iso", [
    ("They hailed the Treaty of Lima (March 3, 1990) as a model.", "1990-03-03"),
    ("Posters celebrating the Treaty of Lima (March 3, 1990 – 2020) lined the avenue.", "1990-03-03"),
    ("The Andean Transit Agreement, signed on 4 June 2011, lets trucks cross.", "2011-06-04"),
    ("Lima cites the Andean Transit Agreement it concluded with Quito in 1987.", "1987"),
    ("Patrols follow the Maritime Cooperation Agreement, signed in August 2021.", "2021-08"),
    ("Exports rose under the Trade Agreement (TA), which Peru and Chile signed on 16 February 2011.",
     "2011-02-16"),
])
def test_a_date_written_after_the_name_dates_it(text, iso):
    assert collect(text)[0][1] == iso


def test_a_non_gregorian_date_counts_by_its_gregorian_equivalent():
    text = "The port agreement, which was signed on 5/2/1415 AH (corresponding to 7/21/1994 AD), remains in force."
    assert collect(text) == [("port agreement", "1994-07-21")]


def test_a_numeric_date_is_read_by_which_number_exceeds_twelve():
    assert collect("The Port Agreement, signed on 23/4/2005, was renewed.") == [("Port Agreement", "2005-04-23")]
    assert collect("The Port Agreement, signed on 4/5/2005, was renewed.") == [("Port Agreement", "2005")]


def test_an_anniversary_sentence_does_not_date_by_its_own_date():
    text = "On 3 May 2024 both capitals held an anniversary gala for the Treaty of Quito, signed long ago."
    assert collect(text) == [("Treaty of Quito", None)]


# ---------------------------------------------------------------- signing sentences and lists

def test_a_list_sentence_takes_the_date_of_the_signing_before_it(extract):
    text = ("After talks in Lima on 7 March 2024 the ministers signed four documents. "
            "They include a memorandum of understanding on copper mining and an agreement on "
            "customs data.")
    assert dated(extract(text)) == [("memorandum of understanding on copper mining", "2024-03-07"),
                                    ("agreement on customs data", "2024-03-07")]


def test_a_signing_word_inside_another_names_dating_clause_does_not_date_the_sentence():
    text = ("They agreed to revive the Andean Transit Agreement, signed on 4 June 2011, and the Protocol "
            "on Fisheries.")
    assert collect(text) == [("Andean Transit Agreement", "2011-06-04"), ("Protocol on Fisheries", None)]


# ---------------------------------------------------------------- references date their instrument

def test_a_signed_reference_dates_the_instrument_named_before_it(extract):
    text = ("Peru and Chile concluded an agreement on seasonal farm labour. "
            "The memorandum was signed Friday at the border post.")
    assert dated(extract(text)) == [("agreement on seasonal farm labour", "2024-05-17")]


def test_the_document_signed_later_dates_the_memorandum_discussed_before(extract):
    text = ("On Sunday the transport ministers of Peru and Chile reviewed the Protocol on Rail Freight by "
            "video link.\n\nThe Peruvian minister then signed the document.")
    assert dated(extract(text)) == [("Protocol on Rail Freight", "2024-05-19")]


def test_a_reference_too_far_from_any_name_dates_nothing():
    texts = ["They signed the Protocol on Fisheries.", "Talks went on.", "Trade grew.", "Prices fell.",
             "Ports reopened.", "The agreement was signed on 3 May 2024."]
    assert collect(*texts) == [("Protocol on Fisheries", None)]


# ---------------------------------------------------------------- one record per instrument

def test_an_alias_and_its_name_are_one_record_under_the_full_name():
    texts = ["The fund was created under the Treaty of Quito.",
             "Lima ratified the Treaty on Andean Cooperation, the Treaty of Quito, which both had signed "
             "on 2 May 2001."]
    assert collect(*texts) == [("Treaty on Andean Cooperation", "2001-05-02")]


def test_the_same_count_of_instruments_is_one_record():
    texts = ["Auditors counted 38 bilateral agreements between Accra and Lome.",
             "Togo has ratified 38 agreements with Ghana since independence."]
    assert collect(*texts) == [("38 bilateral agreements", None)]


def test_a_shorthand_is_the_fuller_name_it_abbreviates():
    texts = ["They signed a memorandum of understanding on lithium refining.",
             "Commentators praised the refining agreement."]
    assert collect(*texts) == [("memorandum of understanding on lithium refining", None)]


def test_the_best_dated_mention_wins():
    texts = ["The Protocol on Fisheries was discussed.",
             "The Protocol on Fisheries, signed on 3 May 2023, expires soon."]
    assert collect(*texts) == [("Protocol on Fisheries", "2023-05-03")]


def test_a_headline_names_nothing(extract):
    text = ("Oman and Iran sign shipping and customs deals\n\n"
            "Oman and Iran signed the Agreement on Shipping on 3 May 2024.")
    assert dated(extract(text)) == [("Agreement on Shipping", "2024-05-03")]


@pytest.mark.parametrize("text, end", [
    ("Oman and Iran sign shipping deals\n\nThe body.", len("Oman and Iran sign shipping deals")),
    ("Oman and Iran signed shipping deals on Monday.\n\nThe body.", 0),
    ("x" * 201 + "\n\nThe body.", 0),
])
def test_headline_end(text, end):
    assert headline_end(text) == end
