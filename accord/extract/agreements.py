"""Named agreements: treaties, agreements, protocols, memoranda, joint statements, plans.

A name is grown around a head word ("Treaty", "Memorandum of Understanding")
leftwards over its modifiers and rightwards over its "of/on/between ..." tail,
stopping at clause breaks; lists ("such as the X, the Y and the Z") give one
agreement per item. Plural heads ("agreements") are generic and skipped, and so
are lower-case names that are only talked about ("hoped for a trade pact"),
and documents that were not signed ("did not sign the protocol on ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STRONG_HEADS = (r"memorandum of understanding|memoranda of understanding|mou|treaty|agreement|accord"
                 r"|protocol|joint statement|joint declaration|joint communiqu[eé]|pact|deal")
# These name a document only when capitalised ("the Convention on ...", not "a convention centre").
_WEAK_HEADS = (r"plan|strategy|project|roadmap|framework|programme|program|action plan|master plan"
               r"|declaration|convention|charter|statement")
_HEAD = re.compile(rf"\b(?P<head>{_STRONG_HEADS}|{_WEAK_HEADS})\b", re.I)
_LOWER_MODIFIERS = {"new", "bilateral", "border", "trade", "transit", "investment", "cooperation",
                    "comprehensive", "strategic", "free", "framework", "defence", "defense", "security",
                    "economic", "maritime", "nuclear", "peace", "ceasefire", "extradition", "visa",
                    "aviation", "tax", "goods", "energy", "power", "gas", "water", "fisheries",
                    "partnership", "friendship", "landmark", "historic", "interim", "preliminary",
                    "digital", "customs", "swap", "currency", "loan", "credit", "supply", "migration",
                    "labour", "labor", "readmission", "education", "health", "climate"}
_PURPOSE_HEADS = {"plan", "project", "strategy", "programme", "program", "roadmap", "action plan", "master plan"}
_FUNCTION_WORDS = {"the", "a", "an", "under", "in", "on", "at", "by", "for", "with", "after", "during",
                   "before", "from", "to", "of", "and", "or", "but", "as", "that", "this", "its",
                   "their", "his", "her", "our", "signed", "sign", "new"}
_PARTICLES = {"do", "da", "de", "del", "la", "le", "des", "du", "of", "and", "for", "on"}
_TAIL_CONNECTORS = {"of", "on", "between", "amending", "for", "concerning", "regarding", "among",
                    "the", "and", "a", "an", "period", "field", "vision"}
_TAIL_STOPS = {"at", "from", "under", "during", "after", "before", "through", "against", "which", "who",
               "that", "as", "while", "but", "because", "since", "whose", "when", "where", "by", "such",
               "was", "were", "is", "are", "has", "have", "had", "will", "would", "can", "could", "should",
               "must", "may", "might", "signed", "including", "last", "next", "this", "yesterday", "today"}
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_SIGNING = re.compile(r"\b(?:sign|signs|signed|signing|conclude|concluded|ink|inked|adopt|adopted|ratif\w+"
                      r"|exchanged)\b", re.I)
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_VERB_LIKE = re.compile(r"^[a-z]+(?:ed|es)$")
_WORD = re.compile(r"[^\s,;:()“”\"]+|[,;:()“”\"]")
_NOT_SIGNED = re.compile(r"\b(?:not|never|n't|failed to|refused to|declined to|yet to)\s+(?:\w+\s+){0,3}?"
                         r"(?:sign|signed|conclude|ink|adopt|agree)\b[^.;]*$", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:hoped|hope|hopes|hoping|want|wants|wanted|seek|seeks|seeking|propose|"
                           r"proposed|proposes|could|would|might|may|possible|potential|future|call(?:ed|s)? for|"
                           r"push(?:ed|es)? for|negotiat\w+)\b(?:\s+\S+){0,5}\s*$", re.I)
_KINDS = {"treaty": "treaty", "agreement": "agreement", "accord": "agreement", "pact": "agreement",
          "deal": "agreement", "protocol": "protocol", "memorandum of understanding": "memorandum",
          "memoranda of understanding": "memorandum", "mou": "memorandum",
          "joint statement": "statement", "joint declaration": "statement",
          "declaration": "statement", "statement": "statement", "convention": "treaty", "charter": "treaty"}
MAX_TAIL_WORDS = 30


@dataclass(frozen=True)
class AgreementSpan:
    """A named agreement found in a sentence: name, kind and its span within the sentence."""

    name: str
    kind: str
    start: int
    end: int


def find_agreements(sentence: str) -> list[AgreementSpan]:
    """Named agreements in a sentence (not those it says were not signed, or only hoped for)."""
    found: list[AgreementSpan] = []
    for match in _HEAD.finditer(sentence):
        head = match.group("head")
        if any(match.start() < f.end and f.start < match.end() for f in found):
            continue
        if _plural(sentence, match) or not _is_name_head(sentence, match):
            continue
        start = _grow_left(sentence, match.start())
        end = _grow_right(sentence, match.end(), purpose=head.lower() in _PURPOSE_HEADS)
        name = sentence[start:end].strip(" ,;:")
        lead = re.match(r"^(?:the|a|an)\s+", name, flags=re.I)
        if lead:
            start += lead.end()
            name = name[lead.end():]
        if len(name.split()) < 2 and head.lower() not in ("mou",):
            continue
        if name[:1].islower() and not _lower_name_stands(sentence, start, name):
            continue
        if _NOT_SIGNED.search(sentence[:start]):
            continue
        kind = _KINDS.get(head.lower(), head.lower())
        found.append(AgreementSpan(name, kind, start, start + len(name)))
    return found


def _plural(sentence: str, match: re.Match) -> bool:
    following = sentence[match.end():match.end() + 1]
    return following.lower() == "s" or match.group("head").lower().startswith("memoranda")


def _is_name_head(sentence: str, match: re.Match) -> bool:
    """Weak heads name a document only when capitalised; strong heads need a capital, a
    modifier or a tail, so that a bare "the agreement" is not taken."""
    head = match.group("head")
    if re.fullmatch(_WEAK_HEADS, head, re.I):
        return head[0].isupper()
    before = sentence[:match.start()].rstrip().split()
    after = sentence[match.end():].lstrip()
    has_modifier = bool(before) and (before[-1][:1].isupper() or before[-1].lower() in _LOWER_MODIFIERS
                                     or re.fullmatch(r"\d{4}(?:[-–]\d{4})?", before[-1]) is not None)
    has_tail = bool(re.match(r"(of|on|between|amending|for)\b", after, re.I))
    return head[0].isupper() or has_modifier or has_tail


def _lower_name_stands(sentence: str, start: int, name: str) -> bool:
    """A lower-case name ("the border trade agreement") counts when it is a definite document
    or has a tail ("a memorandum of understanding on ..."), and is not only hoped for."""
    before = sentence[:start]
    if _HYPOTHETICAL.search(before):
        return False
    has_tail = re.search(r"\b(?:of|on|between|amending|for)\b", name) is not None
    article = re.search(r"(\b\w+)\s*$", before)
    definite = article is not None and article.group(1).lower() in ("the", "this", "that", "its", "their")
    signed = _SIGNING.search(before) is not None
    return has_tail or definite or signed


def _grow_left(sentence: str, start: int) -> int:
    """Extend the name left over capitalised words, years and typical modifiers; particles
    ("Foz do Iguaçu") only between capitalised words; never over a possessive."""
    words = list(re.finditer(r"\S+", sentence[:start]))
    position = start
    for index in range(len(words) - 1, -1, -1):
        raw = words[index].group(0)
        text = raw.strip("“”\"'")
        if raw[-1:] in ",;:" or re.search(r"['’]s$", text):
            break
        lowered = text.lower()
        if lowered in _PARTICLES and index > 0 and words[index - 1].group(0)[:1].isupper() \
                and lowered not in ("of", "and", "for", "on"):
            position = words[index].start()
            continue
        if lowered in _FUNCTION_WORDS and lowered != "new" or lowered in _WEEKDAYS:
            break
        if not (text[:1].isupper() or lowered in _LOWER_MODIFIERS
                or re.fullmatch(r"\d{4}(?:[-–]\d{4})?", text)):
            break
        position = words[index].start()
    return position


def _grow_right(sentence: str, end: int, purpose: bool = False) -> int:
    """Extend the name right over its tail ("on Border Lines and Border Markers", "for the
    2021-2030 period", ", with a vision to 2030") up to the clause's end. With `purpose`, a
    plan or project keeps its "to ..." clause ("the Project to improve ...")."""
    rest = sentence[end:]
    tokens = list(_WORD.finditer(rest))
    position = end
    count = 0
    for index, word in enumerate(tokens):
        token = word.group(0)
        lowered = token.lower().rstrip(".")
        following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
        if token == "," and re.match(r",\s+with a vision", rest[word.start():]):
            continue
        if token in (",", ";", ":", "(", ")", "“", "”", '"') or lowered in _TAIL_STOPS or lowered in _WEEKDAYS:
            break
        if lowered == "with" and not re.match(r"with a vision", rest[word.start():]):
            break
        if lowered == "to" and not (following[:1].isdigit() or following[:1].isupper()
                                    or (purpose and count == 0)):
            break
        if lowered == "in" and not (re.match(r"in (?:the )?(?:19|20)\d\d\s*[-–]", rest[word.start():])
                                    or re.match(r"in the (?:field|period|area|framework)", rest[word.start():])):
            break
        if lowered == "on" and re.match(rf"on\s+(?:\d|(?:{_MONTHS})\b)", rest[word.start():], re.I):
            break  # "on 3 May 2023": the date it was signed, not part of its name
        if lowered == "and" and re.match(r"and\s+(?:the|a|an)\s", rest[word.start():], re.I):
            break
        if _VERB_LIKE.match(token) and count > 0 and not re.match(r"[a-z]+ed\s+(?:on|for)\b", rest[word.start():]):
            break
        if count == 0 and lowered not in _TAIL_CONNECTORS | {"to", "in", "with"} and not token[:1].isupper() \
                and not token[:1].isdigit():
            break  # the tail must start with a connector or a name
        ends_sentence = token.endswith(".") and len(token) > 3 and not re.fullmatch(r"(?:[A-Z]\.)+", token)
        count += 1
        if count > MAX_TAIL_WORDS:
            break
        position = end + word.end() - (1 if ends_sentence else 0)
        if ends_sentence:
            break
    text = sentence[end:position]
    # Do not end on a dangling connector.
    trimmed = re.sub(r"(\s+(?:of|on|between|for|in|to|the|and|with|a|an))+\s*$", "", text, flags=re.I)
    return end + len(trimmed)
