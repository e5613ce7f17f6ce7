"""Turn a raw article into a clean, dated, language-tagged Document."""

from __future__ import annotations

from accord.errors import Rejected
from accord.ingest.clean import TOO_LONG, clean_normalised, normalise, split_paragraphs
from accord.ingest.dedup import content_id, minhash_signature
from accord.ingest.language import LanguageGuess, detect_language, dominant_language, is_mixed
from accord.ingest.pubdate import infer_hints, resolve_published
from accord.models import Document, Paragraph, RawArticle

MIN_CLEAN_CHARS = 20
# Longer than any article (about 80,000 words): a dump or a book. Extraction time grows faster
# than the length, so such input is refused with a reason instead of holding up the batch for
# hours. (Paragraphs longer than any article's are dropped in cleaning: see clean.TOO_LONG.)
MAX_DOCUMENT_CHARS = 500_000


def build_document(raw: RawArticle) -> Document:
    """Clean the article, find its date and languages, and key it by content hash.

    Raises Rejected when nothing of the article survives cleaning.
    """
    normalised = normalise(raw.text)  # mojibake repair is costly: once for the three uses
    cleaned = clean_normalised(normalised)
    if len(cleaned.text.strip()) < MIN_CLEAN_CHARS:
        longest = max((len(r.text) for r in cleaned.removed if r.reason == TOO_LONG), default=0)
        if longest:
            raise Rejected(f"no article text besides a paragraph of {longest:,} characters, {TOO_LONG}")
        raise Rejected("no article text left after cleaning")
    if len(cleaned.text) > MAX_DOCUMENT_CHARS:
        raise Rejected(f"{len(cleaned.text):,} characters of text, more than the "
                       f"{MAX_DOCUMENT_CHARS:,} of the longest article (split it into articles)")
    texts = [cleaned.text[start:end] for start, end in cleaned.paragraphs]
    guesses = [detect_language(text) for text in texts]
    stated_language = _language_code(raw.language)
    language = stated_language or dominant_language(texts, guesses)
    # Mixed language is judged on everything the page showed, captions included.
    shown = split_paragraphs(normalised)
    mixed = is_mixed(shown, [detect_language(p) for p in shown], language)
    published = resolve_published(raw.published, normalised,
                                  infer_hints(raw.text, raw.url, language))
    return Document(
        id=content_id(cleaned.text),
        origin=raw.origin,
        format=raw.format,
        raw_text=raw.text,
        clean_text=cleaned.text,
        published=published,
        url=raw.url,
        title=_one_line(raw.title) or _title_from_text(texts, guesses, language),
        source=_one_line(raw.source),
        language=language,
        mixed_language=mixed,
        paragraphs=tuple(Paragraph(start, end, guess.code, round(guess.score, 3))
                         for (start, end), guess in zip(cleaned.paragraphs, guesses)),
        minhash=minhash_signature(cleaned.text),
        dateline=cleaned.dateline.text if cleaned.dateline else None,
        place=cleaned.dateline.place if cleaned.dateline else None,
        captions=cleaned.captions,
    )


def _language_code(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if code.isascii() and code.isalpha() and 2 <= len(code) <= 3 else None


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split())[:500] if value and value.strip() else None


def _title_from_text(paragraphs: list[str], guesses: list[LanguageGuess],
                     language: str | None) -> str | None:
    """A headline-like opening paragraph serves as the title: short, in the article's language."""
    for paragraph, guess in list(zip(paragraphs, guesses))[:3]:
        if guess.code not in (None, language) and guess.score >= 0.5:
            continue  # a site banner in another language
        if len(paragraph) <= 160 and not paragraph.rstrip().endswith("."):
            return paragraph
        if len(paragraph) <= 100:
            return paragraph.rstrip(". ")
        return None
    return None
