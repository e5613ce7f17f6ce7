"""Actors across documents: spellings of one person merged, with roles as reported over time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

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
    """Group person records of all documents into actors; the most used spelling names each."""
    actors: list[Actor] = []
    for person in people:
        actor = next((a for a in actors if any(same_person(s, person.name) for s in a.spellings)), None)
        if actor is None:
            actor = Actor(person.name, person.country)
            actors.append(actor)
        actor.spellings[person.name] += 1
        for alias in person.aliases:
            if alias in person.mention.sentence:
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
