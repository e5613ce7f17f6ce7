"""Properties of the agreement span finder over generated sentences: every name is a verbatim
span of its sentence, starts and ends on a word (never a preposition or punctuation), and
names do not overlap."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.extract.agreements import scan_sentence

_WORDS = [
    # heads, singular and plural
    "agreement", "Agreement", "agreements", "treaty", "Treaty", "memorandum of understanding",
    "Memorandum of Understanding", "memoranda of understanding", "MoU", "MoUs", "protocol", "Protocol",
    "deal", "pact", "accord", "joint statement", "Joint Declaration", "plan", "Plan", "plan of action",
    "Record of Discussions", "Annex", "contract", "Convention", "Charter", "programme", "Strategy",
    # modifiers, counts, amounts
    "the", "a", "new", "bilateral", "trade", "loan", "policing", "decade-old", "50-year", "2021-2025",
    "five", "45", "USD40 million", "(US$3 million)", "joint", "cooperation", "Special", "Status",
    "Peru-Chile", "so-called",
    # connectors and clause words
    "of", "on", "for", "in", "with", "between", "and", "or", "to", "by", "the two countries", "them",
    "in the field of", "totalling", "worth $5 billion", "signed", "was signed", "agreed upon by", "which",
    "on Friday", "on 3 May 2023", "in 1977", "corresponding to", "1/22/1422 AH", "4/17/2001 AD",
    # places, parties, nouns
    "Peru", "Chile", "Malaysia", "Lima", "Ministry", "Culture", "Tourism", "economy", "health",
    "workers", "energy", "the sidelines of", "said", "will", "Iran nuclear deal", "UN",
    # punctuation
    ",", ".", ";", "(", ")", "(MoU)", "(NEDA)", "“", "”", "‘", "’", ":", "—",
]
_PUNCTUATION = ",.;:()“”‘’\"'—-–"
_PREPOSITIONS = {"of", "on", "for", "in", "with", "between", "and", "or", "to", "by", "at", "from", "the", "a",
                 "an", "among", "as"}


def _join(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r"\s+([,.;:)])", r"\1", text)


sentences = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30).map(_join)


@settings(max_examples=400, deadline=None)
@given(sentences)
def test_names_are_verbatim_spans_bounded_by_words(sentence):
    scan = scan_sentence(sentence)
    for span in scan.names:
        assert span.name, sentence
        assert sentence[span.start:span.end] == span.name, sentence
        assert span.name == span.name.strip(), sentence
        assert span.name[0] not in _PUNCTUATION or span.name[0] == "(", sentence
        assert span.name[-1] not in _PUNCTUATION.replace(")", ""), sentence
        first, last = span.name.split()[0].lower(), span.name.split()[-1].lower()
        assert first not in _PREPOSITIONS, sentence
        assert last not in _PREPOSITIONS, sentence
        assert span.start <= span.date_from <= len(sentence)
    ordered = sorted(scan.names, key=lambda s: s.start)
    for before, after in zip(ordered, ordered[1:]):
        assert before.end <= after.start, sentence


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_any_text_scans_without_error(text):
    scan = scan_sentence(text)
    for span in scan.names:
        assert text[span.start:span.end] == span.name
    for reference in scan.references:
        assert 0 <= reference.start < reference.end <= len(text)
