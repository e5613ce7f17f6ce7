"""Actors merged across documents: the fast look-up of `merge_people` against the rule itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.analysis.load import PersonMention
from accord.analysis.people import merge_people, same_person
from analysis_fixtures import mention

NAMES = ["Saysomphone Phomvihane", "Xaysomphone Phomvihane", "Sonexay Siphandone", "Sonexay Siphandon",
         "To Lam", "Tô Lâm", "Lam", "Pham Minh Chinh", "Phạm Minh Chính", "Minh Chinh", "Chinh",
         "William Ruto", "Wiliam Ruto", "Ruto", "Yoweri Museveni", "  Yoweri   Museveni "]


def _reference(people):
    """The rule as written: a record joins the first actor with any spelling that is the same
    person; its aliases seen in the sentence become spellings of that actor."""
    actors: list[list[str]] = []
    assigned = []
    for record in people:
        found = next((i for i, spellings in enumerate(actors)
                      if any(same_person(s, record.name) for s in spellings)), None)
        if found is None:
            actors.append([])
            found = len(actors) - 1
        actors[found] += [record.name, *[a for a in record.aliases if a in record.mention.sentence]]
        assigned.append(found)
    return assigned


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.lists(st.sampled_from(NAMES), max_size=2)), max_size=12))
def test_merge_people_follows_the_same_person_rule(records):
    people = [PersonMention(mention(f"d{i}", " and ".join([name, *aliases[:1]]) + " met."), name,
                            tuple(aliases), "LAO", None)
              for i, (name, aliases) in enumerate(records)]  # a second alias is not in the sentence
    actors = merge_people(people)
    found = {id(record): index for index, actor in enumerate(actors) for record in actor.mentions}
    assert [found[id(record)] for record in people] == _reference(people)
