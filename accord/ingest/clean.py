"""Clean article text: repair encoding damage, drop repeated paragraphs and page furniture.

All later character spans refer to the clean text this module returns, so it
only removes whole paragraphs and never rewrites words inside one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import ftfy

from accord.ingest.dateline import Dateline, find_dateline

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")

# Headings that open a block of links or reader prompts; in the second half of
# an article, everything from such a heading on is page furniture.
_TAIL_HEADING = re.compile(
    r"^(related( articles| news| stories| posts| content)?|read (more|also|next)|also read|see also"
    r"|more (from|in|on|news|stories)\b.*|you (may|might) (also )?like|recommended( for you)?"
    r"|most (read|popular|viewed)|trending( now)?|latest (news|stories)|other news|others also read"
    r"|same (tag|category|author|topic)|tags?|topics?|keywords?|next in\b.*|further reading"
    r"|comments?( \(\d+\))?|\d+ comments?|leave a (comment|reply)|post a comment|add a comment)\s*:?$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\(?\s*(photo|photos|image|images|picture|video|source|credit|credits|illustration|graphic"
    r"|file photo|ảnh|nguồn)\s*(credit)?\s*[:：]", re.IGNORECASE)
_IMAGE_ALT = re.compile(r"[-–—]\s*(ảnh|photo|image|hình)\s*\d+\s*\.?\s*$", re.IGNORECASE)
_SOCIAL = re.compile(
    r"\b(share (this|on|via)|tweet|follow us|subscribe|sign up|newsletter|copy link|print this"
    r"|email this|whatsapp|telegram|facebook|twitter|linkedin|instagram|youtube|tiktok|zalo"
    r"|download (our|the) app)\b", re.IGNORECASE)
# Words of a line that speaks to the reader ("Like us on Facebook"); "US" is a country.
_TO_READER = re.compile(r"\b([Uu]s|[Oo]ur|[Yy]ou|[Yy]our|[Hh]ere|[Cc]lick|[Tt]ap)\b")
_PROMPT = re.compile(
    r"^(please )?(leave|post|add|write) (a |your )?(comment|reply)|^log ?in to comment"
    r"|^be the first to comment|^join the (discussion|conversation)|^advertisement$"
    r"|^scroll (down )?to continue|^(©|copyright\b|\(c\) )"
    r"|^(also |must |further )?read( more| also| next)?\s*:", re.IGNORECASE)  # "READ: <a linked headline>"
_TERMINAL = re.compile(r"[.!?…:;\"”’»)]\s*$")

MIN_REPEAT_CHARS = 20
SHORT_LINE = 80
# No article paragraph is this long (about 15,000 words): an inline base64 image, a token
# dump, a file whose line breaks were lost. Extraction time grows with the square of a
# paragraph's length, and spaCy refuses a million characters.
MAX_PARAGRAPH_CHARS = 100_000
TOO_LONG = f"longer than the {MAX_PARAGRAPH_CHARS:,} characters an article paragraph can have"


@dataclass(frozen=True)
class RemovedParagraph:
    """A paragraph dropped from the clean text, with the rule that dropped it."""

    text: str
    reason: str


@dataclass(frozen=True)
class CleanText:
    """The clean text, its paragraph spans, and what was removed on the way."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    removed: tuple[RemovedParagraph, ...]
    dateline: Dateline | None = None
    captions: tuple[tuple[int, int], ...] = ()  # spans of paragraphs that caption a photo


def normalise(raw: str) -> str:
    """Repair mojibake, normalise to NFC, unify line ends and drop invisible control characters."""
    fixed = ftfy.fix_text(raw, normalization="NFC", fix_line_breaks=True, uncurl_quotes=False)
    fixed = unicodedata.normalize("NFC", fixed)
    return _CONTROL.sub("", fixed.replace("\r\n", "\n").replace("\r", "\n"))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a text: each line, or each blank-line block when the text is hard-wrapped."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    paragraphs: list[str] = []
    for block in blocks:
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if _is_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of similar width, none ending a sentence early, read as one wrapped paragraph."""
    if len(lines) < 3:
        return False
    body = lines[:-1]
    widths = [len(line) for line in body]
    return min(widths) >= 50 and max(widths) <= 100 and max(widths) - min(widths) <= 25


def clean_text(raw: str) -> CleanText:
    """Clean an article's raw text into paragraphs joined by blank lines."""
    return clean_normalised(normalise(raw))


def clean_normalised(text: str) -> CleanText:
    """`clean_text` of a text that has been through `normalise` already."""
    paragraphs = split_paragraphs(text)
    kept: list[str] = []
    removed: list[RemovedParagraph] = []
    seen: set[str] = set()
    captions: set[str] = set()
    tail_start = _tail_start(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        reason = "after a related-links heading" if index >= tail_start else furniture_reason(paragraph)
        key = _repeat_key(paragraph)
        if reason is None and len(key) >= MIN_REPEAT_CHARS and key in seen:
            reason = "repeats an earlier paragraph"
        if reason:
            removed.append(RemovedParagraph(paragraph, reason))
            if kept and index > 0 and paragraphs[index - 1] == kept[-1] and _captions_the_previous(
                    paragraph, reason, key, _repeat_key(kept[-1])):
                captions.add(kept[-1])
            continue
        seen.add(key)
        kept.append(paragraph)
        if _INLINE_CREDIT.search(paragraph):
            captions.add(paragraph)
    kept = _drop_menus(kept, removed)
    kept, dateline = _take_dateline(kept)
    spans, position = [], 0
    for paragraph in kept:
        spans.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    caption_spans = tuple(span for span, paragraph in zip(spans, kept) if paragraph in captions)
    return CleanText("\n\n".join(kept), tuple(spans), tuple(removed), dateline, caption_spans)


_INLINE_CREDIT = re.compile(r"\((?:photo|image|file photo|photograph|ảnh)\s*:[^)]*\)\s*\|?\s*$", re.I)


_PHOTO_CREDIT = re.compile(r"^\(?\s*(photo|photos|image|images|picture|file photo|ảnh)\s*(credit)?\s*[:：]", re.I)


def _captions_the_previous(paragraph: str, reason: str, key: str, previous_key: str) -> bool:
    """Whether a dropped paragraph shows that the kept one before it is a photo caption: a
    photo credit under it ("Photo: VNA"), or the same text again (a caption printed as the
    image's alternative text and under it)."""
    if reason == "repeats an earlier paragraph":
        return key == previous_key
    return reason == "photo or source credit" and bool(_PHOTO_CREDIT.match(paragraph))


DATELINE_PARAGRAPHS = 3  # a dateline opens the body, after at most a headline and a standfirst


def _take_dateline(paragraphs: list[str]) -> tuple[list[str], Dateline | None]:
    """The paragraphs with the first dateline taken off its paragraph, and that dateline."""
    for index, paragraph in enumerate(paragraphs[:DATELINE_PARAGRAPHS]):
        dateline = find_dateline(paragraph)
        if dateline:
            rest = paragraph[dateline.length:]
            return paragraphs[:index] + [rest] + paragraphs[index + 1:], dateline
    return paragraphs, None


def furniture_reason(paragraph: str) -> str | None:
    """Why a single paragraph is page furniture rather than article text, or None."""
    if len(paragraph) > MAX_PARAGRAPH_CHARS:
        return TOO_LONG
    if not any(ch.isalpha() for ch in paragraph):
        return "no letters"
    short = len(paragraph) <= SHORT_LINE
    if _CREDIT.match(paragraph) and (short or _is_label_and_url(paragraph)):
        return "photo or source credit"
    if short and _IMAGE_ALT.search(paragraph):
        return "image caption label"
    if _PROMPT.match(paragraph) and len(paragraph) <= 120:
        return "comment prompt or notice"
    social = _SOCIAL.search(paragraph)
    if social and len(paragraph) <= 120 and len(paragraph.split()) <= 16 and (
            not any(ch.isalnum() for ch in paragraph[:social.start()])
            or _TO_READER.search(paragraph)):
        # A short sentence that merely names a platform ("Uganda blocked Facebook.") is text.
        return "share or follow line"
    return None


def _is_label_and_url(paragraph: str) -> bool:
    """A credit line whose value is a bare link ("Source: https://...")."""
    value = paragraph.split(":", 1)[1].strip() if ":" in paragraph else ""
    return bool(re.fullmatch(r"(https?://|www\.)\S+", value))


def _tail_start(paragraphs: list[str]) -> int:
    """Index of the first related-links heading in the second half, or len(paragraphs)."""
    total = sum(len(p) for p in paragraphs)
    position = 0
    for index, paragraph in enumerate(paragraphs):
        if position >= total / 2 and _TAIL_HEADING.match(paragraph.strip()):
            return index
        position += len(paragraph)
    return len(paragraphs)


def _drop_menus(paragraphs: list[str], removed: list[RemovedParagraph]) -> list[str]:
    """Drop runs of four or more very short lines without sentence punctuation (navigation menus)."""
    def is_menu_item(p: str) -> bool:
        return len(p) <= 30 and not _TERMINAL.search(p)

    kept: list[str] = []
    index = 0
    while index < len(paragraphs):
        end = index
        while end < len(paragraphs) and is_menu_item(paragraphs[end]):
            end += 1
        if end - index >= 4:
            removed.extend(RemovedParagraph(p, "navigation menu") for p in paragraphs[index:end])
            index = end
            continue
        kept.append(paragraphs[index])
        index += 1
    return kept


def _repeat_key(paragraph: str) -> str:
    return " ".join(paragraph.casefold().split())
