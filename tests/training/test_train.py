"""Training: one command learns the event coder from labelled sentences, and the result loads."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from accord.extract.coder.model import EventCoder
from accord.training.dataset import read_sentences
from accord.training.train import TrainOptions, label_codes, train

SENTENCES = Path(__file__).resolve().parents[2] / "training" / "sentences"


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    """The first 30 lines of every training file: enough to learn the frequent types."""
    folder = tmp_path_factory.mktemp("sentences")
    for path in sorted(SENTENCES.glob("*.jsonl")):
        lines = path.read_text("utf-8").splitlines()[:30]
        (folder / path.name).write_text("\n".join(lines) + "\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def trained(small, tmp_path_factory):
    out = tmp_path_factory.mktemp("model") / "coder.npz"
    report = train(TrainOptions(data=small, out=out, folds=2), progress=lambda line: None)
    return report, out


def test_the_repository_holds_at_least_5000_labelled_sentences():
    records = read_sentences(SENTENCES)
    assert len(records) >= 5000
    assert len({r.id for r in records}) == len(records)
    roots = {e.code[:2] for r in records for e in r.events}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_training_writes_a_model_that_loads_with_its_report(trained):
    report, out = trained
    coder = EventCoder.load(out)
    assert report.sentences == 30 * len(list(SENTENCES.glob("*.jsonl")))
    assert coder.types == report.types and len(coder.types) == 11
    assert 0.1 <= report.threshold <= 0.9
    assert 0.0 < report.cv["event_type_f1"] <= 1.0
    assert json.loads(out.with_suffix(".json").read_text())["codes"] == report.codes
    assert coder.meta["examples"] == report.examples


def test_the_trained_model_codes_a_visit_it_was_taught(trained):
    from datetime import date

    from accord.extract import pipeline

    _, out = trained
    coder = EventCoder.load(out)
    original = pipeline.load_coder
    pipeline.load_coder = lambda: coder
    try:
        extraction = pipeline.extract_document(
            "t", "Indonesian President Joko Widodo arrived in Canberra on Sunday for a state visit to Australia.",
            date(2024, 5, 20))
    finally:
        pipeline.load_coder = original
    assert any(e.type == "visit" for e in extraction.events), extraction.events


def test_rare_codes_are_learnt_as_their_parent_of_the_same_type():
    from accord.extract.coder.candidates import Candidate
    from accord.extract.coder.features import Features
    from accord.extract.coder import CandidateFeatures
    from accord.training.dataset import Example, LabelledEvent

    def example(code: str) -> Example:
        return Example("s", CandidateFeatures(Candidate("AAA", "BBB"), Features()),
                       (LabelledEvent(code, "AAA", "BBB"),))

    examples = [example("0311")] * 3 + [example("031")] * 3 + [example("042")] * 20
    mapping = label_codes(examples)
    assert mapping["042"] == "042"
    assert mapping["0311"] == "0311"  # its parent 031 is pledge_commitment, not economic: kept
    assert mapping["031"] == "03"  # too rare: its root, of the same type


def test_a_broken_training_line_is_reported_by_file_and_line(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "text": "x", "events": []}\n{not json\n', "utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2"):
        read_sentences(tmp_path)


def test_the_bagged_events_head_is_the_mean_of_the_full_fit_and_the_fold_fits(small, tmp_path):
    from accord.extract.event_types import type_names
    from accord.training.dataset import build_examples
    from accord.training.train import _fit_all, _matrix

    examples, _ = build_examples(read_sentences(small)[:120])
    mapping = label_codes(examples)
    codes, types = sorted(set(mapping.values())), type_names()
    out = tmp_path / "m.npz"
    single = _fit_all(examples, mapping, types, codes, TrainOptions(data=small, out=out, bagged=False))
    # Three fold fits of all zeros: the mean with the full fit is a quarter of the full fit.
    buckets = len(_matrix([e.found.features.all() for e in examples]).buckets)
    zero = (np.zeros((buckets, len(types)), np.float32), np.zeros(len(types), np.float32))
    bagged = _fit_all(examples, mapping, types, codes, TrainOptions(data=small, out=out), [zero] * 3)
    np.testing.assert_allclose(bagged["events_bias"], single["events_bias"] / 4, rtol=1e-5, atol=1e-6)
    full = dict(zip(single["events_buckets"].tolist(), single["events_weights"].astype(np.float32)))
    assert len(bagged["events_buckets"]) > 0
    for bucket, row in zip(bagged["events_buckets"].tolist(), bagged["events_weights"].astype(np.float32)):
        np.testing.assert_allclose(row * 4, full[bucket], rtol=2e-2, atol=4e-3)
    # The other heads are fitted once.
    np.testing.assert_array_equal(bagged["direction_weights"], single["direction_weights"])
