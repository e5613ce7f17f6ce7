"""engine.Writer: results stored in order, counted, rejected with a reason when storing fails."""

from __future__ import annotations

from accord.engine.work import process_batch
from accord.engine.writer import InputDone, Writer
from accord.models import RawArticle, Rejection
from samples import JAPAN_INDIA, KENYA_UGANDA


class _Progress:
    def __init__(self):
        self.calls: list[tuple] = []

    def start(self, total):
        self.calls.append(("start", total))

    def advance(self, origin):
        self.calls.append(("advance", origin))

    def merging(self, buckets):
        self.calls.append(("merging", buckets))

    def merged(self, done):
        self.calls.append(("merged", done))


def test_the_writer_stores_counts_and_reports_progress(store):
    progress = _Progress()
    writer = Writer(store, progress)
    writer.start(2)
    items = [RawArticle("a", "text", KENYA_UGANDA), RawArticle("b", "text", KENYA_UGANDA), InputDone("a"),
             Rejection("c", "empty file"), InputDone("c")]
    writer.write(process_batch(items, extract=False))
    report = writer.finish()
    assert (report.documents_added, report.duplicates, report.rejected) == (1, 1, [Rejection("c", "empty file")])
    assert [r.origin for r in store.rejections()] == ["c"]
    assert progress.calls[:3] == [("start", 2), ("advance", "a"), ("advance", "c")]
    assert progress.calls[3] == ("merging", 0)


def test_a_document_the_store_refuses_is_rejected_and_the_rest_is_stored(store, monkeypatch):
    real = store.add_document

    def add(document, extraction=None):
        if "Uganda" in document.clean_text:
            raise ValueError("disk\nfull")
        return real(document, extraction)

    monkeypatch.setattr(store, "add_document", add)
    writer = Writer(store)
    writer.write(process_batch([RawArticle("a", "text", KENYA_UGANDA), RawArticle("b", "text", JAPAN_INDIA)],
                               extract=False))
    report = writer.finish()
    assert report.documents_added == 1
    assert report.rejected == [Rejection("a", "internal error while processing: ValueError: disk full")]
