"""Case- and diacritic-folding that keeps every character at its offset.

Used wherever names and queries are compared ("Tô Lâm" = "to lam",
"Vũng Áng" = "vung ang"). Folding maps each character to exactly one
character, so a match found in folded text has the same span in the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters whose base form is not reachable by removing combining marks.
_SPECIAL = {"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ı": "i", "æ": "æ",
            "ß": "ß", "ð": "d", "Ð": "d", "þ": "þ", "’": "'", "‘": "'", "‐": "-", "‑": "-",
            "–": "-", "—": "-",
            # Apostrophes typed as other marks ("Serbiaʼs", "3′s"): folded so names still end there.
            "ʼ": "'", "′": "'", "´": "'"}


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character, lower-cased and stripped of diacritics; always one character long."""
    if char in _SPECIAL:
        return _SPECIAL[char]
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    lowered = base.lower()
    return lowered if len(lowered) == 1 else char


def fold(text: str) -> str:
    """Fold a whole string; `len(fold(s)) == len(s)` for every `s`."""
    if text.isascii():
        return text.lower()
    return "".join(fold_char(c) for c in text)


# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, CJK, kana).
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
                       "\u4e00-\u9fff\uac00-\ud7af]")


def has_unspaced_script(text: str) -> bool:
    """True when the text holds a script that does not separate words with spaces."""
    return _UNSPACED.search(text) is not None
