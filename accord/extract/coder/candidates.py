"""Candidate pairs: which two countries of a sentence the event coder is asked about.

Every pair of countries the sentence names is a candidate. A sentence that names one side
of the document's main pair is also asked about that pair (the partner is implied: "He
thanked President Thuong", "the visiting minister"), and a sentence that names neither asks
about the main pair itself ("The two sides signed three agreements."). The coder then says
whether there is an event between them at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

MAX_COUNTRIES = 6  # a sentence listing more states is a list; its first six are asked about


@dataclass(frozen=True)
class ActorRef:
    """A span of the clean text that stands for a country (a name, demonym, capital, body, person)."""

    start: int
    end: int
    country: str
    kind: str  # "country" | "demonym" | "capital" | "org" | "person"


@dataclass(frozen=True)
class Candidate:
    """Two countries to code an event between: `first` is the one the sentence names first
    (or the only one it names); `implied` says which of them the sentence leaves unnamed."""

    first: str
    second: str
    implied: str = "none"  # "none" | "second" | "both"

    @property
    def pair(self) -> frozenset[str]:
        """The unordered pair."""
        return frozenset((self.first, self.second))


def named_order(actors: list[ActorRef]) -> list[str]:
    """The countries a sentence names, in order of their first mention as an actor; a
    capital counts only for a country named by nothing else ("In Hanoi, the Lao leader...":
    the place comes first but the Lao side is named first as an actor)."""
    ordered = sorted(actors, key=lambda a: a.start)
    by_actor = list(dict.fromkeys(a.country for a in ordered if a.kind != "capital"))
    return by_actor + [c for c in dict.fromkeys(a.country for a in ordered) if c not in by_actor]


def candidates_for(actors: list[ActorRef], pair: tuple[str, ...]) -> list[Candidate]:
    """The candidate pairs of one sentence, given its actor references and the document's
    main pair (empty when the document has none)."""
    named = named_order(actors)[:MAX_COUNTRIES]
    found = [Candidate(a, b) for a, b in combinations(named, 2)]
    main = tuple(pair[:2])
    if len(main) == 2:
        if not named:
            found.append(Candidate(main[0], main[1], "both"))
        elif len(named) == 1 and named[0] in main:
            partner = main[1] if named[0] == main[0] else main[0]
            found.append(Candidate(named[0], partner, "second"))
    return found
