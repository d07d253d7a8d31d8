"""Extraction fixes of round 6, found in a new-user trial: one made-up sentence each."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract
from claimtrack.extract.model import Kind, Suggestion
from claimtrack.extract.recorded import already_recorded, restates
from tests.helpers.extract import found, one

LEAD = "Deputy Secretary of State Wendy Sherman said the talks in Geneva had been frank. "


# Who "she" is: never a name inside the pronoun's own reported clause
@pytest.mark.parametrize("clause", [
    "the United States would not let any country dictate the terms of the alliance",
    "Tom Berg would not attend the summit in March",  # a person's name, in the clause
])
def test_she_added_is_the_last_speaker_not_a_name_in_her_words(clause: str) -> None:
    assert one(LEAD + f"She added that {clause}.", "would not")[0] == "Wendy Sherman"


def test_a_name_in_an_earlier_reported_clause_still_counts() -> None:
    # the rule it narrows: a clause's subject in an *earlier* sentence is still a candidate
    text = "Ms Ana Ruiz said that Mark Olsen had resigned. Later he said he was proud of the team."
    assert one(text, "proud")[0] == "Mark Olsen"


def test_a_name_with_the_definite_article_is_not_a_person() -> None:
    [said] = extract("The Czech Republic said the pipeline would open in May.")
    assert (said.speaker, said.speaker_kind) == ("Czech Republic", "organisation")


# Where the words start after "told": the addressee is one name
@pytest.mark.parametrize("text", [
    "Former agent Dana Whitlow told NPR Karim bin Nasser had appeared in recruitment videos.",
    "Former agent Dana Whitlow told The Associated Press Karim bin Nasser had appeared in "
    "recruitment videos.",
    "Former agent Dana Whitlow told Reuters Karim bin Nasser had appeared in recruitment videos.",
    "Former agent Dana Whitlow told reporters Karim bin Nasser had appeared in recruitment videos.",
])
def test_a_name_after_the_addressee_opens_the_words(text: str) -> None:
    assert found(text)[0][2] == "Karim bin Nasser had appeared in recruitment videos"


@pytest.mark.parametrize(("text", "words"), [
    ("The minister Karl Ode told CNN Maria Lopez had resigned.", "Maria Lopez had resigned"),
    ("The minister Karl Ode warned the European Union could collapse.",
     "the European Union could collapse"),  # one name, the words' own subject
    ("The minister Karl Ode told NPR the plan had failed.", "the plan had failed"),
])
def test_the_addressee_ends_at_an_outlets_name(text: str, words: str) -> None:
    assert found(text)[0][2] == words


# A suggestion in the words of its speaker's recorded claim is that claim, not an answer to it
def suggestion(name: str, speaker: str, text: str, answers: str | None) -> Suggestion:
    return Suggestion(name, speaker, Kind.NON_DENIAL, text, 0, len(text), ((0, len(text)),),
                      "declined to comment", 0.85, answers)


def test_restates_allows_case_punctuation_and_a_changed_word() -> None:
    recorded = "declined to comment on the movement of missile units to the western border"
    assert restates("Declined to comment on the movement of missile units to the western border.",
                    recorded)
    assert restates("declined to comment on the movements of missile units to the western border",
                    recorded)
    assert not restates("declined to comment on the talks", recorded)


def test_a_copy_answers_nothing_and_its_answers_point_at_the_recorded_claim() -> None:
    words = "declined to comment on the movement of missile units"
    recorded = {"c-1": ("Dmitry Peskov", words), "c-2": ("Kyiv", "missile units moved west")}
    copy = suggestion("s1", "Dmitry Peskov", words, "c-1")
    answer = suggestion("s2", "Ukraine", "said the silence was telling", "s1")
    other = suggestion("s3", "Dmitry Peskov", "declined to comment on missile units", "c-2")
    settled, copies = already_recorded([copy, answer, other], recorded)
    assert copies == {"s1": "c-1"}
    assert [s.responds_to for s in settled] == [None, "c-1", "c-2"]


def test_another_speakers_words_are_still_answered() -> None:
    words = "declined to comment on the movement of missile units"
    settled, copies = already_recorded([suggestion("s1", "Sergey Lavrov", words, "c-1")],
                                       {"c-1": ("Dmitry Peskov", words)})
    assert (copies, settled[0].responds_to) == ({}, "c-1")
