"""Extraction rules of round 7b, from a trial on saved news pages: one made-up sentence each
(the pages' own text is not openly licensed and is not copied here)."""

from __future__ import annotations

from claimtrack.extract import extract
from tests.helpers.extract import found, one


# A negative or negated quantified subject ("no group", "nobody") is no speaker
def test_a_negative_subject_is_no_speaker() -> None:
    text = ("It was the worst flood in the valley in decades. Although no group claimed "
            "responsibility, the damage raised fears that saboteurs were widening their campaign.")
    assert found(text) == []
    assert found("Nobody said the vote was fair.") == []


def test_none_of_them_would_discuss_is_still_their_non_denial() -> None:
    assert one("None of the three ministers would discuss the plan.", "plan")[:2] == (
        "ministers", "non-denial")


# In a sentence opened by a subordinate clause, its words end where the main clause starts
def test_words_in_a_fronted_subordinate_clause_end_at_the_main_clause() -> None:
    text = "Although the mayor said the dam was safe, the flood raised fears that it had failed."
    assert found(text) == [("mayor", "claim", "the dam was safe")]


def test_as_x_said_still_reports_the_main_clause() -> None:
    text = "As the mayor said on Monday, the dam was never safe."
    assert found(text) == [("mayor", "claim", "the dam was never safe")]


# "according to local news reports": unnamed reports are nobody's; the verb is "according to"
def test_unnamed_reports_after_according_to_are_nobodys() -> None:
    text = ("The governor said the dam held. About 30 homes were flooded, according to regional "
            "radio reports.")
    [reported] = [s for s in extract(text) if "homes" in s.text]
    assert (reported.speaker, reported.verb) == (None, "according to")


def test_reports_of_a_named_outlet_are_the_outlets() -> None:
    [reported] = extract("About 30 homes were flooded, according to Valley Herald reports.")
    assert (reported.speaker, reported.verb) == ("Valley Herald", "according to")


# Conceding: a negation inside what is acknowledged or admitted denies nothing
def test_a_negation_in_a_concession_is_no_denial() -> None:
    text = ("Critics accuse the Green Party of ignoring the growing debt. The party has admitted "
            "that it did not grasp the danger of the growing debt.")
    assert one(text, "did not grasp")[:2] == ("Green Party", "claim")


# A name in a fronted subordinate clause is not the main clause's "he"
def test_he_after_a_fronted_subordinate_clause_is_the_person_before() -> None:
    text = ("Senator Tom Dunn has pushed for stricter rules but has failed. After six "
            "African-American students were hurt at a rally in May, he admitted \"red tape\" "
            "meant there were few remedies.")
    assert one(text, "red tape")[0] == "Tom Dunn"


# '"…," said Mr. X, a fellow at the Y for A and B': the name after the verb speaks
def test_the_name_after_said_speaks_not_its_description() -> None:
    text = ('Some critics blame Paul Okafor. "There is no sign the board has changed course," '
            "said Mr. Okafor, a research fellow at the Lakeside Institute for Water and Land "
            "Policy at Ohio State University.")
    assert one(text, "no sign")[0] == "Paul Okafor"


def test_a_name_inside_the_description_after_said_is_not_the_speaker() -> None:
    text = ('Paul Okafor has advised the state for years. "There is no sign the board has changed '
            'course," said Mr. Okafor, an aide to Governor Lisa Brandt.')
    assert one(text, "no sign")[0] == "Paul Okafor"


def test_an_and_inside_a_name_in_a_description_names_nobody() -> None:
    text = ("Mr. Okafor, a research fellow at the Lakeside Institute for Water and Land Policy, "
            "said the board had not changed.")
    assert one(text, "board")[0] == "Okafor"


def test_and_after_a_day_still_opens_a_clause() -> None:
    text = "The broadcasts began on Monday and South Korea says they will go on."
    assert one(text, "go on")[0] == "South Korea"


# A web page's furniture (menus, related stories, dates: short lines without a sentence end
# next to each other) yields nothing; a headline alone above the copy still does
def test_page_furniture_yields_nothing() -> None:
    page = ("Home\nWorld\nBusiness\nMinister Ana Ruiz said the bridge was safe.\n"
            "More on this story\nVideo Ruiz: 'I will not resign'\n12 May 2021\nRelated\n"
            "Residents say the bridge is cracked\n")
    assert found(page) == [("Ana Ruiz", "claim", "the bridge was safe")]


def test_a_headline_above_the_copy_stays() -> None:
    page = ("Ruiz says the bridge is safe\n"
            "Minister Ana Ruiz said on Monday that the bridge was safe.\n")
    assert [s.text for s in extract(page)] == ["the bridge is safe", "the bridge was safe"]
