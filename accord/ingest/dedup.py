"""Content-hash identity and MinHash signatures for near-duplicate detection.

Near duplicates are found with locality-sensitive hashing over MinHash
signatures (datasketch computes the signatures). The LSH bands and the rule that
decides a near duplicate live in `accord/neardup.py`; the bands are stored as
rows in SQLite rather than in datasketch's in-memory MinHashLSH, so the index
persists across runs and grows with the store without being rebuilt.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from accord.folding import fold
from accord.neardup import BANDS, NUM_PERM, ROWS, band_keys, similarity  # noqa: F401  (the index lives there)

SHINGLE_WORDS = 5


def content_id(clean_text: str) -> str:
    """A 16-hex-digit content hash of the clean text, with whitespace runs folded."""
    canonical = " ".join(clean_text.split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def minhash_signature(text: str) -> bytes:
    """A MinHash signature of the text's word 5-shingles (case- and diacritic-folded)."""
    words = fold(text).split()
    width = min(SHINGLE_WORDS, max(1, len(words)))
    shingles = {" ".join(words[i:i + width]).encode("utf-8") for i in range(len(words) - width + 1)}
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    if shingles:
        minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype(np.uint64).tobytes()
