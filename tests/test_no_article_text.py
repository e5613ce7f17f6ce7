"""No article text in the repository: examples in code, docs, fixtures and training data are
sentences we wrote. A 12-word run shared with an evaluation or seed article means one was
copied. Shorter runs are not proof: diplomacy's set formulae and titles run to 8-11 words
("the Chairman of the Standing Committee of the National People's Congress", "prevent
hostile forces from using the territory of ..."), and official names of a relationship are
names, so they are taken out before counting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLES = [SHARED / "eval" / "dev" / "articles", SHARED / "seeds"]
RUN = 12
# The official label of a relationship, as state media write it: a name, not a sentence.
NAMES = [re.compile(r"great friendship,? special solidarity,? and comprehensive cooperation", re.I)]
OURS = ["accord/**/*.py", "tests/**/*.py", "benchmarks/**/*.py", "docs/*.md", "README.md",
        "training/**/*.md", "training/sentences/*.jsonl", "training/staged/*.jsonl"]


def word_runs(text: str, length: int = RUN) -> set[str]:
    """Every run of `length` consecutive words, lower-cased, punctuation dropped."""
    for name in NAMES:
        text = name.sub(" ", text)
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + length]) for i in range(len(words) - length + 1)}


def test_word_runs_ignore_case_and_punctuation():
    assert word_runs("One, two; three four five six SEVEN eight.", 8) == {"one two three four five six seven eight"}
    assert word_runs("too short to count") == set()


def test_official_names_of_a_relationship_are_not_counted():
    label = "the great friendship, special solidarity and comprehensive cooperation between the two"
    assert word_runs(label, 5) == set()


@pytest.fixture(scope="module")
def article_runs() -> set[str]:
    files = [p for folder in ARTICLES if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    if not files:
        pytest.skip("the evaluation articles are not on this machine")
    return set().union(*(word_runs(p.read_text("utf-8", errors="ignore")) for p in files))


def test_no_file_of_ours_shares_a_12_word_run_with_an_article(article_runs):
    shared = {}
    for pattern in OURS:
        for path in ROOT.glob(pattern):
            if found := word_runs(path.read_text("utf-8", errors="ignore")) & article_runs:
                shared[str(path.relative_to(ROOT))] = sorted(found)[:3]
    assert not shared
