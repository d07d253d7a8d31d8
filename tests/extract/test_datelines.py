"""A wire dateline opening a paragraph is the reporter's heading: the first sentence's words
start after it (a new user's article began its first claim with "GAZA CITY, Oct 18 (Wire) -")."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract
from claimtrack.extract.segment import after_dateline


@pytest.mark.parametrize("dateline", [
    "GAZA CITY, Oct 18 (Wire) - ", "WASHINGTON (AP) — ", "KYIV, Ukraine — ", "MOSCOW — ",
    "LONDON, March 3, 2024 (Reuters) -- ", "SAN JOSÉ, Costa Rica (EFE) – ",
])
def test_the_first_claim_starts_after_the_dateline(dateline: str) -> None:
    assert after_dateline(dateline + "An", 0, len(dateline) + 2) == len(dateline)
    (found,) = extract(f"{dateline}An explosion at the hospital killed hundreds of people, "
                       "the health ministry said.")
    assert found.text == "An explosion at the hospital killed hundreds of people"
    assert found.speaker == "health ministry"


@pytest.mark.parametrize("opening", ["NATO — the alliance", "Prices — and wages"])
def test_capitals_and_a_dash_that_are_no_dateline_keep_their_words(opening: str) -> None:
    assert after_dateline(opening, 0, len(opening)) == 0
    assert after_dateline("Moscow — It was", 0, 15) == 0  # a place in capitals only
    (found,) = extract(f"Officials said {opening} would not move.")
    assert opening in found.text
