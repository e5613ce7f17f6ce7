"""Ingest: inputs to documents (ingest/) to the store (through engine/), one input at a time."""

from __future__ import annotations

import io
import os
import sys

import pytest

from accord.errors import Rejected
from accord.ingest import readers
from accord.ingest.dedup import content_id
from accord.ingest.document import build_document
from accord.engine import IngestOptions, ingest_paths
from accord.ingest.sources import SourceOptions, expand_inputs, read_input
from accord.models import InputItem, RawArticle, Rejection
from accord.neardup import NearDuplicates
from samples import BRAZIL_ARGENTINA, JAPAN_INDIA, KENYA_UGANDA, VIETNAM_NAMES

ENGLISH_WITH_VIETNAMESE_CAPTION = (
    "Vietnam and Laos sign border agreement\n\n"
    "Hanoi and Vientiane signed an agreement on Wednesday to mark the remaining sections of their "
    "shared border, officials from both foreign ministries said after the ceremony.\n\n"
    "Lãnh đạo hai nước chứng kiến lễ ký kết thỏa thuận về phân giới cắm mốc biên giới tại Hà Nội.\n\n"
    "The two sides also agreed to open two more border crossings for trade next year.\n"
)


def raw(text: str, **meta) -> RawArticle:
    return RawArticle(origin=meta.pop("origin", "mem"), format="text", text=text, **meta)


# -- build_document -------------------------------------------------------------

def test_build_document_from_a_plain_article():
    doc = build_document(raw(KENYA_UGANDA, published="2024-03-05", source="  East  Africa Daily "))
    assert doc.id == content_id(doc.clean_text)
    assert doc.title == "Kenya and Uganda agree to extend the oil pipeline"  # from the text
    assert doc.source == "East Africa Daily"
    assert doc.published.iso == "2024-03-05" and doc.published.found_in == "metadata"
    assert doc.language == "en" and not doc.mixed_language
    assert len(doc.paragraphs) == 4
    for paragraph in doc.paragraphs:
        assert doc.clean_text[paragraph.start:paragraph.end].strip()
        assert paragraph.language == "en"
    assert doc.raw_text == KENYA_UGANDA
    assert doc.word_count == len(doc.clean_text.split())


def test_stated_title_and_language_win():
    doc = build_document(raw(BRAZIL_ARGENTINA, title="Mercosur\n talks", language="PT_br"))
    assert doc.title == "Mercosur talks"
    assert doc.language == "pt"


def test_unknown_date_is_null_with_a_reason():
    doc = build_document(raw(JAPAN_INDIA, published="unknown"))
    assert doc.published.value is None
    assert "'unknown' is not a date" in doc.published.note


def test_date_from_the_text_when_metadata_has_none():
    doc = build_document(raw("Published: 2023-07-14\n\n" + JAPAN_INDIA))
    assert doc.published.iso == "2023-07-14" and doc.published.found_in == "text"


def test_mixed_language_document_is_flagged():
    doc = build_document(raw(ENGLISH_WITH_VIETNAMESE_CAPTION))
    assert doc.language == "en" and doc.mixed_language
    assert "vi" in {p.language for p in doc.paragraphs}


def test_vietnamese_names_survive_cleaning():
    doc = build_document(raw(VIETNAM_NAMES))
    assert "Tô Lâm" in doc.clean_text and "Đà Nẵng" in doc.clean_text


def test_nothing_left_after_cleaning_is_rejected():
    with pytest.raises(Rejected, match="no article text"):
        build_document(raw("Share on Facebook\nAdvertisement\n| |\n"))


# -- sources ----------------------------------------------------------------------

def test_expand_inputs_walks_folders_sorted_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.txt", "b/1.txt", "a.txt", ".hidden.txt", ".git/config"):
        (tmp_path / name).write_text("x")
    found = expand_inputs([str(tmp_path)])
    assert [os.path.relpath(f, tmp_path) for f in found] == ["a.txt", "b/1.txt", "b/2.txt"]


def test_expand_inputs_globs_dedups_and_keeps_what_matches_nothing(tmp_path):
    for name in ("k.txt", "u.txt", "x.html"):
        (tmp_path / name).write_text("x")
    pattern = str(tmp_path / "*.txt")
    missing = str(tmp_path / "nothing-*.txt")
    found = expand_inputs([pattern, str(tmp_path / "k.txt"), missing, "-"])
    assert found == [str(tmp_path / "k.txt"), str(tmp_path / "u.txt"), missing, "-"]


def test_a_folder_with_nothing_to_read_is_a_rejection(tmp_path, store):
    (tmp_path / "empty").mkdir()
    (tmp_path / "hidden").mkdir()
    (tmp_path / "hidden" / ".notes.txt").write_text("x")
    report = ingest_paths([str(tmp_path / "empty"), str(tmp_path / "hidden")], store)
    assert [(r.origin, r.reason) for r in report.rejected] == [
        (str(tmp_path / name), "folder holds no files to read (hidden files are skipped)") for name in ("empty", "hidden")]


def test_symlink_to_an_ancestor_is_not_followed(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "loop")
    assert expand_inputs([str(tmp_path)]) == [str(tmp_path / "a.txt")]


def test_read_input_reasons(tmp_path):
    options = SourceOptions(max_bytes=10)
    (tmp_path / "big.txt").write_bytes(b"x" * 11)
    (tmp_path / "ok.txt").write_bytes(b"x" * 10)
    os.symlink(tmp_path / "self", tmp_path / "self")
    assert read_input(str(tmp_path / "ok.txt"), options) == InputItem(str(tmp_path / "ok.txt"), b"x" * 10)
    big = read_input(str(tmp_path / "big.txt"), options)
    assert isinstance(big, Rejection) and big.reason.startswith("file too large")
    (tmp_path / "huge.txt").write_bytes(b"x" * 3 * 2**20)
    huge = read_input(str(tmp_path / "huge.txt"), SourceOptions(max_bytes=2 * 2**20))
    assert huge.reason == "file too large: 3 MB exceeds the 2 MB limit"  # the units of --max-mb
    assert read_input(str(tmp_path / "none.txt"), options).reason == "no such file or directory"
    assert read_input(str(tmp_path), options).reason == "a folder, not a file"
    loop = read_input(str(tmp_path / "self"), options)
    assert isinstance(loop, Rejection) and "symbolic links" in loop.reason


def test_read_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Kenya and Uganda")))
    assert read_input("-", SourceOptions()) == InputItem("<stdin>", b"Kenya and Uganda")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 20)))
    too_big = read_input("-", SourceOptions(max_bytes=10))
    assert too_big.origin == "<stdin>" and "more than" in too_big.reason


# -- ingest_paths -----------------------------------------------------------------

class Recorder:
    def __init__(self):
        self.total, self.seen = None, []

    def start(self, total):
        self.total = total

    def advance(self, origin):
        self.seen.append(origin)

    def merging(self, buckets):
        self.buckets, self.merged_so_far = buckets, []

    def merged(self, done):
        self.merged_so_far.append(done)


def _write(folder, files):
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return folder


def test_ingest_folder_then_again_adds_nothing(tmp_path, store):
    folder = _write(tmp_path / "in", {"k.txt": KENYA_UGANDA, "b.txt": BRAZIL_ARGENTINA,
                                      "j.txt": JAPAN_INDIA})
    progress = Recorder()
    report = ingest_paths([str(folder)], store, progress=progress)
    assert (report.documents_added, report.duplicates, report.rejected) == (3, 0, [])
    assert progress.total == 3 and len(progress.seen) == 3
    assert progress.buckets > 0 and progress.merged_so_far[-1] == progress.buckets  # events merged at the end
    assert store.conn.execute("SELECT count(*) FROM canonical_dirty").fetchone()[0] == 0
    again = ingest_paths([str(folder)], store)
    assert (again.documents_added, again.duplicates, again.unchanged) == (0, 0, 3)
    assert store.stats()["documents"] == 3


def test_exact_copy_under_another_name_is_a_duplicate(tmp_path, store):
    folder = _write(tmp_path / "in", {"k.txt": KENYA_UGANDA, "copy.txt": "\n\n" + KENYA_UGANDA})
    report = ingest_paths([str(folder)], store)
    assert (report.documents_added, report.duplicates) == (1, 1)
    [doc] = store.list_documents()
    assert len(store.get_document(doc.id).origins) == 2


def test_near_duplicate_is_linked_not_indexed(tmp_path, store):
    edited = JAPAN_INDIA.replace("on Friday", "on Thursday")
    folder = _write(tmp_path / "in", {"1.txt": JAPAN_INDIA, "2.txt": edited})
    report = ingest_paths([str(folder)], store)
    assert (report.documents_added, report.duplicates) == (1, 1)
    [original] = store.list_documents()
    [near] = [d for d in store.list_documents(include_duplicates=True) if d.id != original.id]
    assert near.duplicate_of == original.id
    assert [hit.document.id for hit in store.search("Thursday")] == []
    assert [hit.document.id for hit in store.search("high-speed rail")] == [original.id]


def test_threshold_one_disables_near_duplicates(tmp_path, store):
    edited = JAPAN_INDIA.replace("on Friday", "on Thursday")
    folder = _write(tmp_path / "in", {"1.txt": JAPAN_INDIA, "2.txt": edited})
    strict = store.with_dedup(NearDuplicates(threshold=1.01))
    report = ingest_paths([str(folder)], strict)
    assert (report.documents_added, report.duplicates) == (2, 0)


def test_bad_inputs_are_rejected_and_the_batch_goes_on(tmp_path, store):
    folder = _write(tmp_path / "in", {"a.txt": KENYA_UGANDA, "b.txt": b"", "c.bin": bytes(range(256)),
                                      "d.txt": BRAZIL_ARGENTINA})
    report = ingest_paths([str(folder), str(tmp_path / "missing.txt")], store)
    assert report.documents_added == 2
    assert [(os.path.basename(r.origin), r.reason) for r in report.rejected] == [
        ("b.txt", "empty file"), ("c.bin", "binary content, not text"),
        ("missing.txt", "no such file or directory")]
    assert store.stats()["rejected"] == 3


def test_a_reader_bug_becomes_a_rejection(tmp_path, store, monkeypatch):
    def broken(item):
        raise KeyError("boom")
        yield  # pragma: no cover

    monkeypatch.setitem(readers.READERS, "html", broken)
    folder = _write(tmp_path / "in", {"a.html": "<html><body><p>x</p></body></html>",
                                      "b.txt": KENYA_UGANDA})
    report = ingest_paths([str(folder)], store)
    assert report.documents_added == 1
    [rejection] = report.rejected
    assert rejection.reason == "internal error while reading: KeyError: 'boom'"


def test_size_limit_option(tmp_path, store):
    folder = _write(tmp_path / "in", {"k.txt": KENYA_UGANDA})
    report = ingest_paths([str(folder)], store, IngestOptions(SourceOptions(max_bytes=100)))
    [rejection] = report.rejected
    assert "file too large" in rejection.reason and report.documents_added == 0


@pytest.mark.parametrize("workers", [0, 1])
def test_ingest_skips_the_stores_own_files_in_the_folder_it_reads(tmp_path, workers):
    from accord.store.db import open_store

    _write(tmp_path, {"a.txt": JAPAN_INDIA, "b.txt": KENYA_UGANDA})
    with open_store(tmp_path / "accord.db") as store:
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")  # keep a -wal file beside it
        ingest_paths([str(tmp_path / "a.txt")], store)
        assert (tmp_path / "accord.db-wal").exists()
        report = ingest_paths([str(tmp_path)], store, IngestOptions(workers=workers))
        assert report.rejected == [] and report.documents_added == 1 and report.unchanged == 1
        assert store.rejections() == []
        # Named on its own, a file is read, whatever it is: the skip is for what a folder holds.
        [named] = ingest_paths([str(tmp_path / "accord.db")], store).rejected
        assert named.origin.endswith("accord.db")


def test_a_cut_gzip_is_in_the_ingest_report_and_the_store(tmp_path, store):
    import gzip
    import json

    lines = "".join(json.dumps({"text": t}) + "\n" for t in (JAPAN_INDIA, KENYA_UGANDA)).encode()
    second = gzip.compress(json.dumps({"text": BRAZIL_ARGENTINA}).encode() + b"\n")
    # Cut in its last member's trailer: every line is whole, but the stream is still short.
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(lines) + second[:-6])
    report = ingest_paths([str(tmp_path / "feed.jsonl.gz")], store, IngestOptions(extract=False))
    assert report.documents_added == 3
    [note] = report.rejected
    assert "truncated gzip" in note.reason and "kept the 3 JSON lines" in note.reason
    assert [r.reason for r in store.rejections()] == [note.reason]
