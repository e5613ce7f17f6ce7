"""Content-hash identity and MinHash signatures for near-duplicate detection.

Near duplicates are found with locality-sensitive hashing over MinHash
signatures (datasketch computes the signatures). The LSH bands are stored as
rows in SQLite rather than in datasketch's in-memory MinHashLSH, so the index
persists across runs and grows with the store without being rebuilt.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from accord.folding import fold

NUM_PERM = 128
BANDS = 16  # 16 bands of 8 rows: candidates from about 0.7 Jaccard similarity up
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
NEAR_DUPLICATE_THRESHOLD = 0.8


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
