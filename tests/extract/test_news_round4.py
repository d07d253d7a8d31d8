"""Extraction on real news, round 4 of issue 15: shapes met in the tuning articles and handled by
general rules, one made-up sentence each (none copied from a held-out article)."""

from __future__ import annotations

import pytest

from tests.helpers.extract import found, one


# Negations that deny nothing: what a speaker saw, words deep in a relative clause
@pytest.mark.parametrize(("text", "words"), [
    ("Tom Berg said he had seen no sign of any leak.", "no sign"),  # what he saw
    ("A man wearing a fake vest entered the store, police said.", "fake vest"),  # no verdict
    ("Mira Sandal said the team had compared the river with two rivers that had no dam.",
     "no dam"),  # a negation deep in a relative clause
])
def test_what_a_speaker_saw_or_a_negation_elsewhere_stays_a_claim(text: str, words: str) -> None:
    assert one(text, words)[1] == "claim"


# Who speaks
def test_they_is_the_organisation_that_opened_the_sentence_before() -> None:
    text = ("This Thursday the Refugee Council (TRC) also criticized the move. They said the "
            "rules were unfair.")
    assert one(text, "unfair")[0] == "Refugee Council"


def test_on_joins_a_name_but_not_a_day() -> None:
    text = ("This Thursday the Commission on Human Rights (CHR) criticized the vote. They said "
            "it was unfair. Ann Hale on Monday said it was not.")
    assert one(text, "unfair")[0] == "Commission on Human Rights"
    assert one(text, "it was not")[0] == "Ann Hale"


@pytest.mark.parametrize(("text", "speaker"), [
    ('Lars Dahl, a captain of a ferry which sank off the Faroes stated, "The wreck is ours."',
     "Lars Dahl"),
    ('After Hale was fired, David Dorn, an actor in the film Night Falls wrote, "He is kind."',
     "David Dorn"),
    ("Speaking to Reuters, an attendee Om Das said the hall was full.", "Om Das"),
])
def test_a_name_before_its_unclosed_description_speaks(text: str, speaker: str) -> None:
    assert found(text)[0][0] == speaker


def test_a_relative_clause_after_the_last_item_of_a_list_is_that_items() -> None:
    text = ("The hearing included a film of the crash, an apology from Hale, and requests for "
            "mercy from Hale's lawyers, who argued his illness had played a part.")
    assert one(text, "illness")[0] == "Hale's lawyers"
    text = ("The accusation came from the Green Rivers Coalition, an alliance of groups, which "
            "said it had emails.")
    assert one(text, "emails")[0] == "Green Rivers Coalition"


def test_a_relative_clause_inside_the_subject_is_passed() -> None:
    text = "Hale's advisors who were at the meeting said that Hale did not sign the order."
    assert one(text, "did not sign")[0] == "Hale's advisors"


def test_a_ruling_finding_that_is_its_issuers() -> None:
    text = ("On Monday, Judge Ann Hale issued a ruling against the mining company Redstone "
            "finding that the permits were invalid.")
    assert one(text, "permits were invalid")[0] == "Ann Hale"


@pytest.mark.parametrize(("text", "speaker"), [
    ("According to the reports by Nordic Center for Disease Studies, there are 142 cases.",
     "Nordic Center for Disease Studies"),
    ("According to the WHO's situation report dated March 16, the virus claimed 6606 lives.",
     "WHO"),
    ("According to data from the health ministry, the camp is full.", "health ministry"),
    ("According to Norland officials who spoke on condition of anonymity, the cargo came from "
     "Oslo.", "Norland officials"),
])
def test_according_to_a_document_is_its_owners(text: str, speaker: str) -> None:
    assert found(text)[0][0] == speaker


def test_according_to_two_sources_is_not_the_addressee_of_one() -> None:
    text = ("According to the police and a statement by the father to the agency Asian News "
            "International, the baby was crying.")
    assert all(speaker != "Asian News International" for speaker, _, _ in found(text))


def test_an_unnamed_official_who_told_an_outlet_stays_inside_it() -> None:
    text = ("An official from one country in Europe told the Associated Press his government "
            "might stop the talks.")
    assert one(text, "stop the talks")[0] == "Associated Press"
    assert one("The minister told Reuters the talks had failed.", "failed")[0] == "minister"


def test_words_quoted_after_where_they_were_written_start_at_the_quotation() -> None:
    assert one('David Dorn wrote on Instagram, "He is kind."', "kind")[2] == "He is kind."
    assert one('Ann Hale wrote on her blog on Monday: "The camp is full."', "camp")[2] == (
        "The camp is full.")
    assert one("Ann Hale said in Oslo that the camp was full.", "camp")[2] == "the camp was full"


# Claims named by a noun, and whose they are
@pytest.mark.parametrize(("text", "owner"), [
    ("The minister rejected claims by the regulator that the dam was unsafe.", "regulator"),
    ("The minister denied the newspaper's claims that he took bribes.", "newspaper"),
    ("Hale's repeated claims that the dam was unsafe were ignored.", "Hale"),
])
def test_a_claim_named_by_a_noun_is_its_owners(text: str, owner: str) -> None:
    claim = [s for s in found(text) if s[1] == "claim"]
    assert claim and claim[0][0] == owner


# Organisations named in full once and shorter later
def test_an_organisation_named_shorter_is_the_one_named_in_full() -> None:
    text = ("The United Kingdom Home Office plans a new form. The Home Office said the form "
            "would be short.")
    assert one(text, "short")[0] == "United Kingdom Home Office"


def test_an_acronym_after_a_name_with_commas_is_that_name() -> None:
    text = ("The plan drew criticism from the United Nations Educational, Scientific and "
            "Cultural Organization (UNESCO). UNESCO said the change would need its approval.")
    assert one(text, "approval")[0] == (
        "United Nations Educational, Scientific and Cultural Organization")


# Attribution by other means
@pytest.mark.parametrize(("text", "words", "speaker"), [
    ('Ann Hale went on to call the decision "long overdue."', "overdue", "Ann Hale"),
    ("Tom Berg theorized that a power cut had occurred.", "power cut", "Tom Berg"),
    ('The girl was often alone and, in the words of the prosecutor, Mark Dane, "She spent her '
     'last months crying."', "crying", "Mark Dane"),
])
def test_more_ways_of_reporting(text: str, words: str, speaker: str) -> None:
    assert one(text, words)[0] == speaker


def test_calling_for_something_is_still_no_claim() -> None:
    assert found("Critics call for an inquiry into the deal.") == []


def test_not_the_only_one_denies_nothing() -> None:
    text = ("The agency said Sergeant Ford was sent home for being mentally unstable. Dan Roe said "
            "Ford was not the only soldier sent home for being mentally unstable.")
    assert one(text, "not the only")[1] == "claim"


def test_a_quotation_after_a_colon_ending_a_named_speakers_clause_is_theirs() -> None:
    text = ('Ann Hale spoke directly to the voters, as is her habit, via Twitter: "The camp is '
            'full and the rules are unfair."')
    assert one(text, "rules are unfair")[0] == "Ann Hale"
    assert found('The agenda had three items: "water, roads and schools".') == []
