"""Topic countries: a country a sentence names only as what is talked about makes no candidate."""

from __future__ import annotations

import pytest

from accord.extract.coder import SentenceView, sentence_candidates
from accord.extract.coder.candidates import ActorRef
from accord.extract.coder.topics import topic_countries
from accord.extract.nlp import load_nlp


def view_and_actors(text: str, named: dict[str, tuple[str, str]]) -> tuple[SentenceView, list[ActorRef]]:
    """The parsed sentence and an actor for every occurrence of each named word."""
    doc = load_nlp()(text)
    actors = []
    for word, (country, kind) in named.items():
        start = text.find(word)
        while start >= 0:
            actors.append(ActorRef(start, start + len(word), country, kind))
            start = text.find(word, start + 1)
    return SentenceView.of(doc[:], 0), sorted(actors, key=lambda a: a.start)


@pytest.mark.parametrize("text, named, topics", [
    ("The Turkish minister discussed the latest developments in Ukraine with the Spanish minister.",
     {"Turkish": ("TUR", "demonym"), "Ukraine": ("UKR", "country"), "Spanish": ("ESP", "demonym")},
     {"UKR"}),
    ("Japan and Australia held talks on the situation in Myanmar and Cambodia on Friday.",
     {"Japan": ("JPN", "country"), "Australia": ("AUS", "country"), "Myanmar": ("MMR", "country"),
      "Cambodia": ("KHM", "country")},
     {"MMR", "KHM"}),
    ("Germany and France discussed the Ukraine crisis in Paris.",
     {"Germany": ("DEU", "country"), "France": ("FRA", "country"), "Ukraine": ("UKR", "country")},
     {"UKR"}),
])
def test_a_country_hanging_off_a_topic_noun_is_a_topic(text, named, topics):
    view, actors = view_and_actors(text, named)
    assert topic_countries(view, actors) == topics


def test_a_relation_noun_makes_no_topic():
    # A war, a conflict or a dispute is an act between the two it names.
    view, actors = view_and_actors("Russia's war against Ukraine dominated the talks between Poland and Germany.",
                                   {"Russia": ("RUS", "country"), "Ukraine": ("UKR", "country"),
                                    "Poland": ("POL", "country"), "Germany": ("DEU", "country")})
    assert topic_countries(view, actors) == frozenset()


def test_a_country_that_also_acts_is_no_topic():
    view, actors = view_and_actors(
        "Ukraine briefed Poland on the situation in Ukraine after the strikes.",
        {"Ukraine": ("UKR", "country"), "Poland": ("POL", "country")})
    assert topic_countries(view, actors) == frozenset()


def test_a_person_is_never_a_topic():
    view, actors = view_and_actors("The minister discussed with Blinken bilateral issues and trade.",
                                   {"Blinken": ("USA", "person")})
    assert topic_countries(view, actors) == frozenset()


def test_a_topic_country_is_in_no_candidate_but_the_implied_pair_is_asked():
    view, actors = view_and_actors(
        "We discussed the latest developments in Ukraine with the Spanish foreign minister.",
        {"Ukraine": ("UKR", "country"), "Spanish": ("ESP", "demonym")})
    pairs = [c.candidate.pair for c in sentence_candidates(view, actors, ("TUR", "ESP"), [])]
    assert pairs == [frozenset({"ESP", "TUR"})]


def test_a_third_country_named_only_by_its_capital_as_the_place_is_no_side():
    text = "Chile, Peru and Ecuador signed a fisheries accord in Madrid on Monday."
    view, actors = view_and_actors(text, {"Chile": ("CHL", "country"), "Peru": ("PER", "country"),
                                          "Ecuador": ("ECU", "country"), "Madrid": ("ESP", "capital")})
    pairs = {c.candidate.pair for c in sentence_candidates(view, actors, ("CHL", "PER"), [])}
    assert pairs == {frozenset(p) for p in (("CHL", "PER"), ("CHL", "ECU"), ("PER", "ECU"))}


def test_the_capital_of_a_side_of_the_document_keeps_its_country():
    text = "The Chilean minister signed the accord in Lima on Monday."
    view, actors = view_and_actors(text, {"Chilean": ("CHL", "demonym"), "Lima": ("PER", "capital")})
    pairs = {c.candidate.pair for c in sentence_candidates(view, actors, ("CHL", "PER"), [])}
    assert pairs == {frozenset(("CHL", "PER"))}


def test_a_capital_that_acts_is_a_side():
    text = "Madrid protested to Santiago over the detention of a Spanish trawler."
    view, actors = view_and_actors(text, {"Madrid": ("ESP", "capital"), "Santiago": ("CHL", "capital"),
                                          "Spanish": ("ESP", "demonym")})
    pairs = {c.candidate.pair for c in sentence_candidates(view, actors, ("CHL", "PER"), [])}
    assert frozenset(("ESP", "CHL")) in pairs
