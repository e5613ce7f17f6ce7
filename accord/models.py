"""Typed records passed between the ingest, store and CLI layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class InputItem:
    """Bytes read from one source (a file, stdin) with the name it is reported under."""

    origin: str
    data: bytes


@dataclass(frozen=True)
class Rejection:
    """An input refused at ingest, with a one-line reason naming what went wrong."""

    origin: str
    reason: str


@dataclass(frozen=True)
class RawArticle:
    """One article as a reader found it, before cleaning.

    `text` is the article's plain text (readers of HTML have already extracted
    the main text); the metadata fields hold whatever the source stated, unparsed.
    """

    origin: str
    format: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class PublishedDate:
    """A publication date with where it came from, or None with the reason it is unknown."""

    value: date | None
    found_in: str | None  # "metadata" or "text"
    note: str | None = None

    @property
    def iso(self) -> str | None:
        """The date as YYYY-MM-DD, or None."""
        return self.value.isoformat() if self.value else None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the clean text, by character span, with its detected language."""

    start: int
    end: int
    language: str | None
    score: float


@dataclass(frozen=True)
class Document:
    """A clean, dated, language-tagged article ready for the store.

    `id` is a content hash of the clean text; every character span recorded
    later refers to `clean_text`. `raw_text` is kept for audit.
    """

    id: str
    origin: str
    format: str
    raw_text: str
    clean_text: str
    published: PublishedDate
    url: str | None = None
    title: str | None = None
    source: str | None = None
    language: str | None = None
    mixed_language: bool = False
    paragraphs: tuple[Paragraph, ...] = ()
    minhash: bytes = b""
    dateline: str | None = None  # "LIMA, Dec 20 (AFP)", taken off the text's start
    place: str | None = None  # where the story was filed, from the dateline
    captions: tuple[tuple[int, int], ...] = ()  # clean-text spans of photo captions

    @property
    def word_count(self) -> int:
        """Whitespace-separated words in the clean text."""
        return len(self.clean_text.split())


@dataclass(frozen=True)
class StoredDocument:
    """A document row as listed from the store."""

    id: str
    origin: str
    title: str | None
    published: str | None
    language: str | None
    source: str | None = None
    url: str | None = None
    format: str | None = None
    word_count: int = 0
    duplicate_of: str | None = None
    mixed_language: bool = False
    published_from: str | None = None
    published_note: str | None = None
    dateline: str | None = None
    place: str | None = None
    captions: tuple[tuple[int, int], ...] = ()
    clean_text: str | None = None
    raw_text: str | None = None
    origins: tuple[str, ...] = ()
    skipped: dict[str, int] = field(default_factory=dict)  # sentences the event coder skipped, by reason


@dataclass(frozen=True)
class SearchHit:
    """A document matching a full-text query, with a snippet of the matching text."""

    document: StoredDocument
    snippet: str
    rank: float


@dataclass
class IngestReport:
    """What one ingest run did: counts of stored and skipped documents, and every rejection."""

    documents_added: int = 0
    duplicates: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    def count(self, status: str) -> None:
        """Count one stored document by the store's outcome: added, unchanged or a duplicate."""
        if status == "added":
            self.documents_added += 1
        elif status == "unchanged":
            self.unchanged += 1
        else:
            self.duplicates += 1

    def reject(self, rejection: Rejection) -> None:
        """Count one rejection."""
        self.rejected.append(rejection)

    def as_json(self) -> dict:
        """The JSON contract of `accord ingest --json`."""
        return {
            "documents_added": self.documents_added,
            "duplicates": self.duplicates,
            "unchanged": self.unchanged,
            "rejected": [{"origin": r.origin, "reason": r.reason} for r in self.rejected],
        }
