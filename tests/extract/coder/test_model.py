"""The model file: hashed heads score as a dense dot product would, and a missing or broken
file is a clear error naming it and how to rebuild it."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.errors import ModelError
from accord.extract.coder.model import EventCoder, Head, feature_bucket, load_coder


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=30, unique=True),
       st.lists(st.text(min_size=1, max_size=12), max_size=30))
def test_head_scores_equal_the_dense_sum(known, asked):
    buckets = np.array(sorted({feature_bucket(f) for f in known}), dtype=np.int64)
    rng = np.random.default_rng(len(known))
    head = Head(buckets, rng.normal(size=(len(buckets), 3)).astype(np.float32), np.array([0.5, 0, -1], np.float32))
    expected = head.bias.copy()
    for bucket in {feature_bucket(f) for f in asked}:
        rows = np.flatnonzero(buckets == bucket)
        if len(rows):
            expected = expected + head.weights[rows[0]]
    assert np.allclose(head.scores(asked), expected, atol=1e-5)


def test_a_missing_model_names_the_file_and_the_fix(tmp_path):
    with pytest.raises(ModelError, match=r"not found: .*nowhere\.npz.*make train"):
        EventCoder.load(tmp_path / "nowhere.npz")


def test_a_corrupt_model_names_the_file_and_the_fix(tmp_path):
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ModelError, match=r"broken\.npz is unreadable.*make train"):
        EventCoder.load(broken)


def test_a_model_missing_a_head_is_unreadable(tmp_path):
    partial = tmp_path / "partial.npz"
    np.savez(partial, codes=np.array(["042"]))
    with pytest.raises(ModelError, match="unreadable"):
        EventCoder.load(partial)


def test_the_shipped_model_loads_and_knows_every_root():
    coder = load_coder()
    assert {code[:2] for code in coder.codes} == {f"{n:02d}" for n in range(1, 21)}
    assert coder.meta["sentences"] >= 5000
