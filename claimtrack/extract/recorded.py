"""Suggestions that are a recorded claim again, not an answer to it.

The matching seam (``claimtrack.services.extraction.find_answered_claim``) points an answer
with nothing to answer in its own article at the recorded claim it most resembles. When that
claim is the same speaker's, in the same or nearly the same words (the same non-denial quoted
by a second article), the suggestion is that claim again: nobody answers themselves.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

from claimtrack.extract.model import Suggestion

NEARLY_SAME = 0.9  # share of words in common, in order: a word or two changed in a sentence


def restates(text: str, recorded: str) -> bool:
    """Whether ``text`` says what ``recorded`` says, in the same or nearly the same words."""
    ours, theirs = _words(text), _words(recorded)
    if not ours or not theirs:
        return False
    return ours == theirs or SequenceMatcher(None, ours, theirs, autojunk=False).ratio() >= (
        NEARLY_SAME
    )


def already_recorded(
    suggestions: Sequence[Suggestion], answered: Mapping[str, tuple[str | None, str]]
) -> tuple[list[Suggestion], dict[str, str]]:
    """Undo the answers to a recorded copy of the answer itself.

    ``answered`` gives the speaker and text of each recorded claim the suggestions answer.
    Returns the suggestions (a copy answers nothing; an answer to a copy answers the recorded
    claim) and which suggestion is which recorded claim (``{"s3": "c-…"}``).
    """
    copies = {}
    for suggestion in suggestions:
        recorded = answered.get(suggestion.responds_to or "")
        if recorded is not None and _same_speaker(suggestion.speaker, recorded[0]) and (
            restates(suggestion.text, recorded[1])
        ):
            copies[suggestion.id] = suggestion.responds_to or ""
    settled = []
    for suggestion in suggestions:
        if suggestion.id in copies:
            suggestion = dataclasses.replace(suggestion, responds_to=None)
        elif suggestion.responds_to in copies:
            suggestion = dataclasses.replace(suggestion, responds_to=copies[suggestion.responds_to])
        settled.append(suggestion)
    return settled, copies


def _same_speaker(speaker: str | None, recorded: str | None) -> bool:
    return speaker is not None and recorded is not None and (
        " ".join(speaker.split()).casefold() == " ".join(recorded.split()).casefold()
    )


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())
