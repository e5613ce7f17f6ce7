"""The cascade: parsing only the sentences a cheap pass selects must not lose a record.

Compared with parsing every sentence (same sentence boundaries, every component reading every
sentence), the cascade must give the same records, on the seeds and on generated articles.
When this fails after a change to actors.py, events.py or facts.py, the component's pre-filter
in its own module (`actors.people_sentences`, `events.skip_reason`) needs the same change.
"""

from __future__ import annotations

import sys
from dataclasses import asdict, replace
from pathlib import Path

import pytest

import accord.extract.pipeline as pipeline
from accord.extract.nlp import Sentence, split_sentences
from accord.ingest.document import build_document
from accord.models import RawArticle

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


def _generated(count: int) -> list[str]:
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks.corpus import article
    finally:
        sys.path.remove(str(ROOT))
    return [article(index, seed=7)["text"] for index in range(count)]


@pytest.fixture(scope="module")
def documents():
    texts = _generated(12)
    if SEEDS.is_dir():
        texts += [path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    docs = [build_document(RawArticle(origin=f"t{i}", format="text", text=text))
            for i, text in enumerate(texts)]
    return [pipeline.DocumentInput(doc.id, doc.clean_text, doc.published.value, doc.captions) for doc in docs]


def _records(extraction) -> dict:
    return {name: sorted(repr(asdict(r)) for r in getattr(extraction, name))
            for name in ("people", "events", "facts", "agreements", "labels")} | {"pair": extraction.pair}


def test_the_cascade_loses_nothing_against_parsing_every_sentence(documents, monkeypatch):
    selected = pipeline.extract_documents(documents, cascade=True)
    monkeypatch.setattr(pipeline, "people_sentences", lambda sentences, mentions: {
        i: True for i in range(len(sentences))})
    components = [replace(c, needs_parse=(lambda state: {i: True for i in range(len(state.sentences))})
                          if c.needs_parse else None) for c in pipeline.PIPELINE]
    monkeypatch.setattr(pipeline, "PIPELINE", components)
    monkeypatch.setattr(pipeline, "may_hold_facts", lambda text: True)
    exhaustive = pipeline.extract_documents(documents, cascade=True)
    assert sum(len(e.events) for e in exhaustive) > 50
    for fast, full in zip(selected, exhaustive):
        assert _records(fast) == _records(full), fast.doc_id


def test_a_batch_gives_what_each_document_gives_alone(documents):
    together = pipeline.extract_documents(documents[:6])
    for row, extraction in zip(documents[:6], together):
        alone = pipeline.extract_document(row.doc_id, row.text, row.published, captions=row.captions)
        assert _records(alone) == _records(extraction)


def test_a_split_sentence_is_parsed_when_its_span_is_read():
    text = "Kenya and Uganda signed a treaty.\n\nThe two presidents met in Kampala on Monday."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Kenya and Uganda signed a treaty.",
                                           "The two presidents met in Kampala on Monday."]
    second = sentences[1]
    assert not second.parsed and second.start == text.index("The two")
    token = next(t for t in second.span if t.text == "met")
    assert second.parsed and token.lemma_ == "meet" and token.dep_ == "ROOT"
    assert second.offset + token.idx == text.index("met")
    assert second.text == text[second.start:second.end]
    assert isinstance(second, Sentence)


def test_without_the_cascade_every_paragraph_is_parsed(documents):
    row = documents[0]
    assert _records(pipeline.extract_document(row.doc_id, row.text, row.published, cascade=False))["pair"]
