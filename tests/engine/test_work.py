"""engine.work: reading inputs into articles, and process_batch, the per-document work."""

from __future__ import annotations

from accord.engine.work import Processed, process_batch, read_articles, read_spec
from accord.engine.writer import InputDone
from accord.ingest import readers
from accord.ingest.sources import SourceOptions
from accord.models import InputItem, RawArticle, Rejection
from samples import JAPAN_INDIA, KENYA_UGANDA


def _raw(text: str, origin: str = "mem") -> RawArticle:
    return RawArticle(origin=origin, format="text", text=text)


def test_articles_become_documents_in_order_and_the_rest_passes_through():
    items = [_raw(KENYA_UGANDA, "a"), Rejection("b", "empty file"), InputDone("b"), _raw("too short", "c")]
    results = process_batch(items, extract=False)
    assert isinstance(results[0], Processed) and results[0].document.origin == "a"
    assert results[0].extraction is None  # not extracted when told not to
    assert results[1:3] == items[1:3]
    assert isinstance(results[3], Rejection) and results[3].origin == "c"


def test_seen_documents_and_repeats_within_the_batch_are_not_extracted(monkeypatch):
    extracted: list[list[str]] = []

    def fake(rows, *args, **kwargs):
        extracted.append([row.doc_id for row in rows])
        return [f"records of {row.doc_id}" for row in rows]

    monkeypatch.setattr("accord.engine.work.extract_documents", fake)
    kenya, japan = _raw(KENYA_UGANDA, "a"), _raw(JAPAN_INDIA, "b")
    results = process_batch([kenya, japan, _raw(KENYA_UGANDA, "c")],
                            seen=lambda document: document.origin == "b")
    assert len(extracted) == 1 and len(extracted[0]) == 1  # one call, for the one new document
    assert [r.extraction is not None for r in results] == [True, False, False]


def test_a_failing_extraction_rejects_only_its_document(monkeypatch):
    def fake(rows, *args, **kwargs):
        if any("Uganda" in row.text for row in rows):
            raise RuntimeError("a bug")
        return [f"records of {row.doc_id}" for row in rows]

    monkeypatch.setattr("accord.engine.work.extract_documents", fake)
    results = process_batch([_raw(KENYA_UGANDA, "a"), _raw(JAPAN_INDIA, "b")])
    assert results[0] == Rejection("a", "internal error while processing: RuntimeError: a bug")
    assert isinstance(results[1], Processed) and results[1].extraction is not None


def test_a_reader_bug_rejects_the_input_after_what_it_read(monkeypatch):
    def broken(item):
        yield _raw(KENYA_UGANDA, item.origin + ":1")
        raise ValueError("bad\nbytes")

    monkeypatch.setitem(readers.READERS, "text", broken)
    found = list(read_articles(InputItem("in.txt", KENYA_UGANDA.encode())))
    assert [type(f).__name__ for f in found] == ["RawArticle", "Rejection"]
    assert found[1] == Rejection("in.txt", "internal error while reading: ValueError: bad bytes")


def test_an_unreadable_input_is_one_rejection(tmp_path):
    assert [r.origin for r in read_spec(str(tmp_path / "missing.txt"), SourceOptions())] == \
        [str(tmp_path / "missing.txt")]
