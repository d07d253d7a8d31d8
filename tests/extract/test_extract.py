"""The extractor on its own (no database): patterns of attribution, kinds, answers, offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.extract_devset import FIXTURES, articles, load
from claimtrack.extract import Kind, Suggestion, extract


def one(text: str) -> Suggestion:
    found = extract(text)
    assert len(found) == 1, found
    return found[0]


def by_speaker(text: str) -> dict[str | None, list[Suggestion]]:
    found: dict[str | None, list[Suggestion]] = {}
    for suggestion in extract(text):
        found.setdefault(suggestion.speaker, []).append(suggestion)
    return found


def test_offsets_are_code_points_into_the_input() -> None:
    text = "Ünïcødé first: «ok». “We did nothing wrong,” said Jean-Luc Dupré, the mayor’s aide."
    suggestion = one(text)
    assert suggestion.speaker == "Jean-Luc Dupré"
    assert text[suggestion.start : suggestion.end] == "We did nothing wrong"
    assert suggestion.text == "We did nothing wrong"


def test_crlf_and_blank_lines_keep_offsets() -> None:
    text = 'Intro line.\r\n\r\n"The bridge is safe," the mayor\'s office said.\r\n'
    suggestion = one(text)
    assert text[suggestion.start : suggestion.end] == "The bridge is safe"


def test_speaker_before_and_after_the_quote_straight_and_curly() -> None:
    text = (
        'Opposition leader Anya Selim said: "The vote was rigged."\n'
        "“Every complaint will be examined,” said Pavel Droz, the commission’s chairman.\n"
        "'Nobody told us,' Reis said.\n"
    )
    speakers = [s.speaker for s in extract(text)]
    assert speakers == ["Anya Selim", "Pavel Droz", "Reis"]


def test_a_quote_split_by_he_said_gives_two_spans() -> None:
    text = '"Silence breeds rumours," he said, "and the palace has been silent." Martin Oyelaran'
    text = "Historian Martin Oyelaran spoke on Monday. " + text.rsplit(" Martin", 1)[0]
    suggestion = one(text)
    assert suggestion.speaker == "Martin Oyelaran"
    assert [text[s:e] for s, e in suggestion.spans] == [
        "Silence breeds rumours", "and the palace has been silent."]
    assert (suggestion.start, suggestion.end) == (suggestion.spans[0][0], suggestion.spans[1][1])


def test_quote_spanning_sentences_and_continued_quote() -> None:
    text = ('"We have video. This was not an election. It was theft," Selim told supporters. '
            '"We will not give up."')
    first, second = extract(text)
    assert first.text.startswith("We have video.") and first.text.endswith("It was theft")
    assert (first.speaker, second.speaker) == ("Selim", "Selim")
    assert second.text == "We will not give up."


def test_open_quote_paragraph_belongs_to_the_next_paragraphs_speaker() -> None:
    text = ('"We take security seriously. Our teams are working.\n'
            '"Nothing suggests a breach," chief technology officer Ravi Menon said.\n')
    assert [s.speaker for s in extract(text)] == ["Ravi Menon", "Ravi Menon"]


def test_titles_organisations_and_spokespeople() -> None:
    text = (
        "U.S. national security adviser Jake Sullivan said the talks were useful.\n"
        "The White House said Friday that the talks would resume.\n"
        "A spokeswoman for the United Nations said the meeting was postponed.\n"
        "A Velonta spokesman said the plant would stay open.\n"
        "Analysts at Brennock Securities wrote in a note that demand was falling.\n"
        "Ukrainian officials have warned that an attack could come from the north.\n"
    )
    assert [s.speaker for s in extract(text)] == [
        "Jake Sullivan", "White House", "United Nations", "Velonta", "Brennock Securities",
        "Ukrainian officials"]


def test_pronouns_surnames_and_roles_resolve_to_the_person() -> None:
    text = (
        "Russia's top diplomat on Monday rejected the allegations that it was preparing an "
        "invasion.\n"
        "Russian Foreign Minister Sergey Lavrov dismissed the U.S. claim as \"disinformation.\"\n"
        "He said Russia expects a written response.\n"
        "Lavrov added that talks would continue.\n"
    )
    speakers = [s.speaker for s in extract(text) if s.kind is not Kind.CLAIM or s.speaker]
    assert set(speakers) == {"Sergey Lavrov"}
    assert len(speakers) == 4


def test_appositions_and_relative_clauses_are_skipped() -> None:
    text = ("Belarusian President Alexander Lukashenko, who has relied on the Kremlin's support, "
            "said that drills will be held. Its president, Ama Owusu, said the team was ready.")
    assert [s.speaker for s in extract(text)] == ["Alexander Lukashenko", "Ama Owusu"]


def test_hedged_non_denials() -> None:
    text = (
        'Deputy Minister Sergei Ryabkov said he would "neither confirm nor exclude" a deployment.\n'
        "Pharmavia declined to comment on the allegations.\n"
        "Her agent, Leon Brandt, refused to rule out legal action.\n"
        "A health ministry spokeswoman would not say whether it would publish the results.\n"
        '"We do not comment on market speculation," a Velonta spokesman said.\n'
    )
    assert [s.kind for s in extract(text)] == [Kind.NON_DENIAL] * 5


def test_negated_reporting_verbs_are_not_assertions() -> None:
    text = "She did not deny the report. The government has not commented on the findings."
    assert extract(text) == []


def test_denial_of_an_allegation_links_to_it() -> None:
    text = ("Health officials rejected social media claims that a batch of vaccines had been "
            "contaminated. Pharmavia has denied it.")
    denial, claim, second = extract(text)
    assert (claim.speaker, claim.kind, claim.text) == (
        None, Kind.CLAIM, "a batch of vaccines had been contaminated")
    assert (denial.kind, denial.responds_to) == (Kind.DENIAL, claim.id)
    assert (second.kind, second.responds_to) == (Kind.DENIAL, claim.id)


def test_dismissing_comments_is_a_counter_claim_and_allegations_a_denial() -> None:
    text = ('Sergei Ryabkov said Russia might send troops. Jake Sullivan dismissed the comments '
            'as bluster. Ryabkov dismissed the U.S. claim as "lies."')
    said, countered, denied = extract(text)
    assert (countered.kind, countered.responds_to) == (Kind.COUNTER_CLAIM, said.id)
    assert (denied.kind, denied.responds_to, denied.verb) == (
        Kind.DENIAL, countered.id, "dismissed … as")


def test_narration_and_unattributed_statements_have_no_speaker() -> None:
    text = ("An estimated 100,000 troops are massed near the border. Russia seized Crimea in "
            "2014. Washington and its allies rejected Moscow's demands.")
    assert extract(text) == []


def test_according_to_and_all_capitals_lines() -> None:
    text = ("CLICK HERE TO GET THE APP\nAccording to the broadcaster, the sample contained a "
            "steroid.\nThe test was positive, according to two officials.")
    first, second = extract(text)
    assert (first.speaker, first.text) == ("broadcaster", "the sample contained a steroid")
    assert (second.speaker, second.text) == ("officials", "The test was positive")


def test_every_labelled_article_has_consistent_offsets() -> None:
    labelled = articles()
    assert len([a for a in labelled if a.name != "seed"]) >= 12
    for path in sorted((FIXTURES / "labels").glob("*.json")):
        article = load(path)  # raises when an offset does not match its passage
        if article is not None:
            assert article.labels


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab C."“”‘’\',:;—\n!?sAid said he She denied')),
               max_size=300))
def test_never_fails_and_spans_stay_inside_the_text(text: str) -> None:
    for suggestion in extract(text):
        assert 0 <= suggestion.start < suggestion.end <= len(text)
        assert all(suggestion.start <= s < e <= suggestion.end for s, e in suggestion.spans)
        assert suggestion.text == " … ".join(text[s:e] for s, e in suggestion.spans)
        assert 0.0 <= suggestion.confidence <= 1.0


def test_attribution_after_the_clause_and_in_parenthesis() -> None:
    text = ("Troops are massing near the border, officials said on Monday. The currency, he said, "
            "was sound. Finance Minister Erik Lund spoke next.")
    first = extract(text)[0]
    assert (first.speaker, first.text) == ("officials", "Troops are massing near the border")
    text = ("Finance Minister Erik Lund backed the governor. The currency, he said, was "
            '"fundamentally sound."')
    [suggestion] = extract(text)
    assert suggestion.speaker == "Erik Lund"
    assert [text[s:e] for s, e in suggestion.spans] == ["The currency",
                                                        'was "fundamentally sound."']


def test_plural_subjects_take_base_forms_and_passives_assert_nothing() -> None:
    text = ("Critics say the law is unfair. The U.S. claim is false, analysts at Brennock said. "
            "The minister was accused of lying.")
    speakers = [(s.speaker, s.text) for s in extract(text)]
    assert speakers == [("Critics", "the law is unfair"),
                        ("Brennock", "The U.S. claim is false")]


def test_headlines_relative_clauses_and_fronted_objects() -> None:
    text = ("Minister Denies Cover-Up Over Mine Leak\n"
            "The accusation came from the Green Rivers Coalition, an alliance of groups, which "
            "said it had emails. The fire was arson, the fire chief said, a claim the owners "
            'called "reckless."\n')
    found = extract(text)
    assert [s.speaker for s in found] == ["Green Rivers Coalition", "fire chief", "owners"]
    assert (found[2].kind, found[2].responds_to) == (Kind.DENIAL, found[1].id)


def test_she_and_he_follow_gender_once_known() -> None:
    text = ('Governor Petra Halvorsen said the bank was sound. "No devaluation," she said. '
            "Finance Minister Erik Lund backed her. He said the krona was strong.")
    assert [s.speaker for s in extract(text)] == ["Petra Halvorsen", "Petra Halvorsen",
                                                  "Erik Lund"]
