"""The lexicons: PETRARCH verb patterns and accord's triggers give codes to words."""

from __future__ import annotations

from accord.extract.cameo import lookup
from accord.extract.coder.lexicon import lexicon_hits, trigger_index, verb_index


def codes(sentence: str, verbs: set[int]) -> set[str]:
    words = sentence.split()
    return {hit.code for hit in lexicon_hits(words, [i in verbs for i in range(len(words))])}


def test_a_verb_takes_its_default_code():
    assert "112" in codes("the ministry accuse china of spying", {2})
    assert "042" in codes("the president visit hanoi", {2})


def test_a_pattern_refines_the_code_by_the_words_after_the_verb():
    assert "0311" in codes("they sign a trade agreement", {1})
    assert "057" in codes("they sign a peace treaty", {1})


def test_verbs_are_only_read_where_the_parser_saw_a_verb():
    assert "042" not in {h.code for h in lexicon_hits("the visit was short".split(), [False] * 4)
                         if h.source == "verb"}


def test_triggers_cover_nouns_with_their_required_words():
    assert "040" in codes("they hold talks in hanoi", set())
    assert "046" in codes("the negotiation went on", set())


def test_every_lexicon_code_is_a_known_cameo_code():
    for entries in verb_index().values():
        for entry in entries:
            assert lookup(entry.code).code[:2] == entry.code[:2]
    for triggers in trigger_index().values():
        for trigger in triggers:
            assert lookup(trigger.code)


def test_the_petrarch_dictionary_covers_every_root():
    roots = {entry.code[:2] for entries in verb_index().values() for entry in entries}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_handing_over_money_is_aid_and_handing_over_projects_is_cooperation():
    assert "070" in codes("the ambassador hand over the fund to the minister", {2})
    assert "061" not in codes("the ambassador hand over the fund to the minister", {2})
    assert "061" in codes("the company hand over four project to the lao side", {2})
    assert "070" not in codes("the company hand over four project to the lao side", {2})


def _plain_verb_code(lemmas: list[str], index: int) -> str | None:
    """The pattern match written plainly (every entry walked in order), to check the
    set pre-test of `_verb_code` against."""
    from accord.extract.coder.lexicon import AFTER_WINDOW, BEFORE_WINDOW, _in_order

    for entry in verb_index().get(lemmas[index], ()):
        end = index + len(entry.words)
        if tuple(lemmas[index:end]) == entry.words and _in_order(
                entry.after, lemmas[end:end + AFTER_WINDOW]) and _in_order(
                entry.before, lemmas[max(0, index - BEFORE_WINDOW):index]):
            return entry.code
    return None


def test_the_set_pre_test_gives_every_verb_the_code_the_plain_walk_gives():
    import json
    from pathlib import Path

    from accord.extract.coder.lexicon import _verb_code
    from accord.extract.nlp import load_nlp

    folder = Path(__file__).resolve().parents[3] / "training" / "sentences"
    texts = [json.loads(line)["text"] for path in sorted(folder.glob("*.jsonl"))
             for line in path.read_text("utf-8").splitlines()[::60]]
    coded = 0
    for doc in load_nlp().pipe(texts, disable=["ner"]):
        lemmas = [t.lemma_.lower().replace("-", "") for t in doc]
        for index, token in enumerate(doc):
            if token.pos_ == "VERB":
                expected = _plain_verb_code(lemmas, index)
                assert _verb_code(lemmas, index) == expected, (doc.text, token.text)
                coded += expected is not None
    assert coded > 100  # the sample exercises patterns, not only verbs without any
