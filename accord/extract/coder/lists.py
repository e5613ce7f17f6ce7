"""Lists of countries: an act with one member of a coordinated list is an act with each.

"The minister also met his counterparts from Germany, Spain, India and Bulgaria" reports
four meetings. The coder scores every candidate pair on its own, and the middle of a list
reads as nothing ("A met X, B, C and X"), so a verdict for one member is shared with the
others: each member stands in the same place of the sentence. The pair's own two sides are
never a list of this kind ("Japan and Korea signed ...": the act is between them).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from accord.extract.coder.candidates import ActorRef, Candidate
from accord.extract.coder.model import CodedEvent
from accord.extract.coder.topics import mention_head

if TYPE_CHECKING:
    from spacy.tokens import Token

    from accord.extract.coder.features import SentenceView

_FLIPPED = {"forward": "backward", "backward": "forward"}


@dataclass(frozen=True)
class Verdict:
    """One event the coder found for one candidate pair."""

    candidate: Candidate
    coded: CodedEvent


def coordinated_countries(view: SentenceView, actors: list[ActorRef]) -> list[frozenset[str]]:
    """The groups of two or more countries the sentence names as members of one list (one
    coordination: "Germany, Spain and India"; "Chancellor Merkel and President Hollande")."""
    groups: dict[int, set[str]] = {}
    for actor in actors:
        head = mention_head(view, actor)
        if head is not None and (head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)):
            groups.setdefault(_first_conjunct(head).i, set()).add(actor.country)
    return [frozenset(g) for g in groups.values() if len(g) > 1]


def shared_with_lists(verdicts: list[Verdict], candidates: list[Candidate],
                      lists: list[frozenset[str]]) -> list[Verdict]:
    """The verdicts a list member's verdict gives the other members: for an event between a
    country outside a list and one inside it, the same event with each other member, where
    that pair is a candidate and has no event of that type yet."""
    have = {(v.candidate.pair, v.coded.type) for v in verdicts}
    by_pair = {c.pair: c for c in candidates}
    shared = []
    for verdict in verdicts:
        for members in lists:
            inside = verdict.candidate.pair & members
            if len(inside) != 1:
                continue
            (member,) = inside
            (outside,) = verdict.candidate.pair - members
            for other in sorted(members - inside):
                candidate = by_pair.get(frozenset((outside, other)))
                if candidate is None or (candidate.pair, verdict.coded.type) in have:
                    continue
                have.add((candidate.pair, verdict.coded.type))
                shared.append(Verdict(candidate, _aligned(verdict, candidate, outside)))
    return shared


def _aligned(verdict: Verdict, candidate: Candidate, outside: str) -> CodedEvent:
    """The coded event, its direction read against the new candidate's order."""
    coded = verdict.coded
    if (verdict.candidate.first == outside) == (candidate.first == outside):
        return coded
    return replace(coded, direction=_FLIPPED.get(coded.direction, coded.direction))


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token
