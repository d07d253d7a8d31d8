"""Texts that read alike but give other figures or opposite words are not one claim."""

from __future__ import annotations

from claimtrack.core.contrast import difference, figures

JOBS = "Unemployment fell to 3.5 percent in May, the lowest level in 50 years."


def test_other_figures_differ_only_when_both_texts_give_figures() -> None:
    assert difference(JOBS, JOBS.replace("3.5", "8.5")) == "other figures (3.5 / 8.5)"
    assert difference(JOBS, JOBS.replace("50", "40")) == "other figures (50 / 40)"
    assert difference(JOBS, "Unemployment fell to a record low in May, the ministry said") is None
    assert figures("3,000 jobs and 3.000 more, 1,5 and 2024") == {"3000": 1, "3.000": 1,
                                                                    "1,5": 1, "2024": 1}
    assert difference("They cut 3,000 jobs in 2024", "They cut 3000 jobs in 2024") is None


def test_opposite_words_differ_when_each_text_holds_one_side() -> None:
    risen = JOBS.replace("fell", "rose")
    assert difference(JOBS, risen) == "opposite words (fell / rose)"
    assert difference(risen, JOBS) == "opposite words (rose / fell)"
    assert difference("The bridge is SAFE to cross", "the bridge is unsafe to cross") == (
        "opposite words (safe / unsafe)")
    assert difference("Prices are higher this year", "Prices are lower this year") == (
        "opposite words (higher / lower)")
    # a comparison read from the other side says the same
    assert difference("Military recruitment in schools is less education than propaganda",
                      "Military recruitment in schools is more propaganda than education") is None
    # both sides in one text: no contrast to read
    assert difference("Prices rose and then fell again", "Prices fell and then rose again") is None
    assert difference(JOBS, JOBS) is None
