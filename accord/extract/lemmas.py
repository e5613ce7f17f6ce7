"""The model's rule lemmatizer, with every answer cached.

Why: spaCy's rule lemmatizer caches the lemmas it derives by rule, keyed by (word, part of
speech, morphology), but returns early, without caching, for the words its `is_base_form`
finds uninflected (a singular noun, an infinitive, a positive adjective): most words of a
sentence. `is_base_form` rebuilds the token's morphology as a dict each time, which made it
the single costliest Python function of extraction after the parse itself. Its answer
depends on the part of speech and morphology alone, so caching it under spaCy's own key
changes no lemma (`tests/extract/test_attributes.py` compares every token with the stock
pipeline's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

NAME = "lemmatizer"


def install(nlp: Language) -> None:
    """Make the pipeline's rule lemmatizer answer every (word, POS, morphology) once."""
    lemmatizer = nlp.get_pipe(NAME)
    if getattr(lemmatizer, "_accord_cached", False) or lemmatizer.mode != "rule":
        return
    derive = lemmatizer.rule_lemmatize
    cache = lemmatizer.cache

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = cache.get(key)
        if found is None:
            found = cache[key] = derive(token)
        return found

    lemmatizer.lemmatize = lemmatize
    lemmatizer._accord_cached = True
