"""The trained event coder: hashed features, linear heads, weights shipped in the package.

Five heads read a candidate's features (accord/extract/coder/features.py):

* `events`: one logistic output per codebook event type, several may fire;
* `code`: for a predicted type, which of that type's CAMEO codes it is;
* `direction`: for a predicted type, whether the side named first is the source, the
  target, or both act together (a joint act, attributed by the codebook's rules);
* `planned` and `negated`: for a predicted type.

Weights are trained by `accord train` (accord/training/) with scikit-learn and saved as a
NumPy archive, accord/data/model/event_coder.npz. Inference is a sparse row sum and a
sigmoid, written here in NumPy so that running accord needs neither scikit-learn nor pickle
(an .npz of arrays loads without executing code).
"""

from __future__ import annotations

import json
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from accord.errors import ModelError
from accord.extract.cameo import lookup
from accord.extract.coder.features import Features

HASH_BITS = 20
DIRECTIONS = ("forward", "backward", "joint")
MODEL_PATH = "data/model/event_coder.npz"
REBUILD_HINT = "rebuild it with `make train` (or `accord train`)"


@lru_cache(maxsize=1 << 18)  # the same features recur across candidates and documents
def feature_bucket(feature: str) -> int:
    """A feature's hash bucket: CRC-32, stable across processes and platforms (Python's own
    hash() is salted per process)."""
    return zlib.crc32(feature.encode("utf-8")) & ((1 << HASH_BITS) - 1)


def bucket_ids(features: list[str]) -> np.ndarray:
    """The sorted distinct hash buckets of a feature list. Hashing costs more than a head's
    lookup, so a list read by several heads is hashed once."""
    return np.unique(np.fromiter((feature_bucket(f) for f in features), dtype=np.int64))


def type_joined(features: Features, event_type: str) -> list[str]:
    """The features of the direction and flag heads: all of them, plus the relational and
    modal ones joined with the event type (a visit's direction reads roles differently from
    a protest's)."""
    return features.all() + [f"T={event_type}|{f}" for f in features.relational + features.modal]


@dataclass(frozen=True)
class CodedEvent:
    """One event the coder finds for a candidate."""

    code: str
    type: str
    confidence: float
    direction: str  # one of DIRECTIONS
    direction_confidence: float
    planned: bool
    negated: bool


@dataclass
class Head:
    """A linear head over hashed features: rows of `weights` for the buckets in `buckets`."""

    buckets: np.ndarray  # sorted bucket ids that have weights
    weights: np.ndarray  # (len(buckets), outputs)
    bias: np.ndarray  # (outputs,)

    def scores(self, features: list[str]) -> np.ndarray:
        """Raw scores (logits) of every output."""
        return self.scores_of(bucket_ids(features))

    def scores_of(self, ids: np.ndarray) -> np.ndarray:
        """Raw scores of the sorted distinct buckets `ids` (see `bucket_ids`)."""
        positions = np.searchsorted(self.buckets, ids)
        inside = positions < len(self.buckets)
        positions, ids = positions[inside], ids[inside]
        hit = positions[self.buckets[positions] == ids]
        return self.weights[hit].sum(axis=0, dtype=np.float32) + self.bias


def _head(arrays: dict[str, np.ndarray], name: str) -> Head:
    return Head(arrays[f"{name}_buckets"], arrays[f"{name}_weights"].astype(np.float32),
                arrays[f"{name}_bias"].astype(np.float32))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


class EventCoder:
    """The heads, the event types and CAMEO codes they speak of, and the decision threshold of
    each type."""

    HEADS = ("events", "direction", "planned", "negated")

    def __init__(self, heads: dict[str, Head], types: list[str], code_heads: dict[str, tuple[list[str], Head]],
                 thresholds: np.ndarray, meta: dict):
        self.heads = heads
        self.types = types
        self.code_heads = code_heads  # type -> (its codes, the head choosing among them)
        self.codes = sorted(code for codes, _ in code_heads.values() for code in codes)
        self.thresholds = thresholds
        self.meta = meta

    @classmethod
    def load(cls, path: Path) -> EventCoder:
        """Read a model archive; a missing or corrupt file is a ModelError naming it."""
        try:
            with np.load(path, allow_pickle=False) as archive:
                arrays = {name: archive[name] for name in archive.files}
            heads = {name: _head(arrays, name) for name in cls.HEADS}
            types = [str(t) for t in arrays["types"]]
            code_heads = {kind: ([str(c) for c in arrays[f"code_{kind}_codes"]], _head(arrays, f"code_{kind}"))
                          for kind in types if f"code_{kind}_codes" in arrays}
            meta = json.loads(str(arrays["meta"]))
            thresholds = arrays["thresholds"].astype(np.float32)
        except FileNotFoundError:
            raise ModelError(f"event coder model not found: {path}; {REBUILD_HINT}") from None
        except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError) as error:
            raise ModelError(f"event coder model {path} is unreadable ({error}); {REBUILD_HINT}") from None
        if heads["events"].weights.shape[1] != len(types) or len(thresholds) != len(types) or any(
                head.weights.shape[1] != len(codes) for codes, head in code_heads.values()):
            raise ModelError(f"event coder model {path} is inconsistent; {REBUILD_HINT}")
        return cls(heads, types, code_heads, thresholds, meta)

    def code(self, features: Features) -> list[CodedEvent]:
        """The events of one candidate: each event type whose probability reaches its
        threshold, with its most likely CAMEO code of that type, direction and flags."""
        probabilities = _sigmoid(self.heads["events"].scores(features.all()))
        return [self._complete(features, self.types[index], float(probabilities[index]))
                for index in np.flatnonzero(probabilities >= self.thresholds) if self.types[index] in self.code_heads]

    def _complete(self, features: Features, kind: str, confidence: float) -> CodedEvent:
        joined = bucket_ids(type_joined(features, kind))
        codes, head = self.code_heads[kind]
        code = codes[int(head.scores_of(joined).argmax())]
        logits = self.heads["direction"].scores_of(joined)
        shares = np.exp(logits - logits.max())
        shares /= shares.sum()
        direction = int(shares.argmax())
        planned = float(_sigmoid(self.heads["planned"].scores_of(joined))[0]) >= 0.5
        negated = float(_sigmoid(self.heads["negated"].scores_of(joined))[0]) >= 0.5
        return CodedEvent(code, kind, round(confidence, 4), DIRECTIONS[direction],
                          round(float(shares[direction]), 4), planned, negated)


def packaged_model_path() -> Path:
    """Where the shipped weights live inside the installed package."""
    return Path(str(resources.files("accord").joinpath(MODEL_PATH)))


@lru_cache(maxsize=1)
def load_coder() -> EventCoder:
    """The shipped event coder, loaded once per process."""
    return EventCoder.load(packaged_model_path())
