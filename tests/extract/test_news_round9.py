"""Extraction rules of round 9, from tuning misses and made-up probes: one sentence each."""

from __future__ import annotations

from claimtrack.extract import extract
from tests.helpers.extract import found, one

# Sentences that make the words of the claims below rare enough to link answers by them.
_FILLER = "Ships waited at the port. Prices rose in the markets. The rains came early. "
SALE = "Reporters said Mayor Tom Stone had sold the harbour land to his brother. " + _FILLER


# A possessor inside a speaker's name is their side: "Stone's advisers" deny for Stone
def test_advisers_named_by_their_principal_speak_for_his_side() -> None:
    text = SALE + "Stone's advisers who were at the sale said Stone did not sell the harbour land."
    assert one(text, "did not sell")[:2] == ("Stone's advisers", "denial")


# Insisting on a negation about oneself answers an accusation, even one the article never states
def test_insisting_on_a_negation_about_oneself_is_a_denial() -> None:
    text = "Ann Lee, the harbour master, insisted she had never met the buyers of the pier."
    assert one(text, "never met")[:2] == ("Ann Lee", "denial")


def test_affirming_a_negation_about_ones_side_is_a_denial() -> None:
    text = "In an interview, Governor Ray Holt affirmed that his office had no links to the bank."
    assert one(text, "no links")[:2] == ("Ray Holt", "denial")


def test_insisting_on_a_negation_about_someone_else_denies_nothing() -> None:
    text = "Ann Lee insisted the pier had never been safe for boats."
    assert one(text, "never been safe")[1] == "claim"


# A negation about the speaker's own conduct, named later in the clause by their pronoun
CLINIC = ("Parents said the Hillview clinic turned patients away because of their accents. "
          + _FILLER)


def test_a_negation_about_the_speakers_own_conduct_is_a_denial() -> None:
    text = CLINIC + ("The Hillview clinic said that accents were not a factor in the way it "
                     "treated patients.")
    assert one(text, "not a factor")[:2] == ("Hillview clinic", "denial")


def test_a_negation_about_others_by_a_third_party_still_contradicts() -> None:
    text = CLINIC + ("The health board said that accents were not a factor in the way the clinic "
                     "treated patients.")
    assert one(text, "not a factor")[:2] == ("health board", "counter-claim")


# A quotation standing alone after an answer that names only what it answers goes on with it
FEES = "Nia Cole said the harbour fees were illegal. " + _FILLER


def test_a_quotation_after_a_bare_disagreement_is_the_counter_claim() -> None:
    text = FEES + ("The port authority disagreed with Cole's assessment. \"We see no breach of "
                   "the law in the fees.\"")
    assert one(text, "no breach")[:2] == ("port authority", "counter-claim")


def test_a_quotation_after_a_bare_denial_is_the_denial() -> None:
    text = ("Locals said the Carrow company dumped waste in the lake. " + _FILLER
            + "The Carrow company denied the allegations. \"Our waste has always gone to "
            "licensed sites.\"")
    assert one(text, "licensed sites")[:2] == ("Carrow company", "denial")


def test_a_quotation_after_a_denial_with_its_own_words_stays_a_claim() -> None:
    text = ("Locals said the Carrow company dumped waste in the lake. " + _FILLER
            + "The Carrow company denied that it had dumped waste. \"We will open our books to "
            "the inspectors.\"")
    assert one(text, "open our books")[1] == "claim"


# A passive answer with its agent is the agent's: "The allegations were denied by X"
DUMPING = "Locals said the Carrow company dumped waste in the lake. " + _FILLER


def test_allegations_denied_by_an_agent_are_the_agents_denial() -> None:
    text = DUMPING + "The allegations were denied by the Carrow company on Monday."
    speaker, kind, words = one(text, "denied")
    assert (speaker, kind) == ("Carrow company", "denial")
    assert "Monday" not in words


def test_a_speaker_countered_by_an_agent_is_answered_by_the_agent() -> None:
    text = ("Defence lawyer Tom Reed argued the search had been unlawful. He was countered by "
            "prosecutor Ana Vidal, who asked for a longer sentence.")
    assert one(text, "countered")[:2] == ("Ana Vidal", "counter-claim")
    answers = [s.responds_to for s in extract(text) if "countered" in s.text]
    assert answers == ["s1"]


def test_a_person_questioned_by_police_is_no_answer() -> None:
    text = "Tom Reed said he saw the fire. He was questioned by police on Monday."
    assert not [s for s in found(text) if "questioned" in s[2]]


def test_a_relative_clause_after_the_agent_is_no_part_of_it() -> None:
    text = ("Tom Reed argued the search was unlawful. He was countered by chief prosecutor Ana "
            "Vidal who earlier sought a longer sentence.")
    assert one(text, "countered")[0] == "Ana Vidal"


def test_an_answer_with_no_words_of_its_own_is_not_answered() -> None:
    text = ("Tom Reed argued the search was unlawful. He was countered by Ana Vidal of the state "
            "prosecution service. " + _FILLER
            + "Neighbours said the state prosecution service was politically motivated.")
    assert one(text, "politically motivated")[1] == "claim"



# A decision taken "on the grounds that X" asserts X: the reason is the decider's claim
def test_a_decision_on_the_grounds_that_asserts_its_reason() -> None:
    text = ("Judge Ada Brook struck down the curfew on the grounds that there was no evidence it "
            "reduced crime.")
    speaker, _, words = one(text, "no evidence")
    assert speaker == "Ada Brook" and words.startswith("there was no evidence")


def test_a_passive_decision_on_the_grounds_that_is_nobodys() -> None:
    text = "The curfew was struck down on the grounds that there was no evidence it reduced crime."
    assert not found(text)


# A negation inside a relative clause describes a noun; it negates nothing the speaker asserts
def test_a_negation_in_a_relative_clause_contradicts_nothing() -> None:
    text = ("The council said the harbour contract went to the lowest bidder. " + _FILLER
            + "Nia Cole said firms that did not bid for the harbour contract got it.")
    assert one(text, "did not bid")[1] == "claim"


def test_a_negation_of_the_main_clause_still_contradicts() -> None:
    text = ("The council said the harbour contract went to the lowest bidder. " + _FILLER
            + "Nia Cole said the harbour contract did not go to the lowest bidder.")
    assert one(text, "did not go")[1] == "counter-claim"


# A quotation after the verb ends the words when ", but …" follows it: the rest is the reporter's
def test_a_but_clause_after_a_quotation_is_the_reporters() -> None:
    text = ("Ada Brook, the mayor, said \"the bridge may close in the spring\", but no date for "
            "the closure has been set.")
    speaker, _, words = one(text, "bridge may close")
    assert speaker == "Ada Brook" and "no date" not in words


# A negation inside a condition ("If X does not …, Y") is not asserted
def test_a_negation_inside_a_condition_contradicts_nothing() -> None:
    text = ("The council said the river Tane was healthy and its fish were safe. " + _FILLER
            + "\"If the council does not clean the river Tane, its fish will die,\" said Nia "
            "Cole.")
    assert one(text, "its fish will die")[1] == "claim"


# "submitted (that) X" in court reports the clause; "submitted the report" submits a paper
def test_a_lawyer_submitting_a_clause_asserts_it() -> None:
    text = "Defence lawyer Ana Vidal had submitted the search did not follow the law."
    assert one(text, "search did not")[0] == "Ana Vidal"


def test_submitting_a_document_asserts_nothing() -> None:
    text = "Defence lawyer Ana Vidal submitted the report to the court on Monday."
    assert not found(text)


# A document "in" a publication speaks for the publication
def test_articles_in_journals_are_the_journals() -> None:
    text = "Articles in regional medical journals have described the cure as a fraud."
    assert one(text, "fraud")[0] == "regional medical journals"


def test_a_report_in_a_newspaper_is_the_newspapers() -> None:
    text = "A report in the Lakeside Post said the mayor had resigned."
    assert one(text, "mayor had resigned")[0] == "Lakeside Post"


def test_examples_after_including_are_no_part_of_the_speaker() -> None:
    text = ("Articles in regional medical journals including The Lakeside Review have described "
            "the cure as a fraud.")
    assert one(text, "fraud")[0] == "regional medical journals"


# An act announced or a work written, with a short quoted name or a relative clause inside its
# object, is still an act: "announced a withdrawal beyond the 'buffer zone'"
def test_a_quoted_name_inside_an_announced_act_is_no_statement() -> None:
    text = ('The ministry announced a full withdrawal of its troops beyond the "buffer zone" set '
            "up last year.")
    assert found(text) == []


def test_a_work_written_described_by_a_relative_clause_is_no_statement() -> None:
    assert found("Ana Vidal wrote Winter Harbour, which is a novel about fishermen.") == []


def test_an_announcement_with_its_own_quoted_words_stays() -> None:
    text = 'The ministry announced a "complete and final" withdrawal.'
    assert one(text, "withdrawal")[0] == "ministry"


# A verb joined by "and" inside a subordinate clause of the reported words is that clause's
# ("that while the builders had paid their fines and admitted the delays, …")
def test_a_verb_inside_a_subordinate_clause_of_the_words_is_no_new_event() -> None:
    text = ("Ana Vidal said that although the builders had paid their fines and admitted the "
            "delays, the bridge is still unsafe.")
    assert found(text) == [("Ana Vidal", "claim", "although the builders had paid their fines "
                            "and admitted the delays, the bridge is still unsafe")]


# Longer-context denials: an accusation, then answers of several shapes
BRIBES = ("Reporters said the mayor Tom Stone had taken bribes from the harbour builders. "
          + _FILLER + "Farmers sold grain. The school reopened. Buses ran late. ")


def test_an_adverb_such_as_always_between_auxiliary_and_verb() -> None:
    text = BRIBES + "Stone has always maintained that he is innocent."
    assert one(text, "innocent")[:2] == ("Tom Stone", "denial")


def test_calling_an_allegation_false_without_quotation_marks() -> None:
    text = BRIBES + "Stone called the allegations baseless."
    assert one(text, "baseless")[:2] == ("Tom Stone", "denial")


def test_never_accepting_money_is_a_negation_of_fact() -> None:
    text = BRIBES + "Stone said he had never accepted money from the builders."
    assert one(text, "never accepted")[:2] == ("Tom Stone", "denial")


def test_not_accepting_a_conclusion_is_a_view() -> None:
    text = BRIBES + "Judge Ana Vidal said she did not accept the evidence proved a bribe."
    assert one(text, "did not accept")[1] == "claim"


def test_the_speakers_title_as_subject_is_the_speaker() -> None:
    text = BRIBES + "A spokesman for Stone said the mayor \"has never taken a penny\"."
    assert one(text, "never taken")[:2] == ("Tom Stone", "denial")


def test_being_adamant_is_insisting() -> None:
    text = BRIBES + "Stone was adamant that he had done nothing wrong."
    assert one(text, "nothing wrong")[:2] == ("Tom Stone", "denial")


def test_taking_issue_with_a_claim_answers_it() -> None:
    text = BRIBES + "Stone took issue with the claim that he had taken bribes."
    assert one(text, "the claim that he had")[:2] == ("Tom Stone", "denial")


def test_however_after_the_subject_sets_the_words_against_a_claim() -> None:
    text = ("The council said the harbour contract went to the lowest bidder. " + _FILLER
            + "Nia Cole, however, said the harbour contract went to the mayor's brother.")
    assert one(text, "mayor's brother")[:2] == ("Nia Cole", "counter-claim")



def test_however_inside_another_clause_is_not_the_subjects() -> None:
    text = ("Reporters said the harbour contract was rigged. " + _FILLER + "The council at first "
            "denied all claims that the harbour contract was rigged, however, the state auditor "
            "later concluded the harbour contract was rigged.")
    assert one(text, "rigged")[1] == "claim"
    assert [s[1] for s in found(text) if s[0] == "state auditor"] == ["claim"]


# Spans and negation scope on a claim about a dam
DAM = ("The Velor company said its new dam on the river Tane was safe and would not flood the "
       "valley. " + _FILLER + "Farmers sold grain. The school reopened. Buses ran late. ")


def test_that_followed_by_its_verb_is_the_subject_not_a_conjunction() -> None:
    text = DAM + "Ana Vidal, an engineer, said that was untrue."
    assert one(text, "untrue")[2] == "that was untrue"


def test_an_adverb_before_that_is_no_part_of_the_words() -> None:
    text = DAM + "Two engineers have both said publicly that the dam leaks."
    assert one(text, "dam leaks")[2] == "the dam leaks"


def test_casting_doubt_on_a_claim_answers_it() -> None:
    text = DAM + "Engineers cast doubt on the company's claim that the dam was safe."
    assert one(text, "the company's claim")[:2] == ("Engineers", "counter-claim")


def test_a_study_by_a_body_is_the_bodys() -> None:
    text = DAM + "A study by the state university found the dam on the river Tane was unsafe."
    assert one(text, "unsafe")[0] == "state university"


def test_calling_figures_inaccurate_calls_them_false() -> None:
    text = ("Engineers said their flood figures showed the Tane dam would fail. " + _FILLER
            + "Farmers sold grain. The school reopened. Buses ran late. "
            + "The Velor company said the flood figures were inaccurate.")
    assert one(text, "inaccurate")[:2] == ("Velor company", "denial")


def test_a_finding_without_that_is_reported() -> None:
    text = "The state inspectors found the Tane dam was unsafe."
    assert one(text, "unsafe")[0] == "state inspectors"


def test_finding_an_object_with_a_relative_clause_reports_nothing() -> None:
    assert found("Police found a knife that was hidden in the car.") == []


# The reporter's apposition after the words: "…, a figure that could not be verified"
def test_a_figure_that_could_not_be_verified_is_the_reporters() -> None:
    text = "The army said it had killed 20 fighters, a figure that could not be verified."
    assert one(text, "20 fighters")[2] == "it had killed 20 fighters"


# A verb inside a relative clause on the subject: its words end where the main clause resumes
def test_words_inside_a_relative_clause_end_at_its_comma() -> None:
    text = "The president, who claimed that the vote was rigged, left for Paris on Sunday."
    assert one(text, "rigged")[2] == "the vote was rigged"
