"""Time-bounded fuzzing with hypothesis: the reader entry point and the extractor.

`fuzz(target, strategy, seconds)` runs hypothesis batches of generated inputs against a
target until the time budget is spent (no per-example deadline), and returns how many
inputs ran. Batch n is seeded with `seed + n`, so a run is reproducible up to where its
time ran out. A failing input is shrunk by hypothesis and raised.

Targets call the code directly, not through the ingest pipeline, whose safety net would
turn an exception into a rejection: here any exception is a bug.
"""

from __future__ import annotations

import faulthandler
import gzip
import math
import re
import string
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from accord.errors import Rejected
from accord.extract.pipeline import extract_document
from accord.ingest.document import build_document
from accord.ingest.readers import read_item
from accord.models import InputItem, RawArticle, Rejection
from reliability.articles import make_articles
from reliability.hostile import warc


@dataclass(frozen=True)
class FuzzRun:
    """What one time-bounded fuzz run did."""

    target: str
    executions: int
    seconds: float
    batches: int


def fuzz(name: str, target: Callable, strategy: st.SearchStrategy, seconds: float,
         first_seed: int = 0, batch: int = 40, watchdog: float | None = None) -> FuzzRun:
    """Run `target` on inputs drawn from `strategy` until `seconds` have passed.

    With `watchdog`, a batch running longer than that many seconds has every thread's
    stack written to stderr (faulthandler), to show where a slow or stuck input is.
    """
    executions = 0

    def counted(value) -> None:
        nonlocal executions
        executions += 1
        target(value)

    started = time.monotonic()
    batches = 0
    while time.monotonic() - started < seconds:
        test = settings(max_examples=batch, deadline=None, database=None,
                        suppress_health_check=list(HealthCheck),
                        phases=[Phase.generate, Phase.shrink])(given(strategy)(counted))
        if watchdog:
            faulthandler.dump_traceback_later(watchdog, repeat=True)
        try:
            seed(first_seed + batches)(test)()
        finally:
            if watchdog:
                faulthandler.cancel_dump_traceback_later()
        batches += 1
    return FuzzRun(name, executions, time.monotonic() - started, batches)


# -- the reader: mutated inputs of every format -----------------------------------

_ARTICLES = make_articles(6, seed=99)


def _rss() -> bytes:
    items = "".join(f"<item><title>{a.title}</title><link>{a.url}</link><pubDate>Tue, 05 Mar 2024 "
                    f"08:00:00 +0000</pubDate><description><![CDATA[<p>{a.paragraphs[0]}</p>"
                    f"<p>{a.paragraphs[1]}</p>]]></description></item>" for a in _ARTICLES[:2])
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}'
            f"</channel></rss>").encode()


def _atom() -> bytes:
    a = _ARTICLES[2]
    return ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
            f'<entry><title>{a.title}</title><updated>2024-03-05T08:00:00Z</updated>'
            f'<content type="html">&lt;p&gt;{a.paragraphs[0]}&lt;/p&gt;</content></entry></feed>').encode()


SEED_INPUTS: list[bytes] = [
    _ARTICLES[0].as_text().encode(),
    _ARTICLES[1].as_html().encode(),
    ("\n".join(a.as_json_line() for a in _ARTICLES[:3]) + "\n").encode(),
    warc([(a.url, a.as_html().encode(), "text/html; charset=utf-8") for a in _ARTICLES[:2]]),
    warc([(a.url, a.as_html().encode(), "text/html") for a in _ARTICLES[2:4]], compress=True),
    _rss(),
    _atom(),
    gzip.compress(_ARTICLES[3].as_text().encode()),
    _ARTICLES[4].as_text().encode("utf-16"),
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel><item>'
    '<description>&a;</description></item></channel></rss>'.encode(),
]
_TOKENS = [b"<", b">", b"</p>", b"<p>", b"<div>", b"\x00", b"\xff", b"\xc3", b"\r\n", b"\n\n", b"{",
           b"}", b'"', b"&amp;", b"&#0;", b"&#xD800;", b"]]>", b"<![CDATA[", b"WARC/1.0\r\n",
           b"Content-Length: 99999\r\n", b"\x1f\x8b", b"---\n", b"TITLE: ", b"PUBLISHED: 31/02/2024\n",
           b"\\ud800", b"\xef\xbb\xbf", b"<!ENTITY x SYSTEM 'file:///etc/passwd'>", b"&x;"]


@st.composite
def mutated_inputs(draw) -> bytes:
    """A seed input of some format, mutated: truncated, bytes flipped, tokens inserted, spliced."""
    data = bytearray(draw(st.sampled_from(SEED_INPUTS)))
    for _ in range(draw(st.integers(0, 6))):
        operation = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "splice", "repeat"]))
        at = draw(st.integers(0, len(data)))
        if operation == "truncate":
            del data[at:]
        elif operation == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif operation == "insert":
            data[at:at] = draw(st.one_of(st.sampled_from(_TOKENS), st.binary(max_size=8)))
        elif operation == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif operation == "splice":
            other = draw(st.sampled_from(SEED_INPUTS))
            start = draw(st.integers(0, len(other)))
            data[at:at] = other[start:start + draw(st.integers(1, 400))]
        elif operation == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 200))] * draw(st.integers(2, 20))
    return bytes(data)


READER_INPUTS = st.one_of(mutated_inputs(), st.binary(max_size=2000))


def read_and_build(data: bytes) -> None:
    """Read an input and build a document from every article; check what comes out."""
    for found in read_item(InputItem("fuzz-input", data)):
        if isinstance(found, Rejection):
            assert found.origin.startswith("fuzz-input"), found
            assert found.reason.strip() and "\n" not in found.reason, found
            continue
        assert isinstance(found, RawArticle) and found.text.strip(), found
        try:
            document = build_document(found)
        except Rejected as error:
            assert str(error).strip() and "\n" not in str(error)
            continue
        document.clean_text.encode("utf-8")  # storable: no lone surrogates
        document.raw_text.encode("utf-8")
        for value in (document.title, document.source, document.url, document.language):
            assert value is None or isinstance(value, str)
            if value is not None:
                value.encode("utf-8")
        for paragraph in document.paragraphs:
            assert 0 <= paragraph.start < paragraph.end <= len(document.clean_text)
            text = document.clean_text[paragraph.start:paragraph.end]
            assert text == text.strip() and "\n\n" not in text
        assert "\x00" not in document.clean_text


# -- the extractor: short texts from news-like fragments and noise -------------------

_FRAGMENTS = [
    "Vietnam", "Laos", "Kenya", "Uganda", "Japan", "India", "the United States", "US", "UN",
    "Hanoi", "Vientiane", "Nairobi", "Lao", "Vietnamese", "Prime Minister", "President",
    "Foreign Minister", "Sonexay", "Tô Lâm", "Nguyen", "visited", "visit", "signed", "agreed to",
    "pledged", "met", "held talks", "memorandum of understanding", "Agreement on Trade",
    "comprehensive strategic partnership", "the two sides", "both countries", "will", "not",
    "1.6 billion", "USD", "US$", "$", "1e309", "99999999999999999999", "billion", "per cent", "%",
    "MW", "scholarships", "more than", "about", "by 2030", "in 2024", "December 1", "1-2",
    "March 31, 2024", "2024-02-30", "last year", "the same day", "on Tuesday", "first 7 months of",
    ".", ",", ";", "(", ")", "\"", "—", "\n", "\n\n", "  ", "ລາວ", "Việt Nam", "\u200b", "🇻🇳",
]
EXTRACT_TEXTS = st.one_of(
    st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)), max_size=30).map("".join),
    st.text(alphabet=string.printable + "ăâđêôơưạảấ–—’“”…", max_size=300),
)
EXTRACT_INPUTS = st.tuples(EXTRACT_TEXTS, st.one_of(st.none(), st.dates(date(1990, 1, 1),
                                                                        date(2035, 12, 31))))
_ISO3 = re.compile(r"[A-Z]{3}")


def extract(case: tuple[str, date | None]) -> None:
    """Extract from a short text; every record's evidence must point into the text."""
    text, published = case
    extraction = extract_document("fuzz", text, published)
    records = [*extraction.people, *extraction.events, *extraction.facts, *extraction.agreements,
               *extraction.labels]
    for record in records:
        evidence = record.evidence
        assert 0 <= evidence.sentence_start <= evidence.start < evidence.end \
            <= evidence.sentence_end <= len(text), (record, text)
        assert text[evidence.sentence_start:evidence.sentence_end] == evidence.sentence
        assert 0 <= record.confidence <= 1
    for fact in extraction.facts:
        assert math.isfinite(fact.value) and fact.unit
        assert fact.value_max is None or math.isfinite(fact.value_max)
    for event in extraction.events:
        assert event.source is None or _ISO3.fullmatch(event.source), event
        assert event.target is None or _ISO3.fullmatch(event.target), event
        if event.date is not None:
            _check_date(event.date.iso, event.date.precision)
    for agreement in extraction.agreements:
        if agreement.date is not None:
            _check_date(agreement.date.iso, agreement.date.precision)
    assert len(extraction.pair) <= 2 and all(_ISO3.fullmatch(code) for code in extraction.pair)


def _check_date(iso: str, precision: str) -> None:
    if precision == "day":
        date.fromisoformat(iso)
    else:
        assert re.fullmatch(r"\d{4}(-\d{2})?", iso) and precision in ("month", "year"), iso


TARGETS: dict[str, tuple[Callable, st.SearchStrategy]] = {
    "read_item + build_document": (read_and_build, READER_INPUTS),
    "extract_document": (extract, EXTRACT_INPUTS),
}

