"""Where a visit goes: the host a sentence names for an act (its capital, or what the visit
word itself points to). A visit runs from the visitor to the host (codebook), whichever side
the sentence makes its subject."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from accord.extract.coder import SentenceView
from accord.extract.coder.candidates import ActorRef, Candidate
from accord.extract.nlp import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token


_AT_PLACE = re.compile(r"\b(?:in|at|to|into)\s+(?:the\s+(?:capital|city)\s*,?\s*)?$", re.I)


def capital_host(sentence: Sentence, actors: list[ActorRef], candidate: Candidate) -> str | None:
    """The side in whose capital the sentence places the act ("in Rabat", "arrived in
    Hanoi", "at State House, Nairobi"), when exactly one side's capital is so named."""
    hosts = set()
    text = sentence.text
    for actor in actors:
        if actor.kind != "capital" or actor.country not in candidate.pair:
            continue
        local = actor.start - sentence.start
        before = text[max(0, local - 30):local]
        if _AT_PLACE.search(before) or re.search(r",\s*$", before) and re.search(r"\b(?:at|in)\b[^,]*,\s*$", before):
            hosts.add(actor.country)
    return next(iter(hosts)) if len(hosts) == 1 else None


_TOWARD = {"to", "in", "into"}


def destination(actors: list[ActorRef], view: SentenceView, token: Token, candidate: Candidate) -> str | None:
    """The side a visit word itself goes to, when exactly one side is so named: the object of
    "to" or "in" under the visit word or its verb ("the state visit to Vietnam by the Lao
    leader", "paid a visit to Laos", "arrived in Nairobi"), the object of the verb "visit"
    ("invited me to visit Beijing"), or whoever invited ("will travel next month at the
    invitation of the Kenyan president")."""
    words = [token] + ([token.head] if token.dep_ in ("dobj", "pobj") else [])
    visited = [obj for word in words for obj in _objects(word, _TOWARD)]
    visited += [obj for word in words if word.pos_ == "VERB" and word.lemma_ in ("visit", "tour")
                for obj in word.children if obj.dep_ == "dobj"]
    inviters = [inviter for word in words for invitation in _objects(word, {"at", "on"})
                if invitation.lemma_ == "invitation" for inviter in _objects(invitation, {"of"})]
    places = [t for obj in visited for t in [obj, *obj.children] if t is obj or t.dep_ == "compound"]
    sides = _sides_at(places, actors, view, candidate, kinds=("country", "capital"))
    sides |= _sides_at([t for inviter in inviters for t in inviter.subtree], actors, view, candidate)
    return sides.pop() if len(sides) == 1 else None


def _objects(word: Token, prepositions: set[str]) -> list[Token]:
    """The objects of `word`'s prepositions among `prepositions` ("visit | to | Laos")."""
    return [obj for prep in word.children if prep.dep_ == "prep" and prep.lower_ in prepositions
            for obj in prep.children if obj.dep_ == "pobj"]


def _sides_at(tokens: list[Token], actors: list[ActorRef], view: SentenceView, candidate: Candidate,
              kinds: tuple[str, ...] | None = None) -> set[str]:
    """The candidate's sides that actors (of `kinds`, or any) name at these tokens."""
    return {a.country for t in tokens for a in actors
            if a.country in candidate.pair and (kinds is None or a.kind in kinds)
            and a.start <= view.offset + t.idx < a.end}
