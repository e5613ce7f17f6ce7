"""The cached attribute ruler sets exactly what spaCy's own ruler sets."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from accord.extract.attributes import install
from accord.extract.nlp import MODEL, load_nlp

TRAINING = Path(__file__).resolve().parents[2] / "training" / "sentences"

# The ruler's multi-token and dependency patterns ("ain't", "gonna", "let's", "there is"),
# spaces, and ordinary news sentences.
WRITTEN = [
    "I ain't gonna let 's pretend, y'all gotta c'mon and see it.",
    "Let's say there is a deal and there were two rounds of talks.",
    "The ministers met  in Nairobi.\nThey signed three agreements on Monday.",
    "Vietnam's exports to Laos rose 12% to US$1.2 billion in the first half.",
]


def _annotations(doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def stock():
    import spacy

    return spacy.load(MODEL)


def _training_sentences(count: int) -> list[str]:
    lines = (line for path in sorted(TRAINING.glob("*.jsonl")) for line in path.open(encoding="utf-8"))
    return [json.loads(line)["text"] for line in islice(lines, 0, None, 40)][:count]


def test_the_cached_ruler_annotates_every_token_as_spacys_ruler_does(stock):
    texts = WRITTEN + _training_sentences(250)
    ours = load_nlp()
    assert ours.get_pipe("attribute_ruler")._accord_fast
    for theirs, mine in zip(stock.pipe(texts), ours.pipe(texts)):
        assert _annotations(mine) == _annotations(theirs), theirs.text


def test_installing_twice_changes_nothing():
    nlp = load_nlp()
    install(nlp)
    doc = nlp("Let's say there is a deal.")
    assert doc[0].lemma_ == "let" and doc[1].lemma_ == "us" and doc[4].pos_ == "VERB"


def test_base_forms_are_cached_and_lemmatized_as_spacy_does(stock):
    from accord.extract import lemmas

    nlp = load_nlp()
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert lemmatizer._accord_cached
    lemmas.install(nlp)  # a second install wraps nothing twice
    doc = nlp("The minister signs a new agreement.")
    noun = doc[1]
    assert (noun.orth, noun.pos, noun.morph.key) in lemmatizer.cache  # spaCy alone skips base forms
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in stock("The minister signs a new agreement.")]
