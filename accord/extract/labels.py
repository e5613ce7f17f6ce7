"""Relationship labels: framework phrases that name a relationship, kept verbatim."""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUALITY = (r"(?:great|special|comprehensive|strategic|traditional|all-round|all-weather|close|"
            r"enduring|long-standing|good|friendly|fraternal|extensive|enhanced|deep|global|"
            r"privileged|exceptional|neighbourly|neighborly|mutually beneficial|win-win|"
            r"sustainable|long-term)")
_NOUN = (r"(?:friendship|solidarity|cooperation|partnership|connectivity|cohesion|ties|trust|"
         r"neighbourliness|neighborliness|relationship|relations|alliance|engagement|"
         r"cooperative partnership|strategic partnership)")
_ITEM = rf"{_QUALITY}(?:[\s,]+(?:and\s+)?{_QUALITY})*\s+{_NOUN}"
_LABEL = re.compile(rf"(?P<label>{_ITEM}(?:\s*,\s*(?:and\s+)?{_ITEM}|\s+and\s+{_ITEM})*)", re.I)


@dataclass(frozen=True)
class LabelSpan:
    """A relationship label and its span within the sentence."""

    label: str
    start: int
    end: int


def find_labels(sentence: str) -> list[LabelSpan]:
    """Framework phrases such as "comprehensive strategic partnership"; a single generic
    phrase ("close cooperation") counts only when capitalised or quoted."""
    labels = []
    for match in _LABEL.finditer(sentence):
        text = match.group("label").strip()
        parts = len(re.findall(_NOUN, text, re.I))
        quoted = sentence[max(0, match.start() - 1):match.start()] in "“\"'‘"
        strong = re.search(r"strategic|comprehensive|special|partnership", text, re.I)
        if parts >= 2 or quoted or (strong and text[0].isupper()) or re.search(
                r"comprehensive strategic partnership|strategic partnership", text, re.I):
            labels.append(LabelSpan(text, match.start(), match.end()))
    return labels
