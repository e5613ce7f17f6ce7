"""Countries a sentence names only as a topic, not as an actor.

"We discussed NATO enlargement and the latest developments in Ukraine with the Spanish
minister" names Ukraine, but Ukraine does nothing: the talks are between the speaker's
side and Spain. A country is a topic when every mention of it hangs off a topic noun,
either through a preposition ("the situation in Syria", "talks on the crisis over Taiwan")
or as its modifier ("the Ukraine crisis"). Such a country makes no candidate pair (the
sentence may still get its implied pair), though the coder still sees it as a third
country in the features.

Only names and demonyms count: a person or a body is someone acting, and the parser often
hangs a name off the next noun by mistake ("discussed with Blinken bilateral issues").
Nouns that name a relation between the two (war, conflict, dispute, tension) are not topic
nouns: "Russia's war against Ukraine" is an act of both.

A third country named only by its capital after "in" or "at" is where the act happens
("the three countries signed the agreement in Buenos Aires"), not one of its sides. The
document's own pair is kept: its capital is the host, and the visit and joint-act rules
read it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.extract.coder.candidates import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Token

    from accord.extract.coder.features import SentenceView

TOPIC_NOUNS = frozenset({
    "development", "situation", "crisis", "issue", "question", "peace", "stability",
    "reconstruction", "future", "election", "problem", "matter", "process"})
TOPIC_PREPOSITIONS = frozenset({
    "in", "on", "over", "about", "regarding", "concerning", "around", "inside", "across"})
PLACE_PREPOSITIONS = frozenset({"in", "at"})
_NAMING_KINDS = ("country", "demonym")


def topic_countries(view: SentenceView, actors: list[ActorRef]) -> frozenset[str]:
    """The countries every mention of which, in this parsed sentence, is a topic."""
    verdicts: dict[str, bool] = {}
    for actor in actors:
        head = mention_head(view, actor)
        if head is None:
            continue
        topic = actor.kind in _NAMING_KINDS and is_topic_mention(head)
        verdicts[actor.country] = verdicts.get(actor.country, True) and topic
    return frozenset(country for country, topic in verdicts.items() if topic)


def place_countries(view: SentenceView, actors: list[ActorRef]) -> frozenset[str]:
    """The countries a sentence names only by a capital that says where something happens
    ("signed in Buenos Aires", "talks at Geneva"): a place, not a side."""
    verdicts: dict[str, bool] = {}
    for actor in actors:
        head = mention_head(view, actor)
        if head is None:
            continue
        place = actor.kind == "capital" and is_place_mention(head)
        verdicts[actor.country] = verdicts.get(actor.country, True) and place
    return frozenset(country for country, place in verdicts.items() if place)


def is_place_mention(token: Token) -> bool:
    """Whether a mention's head word is the object of "in" or "at"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS


def is_topic_mention(token: Token) -> bool:
    """Whether the head word of a country mention hangs off a topic noun."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "the situation in Syria and Iraq": Iraq shares Syria's attachment
    head = token.head
    if token.dep_ in ("compound", "amod"):
        return head.lemma_.lower() in TOPIC_NOUNS
    return (token.dep_ == "pobj" and head.lower_ in TOPIC_PREPOSITIONS
            and head.head.lemma_.lower() in TOPIC_NOUNS)


def mention_head(view: SentenceView, actor: ActorRef) -> Token | None:
    """The word of an actor's mention that the rest of the sentence hangs it by (None: the
    mention is not in this sentence)."""
    tokens = [t for t, at in zip(view.tokens, view.positions) if actor.start <= at < actor.end]
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)
