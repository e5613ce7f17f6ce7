"""Inputs the fuzzer and the hostile corpus found breaking ingest, kept as fixed examples.

Each once raised out of a reader (losing the rest of its input to the pipeline's safety
net) or produced a reason spanning several lines.
"""

from __future__ import annotations

import json

from accord.ingest import document as document_module
from accord.engine import ingest_paths
from accord.ingest.readers import read_item
from accord.models import InputItem, RawArticle, Rejection
from reliability.articles import make_articles
from reliability.hostile import warc

ARTICLES = make_articles(3, seed=321)


def read(data: bytes) -> list[RawArticle | Rejection]:
    return list(read_item(InputItem("in.xml", data)))


def _atom(title: str, content: str) -> bytes:
    return ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
            f"<entry><title>{title}<updated>2024-03-05T08:00:00Z</updated>"
            f'<content type="html">{content}</content></entry></feed>').encode()


def test_an_atom_entry_feedparser_leaves_without_content_value_is_rejected_not_raised():
    found = read(_atom("/title>", f"&lt;p&gt;{ARTICLES[0].paragraphs[0]}&lt;/p&gt;"))
    assert found and all(isinstance(f, (RawArticle, Rejection)) for f in found)


def test_control_characters_in_a_feed_entry_do_not_lose_it():
    [article] = read(_atom("Talks</title>", f"&lt;p&gt;{ARTICLES[1].paragraphs[0]}&lt;/p&gt;\x01"))
    assert ARTICLES[1].paragraphs[0] in article.text


def test_a_surrogate_character_reference_in_a_broken_feed_is_a_rejection():
    data = ('<\x00?xml version="1.0"?><rss version="2.0"><channel><item><title>T</title>'
            f"<link>&#xD800;https://x.example/</link><description>{ARTICLES[2].paragraphs[0]}"
            "</description></item></channel></rss>").encode()
    for found in read(data):
        if isinstance(found, Rejection):
            assert found.reason.strip() and "\n" not in found.reason
        else:
            found.text.encode("utf-8")


def test_a_corrupt_warc_header_gives_a_one_line_reason():
    data = warc([(a.url, a.as_html().encode(), "text/html") for a in ARTICLES[:2]])
    data = data.replace(b"Content-Length: ", b"Content-Length:\x00", 1)
    found = list(read_item(InputItem("in.warc", data)))
    rejections = [f for f in found if isinstance(f, Rejection)]
    assert rejections and all("\n" not in r.reason and "\r" not in r.reason for r in rejections)


def test_one_article_failing_unexpectedly_loses_only_that_article(tmp_path, store, monkeypatch):
    real = document_module.build_document

    def build(raw: RawArticle):
        if "boom" in raw.text:
            raise RuntimeError("a bug\nover two lines")
        return real(raw)

    monkeypatch.setattr("accord.engine.work.build_document", build)
    lines = [ARTICLES[0].as_json_line(), json.dumps({"text": "boom " + ARTICLES[1].body}),
             ARTICLES[2].as_json_line()]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = ingest_paths([str(path)], store)
    assert report.documents_added == 2
    [rejection] = report.rejected
    assert rejection.origin == f"{path}:2"
    assert rejection.reason == "internal error while processing: RuntimeError: a bug over two lines"
