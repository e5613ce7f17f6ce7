"""Named agreements: treaties, agreements, protocols, memoranda, joint statements, plans.

A name is grown around a head word ("Treaty", "Memorandum of Understanding")
leftwards over its modifiers and rightwards over its "of/on/between ..." tail,
stopping at clause breaks; lists ("such as the X, the Y and the Z") give one
agreement per item. Plural heads ("agreements") are generic and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STRONG_HEADS = (r"memorandum of understanding|memoranda of understanding|mou|treaty|agreement|accord"
                 r"|protocol|joint statement|joint declaration|joint communiqu[eé]|declaration|convention"
                 r"|charter|pact|deal")
_WEAK_HEADS = r"plan|strategy|project|roadmap|framework|programme|program|action plan|master plan"
_HEAD = re.compile(rf"\b(?P<head>{_STRONG_HEADS}|{_WEAK_HEADS})\b", re.I)
_LEFT_WORD = re.compile(r"(?:[A-Z][\w’'.–-]*|[A-Z]+|\d{4}(?:\s*[-–]\s*\d{4})?|new|bilateral|border|trade"
                        r"|transit|investment|cooperation|comprehensive|strategic|free|framework"
                        r"|defence|defense|security|economic|maritime|nuclear|peace|ceasefire"
                        r"|extradition|visa|aviation|tax|goods|energy|power)$")
_TAIL_CONNECTORS = {"of", "on", "between", "amending", "for", "in", "to", "the", "and", "with", "a",
                    "an", "period", "field", "vision", "regarding", "concerning", "about", "among"}
_TAIL_STOP = re.compile(r"^(?:[,;:().]|on\s+(?:\d|[A-Z][a-z]+\.?\s+\d)"
                        r"|(?:on|last|next|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                        r"|in\s+(?:19|20)\d\d\b(?!\s*[-–])|with\b(?!\s+a\s+vision)"
                        r"|(?:such|which|that|was|were|is|are"
                        r"|has|have|had|signed|will|would|can|could|should|must|as|who|while|by"
                        r"|to\s+(?:be|promote|boost|help|ensure|create|develop))\b)", re.I)
_VERB_LIKE = re.compile(r"^[a-z]+(?:ed|es)$")
_KINDS = {"treaty": "treaty", "agreement": "agreement", "accord": "agreement", "pact": "agreement",
          "deal": "agreement", "protocol": "protocol", "memorandum of understanding": "memorandum",
          "memoranda of understanding": "memorandum", "mou": "memorandum",
          "joint statement": "statement", "joint declaration": "statement",
          "declaration": "statement", "convention": "treaty", "charter": "treaty"}
MAX_TAIL_WORDS = 30


@dataclass(frozen=True)
class AgreementSpan:
    """A named agreement found in a sentence: name, kind and its span within the sentence."""

    name: str
    kind: str
    start: int
    end: int


def find_agreements(sentence: str) -> list[AgreementSpan]:
    """Named agreements in a sentence."""
    found: list[AgreementSpan] = []
    for match in _HEAD.finditer(sentence):
        head = match.group("head")
        if any(match.start() < f.end and f.start < match.end() for f in found):
            continue
        if _plural(sentence, match) or not _is_name_head(sentence, match):
            continue
        start = _grow_left(sentence, match.start())
        end = _grow_right(sentence, match.end())
        name = sentence[start:end].strip(" ,;:")
        name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
        if len(name.split()) < 2 and head.lower() not in ("mou",):
            continue
        kind = _KINDS.get(head.lower(), head.lower())
        found.append(AgreementSpan(name, kind, start, end))
    return found


def _plural(sentence: str, match: re.Match) -> bool:
    following = sentence[match.end():match.end() + 1]
    return following.lower() == "s" or match.group("head").lower().startswith("memoranda")


def _is_name_head(sentence: str, match: re.Match) -> bool:
    """Weak heads ("plan", "strategy") name a document only when capitalised; strong heads
    need a modifier or a tail so that a bare "the agreement" is not taken."""
    head = match.group("head")
    if re.fullmatch(_WEAK_HEADS, head, re.I):
        return head[0].isupper()
    before = sentence[:match.start()].rstrip().split()
    after = sentence[match.end():].lstrip()
    has_modifier = bool(before) and _LEFT_WORD.match(before[-1]) is not None \
        and before[-1].lower() not in ("the", "a", "an")
    has_tail = bool(re.match(r"(of|on|between|amending|for)\b", after, re.I))
    return head[0].isupper() or has_modifier or has_tail


def _grow_left(sentence: str, start: int) -> int:
    words = list(re.finditer(r"\S+", sentence[:start]))
    position = start
    for word in reversed(words):
        text = word.group(0).strip(",;:“”\"'")
        if word.group(0)[-1:] in ",;:":
            break
        if not _LEFT_WORD.match(text) or text.lower() in ("the", "a", "an"):
            break
        position = word.start()
    return position


def _grow_right(sentence: str, end: int) -> int:
    rest = sentence[end:]
    position = end
    count = 0
    for word in re.finditer(r"[^\s,;:()]+|[,;:()]", rest):
        token = word.group(0)
        if _TAIL_STOP.match(token) or _TAIL_STOP.match(rest[word.start():word.start() + 20]):
            if token == "," and re.match(r",\s+with a vision", rest[word.start():]):
                continue
            break
        if token.lower() == "and" and re.match(r"and\s+(?:the|a|an)\s", rest[word.start():], re.I):
            break
        if _VERB_LIKE.match(token) and token not in ("amendes",):
            break
        if token.endswith(".") and len(token) > 3:
            token = token[:-1]
            if token:
                position = end + word.start() + len(token)
            break
        if token.lower() not in _TAIL_CONNECTORS and not token[0].isupper() and not token[0].isdigit() \
                and count == 0 and token.lower() not in ("goods",):
            # The tail must start with a connector or a name; otherwise the name ends here.
            break
        count += 1
        if count > MAX_TAIL_WORDS:
            break
        position = end + word.end()
    text = sentence[end:position]
    # Do not end on a dangling connector.
    trimmed = re.sub(r"(\s+(?:of|on|between|for|in|to|the|and|with|a|an))+\s*$", "", text, flags=re.I)
    return end + len(trimmed)
