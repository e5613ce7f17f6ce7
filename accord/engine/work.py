"""The per-document work of a run, written once: reading an input into raw articles, and
`process_batch` (clean, date, key, extract) on a batch of them.

`process_batch` is pure: the serial run, the worker pool (`pool.py`) and the Dask engine
(`scale/dask_engine.py`) all call it, and the store is written elsewhere (`writer.py`, the
single writer). It may ask `seen(document)` whether a document is already stored, to skip
extracting it again; the writer decides duplicates when it writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from accord.errors import Rejected
from accord.extract.pipeline import DocumentInput, extract_documents
from accord.extract.records import Extraction
from accord.ingest.document import build_document
from accord.ingest.readers import read_item
from accord.ingest.sources import SourceOptions, read_input
from accord.models import Document, InputItem, RawArticle, Rejection


@dataclass(frozen=True)
class Processed:
    """One article made into a document, with its records unless it was known or not extracted."""

    document: Document
    extraction: Extraction | None


def internal_error(stage: str, error: Exception) -> str:
    """A one-line reason for an unexpected error (some libraries' messages span lines)."""
    return " ".join(f"internal error while {stage}: {type(error).__name__}: {error}".split())[:300]


def read_spec(spec: str, sources: SourceOptions) -> Iterator[RawArticle | Rejection]:
    """The articles of one expanded input (a file, '-'), or the rejections that stand for it."""
    item = read_input(spec, sources)
    if isinstance(item, Rejection):
        yield item
    else:
        yield from read_articles(item)


def read_articles(item: InputItem) -> Iterator[RawArticle | Rejection]:
    """The articles of an input read into memory; a reader bug becomes a rejection of the
    input, after the articles read before it, and never ends the run."""
    try:
        yield from read_item(item)
    except Exception as error:  # a reader bug must not end the batch
        yield Rejection(item.origin, internal_error("reading", error))


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
