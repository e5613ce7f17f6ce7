"""Events: trigger lexicon matched on lemmas, participants and direction from the parse.

The lexicon is accord/data/lexicon/triggers.tsv (see docs/EXTRACTION.md). A
sentence may hold several events (one per event type); a trigger that is itself
the content of a pledge ("agreed to sign", "invited him to visit") is part of
that pledge and not an event of its own.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from typing import TYPE_CHECKING

from accord.extract.cameo import lookup
from accord.extract.dates import DateContext, DateMention
from accord.extract.records import DateValue, Event, Evidence
from accord.extract.nlp import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

GAP = "..."
MAX_GAP = 6
_GROUP = re.compile(
    r"\b(the two (sides|countries|nations|leaders|parties|peoples|governments|states|ministers|"
    r"delegations|neighbours|neighbors|prime ministers|presidents|heads)|both (sides|countries|"
    r"nations|leaders|parties|governments|peoples|ministers)|bilateral|the two|each other|their two"
    r"|the (ministers|leaders|presidents|prime ministers|foreign ministers|delegations|heads of state))\b",
    re.I)
_PRONOUN_SUBJECTS = {"they", "both", "we"}
_FUTURE = {"will", "shall", "would", "plan", "expect", "schedule", "upcoming", "eve", "intend",
           "prepare", "aim", "seek", "to"}
_NEGATION = {"not", "never", "no", "n't", "neither", "nor", "fail", "refuse", "decline"}
_PLEDGE_TYPES = {"pledge_commitment"}
_MATERIAL_TYPES = {"economic_cooperation", "military_security_cooperation", "aid_provided"}


@dataclass(frozen=True)
class Trigger:
    """One lexicon row."""

    lemmas: tuple[str, ...]
    pos: frozenset[str]
    type: str
    cameo: str
    requires: frozenset[str]
    blocks: frozenset[str]


@dataclass(frozen=True)
class ActorRef:
    """A span of the clean text that stands for a country (a name, demonym, capital, party, person)."""

    start: int
    end: int
    country: str
    kind: str


@dataclass(frozen=True)
class SentenceFrame:
    """What the event finder knows around one sentence."""

    sentence: Sentence
    actors: list[ActorRef]
    dates: list[DateMention]
    pair: tuple[str, ...]
    context: DateContext
    visitor: str | None = None  # the visiting side of the document's visit, if any
    visit_date: DateValue | None = None


@lru_cache(maxsize=1)
def load_triggers() -> tuple[Trigger, ...]:
    """The trigger lexicon shipped in accord/data/lexicon/triggers.tsv."""
    text = resources.files("accord").joinpath("data/lexicon/triggers.tsv").read_text("utf-8")
    rows = csv.DictReader([line for line in text.splitlines() if line and not line.startswith("#")],
                          delimiter="\t")

    def words(cell: str | None) -> frozenset[str]:
        return frozenset(w.strip().lower() for w in (cell or "").split(",") if w.strip())

    return tuple(Trigger(lemmas=tuple(row["trigger"].lower().split()),
                         pos=frozenset(p.upper() for p in words(row["pos"]) if p != "*"),
                         type=row["type"], cameo=row["cameo"],
                         requires=words(row.get("requires")), blocks=words(row.get("blocks")))
                 for row in rows)


def match_triggers(span: Span, triggers: tuple[Trigger, ...]) -> list[tuple[Trigger, Token]]:
    """Lexicon triggers present in a sentence, with the token each one is anchored on."""
    tokens = list(span)
    lemmas = [t.lemma_.lower() for t in tokens]
    texts = [t.text.lower() for t in tokens]
    present = set(lemmas) | set(texts)
    pos = [t.pos_ for t in tokens]
    plural = [t.tag_ == "NNS" and t.lemma_ != "talk" for t in tokens]
    found = []
    for trigger in triggers:
        if not all(part in present for part in trigger.lemmas if part != GAP):
            continue  # a word of the trigger is missing: no need to look for where it starts
        if trigger.requires and not trigger.requires & present:
            continue
        if trigger.blocks and trigger.blocks & present:
            continue
        for index, token in enumerate(tokens):
            if trigger.pos and pos[index] not in trigger.pos:
                continue
            if len(trigger.lemmas) == 1 and plural[index]:
                continue  # "regular visits", "high-level meetings": habitual, not one event
            if _matches_at(trigger.lemmas, lemmas, texts, index):
                found.append((trigger, token))
                break
    return found


def _matches_at(pattern: tuple[str, ...], lemmas: list[str], texts: list[str], index: int) -> bool:
    position = index
    gap = False
    for part in pattern:
        if part == GAP:
            gap = True
            continue
        limit = position + (MAX_GAP + 1 if gap else 1)
        while position < min(limit, len(lemmas)) and part not in (lemmas[position], texts[position]):
            if not gap:
                return False
            position += 1
        if position >= len(lemmas) or part not in (lemmas[position], texts[position]):
            return False
        position += 1
        gap = False
    return True


def find_events(frame: SentenceFrame, triggers: tuple[Trigger, ...]) -> list[Event]:
    """The events of one sentence, at most one per event type."""
    span = frame.sentence.span
    matches = match_triggers(span, triggers)
    pledge_tokens = [tok for trig, tok in matches if trig.type in _PLEDGE_TYPES]
    events: dict[str, Event] = {}
    for trigger, token in matches:
        if trigger.type in events:
            continue
        if trigger.type not in _PLEDGE_TYPES and _inside_pledge(token, pledge_tokens):
            continue
        event = _build_event(frame, trigger, token)
        if event:
            events[trigger.type] = event
    return list(events.values())


_PLEDGE_CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "conj", "acl", "relcl", "aux", "compound", "amod"}


def _is_content_link(node: Token) -> bool:
    """A dependency that carries what is promised: a complement, or a to-infinitive."""
    if node.dep_ in _PLEDGE_CONTENT_DEPS:
        return True
    return node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _inside_pledge(token: Token, pledge_tokens: list[Token]) -> bool:
    """True when the trigger is what a pledge promises ("agreed to [sign]", "invited to [visit]"),
    not an act the pledge was made during ("agreed ... during a [visit]")."""
    for pledge in pledge_tokens:
        # spaCy makes a new Token object on every access: compare positions, not identity.
        if pledge.i == token.i or pledge not in token.ancestors:
            continue
        node = token
        while node.i != pledge.i:
            if not _is_content_link(node):
                break
            node = node.head
        else:
            return True
    return False


def _build_event(frame: SentenceFrame, trigger: Trigger, token: Token) -> Event | None:
    countries = _participants(frame, token)
    if countries is None:
        return None
    event_date = _event_date(frame, token)
    source, target = _direction(frame, trigger, token, countries, event_date)
    code = lookup(trigger.cameo)
    sentence = frame.sentence
    start = sentence.offset + token.idx
    matched_text = token.text
    return Event(
        type=trigger.type, cameo=code.code, source=source, target=target,
        date=event_date, trigger=matched_text,
        evidence=Evidence(sentence.text, sentence.start, sentence.end, start, start + len(token.text)),
        plover=code.plover, goldstein=code.goldstein, quad_class=code.quad_class,
        location=_location(frame), planned=_planned(token), negated=_negated(token),
        confidence=0.6 if len(countries) == 2 else 0.4)


def _participants(frame: SentenceFrame, token: Token) -> tuple[str, str] | None:
    """The two countries of the event, or None when the sentence does not name two sides."""
    named = list(dict.fromkeys(a.country for a in frame.actors))
    pair = frame.pair
    if len(named) >= 2:
        in_pair = [c for c in named if c in pair]
        chosen = in_pair if len(in_pair) >= 2 else named
        return chosen[0], chosen[1]
    if len(pair) < 2:
        return None
    if len(named) == 1 and named[0] in pair:
        partner = pair[1] if named[0] == pair[0] else pair[0]
        return named[0], partner
    if not named and (_GROUP.search(frame.sentence.text) or _pronoun_subject(token)):
        return pair[0], pair[1]
    return None


def _pronoun_subject(token: Token) -> bool:
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return any(child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in _PRONOUN_SUBJECTS
               for child in verb.children)


def _countries_in(frame: SentenceFrame, tokens: list[Token]) -> list[str]:
    if not tokens:
        return []
    offset = frame.sentence.offset
    spans = [(offset + t.idx, offset + t.idx + len(t.text)) for t in tokens]
    found = [a for a in frame.actors if any(s <= a.start < e for s, e in spans)]
    return list(dict.fromkeys(a.country for a in sorted(found, key=lambda a: a.start)))


def _direction(frame: SentenceFrame, trigger: Trigger, token: Token, countries: tuple[str, str],
               event_date: DateValue | None) -> tuple[str, str]:
    """(source, target): the acting side first; a visit goes from visitor to host; a joint act
    during a visit goes from the visiting side; otherwise the first-named side acts."""
    first, second = countries
    if trigger.type == "visit":
        host = _host_country(frame, token, countries)
        if host:
            return (second if host == first else first), host
    subject = [c for c in _countries_in(frame, _agent_tokens(token)) if c in countries]
    if len(subject) == 1:  # both sides as subject is a joint act, decided below
        return subject[0], (second if subject[0] == first else first)
    if not subject:
        # No subject in the parse: in English the actor usually comes before the verb.
        before = [a.country for a in frame.actors if a.kind != "capital" and a.country in countries
                  and a.start < frame.sentence.offset + token.idx]
        if before and len(set(before)) == 1:
            return before[-1], (second if before[-1] == first else first)
    if frame.visitor in countries and _same_day(event_date, frame.visit_date):
        return frame.visitor, (second if frame.visitor == first else first)
    return first, second


def _same_day(event_date: DateValue | None, visit_date: DateValue | None) -> bool:
    """Whether an event can be part of the visit: undated, or dated like the visit."""
    if event_date is None:
        return True
    if visit_date is None:
        return False
    shorter = min(len(event_date.iso), len(visit_date.iso))
    return event_date.iso[:shorter] == visit_date.iso[:shorter]


def _agent_tokens(token: Token) -> list[Token]:
    """Tokens of whoever acts: the subject of the governing verb, a possessor, or a by-agent."""
    result: list[Token] = []
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX"):
            break
        if verb.head.i == verb.i:
            break
        verb = verb.head
    # A participle or complement ("outlets ran articles [praising] ...") acts through its head's subject.
    climb = verb
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "agent") for c in climb.children) or climb.head.i == climb.i:
            break
        if climb.dep_ not in ("acl", "advcl", "xcomp", "conj", "pcomp", "relcl", "ccomp"):
            break
        climb = climb.head
    heads = [verb] if climb.i == verb.i else [verb, climb]
    for child in list(token.children) + [c for h in heads if h.i != token.i for c in h.children]:
        if child.dep_ in ("nsubj", "poss", "agent", "nsubjpass") or \
                (child.dep_ == "prep" and child.lower_ in ("by", "of") and token.pos_ == "NOUN"):
            if child.dep_ == "nsubjpass":
                continue
            result.extend(child.subtree)
    return result


def _host_country(frame: SentenceFrame, token: Token, countries: tuple[str, str]) -> str | None:
    """The host of a visit: the object of "visit", a "to"/"in" phrase, or the capital named."""
    candidates: list[Token] = []
    for child in token.children:
        if child.dep_ in ("dobj", "pobj"):
            candidates.extend(child.subtree)
        if child.dep_ == "prep" and child.lower_ in ("to", "in"):
            candidates.extend(child.subtree)
    host = [c for c in _countries_in(frame, candidates) if c in countries]
    if host:
        return host[0]
    capitals = [a.country for a in frame.actors if a.kind == "capital" and a.country in countries]
    if capitals:
        return capitals[0]
    text = frame.sentence.text
    for actor in frame.actors:
        local = actor.start - frame.sentence.start
        before = text[max(0, local - 4):local].lower()
        if actor.kind == "country" and actor.country in countries and before.strip() in ("to", "in"):
            return actor.country
    return None


def _event_date(frame: SentenceFrame, token: Token) -> DateValue | None:
    """The date in the trigger's own clause first (its dependency subtree), else the nearest
    one outside parentheses, else the narrative anchor."""
    anchor = token.idx - frame.sentence.span.start_char
    usable = [d for d in frame.dates if d.value and d.kind not in ("deadline", "period")]
    if usable:
        head = token
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head  # a noun trigger is dated by the clause of its verb
        sent_start = frame.sentence.span.start_char
        lo = min(t.idx for t in head.subtree) - sent_start
        hi = max(t.idx + len(t.text) for t in head.subtree) - sent_start
        best = min(usable, key=lambda d: (not (lo <= d.start < hi), d.parenthetical, abs(d.start - anchor)))
        return best.value
    return frame.context.anchor


def _location(frame: SentenceFrame) -> str | None:
    capitals = [a for a in frame.actors if a.kind == "capital"]
    if capitals:
        capital = capitals[0]
        local = capital.start - frame.sentence.start
        return frame.sentence.text[local:local + capital.end - capital.start]
    return None


def _planned(token: Token) -> bool:
    nearby = [t.lemma_.lower() for t in token.doc[max(token.sent.start, token.i - 4):token.i]]
    heads = [token] + list(token.ancestors)[:2]
    auxes = {c.lemma_.lower() for h in heads for c in h.children if c.dep_ in ("aux", "auxpass")}
    return bool((auxes | set(nearby)) & {"will", "shall", "would", "eve", "upcoming", "plan",
                                         "schedule", "expect"})


def _negated(token: Token) -> bool:
    heads = [token] + list(token.ancestors)[:1]
    if any(c.dep_ == "neg" for h in heads for c in h.children):
        return True
    window = token.doc[max(token.sent.start, token.i - 3):token.i]
    before = {t.lower_ for t in window} | {t.lemma_.lower() for t in window}  # "refused", "failed"
    return bool(before & _NEGATION)
