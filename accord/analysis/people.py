"""Actors across documents: spellings of one person merged, with roles as reported over time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from accord.analysis.load import EventMention, PersonMention
from accord.folding import fold

SAME_PERSON_RATIO = 88


def same_person(first: str, second: str) -> bool:
    """Two full names denote one person: equal once folded, or a close transliteration
    (Saysomphone / Xaysomphone Phomvihane) with the same number of words."""
    a, b = " ".join(fold(first).split()), " ".join(fold(second).split())
    if a == b:
        return True
    return len(a.split()) == len(b.split()) >= 2 and fuzz.ratio(a, b) >= SAME_PERSON_RATIO


@dataclass
class RoleReport:
    """A role as one document reported it, with the document's date."""

    role: str
    reported: str | None
    doc_id: str


@dataclass
class Actor:
    """One person across documents."""

    name: str
    country: str | None
    spellings: Counter = field(default_factory=Counter)
    roles: list[RoleReport] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        """Every other spelling seen."""
        return sorted(s for s in self.spellings if s != self.name)

    def as_json(self, events: list[EventMention] | None = None) -> dict:
        """Profile for --json: names, country, roles over time, documents and events."""
        return {
            "name": self.name, "aliases": self.aliases, "country": self.country,
            "roles": [{"role": r.role, "reported": r.reported, "document": r.doc_id}
                      for r in sorted(self.roles, key=lambda r: (r.reported or "", r.role))],
            "documents": self.documents,
            "events": [{"date": e.date, "type": e.type, "cameo": e.cameo, "source": e.source,
                        "target": e.target, "document": e.mention.doc_id, "evidence": e.mention.sentence}
                       for e in (events or [])],
        }


def merge_people(people: list[PersonMention]) -> list[Actor]:
    """Group person records of all documents into actors; the most used spelling names each.
    A record joins the first actor (in order of appearance) with a spelling that is
    `same_person` as its name."""
    actors: list[Actor] = []
    spellings = _Spellings()
    for person in people:
        found = spellings.first_actor(person.name)
        if found is None:
            actor = Actor(person.name, person.country)
            actors.append(actor)
            found = len(actors) - 1
        actor = actors[found]
        spellings.add(person.name, found)
        actor.spellings[person.name] += 1
        for alias in person.aliases:
            if alias in person.mention.sentence:
                spellings.add(alias, found)
                actor.spellings[alias] += 0  # seen in the text, counted through its own records
        actor.country = actor.country or person.country
        actor.mentions.append(person)
        if person.mention.doc_id not in actor.documents:
            actor.documents.append(person.mention.doc_id)
        if person.role:
            actor.roles.append(RoleReport(person.role, person.mention.published, person.mention.doc_id))
    for actor in actors:
        actor.name = actor.spellings.most_common(1)[0][0]
        countries = Counter(p.country for p in actor.mentions if p.country)
        actor.country = countries.most_common(1)[0][0] if countries else None
    return actors


class _Spellings:
    """Every spelling of every actor so far, folded, for `same_person` look-ups in bulk: equal
    names through a dictionary, close transliterations with rapidfuzz over all of them at once
    (in C) instead of one Python call per spelling and record."""

    def __init__(self) -> None:
        self.folded: list[str] = []
        self.actor: list[int] = []
        self.exact: dict[str, int] = {}
        self.known: set[tuple[str, int]] = set()

    def add(self, spelling: str, actor: int) -> None:
        folded = _normal(spelling)
        if (folded, actor) in self.known:
            return
        self.known.add((folded, actor))
        self.folded.append(folded)
        self.actor.append(actor)
        self.exact[folded] = min(actor, self.exact.get(folded, actor))

    def first_actor(self, name: str) -> int | None:
        """The first actor with a spelling that is the same person as `name`."""
        folded = _normal(name)
        found = [self.exact[folded]] if folded in self.exact else []
        words = len(folded.split())
        if words >= 2:
            found += [self.actor[index] for _, _, index in process.extract(
                folded, self.folded, scorer=fuzz.ratio, score_cutoff=SAME_PERSON_RATIO, limit=None)
                if len(self.folded[index].split()) == words]
        return min(found) if found else None


def _normal(name: str) -> str:
    return " ".join(fold(name).split())


def find_actor(actors: list[Actor], query: str) -> Actor | None:
    """The actor a name (any spelling, or a part of one) refers to."""
    folded = " ".join(fold(query).split())
    exact = [a for a in actors if any(same_person(s, query) for s in a.spellings)]
    if exact:
        return exact[0]
    partial = [a for a in actors if any(folded in fold(s) for s in a.spellings)]
    return partial[0] if len(partial) == 1 else None


def actor_events(actor: Actor, events: list[EventMention]) -> list[EventMention]:
    """Events whose evidence sentence names the actor."""
    names = [fold(s) for s in actor.spellings]
    return [e for e in events if any(n in fold(e.mention.sentence) for n in names)]
