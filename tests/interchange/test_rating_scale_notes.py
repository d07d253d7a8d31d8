"""The warning for a ratingValue that cannot be read on its scale names the scale as the reader
saw it: a bound given empty is "no bestRating given", a bound left out is schema.org's default
(never "bestRating )" with nothing in it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Cli, write

REST = "; the numbers were left out and the label decides."


def review(rating: dict[str, Any]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "The bridge was closed all year", "url": "https://desk.example.org/1",
            "author": {"@type": "Organization", "name": "Example Desk"},
            "reviewRating": {"@type": "Rating", "alternateName": "False", **rating}}


@pytest.mark.parametrize("rating, note", [
    ({"ratingValue": "1", "bestRating": "", "worstRating": "1"},
     "ratingValue 1 cannot be placed on a scale: no bestRating given (the field is empty)"),
    ({"ratingValue": 1, "bestRating": "ten", "worstRating": " "},
     "ratingValue 1 cannot be placed on a scale: no worstRating given (the field is empty) "
     "and bestRating 'ten' is not a number"),
    ({"ratingValue": 7},
     "ratingValue 7 is not on its scale (worstRating 1 to bestRating 5; worstRating and "
     "bestRating not given, so schema.org's defaults)"),
    ({"ratingValue": 7, "worstRating": 0},
     "ratingValue 7 is not on its scale (worstRating 0 to bestRating 5; bestRating not given, "
     "so schema.org's default)"),
    ({"ratingValue": "-1", "bestRating": 6, "worstRating": 1},
     "ratingValue -1 is not on its scale (worstRating 1 to bestRating 6)"),
])
def test_off_scale_note_reads_well(
    cli: Cli, tmp_path: Path, rating: dict[str, Any], note: str
) -> None:
    result = cli.ok("import", write(tmp_path / "r.json", json.dumps([review(rating)])))
    assert f"item 1: {note}{REST}" in result.stderr
