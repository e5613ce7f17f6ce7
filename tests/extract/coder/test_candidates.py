"""Candidate pairs: every pair a sentence names, and the document's pair where a side is implied."""

from __future__ import annotations

from accord.extract.coder.candidates import ActorRef, Candidate, candidates_for, named_order


def ref(start: int, country: str, kind: str = "country") -> ActorRef:
    return ActorRef(start, start + 3, country, kind)


def test_every_pair_of_named_countries_in_order_of_mention():
    actors = [ref(0, "JPN"), ref(10, "CHN"), ref(20, "KOR")]
    assert candidates_for(actors, ("JPN", "CHN")) == [
        Candidate("JPN", "CHN"), Candidate("JPN", "KOR"), Candidate("CHN", "KOR")]


def test_one_named_side_of_the_main_pair_implies_the_other():
    assert candidates_for([ref(5, "LAO", "person")], ("VNM", "LAO")) == [Candidate("LAO", "VNM", "second")]


def test_no_named_side_asks_about_the_main_pair():
    assert candidates_for([], ("VNM", "LAO")) == [Candidate("VNM", "LAO", "both")]


def test_a_third_country_alone_or_no_pair_gives_nothing():
    assert candidates_for([ref(0, "THA")], ("VNM", "LAO")) == []
    assert candidates_for([], ()) == []
    assert candidates_for([ref(0, "THA")], ()) == []


def test_a_capital_as_place_does_not_decide_who_is_named_first():
    actors = [ref(0, "VNM", "capital"), ref(10, "LAO", "demonym"), ref(20, "VNM", "demonym")]
    assert named_order(actors) == ["LAO", "VNM"]


def test_repeated_mentions_count_once_and_lists_are_capped():
    actors = [ref(i * 10, c) for i, c in enumerate(["USA", "CAN", "USA", "MEX", "BRA", "ARG", "CHL", "PER", "COL"])]
    found = candidates_for(actors, ())
    assert Candidate("USA", "CAN") in found
    assert len({c for cand in found for c in cand.pair}) == 6  # the first six countries
