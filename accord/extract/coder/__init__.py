"""The event coder: candidate country pairs, their features, and the trained model.

`code_sentence` is what the extraction pipeline calls for each sentence; training
(accord/training/) builds its examples with the same `sentence_candidates`, so the model
learns from exactly what it sees at run time.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.extract.coder.candidates import ActorRef, Candidate, candidates_for
from accord.extract.coder.features import Features, SentenceView, candidate_features
from accord.extract.coder.model import CodedEvent, EventCoder, load_coder
from accord.extract.coder.topics import place_countries, topic_countries
from accord.extract.dates import DateMention

__all__ = ["ActorRef", "Candidate", "CandidateFeatures", "CodedEvent", "EventCoder", "Features",
           "SentenceView", "load_coder", "sentence_candidates"]


@dataclass(frozen=True)
class CandidateFeatures:
    """A candidate pair of one sentence with its features."""

    candidate: Candidate
    features: Features


def sentence_candidates(view: SentenceView, actors: list[ActorRef], pair: tuple[str, ...],
                        dates: list[DateMention]) -> list[CandidateFeatures]:
    """Every candidate pair of a parsed sentence, with its features. `actors` are the
    sentence's country references, `pair` the document's main pair. A country the sentence
    names only as a topic ("developments in Ukraine"), or a third country named only by its
    capital as the place of the act ("signed in Buenos Aires"), is in no candidate; the
    features still see it as a third country."""
    topics = topic_countries(view, actors) | (place_countries(view, actors) - set(pair))
    acting = [a for a in actors if a.country not in topics] if topics else actors
    return [CandidateFeatures(c, candidate_features(view, c, actors, dates))
            for c in candidates_for(acting, pair)]
