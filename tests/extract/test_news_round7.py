"""Extraction rules of round 7, from the tuning sets' misses: one made-up sentence each."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract
from tests.helpers.extract import found, one


# A transliterated surname spelt one letter off is the person met before
@pytest.mark.parametrize("later", ["Haddara", "Hadadro"])
def test_a_surname_spelt_one_letter_off_is_the_person_met_before(later: str) -> None:
    text = ("Militia spokesman Yusuf Haddaro said the convoy had been attacked at dawn. "
            f'"We will answer every strike," {later} said.')
    assert one(text, "every strike")[0] == "Yusuf Haddaro"


def test_a_surname_two_letters_off_is_someone_else() -> None:
    text = ("Militia spokesman Yusuf Haddaro said the convoy had been attacked at dawn. "
            '"We will answer every strike," Hadarra said.')
    assert one(text, "every strike")[0] == "Hadarra"


# '"A," said X, who also told reporters, "B."': B is the second verb's, not part of A
def test_a_quotation_after_another_verb_is_its_own_event() -> None:
    text = ('"The pumps were never switched off," said plant manager Oskar Lind, who also told '
            'reporters, "I was on the site that night."')
    quotes = [s for s in extract(text) if s.speaker == "Oskar Lind"]
    assert [s.text for s in quotes] == ["The pumps were never switched off",
                                        "I was on the site that night."]


def test_a_quotation_after_the_speaker_alone_still_joins() -> None:
    [said] = extract('"The pumps," said Oskar Lind, "were never switched off."')
    assert len(said.spans) == 2


# A short verdict after the first sentence of a quotation negates it: "It didn't happen."
def test_a_short_negated_sentence_in_a_quotation_denies() -> None:
    text = ("The Sentinel reported that Ida Holm had taken money from the builders. "
            '"I was at home all week. It never happened," Mayor Ida Holm told reporters.')
    assert one(text, "never happened")[1] == "denial"


def test_a_negation_in_a_long_later_sentence_still_does_not() -> None:
    text = ("The Sentinel reported that Ida Holm had taken money from the builders. "
            '"I was at home all week. The builders never paid for the new roads in the east," '
            "Mayor Ida Holm told reporters.")
    assert one(text, "at home")[1] == "claim"


# A paragraph after a lead that reports someone and ends in a colon is that speaker's words,
# quoted or not
LED = ("A former volunteer said the retreat had kept her passport for years.\n"
       "In a letter to the newspaper, the Harmony Foundation denied these allegations:\n"
       "She was free to leave at any time. Her passport was kept in the office safe at her "
       "request.\n")


def test_an_unquoted_paragraph_after_a_colon_lead_is_the_leads_speakers() -> None:
    said = one(LED, "free to leave")
    assert said == ("Harmony Foundation", "denial", "She was free to leave at any time. Her "
                    "passport was kept in the office safe at her request.")


def test_a_paragraph_after_a_colon_without_a_speaker_is_nobodys() -> None:
    text = LED.replace("In a letter to the newspaper, the Harmony Foundation denied these "
                       "allegations:", "The facts of the case are these:")
    assert [s for s in found(text) if "free to leave" in s[2]] == []


# Rejecting someone's argument or estimate contradicts it; a denial when it is about the speaker
def test_rejecting_an_argument_is_a_counter_claim() -> None:
    text = ("The airline argued that the storm had caused the crash. Chief inspector Rui Sousa "
            "rejected this argument on Tuesday.")
    assert one(text, "rejected")[:2] == ("Rui Sousa", "counter-claim")


def test_rejecting_an_assessment_about_oneself_is_a_denial() -> None:
    text = ("The auditors said Rui Sousa had hidden the losses. Sousa rejected this assessment "
            "on Tuesday.")
    assert one(text, "rejected")[:2] == ("Rui Sousa", "denial")


# A reporting verb in a fronted subordinate clause: its words end at the main clause
def test_a_fronted_while_clause_ends_before_the_main_clause() -> None:
    text = ("While some analysts have said the bank raised rates too early, one of its former "
            "governors told reporters this was not true.")
    assert found(text) == [
        ("analysts", "claim", "the bank raised rates too early"),
        ("one of its former governors", "denial", "this was not true"),
    ]


def test_a_comma_inside_a_main_clause_does_not_split_it() -> None:
    text = "The ministry said the dam, which was built in 1960, was safe."
    assert found(text) == [("ministry", "claim", "the dam, which was built in 1960, was safe")]


# "did not elaborate" is a non-denial, like "declined to elaborate"
@pytest.mark.parametrize("hedge", ["did not elaborate", "didn't elaborate"])
def test_did_not_elaborate_is_a_non_denial(hedge: str) -> None:
    text = (f"The Sentinel reported that the port would close. Harbour master Eli Moss {hedge} "
            "on the plans for the port.")
    assert one(text, "elaborate")[:2] == ("Eli Moss", "non-denial")


# A participle after "while"/"whilst" is the sentence subject's words
def test_a_participle_after_whilst_is_the_subjects() -> None:
    text = "The minister defended the budget whilst insisting that no hospital would close."
    assert found(text) == [("minister", "claim", "no hospital would close")]


def test_promising_is_a_verb_of_saying_after_a_comma() -> None:
    text = "The mayor opened the bridge, promising the tolls would end in March."
    assert found(text) == [("mayor", "claim", "the tolls would end in March")]


# A clause of the speaker's before a colon and the quotation after it are two assertions
def test_a_clause_before_a_colon_and_the_quotation_after_it_are_two() -> None:
    text = ('After the vote, union leader Karl Dorn told the BBC any deal "must be put to '
            'members": "We will not sign anything behind their backs."')
    assert found(text) == [
        ("Karl Dorn", "claim", 'any deal "must be put to members"'),
        ("Karl Dorn", "claim", "We will not sign anything behind their backs."),
    ]


def test_a_lead_before_a_colon_is_not_split_off() -> None:
    text = 'Union leader Karl Dorn said the following: "We will not sign anything."'
    assert [s[2] for s in found(text)] == ['the following: "We will not sign anything."']


# A quotation left open at a paragraph's end goes on in the next paragraph: one suggestion
def test_a_quotation_over_two_paragraphs_is_one_suggestion() -> None:
    text = ('Union leader Karl Dorn told reporters: "We will not sign anything behind their '
            'backs.\n"The members decide, and they have said no twice."\n')
    [said] = extract(text)
    assert said.speaker == "Karl Dorn" and len(said.spans) == 2
    assert said.text.endswith("they have said no twice.")


# "went on to express regret that …": a verb of saying in two words
@pytest.mark.parametrize("verb", ["expressed regret", "went on to express regret"])
def test_expressing_regret_that_reports_a_clause(verb: str) -> None:
    text = f"The coach {verb} that the final had been moved to a smaller stadium."
    assert found(text) == [("coach", "claim", "the final had been moved to a smaller stadium")]


# "according to reports first from X": the reports are X's, an adverb between
def test_reports_first_from_an_outlet_are_the_outlets() -> None:
    text = "According to reports first from the Daily Ledger, the minister had resigned."
    assert found(text) == [("Daily Ledger", "claim", "the minister had resigned")]
