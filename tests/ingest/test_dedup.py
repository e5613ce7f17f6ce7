"""Content-hash identity and MinHash near-duplicate signatures."""

from __future__ import annotations

from accord.ingest.dedup import BANDS, NUM_PERM, band_keys, content_id, minhash_signature, similarity
from samples import BRAZIL_ARGENTINA, JAPAN_INDIA, KENYA_UGANDA


def test_content_id_is_stable_and_ignores_whitespace_runs():
    first = content_id(KENYA_UGANDA)
    assert first == content_id(KENYA_UGANDA)
    assert len(first) == 16 and int(first, 16) >= 0
    assert content_id("Kenya  and\n\nUganda ") == content_id("Kenya and Uganda")
    assert content_id("Kenya and Uganda") != content_id("Kenya and Uganda.")


def test_signature_size_and_bands():
    signature = minhash_signature(JAPAN_INDIA)
    assert len(signature) == NUM_PERM * 8
    keys = band_keys(signature)
    assert [band for band, _ in keys] == list(range(BANDS))
    assert all(-(2 ** 63) <= key < 2 ** 63 for _, key in keys)  # fits an SQLite INTEGER


def test_identical_and_folded_texts_have_the_same_signature():
    assert minhash_signature("Tô Lâm visited Vũng Áng port on Monday") == minhash_signature(
        "TO LAM visited vung ang port on monday")
    assert similarity(minhash_signature(KENYA_UGANDA), minhash_signature(KENYA_UGANDA)) == 1.0


def test_one_changed_word_is_a_near_duplicate():
    edited = JAPAN_INDIA.replace("Friday", "Thursday")
    score = similarity(minhash_signature(JAPAN_INDIA), minhash_signature(edited))
    assert 0.8 <= score < 1.0
    assert set(band_keys(minhash_signature(JAPAN_INDIA))) & set(band_keys(minhash_signature(edited)))


def test_different_articles_are_not_similar():
    score = similarity(minhash_signature(KENYA_UGANDA), minhash_signature(BRAZIL_ARGENTINA))
    assert score < 0.2


def test_similarity_of_mismatched_signatures_is_zero():
    assert similarity(b"", b"") == 0.0
    assert similarity(minhash_signature("a b c"), minhash_signature("a b c")[:64]) == 0.0


def test_short_and_empty_texts_still_get_signatures():
    assert len(minhash_signature("")) == NUM_PERM * 8
    assert similarity(minhash_signature("Kenya"), minhash_signature("kenya")) == 1.0
