"""Extraction on real news, round 3 of issue 15, kinds: denials and non-denials without a
denial verb, counter-claims by meaning, hedges and who makes them; one made-up sentence per
shape met in real articles (tuning sets and unlabelled Wikinews), handled by a general rule."""

from __future__ import annotations

import pytest

from tests.helpers.extract import found, one

_BRIBES = "Prosecutors said Ali Demir took bribes. "


# Non-denials: who hedges, and where the hedge ends
def test_a_hedge_attributed_at_the_end_is_the_attributions_and_stops_before_it() -> None:
    speaker, kind, words = one("We are not in a position to confirm or deny that a review is "
                               "under way, the ministry said.", "review")
    assert (speaker, kind) == ("ministry", "non-denial")
    assert words.endswith("under way")


def test_first_person_words_attributed_at_the_end_are_the_attributions() -> None:
    assert one("We did not do it, the ministry said on Monday.", "did not")[0] == "ministry"


def test_none_of_a_group_would_discuss_is_the_groups_non_denial() -> None:
    text = ("The newspaper reported that ministers had seen the memo. None of the three "
            "ministers would discuss the memo.")
    speaker, kind, _ = one(text, "would discuss")
    assert (speaker, kind) == ("ministers", "non-denial")


def test_questioning_a_person_is_no_counter_claim() -> None:
    assert found("Police arrested and questioned the student.") == []
    assert one("The senator questioned whether the figures were accurate.",
               "figures")[1] == "counter-claim"


def test_a_sentence_opened_by_when_is_no_answer_to_a_question() -> None:
    assert one("When the storm hit, officials said the dam was sound.", "sound")[1] == "claim"


def test_not_knowing_denies_nothing() -> None:
    text = ('Reporters said the driver had crossed the line. "I don\'t really know what he was '
            'doing," Travis Hood said.')
    assert one(text, "know what")[1] == "claim"


@pytest.mark.parametrize(("text", "words"), [
    ("Demir said he was innocent.", "innocent"),
    ("Demir says the charges are politically motivated.", "politically motivated"),
    ("Demir insisted he had done nothing wrong.", "nothing wrong"),
    ("Demir disputes the charges.", "charges"),  # disputing a claim about oneself
])
def test_answers_about_oneself_are_denials(text: str, words: str) -> None:
    speaker, kind, _ = one(_BRIBES + text, words)
    assert (speaker, kind) == ("Ali Demir", "denial")


def test_disputing_a_claim_about_someone_else_contradicts_it() -> None:
    text = "Residents said the mayor took bribes. The newspaper disputed the residents' account."
    assert one(text, "account")[1] == "counter-claim"


def test_not_saying_why_is_a_non_denial_not_commenting_is_the_reporters() -> None:
    text = ("Critics blamed hostility for the refusal. U.S. officials have not said why the team "
            "was denied visas.")
    assert one(text, "why the team")[:2] == ("U.S. officials", "non-denial")
    assert [kind for _, kind, _ in found(
        "The paper said the ministry spied. The ministry has not commented on the report.")
    ] == ["claim"]


def test_saying_nothing_about_it_is_a_non_denial() -> None:
    text = "The paper said the minister resigned. Officials said nothing about the report."
    assert one(text, "nothing about")[1] == "non-denial"
    assert one("Officials said nothing had changed.", "nothing had")[1] == "claim"


def test_said_no_is_a_denial() -> None:
    text = ("Reporters asked whether Snowden should be pardoned. Josh Ernest said no, saying the "
            "leak was more dangerous.")
    assert one(text, "no")[:2] == ("Josh Ernest", "denial")


def test_some_claim_is_a_claim_nobody_is_named_for_and_discounting_it_contradicts() -> None:
    text = ("Some claim the plane was headed to Diego Garcia, but Malaysian authorities have "
            "discounted those claims.")
    assert one(text, "Diego Garcia")[:2] == (None, "claim")
    assert one(text, "those claims")[:2] == ("Malaysian authorities", "counter-claim")


# Kinds by meaning
@pytest.mark.parametrize(("text", "words"), [
    ("Residents say the dam is leaking. Engineers at the site say the dam is sound.", "sound"),
    ("The union said membership rose last year. The company said membership fell sharply.",
     "fell"),
])
def test_the_opposite_said_about_the_same_thing_is_a_counter_claim(text: str, words: str) -> None:
    assert one(text, words)[1] == "counter-claim"


def test_opposites_about_different_things_contradict_nothing() -> None:
    text = "The union said membership rose last year. The company said profits fell sharply."
    assert one(text, "profits")[1] == "claim"


def test_calling_an_act_a_name_judges_it_calling_a_claim_false_denies_it() -> None:
    text = ("The Post reported that Trump shared secrets with Russia. Senator Jack Reed called it "
            '"reckless". The White House called it "false".')
    assert one(text, "reckless")[1] == "claim"
    assert one(text, "false")[1] == "denial"


def test_denouncing_a_person_accuses_them() -> None:
    assert one("Many in Congress denounced Manning as a traitor.", "traitor")[1] == "claim"
    assert one("The minister dismissed the report as a smear.", "smear")[1] == "denial"
    text = "The paper said the minister took bribes. The minister dismissed them as lies."
    assert one(text, "lies")[1] == "denial"


def test_said_no_keeps_its_verb_in_the_words() -> None:
    text = "Reporters asked whether he should be pardoned. Josh Ernest said no."
    assert one(text, "no") == ("Josh Ernest", "denial", "said no")


@pytest.mark.parametrize("text", [
    "Johnson feared it would amount to amnesty, which the Home Office today rejects.",
    "Ali Demir accused the mayor of fraud, which the mayor's office flatly denied on Monday.",
])
def test_a_denial_in_a_relative_clause_after_a_longer_subject(text: str) -> None:
    _, kind, words = one(text, "which")
    assert kind == "denial" and words.startswith("which")


def test_refusing_to_identify_is_a_non_denial() -> None:
    text = "Selek refused to identify to police the rebels she met in her research."
    assert one(text, "identify")[:2] == ("Selek", "non-denial")


_BRIBES_REPORT = "The newspaper reported that the minister took bribes. "


def test_a_denial_in_a_relative_clause_ends_where_the_sentence_resumes() -> None:
    text = _BRIBES_REPORT + "The minister, who has denied any wrongdoing, is due in court."
    assert one(text, "wrongdoing")[2] == "denied any wrongdoing"


def test_stopping_short_of_confirming_is_a_non_denial() -> None:
    assert one("Officials stopped short of confirming the figures.", "figures")[1] == (
        "non-denial")


def test_words_that_contradict_make_a_counter_claim_of_an_answer() -> None:  # undercut, refute
    text = ("The administration says emissions are falling. Phil Duffy said the report's contents "
            "completely undercut the administration's policies on emissions.")
    assert one(text, "undercut")[1] == "counter-claim"


def test_a_denial_about_the_speakers_side_and_an_eager_infinitive() -> None:
    text = ("The Post reported that Trump revealed secrets. Trump's advisors were quick to say on "
            "Monday that Trump did not tell the Russians anything.")
    assert one(text, "did not tell")[:2] == ("Trump's advisors", "denial")


def test_a_third_partys_non_disclosure_in_a_statement_is_no_hedge() -> None:
    text = ('The Post reported that the president revealed secrets. "At no time were sources '
            'discussed, and the president did not disclose any operations," said H.R. McMaster.')
    assert one(text, "did not disclose")[1] != "non-denial"
    text = ('The club was asked about Jonas. "He is great, but we don\'t discuss players," the '
            "club said.")
    assert one(text, "discuss")[1] == "non-denial"


def test_voting_no_is_no_denial() -> None:
    assert one("The minister said Britain would vote no.", "vote no")[1] == "claim"


def test_said_nothing_of_the_sort_is_no_non_denial() -> None:
    text = "The White House said nothing of the sort had been discussed."
    assert one(text, "sort")[1] != "non-denial"


def test_a_hedge_by_the_speaker_later_in_a_statement() -> None:
    text = ('The club was asked about Jonas. A club spokesman said: "The decision was final, and '
            'the club will not comment further."')
    assert one(text, "comment further")[1] == "non-denial"


def test_opposites_about_different_subjects_contradict_nothing() -> None:
    text = ("The bank said inflation was higher than expected. The minister said taxes rose "
            "and wages fell.")
    assert [kind for _, kind, _ in found(text)] == ["claim", "claim"]
