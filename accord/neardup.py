"""The near-duplicate index: MinHash LSH bands, the similarity of two signatures, and the one
option that decides a near duplicate (`NearDuplicates.threshold`).

A neutral module (it imports nothing of accord's layers), so the store, which keeps the bands
as rows (table `minhash_bands`) and is given a `NearDuplicates` when opened, and the Dask engine,
which joins the bands across partitions, decide near duplicates by the same rule. The
signatures themselves are computed at ingest (`ingest/dedup.minhash_signature`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
BANDS = 16  # 16 bands of 8 rows: candidates from about 0.7 Jaccard similarity up
ROWS = NUM_PERM // BANDS


def band_keys(signature: bytes) -> list[tuple[int, int]]:
    """LSH (band, key) pairs: documents sharing any pair are near-duplicate candidates."""
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS * 8:(band + 1) * ROWS * 8]
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))
    return keys


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    a = np.frombuffer(first, dtype=np.uint64)
    b = np.frombuffer(second, dtype=np.uint64)
    if a.shape != b.shape or not len(a):
        return 0.0
    return float(np.mean(a == b))


@dataclass(frozen=True)
class NearDuplicates:
    """When a document nearly repeats another: MinHash similarity at least `threshold`
    (above 1.0: never, so only exact repeats are duplicates)."""

    threshold: float = 0.8

    def band_keys(self, signature: bytes) -> list[tuple[int, int]]:
        """The signature's LSH bands, the keys under which the index finds candidates."""
        return band_keys(signature)

    def best(self, signature: bytes,
             candidates: Iterable[tuple[str, bytes]]) -> tuple[str | None, float | None]:
        """The candidate (id, signature) most similar to `signature` at or above the threshold,
        with the similarity rounded to 3 places, or (None, None)."""
        found: tuple[str | None, float | None] = (None, None)
        for doc_id, other in candidates:
            score = similarity(signature, other)
            if score >= self.threshold and (found[1] is None or score > found[1]):
                found = (doc_id, round(score, 3))
        return found
