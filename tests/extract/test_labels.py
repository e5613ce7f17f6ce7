"""Relationship labels: framework phrases kept verbatim, generic phrases left out."""

from __future__ import annotations

import pytest

from accord.extract.labels import find_labels


def labels(sentence: str) -> list[str]:
    return [label.label for label in find_labels(sentence)]


@pytest.mark.parametrize("sentence, label", [
    ("Indonesia and Australia upgraded ties to a Comprehensive Strategic Partnership in 2018.",
     "Comprehensive Strategic Partnership"),
    ("Japan and India have a Special Strategic and Global Partnership.",
     "Special Strategic and Global Partnership"),
    ("Kenya and Uganda agreed to build a strategic partnership.", "strategic partnership"),
    ("France and Germany described their comprehensive strategic partnership as a model.",
     "comprehensive strategic partnership"),
])
def test_framework_phrases_are_kept_with_their_wording(sentence, label):
    found = find_labels(sentence)
    assert [f.label for f in found] == [label]
    assert sentence[found[0].start:found[0].end] == label


def test_a_list_of_qualities_is_one_label():
    sentence = ("Brazil and Argentina said their ties rest on great friendship, special solidarity "
                "and comprehensive cooperation.")
    assert labels(sentence) == ["great friendship, special solidarity and comprehensive cooperation"]


def test_a_lone_generic_phrase_is_not_a_label():
    assert labels("Kenya and Uganda enjoy close cooperation in trade.") == []
    assert labels("The two sides agreed to boost cooperation.") == []
    assert labels("Japan and India held talks on Friday.") == []


def test_a_quoted_generic_phrase_is_a_label():
    assert labels('Ugandan officials praised the "close cooperation" with Kenya.') == ["close cooperation"]


def test_several_labels_in_one_sentence():
    sentence = ("India calls it a Special Strategic and Global Partnership; Japan speaks of "
                "a comprehensive strategic partnership.")
    assert labels(sentence) == ["Special Strategic and Global Partnership",
                                "comprehensive strategic partnership"]


def test_labels_in_the_pipeline_carry_the_document_pair_and_evidence(extract):
    text = ("Indonesian President Joko Widodo met Australian Prime Minister Anthony Albanese.\n\n"
            "The leaders hailed the Comprehensive Strategic Partnership.")
    extraction = extract(text)
    label, = extraction.labels
    assert label.label == "Comprehensive Strategic Partnership"
    assert set(label.countries) == {"IDN", "AUS"}
    assert text[label.evidence.start:label.evidence.end] == label.label
    assert text[label.evidence.sentence_start:label.evidence.sentence_end] == label.evidence.sentence
