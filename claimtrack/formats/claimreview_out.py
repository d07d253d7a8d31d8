"""Write verdicts as schema.org ClaimReview JSON-LD, one review per verdict.

Every property Google's fact-check documentation requires (claimReviewed, reviewRating,
url) or recommends (author, datePublished, itemReviewed as a Claim with author, datePublished,
appearance and firstAppearance; the rating's alternateName, ratingValue, bestRating and
worstRating) is written when claimtrack knows it. A verdict that was imported from a
ClaimReview keeps the properties claimtrack does not manage (images, @id, sameAs…).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from claimtrack.core.enums import ActorKind, Rating
from claimtrack.formats.claimreview import first, is_review, rating_label, text_of, types_of
from claimtrack.formats.native import ClaimRecord, VerdictRecord, iso_date

# claimtrack's ratings on a 1 (false) to 5 (true) scale; "unverifiable" has no number.
RATING_VALUES: dict[Rating, int] = {
    Rating.FALSE: 1,
    Rating.MOSTLY_FALSE: 2,
    Rating.MIXED: 3,
    Rating.MOSTLY_TRUE: 4,
    Rating.TRUE: 5,
}


@dataclass(frozen=True)
class ReviewExport:
    """What one ClaimReview is written from."""

    verdict: VerdictRecord
    claim: ClaimRecord
    reviewer_kind: ActorKind = ActorKind.UNKNOWN
    speaker_kind: ActorKind = ActorKind.UNKNOWN
    source_titles: dict[str, str] = field(default_factory=dict)
    original: str | None = None


def _agent(name: str, kind: ActorKind) -> dict[str, Any]:
    return {"@type": "Person" if kind is ActorKind.PERSON else "Organization", "name": name}


def _rating(verdict: VerdictRecord) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.rating}
    if verdict.normalized in RATING_VALUES:
        rating |= {
            "ratingValue": RATING_VALUES[verdict.normalized],
            "bestRating": 5,
            "worstRating": 1,
        }
    return rating


def _item(export: ReviewExport) -> dict[str, Any]:
    claim = export.claim
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker:
        item["author"] = _agent(claim.speaker, export.speaker_kind)
    if claim.date:
        item["datePublished"] = iso_date(claim.date)
    places = []
    for appearance in sorted(claim.appearances, key=lambda a: (a.seen is None, a.seen, a.source)):
        place: dict[str, Any] = {"@type": "CreativeWork", "url": appearance.source}
        if appearance.source in export.source_titles:
            place["headline"] = export.source_titles[appearance.source]
        if appearance.seen:
            place["datePublished"] = iso_date(appearance.seen)
        places.append(place)
    if places:
        item["firstAppearance"] = places[0]
    if len(places) > 1:
        item["appearance"] = places[1:]
    return item


def review_document(export: ReviewExport) -> dict[str, Any]:
    """The ClaimReview for one verdict (with its claim), merged over the imported original."""
    verdict = export.verdict
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": verdict.url,
        "claimReviewed": export.claim.text,
        "datePublished": iso_date(verdict.date),
        "author": _agent(verdict.by, export.reviewer_kind),
        "reviewRating": _rating(verdict),
        "itemReviewed": _item(export),
        "reviewBody": verdict.explanation,
        "inLanguage": export.claim.language,
    }
    review = {key: value for key, value in review.items() if value is not None}
    original = _original(export.original)
    return _merge(original, review) if original else review


def _original(document: str | None) -> dict[str, Any] | None:
    if not document:
        return None
    try:
        parsed = json.loads(document)
    except ValueError:
        return None
    return parsed if is_review(parsed) and "@type" in parsed else None


def _merge(original: dict[str, Any], review: dict[str, Any]) -> dict[str, Any]:
    """Our values win; the original's other properties stay, and so does its numeric rating
    and author details when the label and the author's name are still the same."""
    merged = {**original, **review}
    old_rating = first(original.get("reviewRating"))
    if isinstance(old_rating, dict):
        label = rating_label(old_rating)
        if label == review["reviewRating"]["alternateName"]:
            merged["reviewRating"] = {**old_rating, "alternateName": label}
    old_author = first(original.get("author"))
    if isinstance(old_author, dict) and text_of(old_author.get("name")) in (
        None,
        review["author"]["name"],
    ):
        merged["author"] = {**old_author, "name": review["author"]["name"]}
    old_item = first(original.get("itemReviewed"))
    if isinstance(old_item, dict) and "Claim" in types_of(old_item):
        merged["itemReviewed"] = {**old_item, **review["itemReviewed"]}
    return merged
