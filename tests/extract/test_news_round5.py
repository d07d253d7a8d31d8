"""Extraction on real news, round 5 of issue 15: shapes met in the tuning articles and handled by
general rules, one made-up sentence each (none copied from a held-out article)."""

from __future__ import annotations

import pytest

from tests.helpers.extract import found, one


# Who speaks: an ordinal and "Class" after a rank belong to the rank
@pytest.mark.parametrize(("text", "speaker"), [
    ("Sergeant First Class Dana Whitlow said the patrol had come under fire near the bridge.",
     "Dana Whitlow"),
    ("Petty Officer Second Class Omar Reyes said the engine had failed twice.", "Omar Reyes"),
    ("According to a medic, Sergeant First Class Ivo Brandt, the nurse was \"furious\".",
     "Ivo Brandt"),
])
def test_class_after_a_rank_is_part_of_the_rank(text: str, speaker: str) -> None:
    assert found(text)[0][0] == speaker


def test_first_class_without_a_rank_stays_in_the_sentence() -> None:
    # no rank before it: "First Class" is not read off a name
    assert one("Ada Voss said First Class tickets had sold out.", "tickets")[0] == "Ada Voss"


# What is asserted: "spoke of" with quoted words judges, without them it names a topic
def test_spoke_of_with_quoted_words_is_an_assertion() -> None:
    text = ('At the memorial, the party leader Ruth Calder spoke of a "tireless servant of the '
            'town".')
    speaker, kind, words = one(text, "tireless servant")
    assert (speaker, kind) == ("Ruth Calder", "claim")
    assert words.startswith("spoke of")


def test_spoke_of_a_topic_is_no_assertion() -> None:
    assert found("At the dinner, Ruth Calder spoke of her childhood in the valley.") == []
