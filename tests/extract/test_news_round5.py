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


# Where the words start: a bare noun told is the addressee when a determiner opens the clause
@pytest.mark.parametrize(("text", "words"), [
    ("Petty Officer Second Class Omar Reyes told reporters the engine had failed twice.",
     "the engine had failed twice"),
    ("Omar Reyes told a news conference the engine had failed twice.",
     "the engine had failed twice"),
    ("Mayor Ana Ruiz warned local residents the river could flood by Friday.",
     "the river could flood by Friday"),
])
def test_a_bare_addressee_is_not_in_the_words(text: str, words: str) -> None:
    assert found(text)[0][2] == words


@pytest.mark.parametrize(("text", "words"), [
    ("The minister Karl Ode told reporters not all the votes had been counted.",
     "not all the votes had been counted"),
    ("The minister Karl Ode told reporters only the president could decide.",
     "only the president could decide"),
    ("The minister Karl Ode told reporters more than a hundred people had died.",
     "more than a hundred people had died"),
    ("The minister Karl Ode told reporters half the troops had left.", "half the troops had left"),
])
def test_the_words_keep_what_opens_their_subject(text: str, words: str) -> None:
    # the addressee ends before "not", "only", "more than", "half": none of them is dropped
    assert found(text)[0][2] == words


def test_a_determiner_right_after_the_verb_still_opens_the_words() -> None:
    # "warned the delayed process could …": no addressee at all
    text = "The auditor Lena Fisk warned the delayed process could cost millions."
    assert found(text)[0][2] == "the delayed process could cost millions"
