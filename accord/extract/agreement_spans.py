"""Where an agreement's name begins and ends: the words around its head noun.

News names an instrument with a head ("agreement", "Memorandum of Understanding"), the
modifiers before it ("a KRW40 billion (US$31.2 million) loan agreement", "a decade-old
policing agreement", "13 cooperation agreements") and the complements after it ("on the
placement and protection of migrant workers in Malaysia", "between the Ministry of Culture
and the Ministry of Information, Culture and Tourism"). `grow_left` and `grow_right` find
those two edges from the sentence text alone; agreements.py decides what is a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from accord.extract.agreement_words import (COMPLEMENT_OPENERS, DETERMINERS, DOMAIN_MODIFIERS, EVALUATIVE,
                                            FINITE, GENERIC_MODIFIERS, ING_VERBS, MONTHS, NUMBER_WORDS,
                                            PARTICLES, STOPS, VERBS, WEEKDAYS)

_CURRENCY = r"(?:[A-Z]{2,3}\s?[$€£¥]?|US\s?[$]|[$€£¥])"
_SCALE = r"(?:billion|million|trillion|bn|mn)"
_CURRENCY_WORD = (r"(?:yuan|renminbi|dollars?|euros?|yen|rupees?|won|pounds?|riyals?|dirhams?|ringgit|baht|dong"
                  r"|pesos?|rubles?|roubles?|francs?|USD|EUR|JPY|CNY|VND|INR)")
AMOUNT = (rf"(?:{_CURRENCY}\s?\d[\d,.]*(?:\s?[-–]?\s?{_SCALE})?"
          rf"|\d[\d,.]*(?:\s?[-–]?\s?{_SCALE})?\s?{_CURRENCY_WORD}\b)")
_AMOUNT_BEFORE = re.compile(rf"(?:^|(?<=\s)){AMOUNT}(?:\s*\({AMOUNT}\))?\s+$")
_AMOUNT_AFTER = re.compile(rf"(?:totalling|totaling|worth|valued at|amounting to)\s+"
                           rf"(?:about |some |nearly |over |more than |around |up to )?{AMOUNT}"
                           rf"(?:\s*\({AMOUNT}\))?")
# "(MoU)", "(NEDA)", "(IA-CEPA)", "(EMCC 2)": an abbreviation, part of the name it follows.
ABBREVIATION = re.compile(r"\(\s*(?=[^)]*[A-Z][^)]*[A-Z])[A-Z][A-Za-z0-9&.\-–]*"
                          r"(?:\s[A-Z0-9][A-Za-z0-9&.\-]*)?\s*\)")
_YEARISH = re.compile(r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?$")
_NUMERIC_MODIFIER = re.compile(r"\d[\d,.]*-[a-z]+(?:-[a-z]+)?$")  # "50-year", "10-point"
_WORD = re.compile(r"[^\s,;:()“”\"‘’]+(?:’(?:s(?!\w))?)?|[,;:()“”\"‘’]")
_GENERIC_PARTIES = re.compile(
    r"\s+(?:between|among|with|by)\s+(?:them(?:selves)?"
    r"|both(?:\s+(?:countries|sides|nations|governments|parties))?"
    r"|(?:the|these|those)(?:\s+(?:two|three|both))?\s+(?:countries|sides|nations|governments|states|parties"
    r"|neighbou?rs|neighbou?ring countries|leaders|capitals|ministries))$")
_DANGLING = re.compile(r"(?:\s+(?:of|on|between|among|for|in|to|the|and|or|with|a|an|by|as))+\s*$", re.I)
_ABBREVIATED = re.compile(r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|St|No|Nos|Jr|Co|Inc|Ltd|Corp|Gov|Gen|Sen|Rep)\.")
_WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
MAX_TAIL_WORDS = 40


@dataclass(frozen=True)
class LeftEdge:
    """Where a name starts and what its modifiers say: a count ("five"), a domain word
    ("loan"), a capitalised word or year, or only generic words ("bilateral")."""

    start: int
    count: str | None = None
    domain: bool = False
    named: bool = False  # a capitalised word, a year or an amount
    generic: bool = False


def grow_left(sentence: str, start: int, plural: bool = False, floor: int = 0) -> LeftEdge:
    """Extend a name left over its modifiers, stopping at a determiner, a possessive, a verb or
    a judging word ("new", "landmark"). Before a `plural` head a number ("five memorandums") is
    kept as the count and ends the growth ("more than 80 agreements" is "80 agreements");
    before a singular one it is an article ("One MoU was signed"). Growth never crosses `floor`
    (the end of the name found before)."""
    position, domain, named, generic = start, False, False, False
    words = list(re.finditer(r"\S+", sentence[:start]))
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word.start() < floor:
            break
        if word.start() >= position:
            continue  # inside an amount taken whole
        amount = _AMOUNT_BEFORE.search(sentence[:position])
        if amount:
            position, named = amount.start(), True
            continue
        raw = word.group(0)
        text = raw.strip("“”\"'‘")
        lowered = text.lower()
        if raw[-1:] in ",;:)(" or re.search(r"['’]s?$", raw) or not re.search(r"\w", text):
            break
        if lowered in NUMBER_WORDS or re.fullmatch(r"\d[\d,]*", text) and not _YEARISH.fullmatch(text):
            if not plural:
                break
            return LeftEdge(word.start(), text, domain, named, generic)
        title_of = lowered == "of" and named and sentence[position:position + 1].isupper()
        if (lowered in PARTICLES or title_of) and index > 0 and words[index - 1].group(0)[:1].isupper() \
                and words[index - 1].group(0).lower() not in DETERMINERS:
            position = word.start()  # "Foz do Iguaçu Declaration", "General Security of Military ... Agreement"
            continue
        good_friday = lowered in WEEKDAYS and index > 0 and words[index - 1].group(0)[:1].isupper()
        if lowered in DETERMINERS or lowered in EVALUATIVE or lowered in STOPS \
                or lowered in WEEKDAYS and not good_friday or lowered in COMPLEMENT_OPENERS \
                or lowered in ("and", "or", "under", "signed", "sign"):
            break
        if text[:1].isupper() or _YEARISH.fullmatch(text) or _NUMERIC_MODIFIER.fullmatch(text):
            named = True
        elif lowered in DOMAIN_MODIFIERS or _is_adjective(lowered):
            domain = True
        elif lowered in GENERIC_MODIFIERS:
            generic = True
        elif "-" in lowered and re.fullmatch(r"[a-z]+(?:-[a-z]+)+", lowered):
            domain = True  # "decade-old", "cross-border", "visa-free"
        else:
            break
        position = word.start()
    return LeftEdge(position, None, domain, named, generic)


def _is_adjective(word: str) -> bool:
    """Content adjectives and -ing nouns by their ending ("financial", "policing")."""
    if word.endswith("ing"):
        return len(word) > 5 and word not in ING_VERBS
    return len(word) > 5 and word.endswith(("al", "ic", "ary")) and word not in EVALUATIVE


@lru_cache(maxsize=1)
def _gazetteer():
    from accord.extract.gazetteer import load_gazetteer
    return load_gazetteer()


def _country_at(text: str) -> bool:
    """Whether `text` starts with a country's name ("Malaysia", "Viet Nam"), not a possessive
    ("Ethiopia's Moyale town" is a place in it)."""
    mentions = _gazetteer().find(text[:40])
    return bool(mentions) and mentions[0].start == 0 and mentions[0].kind == "country" \
        and not re.match(r"['’]", text[mentions[0].end:])


def _verbish(token: str, following: str = "") -> bool:
    """A token that is most likely a verb: a past form or a listed verb."""
    lowered = token.lower()
    if lowered in VERBS or lowered in STOPS:
        return True
    if re.fullmatch(r"[a-z]+ed", token) and len(token) > 4 and lowered != "hundred":
        return not re.match(r"(?:on|upon|for|to)\b", following)  # "based on", "related to"
    return False


def list_follows(rest: str, comma: int) -> bool:
    """Whether the comma at `rest[comma]` opens the next items of a list that a conjunction
    closes ("economy, culture, and health"; "Information, Culture and Tourism")."""
    segments = rest[comma + 1:].split(",")
    for segment in segments[:10]:
        words = segment.split()
        if not words:
            return False
        if words[0].lower() in ("and", "or"):
            words = words[1:]
            return bool(words) and _plain_item(words, final=True)
        if any(w.lower() in ("and", "or") for w in words):
            cut = next(i for i, w in enumerate(words) if w.lower() in ("and", "or"))
            return _plain_item(words[:cut]) and _plain_item(words[cut + 1:], final=True)
        if not _plain_item(words):
            return False
    return False


def _plain_item(words: list[str], final: bool = False) -> bool:
    """A list item: a few words with no determiner, verb or clause opener. The last item runs on
    to the name's end, so only its words before the first clause opener are checked."""
    if not words or words[0].lower().strip(".") in DETERMINERS:
        return False
    if any(re.search(r"[()“”\"]", w) for w in words):
        return False
    if final:  # up to the first preposition or clause opener; a verb there makes it a clause
        cut = next((i for i, w in enumerate(words)
                    if w.lower().strip(".") in (STOPS - FINITE) | {"in", "on", "at"}), len(words))
        words = words[:cut] or words[:1]
    elif len(words) > 4:
        return False
    return all(not _verbish(w.strip(".")) and w.lower().strip(".") not in STOPS for w in words[:4])


@dataclass
class _Tail:
    """The state of a tail as it grows."""

    complement: bool = False  # inside an "of/on/between ..." complement
    after_preposition: bool = False  # the last word taken opens a complement
    purpose_used: bool = False
    purpose_verb_next: bool = False  # "to" of a purpose clause taken: its verb comes next
    after_purpose_verb: bool = False  # the purpose clause's verb taken: its object may follow
    parties: bool = False  # inside "between ...": "and" joins the second party
    after_determiner: bool = False  # "a shared future": an -ed word here is an adjective
    count: int = 0


def grow_right(sentence: str, end: int, *, lower_name: bool = False, lower_head: bool = False,
               purpose: bool = False, tally: bool = False, complement: bool = False) -> int:
    """Extend a name right over its complements up to the clause's end.

    Prepositions open complements (of, on, for, between, concerning...); "in" only as "in the
    field(s) of", "in the 2021-2030 period" or before a country's name inside a complement;
    "with" only before a named party of a lower-case name ("policing agreements with Fiji");
    "for" never before an amount ("for $100-million grant" is what the MoU is for). A comma
    continues a list that a conjunction closes; a parenthesised abbreviation is kept. With
    `purpose`, a plan keeps one "to ..." clause; a `tally` ("45 agreements") never takes its
    parties. `complement` starts the tail inside a complement (after "signed between"). After
    a `lower_head` a capital cannot open the tail ("the accord Iran rejects").
    """
    rest = sentence[end:]
    tokens = list(_WORD.finditer(rest))
    state = _Tail(complement=complement, after_preposition=complement, count=int(complement))
    position, skip_to = end, 0
    for index, word in enumerate(tokens):
        if word.start() < skip_to:
            continue
        token, here = word.group(0), rest[word.start():]
        lowered = token.lower().rstrip(".")
        following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
        action = _step(token, lowered, following, here, rest, word.start(), state,
                       lower_name=lower_name, lower_head=lower_head, purpose=purpose, tally=tally)
        if action == "stop":
            break
        if action == "skip":
            continue
        if isinstance(action, int):  # a chunk taken whole: an abbreviation or an amount
            skip_to = word.start() + action
            position = end + skip_to
            state.count += 1
            continue
        ends_sentence = token.endswith((".", "!", "?")) and not _ABBREVIATED.fullmatch(token)
        state.count += 1
        if state.count > MAX_TAIL_WORDS:
            break
        position = end + word.end() - (len(token) - len(token.rstrip(".!?")) if ends_sentence else 0)
        if ends_sentence:
            break
    return end + len(trim_tail(sentence[end:position]))


def _step(token: str, lowered: str, following: str, here: str, rest: str, at: int, state: _Tail, *,
          lower_name: bool, lower_head: bool, purpose: bool, tally: bool):
    """What one tail token does: "take" it, "skip" it (a list comma), "stop", or take a chunk
    of that many characters from the token's start."""
    if token == "(":
        abbreviation = ABBREVIATION.match(here)
        return abbreviation.end() if abbreviation else "stop"
    if token == ",":
        if re.match(r",\s+with a vision", here) or (state.complement and list_follows(rest, at)):
            return "skip"
        return "stop"
    if token in (";", ":", ")", "“", "”", '"', "‘", "’") or lowered in WEEKDAYS:
        return "stop"
    if not re.search(r"\w", token):
        return "stop"  # a dash or a symbol ends the name too
    amount = _AMOUNT_AFTER.match(here)
    if amount:
        return amount.end()
    if lowered in ("until", "till", "through") and following[:1].isdigit() and purpose:
        return _open(state, "take")
    if lowered in STOPS:
        return "stop"
    if lowered in ("and", "or"):
        return _conjunction(lowered, here, following, state, tally)
    if lowered in ("the", "a", "an"):
        taken = state.after_preposition or state.after_purpose_verb
        state.after_purpose_verb = False
        state.after_determiner = taken
        return "take" if taken else "stop"
    if lowered in COMPLEMENT_OPENERS:
        return _preposition(lowered, here, following, state, lower_name=lower_name, purpose=purpose, tally=tally)
    after_preposition, state.after_preposition = state.after_preposition, False
    after_determiner, state.after_determiner = state.after_determiner, False
    # A gerund that opens a complement takes its object as a purpose verb does ("on
    # restoring the rail link", "on Building a Community with a Shared Future").
    gerund = after_preposition and len(lowered) > 5 and lowered.endswith("ing") and lowered not in STOPS
    state.after_purpose_verb = (state.purpose_verb_next and token.islower()) or gerund
    state.purpose_verb_next = False
    if state.after_purpose_verb:
        return "take"  # "to improve", "to build": the purpose clause's verb
    if token[:1].isdigit() or token[:1].isupper() and (state.count or not lower_head):
        return "take"  # after a lower-case head a capital opens a clause ("an accord Ethiopia rejects")
    if state.count == 0:
        return "stop"  # the tail must start with a connector or a name
    if _verbish(token.rstrip("."), following.lower()) and not (after_determiner and lowered not in STOPS | VERBS):
        return "stop"
    return "take"


def _open(state: _Tail, action: str = "take") -> str:
    state.complement = True
    state.after_preposition = True
    return action


def _conjunction(lowered: str, here: str, following: str, state: _Tail, tally: bool) -> str:
    """"and" continues a name before a capitalised conjunct, a coordinated head of a tally
    ("agreements and memoranda of understanding") or a noun inside a complement
    ("on the placement and protection of"); before "the/a" only to join two parties (otherwise it
    lists instruments)."""
    if re.match(r"(?:and|or)\s+(?:the|a|an)\s", here, re.I):
        if lowered == "and" and state.parties:  # "between the Port Board and the Rail Company"
            state.parties, state.after_preposition = False, True
            return "take"
        return "stop"
    if tally and re.match(r"(?:and|or)\s+(?:[a-z-]+\s+){0,2}"
                          r"(?:memorand(?:a|ums)|agreements|protocols|treaties|mous)\b", here, re.I):
        state.complement = False
        return "take"
    if following[:1].isupper():
        run = re.match(r"(?:and|or)\s+((?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*)\s*([\w’'-]*)", here)
        after = run.group(2) if run else ""
        if after.lower() in FINITE and not state.parties:
            return "stop"  # "the Agreement on Trade and Japan will ..."
        state.parties = False
        state.after_preposition = False
        return "take"
    if lowered == "and" and state.complement and following and not _verbish(following) \
            and following.lower() not in STOPS and not re.match(r"and\s+\S+\s+to\s", here):
        return "take"
    return "stop"


def _preposition(lowered: str, here: str, following: str, state: _Tail, *,
                 lower_name: bool, purpose: bool, tally: bool) -> str:
    """Whether a preposition opens a complement that belongs to the name."""
    if lowered == "on" and re.match(rf"on\s+(?:\d|(?:{MONTHS})\b|(?:the\s+)?(?:sidelines|margins|occasion|eve)\b"
                                    r"|behalf\b|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)",
                                    here, re.I):
        return "stop"  # "on 3 May 2023", "on the sidelines of": when and where it was signed
    if lowered in ("between", "among", "amongst"):
        if tally:
            return "stop"  # a count of instruments is named by its count, not by its parties
        state.parties = True
    if lowered == "for" and re.match(rf"for\s+(?:{AMOUNT}|\d[\d,.]*\s*-?\s*{_SCALE})", here):
        return "stop"
    if lowered == "to":
        if following[:1].isdigit() or following[:1].isupper():
            return _open(state)
        if purpose and not state.purpose_used:
            state.purpose_used = True
            state.complement = True
            state.purpose_verb_next = True
            return "take"
        return "stop"
    if lowered == "in":
        if re.match(r"in\s+(?:the\s+)?(?:fields?|areas?|sectors?|spheres?|domains?|framework|period)\b",
                    here, re.I) \
                or re.match(r"in\s+(?:the\s+)?(?:19|20)\d\d\s*[-–]", here):
            return _open(state)
        if state.complement and not tally and _country_at(here[3:].lstrip()):
            return _open(state)  # "migrant workers in Malaysia": where it applies
        if state.complement and not tally and re.match(r"in\s+[a-z]", here) \
                and following.lower() not in DETERMINERS | STOPS:
            return _open(state)  # "on cooperation in renewable energy": the field, in lower case
        return "stop"
    if lowered == "with":
        if re.match(r"with a vision", here):
            return _open(state)
        if lower_name and following[:1].isupper() and not tally \
                and not re.match(rf"(?:{MONTHS}|{_WEEKDAY_NAMES})\b", following):
            return _open(state)
        return "stop"
    return _open(state)


def is_generic_party(text: str) -> bool:
    """Whether `text` (" between the two countries") names the parties only generically."""
    return _GENERIC_PARTIES.fullmatch(text) is not None


def trim_tail(text: str) -> str:
    """Drop what cannot end a name: a dangling connector, and parties named only generically
    ("between them", "between the two countries"), which every bilateral instrument has."""
    previous = None
    while previous != text:
        previous = text
        text = _DANGLING.sub("", text)
        text = _GENERIC_PARTIES.sub("", text)
    return text
