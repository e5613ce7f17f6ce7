"""Lists of countries: a verdict for one member is shared with the other members."""

from __future__ import annotations

from accord.extract.coder.candidates import Candidate
from accord.extract.coder.lists import Verdict, shared_with_lists
from accord.extract.coder.model import CodedEvent


def coded(kind: str = "meeting_talks", direction: str = "forward") -> CodedEvent:
    return CodedEvent("040", kind, 0.8, direction, 0.9, planned=False, negated=False)


def test_a_verdict_with_one_member_reaches_every_other_member_that_is_a_candidate():
    candidates = [Candidate("TUR", "DEU"), Candidate("TUR", "ESP"), Candidate("TUR", "IND"),
                  Candidate("DEU", "ESP")]
    shared = shared_with_lists([Verdict(candidates[0], coded())], candidates,
                               [frozenset({"DEU", "ESP", "IND"})])
    assert [v.candidate for v in shared] == [Candidate("TUR", "ESP"), Candidate("TUR", "IND")]


def test_a_pair_that_already_has_the_type_gets_nothing_more():
    candidates = [Candidate("TUR", "DEU"), Candidate("TUR", "ESP")]
    verdicts = [Verdict(candidates[0], coded()), Verdict(candidates[1], coded())]
    assert shared_with_lists(verdicts, candidates, [frozenset({"DEU", "ESP"})]) == []


def test_a_verdict_inside_the_list_is_not_shared():
    candidates = [Candidate("DEU", "ESP"), Candidate("DEU", "IND"), Candidate("ESP", "IND")]
    assert shared_with_lists([Verdict(candidates[0], coded())], candidates,
                             [frozenset({"DEU", "ESP", "IND"})]) == []


def test_the_direction_follows_the_new_candidates_order():
    # The outside side is first in one pair and second in the other: "forward" turns round.
    candidates = [Candidate("TUR", "DEU"), Candidate("ESP", "TUR")]
    (shared,) = shared_with_lists([Verdict(candidates[0], coded(direction="forward"))], candidates,
                                  [frozenset({"DEU", "ESP"})])
    assert shared.coded.direction == "backward"
    (joint,) = shared_with_lists([Verdict(candidates[0], coded(direction="joint"))], candidates,
                                 [frozenset({"DEU", "ESP"})])
    assert joint.coded.direction == "joint"
