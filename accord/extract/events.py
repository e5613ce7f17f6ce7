"""Events: the trained coder's verdicts on each sentence's candidate pairs, made into records.

For every sentence, `accord.extract.coder` proposes candidate country pairs and says, for
each, which events hold between them (CAMEO code, direction, planned, negated, confidence).
This module does what rules do well around that verdict:

* the words that carry the event (a lexicon word of the predicted type, else the predicate
  the two sides share), for the evidence span and the date;
* the date: the one in the event word's own clause, else the nearest one outside
  parentheses, else the narrative date the sentence follows; a year alone dates no event
  (codebook: "A year alone gives null for events");
* the direction of joint acts: the visiting side during a visit, else the side named first;
* the location (a capital the sentence names); the host of a visit is `visit_hosts`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from accord.extract.cameo import lookup
from accord.extract.coder import CodedEvent, SentenceView, sentence_candidates
from accord.extract.coder.candidates import ActorRef, Candidate, candidates_for
from accord.extract.coder.lists import Verdict, coordinated_countries, shared_with_lists
from accord.extract.coder.model import EventCoder
from accord.extract.dates import DateMention
from accord.extract.nlp import Sentence
from accord.extract.person_titles import PLACE_NOUNS, is_title
from accord.extract.records import DateValue, Event, Evidence
from accord.extract.visit_hosts import capital_host, destination

if TYPE_CHECKING:
    from spacy.tokens import Token

_HEADLINE_MAX = 200


@dataclass(frozen=True)
class SentenceContext:
    """What the event step knows around one sentence."""

    sentence: Sentence
    actors: list[ActorRef]
    dates: list[DateMention]
    anchor: DateValue | None  # the narrative date the sentence follows
    pair: tuple[str, ...]  # the document's main pair
    published: date | None = None


MIN_WORDS = 4  # "VNS", "added.", "No comments:": bylines, credits and fragments
MAX_WORDS = 150  # a run-on list or lost line breaks; no news sentence is this long
_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_LATIN = re.compile(r"[A-Za-zÀ-ɏḀ-ỿ]")


def skip_reason(sentence_text: str, actors: list[ActorRef], pair: tuple[str, ...]) -> str | None:
    """Why the coder is not asked about a sentence (None: it is): the cheap test before the
    parse. A sentence can hold an event only with a candidate pair (two countries, one side
    of the document's pair, or the pair by reference), and the coder reads English
    sentences of ordinary length."""
    if not candidates_for(actors, pair):
        return "no candidate pair"
    words = _WORDS.findall(sentence_text)
    if len(words) < MIN_WORDS:
        return "too short"
    if len(words) > MAX_WORDS:
        return "too long"
    letters = [c for c in sentence_text if c.isalpha()]
    if letters and sum(bool(_LATIN.match(c)) for c in letters) < 0.8 * len(letters):
        return "not in Latin script"
    return None


HEADLINE_PARAGRAPHS = 4  # a headline, a kicker, a source line and a date may open a page


def is_headline(sentence: Sentence, text: str) -> bool:
    """A paragraph near the top that reads as a headline (one short sentence with no final
    punctuation): it repeats what the body reports (codebook: headlines are not evidence)."""
    words = sentence.text.rstrip()
    if len(words) > _HEADLINE_MAX or words.endswith((".", "!", "?", "”", '"', ":")):
        return False
    if text[:sentence.start].count("\n\n") >= HEADLINE_PARAGRAPHS:
        return False
    end = text.find("\n\n", sentence.end)
    start = text.rfind("\n\n", 0, sentence.start)
    paragraph = text[start + 2 if start >= 0 else 0:end if end >= 0 else len(text)]
    return paragraph.strip() == words.strip()


def sentence_events(context: SentenceContext, coder: EventCoder) -> list[Event]:
    """The events of one sentence, negated ones included (flagged), joint ones still to be
    attributed by `attribute_joint_acts`."""
    sentence = context.sentence
    view = SentenceView.of(sentence.span, sentence.offset)
    found = sentence_candidates(view, context.actors, context.pair, context.dates)
    verdicts = [Verdict(f.candidate, coded) for f in found for coded in coder.code(f.features)]
    verdicts += shared_with_lists(verdicts, [f.candidate for f in found],
                                  coordinated_countries(view, context.actors))
    main = frozenset(context.pair[:2])
    events = []
    for verdict in verdicts:
        candidate, coded = verdict.candidate, verdict.coded
        token = _event_token(view, context, candidate, coded.type)
        if len(main) == 2 and candidate.pair != main and _group_opens_clause(context, view, token):
            continue  # "the two sides" that open a sentence are the document's pair
        if coded.type == "protest_criticism" or not _only_hoped_for(token):
            events.append(_event(context, view, candidate, coded, token))
    return events


def _group_opens_clause(context: SentenceContext, view: SentenceView, token: Token) -> bool:
    """Whether the act's subject is a group reference ("the two parties", "both sides") with
    no country named before it in the sentence. Such a group points back to the pair the
    article is about, so the countries named after it are what the pair talks about: "The two
    parties also discussed the road project between Egypt and Chad" is no act of Chad's."""
    for clause in [token, *list(token.ancestors)[:2]]:
        subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
        if subject is None:
            continue
        start = view.offset + subject.left_edge.idx
        return (any(t.i - view.span.start in view.group_tokens for t in subject.subtree)
                and not any(a.start < start + len(subject.left_edge) for a in context.actors))
    return False


_HOPES = {"hope", "wish", "want", "desire", "aspire"}


def _only_hoped_for(token: Token) -> bool:
    """Whether the act whose word is `token` is only hoped for ("they look forward to
    staying in touch", "he wants to conclude the deal soon"): the word sits under a
    verb or noun of hoping, and the codebook makes hopes about the future no events. Wanting
    the other side to act ("wants Canberra to drop its tariffs") is a demand and stays; so do
    protests (the caller keeps them)."""
    below = None
    for _ in range(6):  # the act's own clause and the few above it
        if token.lemma_.lower() in _HOPES and token.pos_ in ("VERB", "NOUN"):
            return not _asks_another(token, below)
        if token.lemma_.lower() == "look" and any(c.lower_ == "forward" for c in token.children):
            return True
        if token.head.i == token.i:
            return False
        below, token = token, token.head
    return False


def _asks_another(hope: Token, clause: Token | None) -> bool:
    """Whether a hope names someone else to act: an object of the hope ("wants Canberra to
    ...") or a subject of its own in the hoped clause (the clause the act sits in, or, when
    the hope word is the act's word, any clause it governs)."""
    if any(c.dep_ in ("dobj", "obj") for c in hope.children):
        return True
    clauses = [clause] if clause is not None else [c for c in hope.children if c.dep_ in ("ccomp", "xcomp")]
    return any(c.dep_ in ("nsubj", "nsubjpass") for clause in clauses for c in clause.children)


def _event(context: SentenceContext, view: SentenceView, candidate: Candidate, coded: CodedEvent,
           token: Token) -> Event:
    """The coded event of a candidate, `token` being the word that carries it."""
    source, target = ((candidate.second, candidate.first) if coded.direction == "backward"
                      else (candidate.first, candidate.second))
    if coded.direction == "joint" and _implied_side_first(context, view, candidate):
        source, target = candidate.second, candidate.first
    host = capital_host(context.sentence, context.actors, candidate)
    if coded.type == "visit":
        host = host or destination(context.actors, view, token, candidate)
    if coded.type == "visit" and host and coded.direction != "joint":
        # A visit runs to where it takes place: "gave, in Dakar, a dinner for the visiting
        # Gambian president" is The Gambia's visit, whoever the subject is.
        source, target = (candidate.second if host == candidate.first else candidate.first), host
    entry = lookup(coded.code)
    sentence = context.sentence
    start = sentence.offset + token.idx
    tokens = view.tokens
    other_acts = [tokens[h.index] for h in view.hits
                  if tokens[h.index].pos_ == "NOUN" and tokens[h.index].i != token.i
                  and not _frames(tokens[h.index])]
    when, stated = _event_date(context, token, other_acts)
    return Event(
        type=coded.type, cameo=entry.code, source=source, target=target,
        date=when, date_stated=stated, trigger=token.text,
        evidence=Evidence(sentence.text, sentence.start, sentence.end, start, start + len(token.text)),
        plover=entry.plover, goldstein=entry.goldstein, quad_class=entry.quad_class,
        location=_location(context), planned=coded.planned, negated=coded.negated,
        confidence=coded.confidence, joint=coded.direction == "joint", host=host)


_SUBJECTS = ("nsubj", "nsubjpass")
_PERSONAL = {"we", "he", "she", "i"}  # a side's spokesman or leader; "it" and "they" stand for anything


def _implied_side_first(context: SentenceContext, view: SentenceView, candidate: Candidate) -> bool:
    """Whether the side a sentence leaves unnamed is still the one it mentions first: the
    subject that opens the clause names no country ("The Prime Minister met X's premier",
    "We discussed ... with the Spanish minister", "The province of Kon Tum and Cambodia's
    Stung Treng signed ..."), so it stands for the document's other side. The codebook
    gives a joint act to the side named first."""
    if candidate.implied != "second":
        return False
    named = [a.start for a in context.actors if a.country == candidate.first]
    subjects = [t for t in view.tokens if t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT"]
    if not named or not subjects:
        return False
    subject = subjects[0]
    if not (subject.lower_ in _PERSONAL or is_title(subject) or subject.lower_ in PLACE_NOUNS):
        return False  # "It was not until ...", an unresolved name: nothing says whose side
    head_start = view.offset + subject.idx
    if any(a.start <= head_start < a.end for a in context.actors):
        return False  # the subject is itself a country's name, capital or person
    return head_start < min(named)  # (its left edge, then, comes first too)


def _event_token(view: SentenceView, context: SentenceContext, candidate: Candidate, kind: str) -> Token:
    """The word that carries the event: the lexicon word of that type nearest to the two
    sides' mentions, else the sentence's root."""
    tokens = view.tokens
    positions = [i for i, t in enumerate(tokens)
                 if any(a.start <= view.offset + t.idx < a.end and a.country in candidate.pair
                        for a in context.actors)]
    hits = [hit for hit in view.hits if lookup(hit.code).type == kind]
    if hits:
        def distance(index: int) -> int:
            return min((abs(index - p) for p in positions), default=0)
        return tokens[min(hits, key=lambda h: (distance(h.index), h.index)).index]
    return view.span.root


def _event_date(context: SentenceContext, token: Token, other_acts: list[Token]) -> tuple[DateValue | None, bool]:
    """When the act happened, by the codebook:

    * a date inside the event noun's own phrase ("the establishment of ties (Sep 5, 1962)"),
      parenthesised day dates included;
    * else the date in the event word's clause (its verb's subtree), else the nearest one;
      dates in parentheses are asides there ("since the term began (January 2021)"), and a
      date inside another act's noun phrase is that act's ("the talks followed a visit in
      June"), unless that act is the occasion of this one ("during a meeting held yesterday,
      X discussed ...");
    * else the narrative date the sentence follows, else the publication date (news reports
      what happened when it was published);
    * a year alone dates no event.
    """
    resolved = [d for d in context.dates if d.value and d.kind not in ("deadline", "period")]
    base = context.sentence.span.start_char
    anchor = token.idx - base
    own = [d for d in resolved if token.pos_ in ("NOUN", "PROPN") and _inside(token, d, base)
           and (not d.parenthetical or d.value.precision == "day")]
    usable = [d for d in resolved if not d.parenthetical
              and not any(_inside(other, d, base) and not _inside(other, _at(token, base), base) for other in other_acts)]
    if own:
        return min(own, key=lambda d: abs(d.start - anchor)).value, True
    if usable:
        head = token
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head  # a noun is dated by the clause of its verb
        return min(usable, key=lambda d: (not _inside(head, d, base), abs(d.start - anchor))).value, True
    if context.anchor is not None:
        return context.anchor, False
    # A year alone is kept until sharpen_dates: it may name a dated act.
    return (DateValue(context.published.isoformat(), "day") if context.published else None), False


_FRAMING = {"during", "amid"}


def _frames(act: Token) -> bool:
    """Whether an act noun is the occasion of the sentence's other acts ("during a meeting
    held yesterday, X discussed ...", "on the sidelines of the summit"): its date is theirs,
    not another act's."""
    if act.dep_ != "pobj":
        return False
    return act.head.lower_ in _FRAMING or act.head.head.lower_ == "sidelines"


def _at(token: Token, base: int) -> DateMention:
    """A zero-width mention at a token, to ask whether the token lies in a subtree."""
    return DateMention(token.idx - base, token.idx - base, "", None, "position")


def _inside(head: Token, mention: DateMention, base: int) -> bool:
    """Whether a date mention lies within the subtree of `head`."""
    low = min(t.idx for t in head.subtree) - base
    high = max(t.idx + len(t.text) for t in head.subtree) - base
    return low <= mention.start < high


def _location(context: SentenceContext) -> str | None:
    capitals = [a for a in context.actors if a.kind == "capital"]
    if not capitals:
        return None
    capital = capitals[0]
    local = capital.start - context.sentence.start
    return context.sentence.text[local:local + capital.end - capital.start]


def attribute_joint_acts(events: list[Event], pair: tuple[str, ...]) -> list[Event]:
    """Give each joint act its source by the codebook: the visiting side when the act falls
    within a visit between the same two countries (reported in the same sentence, or a
    visit of the document on the same dates), else the side the sentence names first (the
    candidate's order already)."""
    visits = [e for e in events if e.type == "visit" and not e.negated and not e.joint]
    attributed = []
    for event in events:
        if event.joint:
            visitor = _visitor(event, visits)
            if visitor and visitor != event.source:
                event = replace(event, source=visitor, target=event.source)
        attributed.append(event)
    return attributed


def _visitor(event: Event, visits: list[Event]) -> str | None:
    """The visiting side of a joint act: the visitor of the visit it falls within, else the
    side that is not at home when the sentence places the act in one side's capital."""
    visit = _visit_around(event, visits)
    if visit:
        return visit.source
    if event.host in (event.source, event.target):
        return event.target if event.host == event.source else event.source
    return None


def _visit_around(event: Event, visits: list[Event]) -> Event | None:
    sides = {event.source, event.target}
    same_pair = [v for v in visits if {v.source, v.target} == sides]
    in_sentence = [v for v in same_pair if v.evidence.sentence_start == event.evidence.sentence_start]
    if in_sentence:
        return in_sentence[0]
    # An undated visit (an undated article) says nothing of when the other sentences' acts
    # took place: only a dated one claims them.
    dated = [v for v in same_pair if not v.planned and v.date is not None and _same_time(event.date, v.date)]
    return dated[0] if len({v.source for v in dated}) == 1 else None


def _same_time(event_date: DateValue | None, visit_date: DateValue | None) -> bool:
    """Whether an event can be part of the visit: undated, or dated like the visit (to the
    coarser of the two precisions)."""
    if event_date is None:
        return True
    if visit_date is None:
        return False
    shorter = min(len(event_date.iso), len(visit_date.iso))
    return event_date.iso[:shorter] == visit_date.iso[:shorter]


def sharpen_dates(events: list[Event]) -> list[Event]:
    """Dates shared between reports of one act within a document (codebook: an act mentioned
    without a date in one sentence and dated in another gets that date in both; a statement
    reported from a single dated meeting takes that meeting's date):

    * an event whose sentence states only its month or year takes the day stated for the same
      type and pair within that month or year, when the document states just one (an
      undated report keeps the narrative's date: a document often reports several acts of
      one type and pair, and type and pair alone cannot tell them apart);
    * a year that names no dated act dates nothing (codebook: a year alone gives null).
    """
    stated: dict[tuple, set[DateValue]] = {}
    for e in events:
        if e.date_stated and e.date and not e.negated and not e.planned:
            stated.setdefault(_act_key(e), set()).add(e.date)
    sharpened = []
    for event in events:
        known = stated.get(_act_key(event), set())
        days = {d for d in known if d.precision == "day"}
        if not event.planned and not event.negated:
            if event.date is not None and event.date.precision != "day":
                finer = {d for d in days if d.iso.startswith(event.date.iso)}
                if len(finer) == 1:
                    event = replace(event, date=next(iter(finer)))
        if event.date is not None and event.date.precision == "year":
            event = replace(event, date=None)
        sharpened.append(event)
    return sharpened


def _act_key(event: Event) -> tuple:
    return event.type, frozenset((event.source, event.target))
