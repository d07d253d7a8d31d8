"""Extraction on real news, round 3 of issue 15: shapes met in unlabelled Wikinews articles
(2019–2020, none of them in a labelled set) and handled by general rules, one made-up sentence
each."""

from __future__ import annotations

import pytest

from tests.helpers.extract import found, one


# People named by what they are, not by a title or a name
@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("The family said they planned a private funeral.", "private funeral", "family"),
    ("The archaeologists say that the statues mark fresh water.", "statues", "archaeologists"),
    ("A second fire killed another person, according to firefighters.", "second fire",
     "firefighters"),
    ("The bus driver told reporters he lost control.", "lost control", "bus driver"),
    ("Some scholars have suggested the birds were farmed.", "farmed", "scholars"),
    ("His daughter said he died in hospital.", "died", "daughter"),
])
def test_people_named_by_a_common_noun(text: str, words: str, speaker: str) -> None:
    assert one(text, words)[0] == speaker


def test_a_description_is_named_as_first_introduced() -> None:
    text = ("He was sent to an army psychiatrist for an evaluation. The psychiatrist said he "
            "was completely normal.")
    assert one(text, "completely normal")[0] == "army psychiatrist"


@pytest.mark.parametrize("text", [
    "The report said the water was unsafe.",  # a document with no owner named: nobody
    "The order said the water was unsafe.",
    "Voters in those states said the count was fair and thereafter left.",
])
def test_things_and_phrases_that_are_not_people_name_nobody(text: str) -> None:
    assert all(speaker not in ("report", "order", "voters in those states")
               for speaker, _, _ in found(text))


# Adverbs between a subject and its verb
@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Mendez once told reporters he considered himself an artist.", "artist", "Mendez"),
    ("Pierce and Hawkins both argued that ballot access should count.", "ballot access",
     "Pierce and Hawkins"),
    ("The ministry further indicated no other vehicles were involved.", "no other vehicles",
     "ministry"),
])
def test_adverbs_between_subject_and_verb(text: str, words: str, speaker: str) -> None:
    assert one(text, words)[0] == speaker


def test_a_noun_ending_like_an_adverb_is_still_the_subject() -> None:
    assert one("A US ally warned the deal was unsafe.", "unsafe")[0] == "US ally"
