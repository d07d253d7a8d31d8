"""The consumer's checks of issue 12, point 7 (tests/claimreview_samples.py), on documents
written by hand: each check must catch what it is for and pass what is fine, or the per-sample
export tests prove nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.claimreview import (
    claimant_problems,
    first_appearance_problems,
    language_problems,
    rating_problems,
    spelling_problems,
    url_key,
)

GOOD_RATING = {"ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False"}


def review(**fields: Any) -> dict[str, Any]:
    return {"@type": "ClaimReview", "reviewRating": GOOD_RATING, **fields}


@pytest.mark.parametrize(
    ("rating", "problem"),
    [
        ({"ratingValue": "", "bestRating": "5", "worstRating": "1"}, "ratingValue '' is not"),
        ({"ratingValue": 1, "bestRating": "", "worstRating": 1}, "bestRating '' is not"),
        ({"ratingValue": 4, "bestRating": 9}, "no worstRating"),
        ({"ratingValue": -1, "bestRating": -1, "worstRating": -1}, "is not below"),
        ({"ratingValue": 4, "bestRating": 0, "worstRating": 5}, "is not below"),
        ({"ratingValue": 11, "bestRating": 9, "worstRating": 1}, "outside 1..9"),
        ({"alternateName": "False"}, "no ratingValue"),
    ],
)
def test_rating_check_catches(rating: dict[str, Any], problem: str) -> None:
    found = rating_problems(review(reviewRating=rating), rated=True)
    assert any(problem in p for p in found), found


@pytest.mark.parametrize(
    "rating",
    [
        GOOD_RATING,
        {"ratingValue": "4", "bestRating": "6", "worstRating": "1"},  # numbers as text
        {"ratingValue": 1, "bestRating": 5, "worstRating": 0},
    ],
)
def test_rating_check_passes(rating: dict[str, Any]) -> None:
    assert rating_problems(review(reviewRating=rating), rated=True) == []


def test_an_unverifiable_verdict_may_go_without_numbers() -> None:
    assert rating_problems(review(reviewRating={"alternateName": "證據不足"}), rated=False) == []


def test_spelling_check_catches_one_page_written_two_ways() -> None:
    written = review(
        url="https://www.newtral.es/lista-espera/20221006/",
        itemReviewed={
            "appearance": [
                {"url": "https://www.facebook.com/watch/?v=1"},
                {"url": "https://www.facebook.com/watch?v=1"},
            ]
        },
        mainEntityOfPage="https://www.newtral.es/lista-espera/20221006",
    )
    assert len(spelling_problems(written)) == 2


def test_spelling_check_leaves_ids_and_other_pages_alone() -> None:
    written = review(
        url="https://www.newtral.es/lista-espera/20221006/",
        mainEntityOfPage={"@id": "https://www.newtral.es/lista-espera/20221006/#webpage"},
        author={"url": "https://www.newtral.es/", "sameAs": "https://www.newtral.es"},
    )
    assert spelling_problems(written) == []


def test_url_key_sets_spelling_aside() -> None:
    assert url_key("https://WWW.Example.org:443/a%C3%A7/?x&y=1#top") == url_key(
        "https://www.example.org/aç?x=&y=1"
    )
    assert url_key("https://example.org/a") != url_key("https://example.org/b")


def test_first_appearance_check() -> None:
    places = [{"url": "https://b.example.org/1"}, {"url": "https://c.example.org/2"}]
    alphabetical = review(
        itemReviewed={"firstAppearance": {"url": "https://a.example.org/0"}, "appearance": places}
    )
    assert first_appearance_problems(alphabetical, []) != []
    assert first_appearance_problems(alphabetical, ["https://a.example.org/0/"]) == []
    dated = review(
        itemReviewed={
            "firstAppearance": {"url": "https://a.example.org/0", "datePublished": "2020-01-01"},
            "appearance": [{**p, "datePublished": "2020-02-01"} for p in places],
        }
    )
    assert first_appearance_problems(dated, []) == []
    assert first_appearance_problems(review(itemReviewed={"appearance": places}), []) == []


def test_claimant_and_language_checks() -> None:
    written = review(
        itemReviewed={"author": {"@type": "Organization", "name": "Jair Bolsonaro"}},
        inLanguage="pt-BR",
    )
    assert claimant_problems(written, "Person") != []
    assert claimant_problems(written, "Organization") == []
    assert claimant_problems(written, None) == []
    assert language_problems(written, "pt-br") == []
    assert language_problems(written, "es") != []
    assert language_problems(review(), "zh-hant") != []
