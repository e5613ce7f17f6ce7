"""The per-document work of an ingest run on a batch of raw articles, as one pure function.

A local process pool (`local.py`) and Dask workers (`dask_engine.py`) call `process_batch`;
the store is written elsewhere (the single writer), so the function only reads: it may ask
`seen(document)` whether a document is already stored, to skip extracting it again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from accord.errors import Rejected
from accord.extract.pipeline import DocumentInput, extract_documents
from accord.extract.records import Extraction
from accord.ingest.document import build_document
from accord.models import Document, RawArticle, Rejection


@dataclass(frozen=True)
class Processed:
    """One article made into a document, with its records unless it was known or not extracted."""

    document: Document
    extraction: Extraction | None


def internal_error(stage: str, error: Exception) -> str:
    """A one-line reason for an unexpected error, as the ingest pipeline words it."""
    return " ".join(f"internal error while {stage}: {type(error).__name__}: {error}".split())[:300]


def process_batch(items: Sequence[object], extract: bool = True,
                  seen: Callable[[Document], bool] | None = None) -> list[object]:
    """Each RawArticle of `items` becomes a Processed (or a Rejection); anything else is passed
    through unchanged, in the same order. Documents are extracted together (shared parse
    batches) unless `seen` says they are stored already or one repeats an earlier one here."""
    results: list[object] = list(items)
    fresh: list[tuple[int, Document]] = []
    batch_ids: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, RawArticle):
            continue
        try:
            document = build_document(item)
        except Rejected as error:
            results[index] = Rejection(item.origin, str(error))
            continue
        except Exception as error:  # one article's failure must not lose the rest
            results[index] = Rejection(item.origin, internal_error("processing", error))
            continue
        results[index] = Processed(document, None)
        if extract and document.id not in batch_ids and not (seen and seen(document)):
            fresh.append((index, document))
        batch_ids.add(document.id)
    for index, extraction in _extract(fresh):
        document = results[index].document
        results[index] = Processed(document, extraction) if not isinstance(extraction, Exception) \
            else Rejection(document.origin, internal_error("processing", extraction))
    return results


def _extract(fresh: list[tuple[int, Document]]) -> list[tuple[int, Extraction | Exception]]:
    """Extract the documents in one call; if that fails, one by one, so only the bad one fails."""
    if not fresh:
        return []
    rows = [DocumentInput(doc.id, doc.clean_text, doc.published.value, doc.captions) for _, doc in fresh]
    try:
        return list(zip([i for i, _ in fresh], extract_documents(rows)))
    except Exception:
        out: list[tuple[int, Extraction | Exception]] = []
        for (index, _), row in zip(fresh, rows):
            try:
                out.append((index, extract_documents([row])[0]))
            except Exception as error:
                out.append((index, error))
        return out
