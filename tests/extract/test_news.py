"""Extraction on real news (issue 15): one short made-up sentence per category of failure
seen on real wire copy, and key assertions of real Wikinews articles from fixtures/extract/news.
"""

from __future__ import annotations

import pytest

from claimtrack.extract import extract
from tests.helpers import FIXTURES
from tests.helpers.extract import found, one

NEWS = FIXTURES / "extract" / "news"


# 1. Denials and non-denials without the usual shapes
@pytest.mark.parametrize(("text", "words", "speaker", "kind"), [
    ("The ministry and its contractor have denied allegations that they rigged the tender.",
     "denied allegations", "ministry and contractor", "denial"),
    ("The minister ruled out a second vote.", "ruled out", "minister", "denial"),
    ("The agency rejected the idea that the samples were contaminated.", "rejected the idea",
     "agency", "denial"),
    ("Health officials published the figures, dismissing the report as a smear.",
     "dismissing the report", "Health officials", "denial"),
    ("The spokesman refused to confirm the company's statement.", "refused to confirm",
     "spokesman", "non-denial"),
    ("The ministry declined to say whether the review had started.", "declined to say",
     "ministry", "non-denial"),
])
def test_denials_and_refusals(text: str, words: str, speaker: str, kind: str) -> None:
    assert one(text, words)[:2] == (speaker, kind)


# 2. Kinds by meaning, not by a trigger word
def test_passive_denied_is_a_claim() -> None:
    assert one("Hundreds of patients had been denied treatment, the union said.", "patients")[
        1] == "claim"


def test_not_in_a_position_to_confirm_or_deny_is_a_non_denial() -> None:
    text = 'A spokeswoman said: "We are not in a position to confirm or deny that a review is ' \
           'under way."'
    assert one(text, "not in a position")[1] == "non-denial"


@pytest.mark.parametrize(("text", "words"), [
    ("Critics said the agency had covered up the leak. The agency said it had nothing to do "
     "with it.", "nothing to do"),
    ("Activists said the agency's report was accurate. The agency contests the findings.",
     "contests"),
])
def test_denial_without_a_denial_verb(text: str, words: str) -> None:
    speaker, kind, _ = one(text, words)
    assert (speaker, kind) == ("agency", "denial")


# 3. Speakers
def test_fronted_participle_belongs_to_its_own_sentence() -> None:
    text = ("Officials said the border was quiet. Later, dismissing the report as a smear, the "
            "general said the attack never happened.")
    assert one(text, "dismissing")[:2] == ("general", "denial")


def test_accusation_is_the_accusers_whatever_adjective_precedes_the_object() -> None:
    text = "The spokeswoman accused the newspaper's correspondent of inventing quotes."
    assert one(text, "accused")[:2] == ("spokeswoman", "claim")


def test_names_in_real_shapes() -> None:
    text = ("Crown Prince Mohammad bin Salman of Saudi Arabia spoke on Tuesday. Speaking to "
            "reporters, Emily W. Murphy said the decision was hers. BBC's Jonathan Marcus said "
            "questions remain. On Wednesday, President Recep Tayyip Erdoğan met officials. Erdogan "
            "said the deal was fair.")
    speakers = {s.speaker for s in extract(text)}
    assert {"Emily W. Murphy", "Jonathan Marcus", "Recep Tayyip Erdoğan"} <= speakers
    assert "On Wednesday" not in speakers


def test_a_document_reads_what_its_author_says() -> None:
    text = 'Trump\'s statement read: "The operation was a success."'
    assert found(text) == [("Trump", "claim", "The operation was a success.")]


# 4. Spans stop where the voice stops
def test_span_stops_at_a_relative_clause_with_another_voice() -> None:
    text = "The minister dismissed the audit, which inspectors say shows missing funds."
    assert one(text, "dismissed")[2] == "dismissed the audit"


def test_span_stops_at_the_reporters_dash() -> None:
    text = ("State prosecutors charged him with capital murder, they said Sunday — murder "
            "carrying the possibility of the death penalty.")
    assert "penalty" not in " ".join(s[2] for s in found(text))


def test_span_stops_before_a_gloss() -> None:
    text = 'Trump claimed there were "fine people on both sides," meaning both groups.'
    assert one(text, "fine people")[2] == 'there were "fine people on both sides,"'


# 5. Attribution without a plain speech verb
def test_said_that_although() -> None:
    text = ("The observer said that although the count was orderly, the result could not be "
            "considered fair.")
    speaker, _, words = one(text, "fair")
    assert speaker == "observer" and words.startswith("although the count")


def test_coordinated_denial_after_but() -> None:
    text = ('The paper reported that Abbas had been chosen, but Abbas has denied this, saying, '
            '"the matter is still being discussed."')
    assert one(text, "denied this")[:2] == ("Abbas", "denial")


# Real articles: what a fact-checker would check first
def test_real_article_denial_and_non_denial() -> None:
    text = (NEWS / "n18_iran_admits_downing_ukrainian_jet_cites.txt").read_text(encoding="utf-8")
    assert one(text, "denied the accusation")[:2] == ("Iran", "denial")
    assert one(text, "likely")[0] == "Mike Pompeo"
    text = (NEWS / "n07_us_president_trump_says_osama_bin_laden.txt").read_text(encoding="utf-8")
    assert one(text, "declined to comment")[:2] == ("Donald Trump", "non-denial")
    assert one(text, "high-ranking")[:2] == ("Donald Trump", "claim")


def test_real_article_speakers() -> None:
    text = (NEWS / "n24_us_federal_agency_announces_plans_to_beg.txt").read_text(
        encoding="utf-8")
    assert one(text, "violent threats")[0] == "Emily W. Murphy"
    text = (NEWS / "n38_palestinians_to_elect_new_president_on_j.txt").read_text(
        encoding="utf-8")
    assert one(text, "denied this")[:2] == ("Mahmoud Abbas", "denial")
    assert one(text, "selected by the Fatah")[0] == "Haaretz"
