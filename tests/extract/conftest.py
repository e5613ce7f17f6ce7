"""Fixtures for the extraction tests: one spaCy model and one gazetteer for the whole session."""

from __future__ import annotations

from datetime import date

import pytest

from accord.extract.gazetteer import load_gazetteer
from accord.extract.nlp import load_nlp
from accord.extract.pipeline import extract_document
from accord.extract.records import Extraction

# A Monday; weekday and relative references in the tests are resolved against it.
PUBLISHED = date(2024, 5, 20)


@pytest.fixture(scope="session")
def gazetteer():
    """The shipped gazetteer, loaded once."""
    return load_gazetteer()


@pytest.fixture(scope="session")
def extract(gazetteer):
    """`extract(text, published=PUBLISHED)`: the whole pipeline over one invented document."""
    load_nlp()

    def run(text: str, published: date | None = PUBLISHED) -> Extraction:
        return extract_document("test-doc", text, published, gazetteer)

    return run
