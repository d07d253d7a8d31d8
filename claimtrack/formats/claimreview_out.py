"""Write verdicts as schema.org ClaimReview JSON-LD, one review per verdict.

Every property Google's fact-check documentation requires (claimReviewed, reviewRating,
url) or recommends (author, datePublished, itemReviewed as a Claim with author, datePublished,
appearance and firstAppearance; the rating's alternateName, ratingValue, bestRating and
worstRating) is written when claimtrack knows it. A verdict that was imported from a
ClaimReview keeps the properties claimtrack does not manage (images, @id, sameAs…).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

from claimtrack.core import values
from claimtrack.core.enums import ActorKind, Rating
from claimtrack.formats.claimreview import (
    Reading,
    first,
    first_appearances,
    is_review,
    is_shortened_from,
    kind_of,
    name_of,
    numbers_label,
    rating_label,
    rating_numbers,
    text_of,
    types_of,
)
from claimtrack.formats.jsonld import from_microdata, is_microdata
from claimtrack.formats.native import AppearanceRecord, ClaimRecord, VerdictRecord, iso_date

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


_ORGANISATIONS = (ActorKind.ORGANIZATION, ActorKind.GOVERNMENT, ActorKind.MEDIA)
NUMBERS = ("ratingValue", "bestRating", "worstRating")


def _agent(name: str, kind: ActorKind, *, unknown: str | None) -> dict[str, Any]:
    """A Person or Organization; an actor of unknown kind gets the ``unknown`` type (none when
    None: nobody is made a person or an organisation by guess)."""
    written = ("Person" if kind is ActorKind.PERSON
               else "Organization" if kind in _ORGANISATIONS else unknown)
    named = jsonld_text(name)
    return {"@type": written, "name": named} if written else {"name": named}


def jsonld_text(text: str | None) -> str | None:
    """Text as JSON-LD carries it: readers (claimtrack's too) decode HTML entities in JSON-LD
    strings, as publishers write them, so text that holds what reads as an entity ("the code
    &pound;") has its ``&`` written ``&amp;``: read back, it is the same text. Other text is
    written as it is ("AT&T", "5 < 6")."""
    if text is None or html.unescape(text) == text:
        return text
    return text.replace("&", "&amp;")


def _rating(verdict: VerdictRecord, original: dict[str, Any] | None) -> dict[str, Any]:
    """The label, with the publisher's numbers when they are usable (worst < best, the value
    between) and the label is still theirs; else claimtrack's 1 (false) to 5 (true) for the
    normalised rating; none for an unverifiable one. Never an empty string."""
    old = first(original.get("reviewRating")) if original else None
    old = old if isinstance(old, dict) and _same_label(old, verdict.rating) else None
    rating: dict[str, Any] = {"@type": "Rating"}
    if old is not None:
        rating |= {key: value for key, value in old.items() if key not in NUMBERS}
    # A label claimtrack had to cut goes out whole, as the publisher wrote it.
    rating["alternateName"] = (_published_label(old, verdict.rating) if old else None) or (
        jsonld_text(verdict.rating)
    )
    published = rating_numbers(old) if old is not None else None
    if published is not None:
        rating |= {key: _plain_number(n) for key, n in zip(NUMBERS, published, strict=True)}
    elif verdict.normalized in RATING_VALUES:
        rating |= {"ratingValue": RATING_VALUES[verdict.normalized], "bestRating": 5,
                   "worstRating": 1}
    return rating


def _same_label(rating: dict[str, Any], label: str) -> bool:
    """Whether the original rating still carries ``label`` (as read: entities decoded, and cut
    when it was too long to keep), or gave only the numbers ``label`` was made from."""
    if _published_label(rating, label) is not None:
        return True
    numbers = rating_numbers(rating)
    return rating_label(rating) is None and numbers is not None and label == numbers_label(numbers)


def _published_label(rating: dict[str, Any], label: str) -> str | None:
    """The original's label, as read, when ``label`` is it (or it cut to fit); else None."""
    published = rating_label(rating)
    if published is None:
        return None
    for candidate in (published, html.unescape(published)):
        if label == candidate or is_shortened_from(label, candidate.strip()):
            return candidate.strip()
    return None


def _plain_number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def _item(export: ReviewExport, published_first: set[str]) -> dict[str, Any]:
    claim = export.claim
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker:
        item["author"] = _agent(claim.speaker, export.speaker_kind, unknown=None)
    if claim.date:
        item["datePublished"] = iso_date(claim.date)
    places = []
    for appearance in sorted(claim.appearances, key=lambda a: (a.seen is None, a.seen, a.source)):
        place: dict[str, Any] = {"@type": "CreativeWork", "url": appearance.source}
        if appearance.source in export.source_titles:
            place["headline"] = jsonld_text(export.source_titles[appearance.source])
        if appearance.seen:
            place["datePublished"] = iso_date(appearance.seen)
        places.append(place)
    chosen = _first_appearance(claim.appearances, published_first)
    if chosen is not None:
        item["firstAppearance"] = next(p for p in places if p["url"] == chosen)
        places = [p for p in places if p["url"] != chosen]
    if places:
        item["appearance"] = places
    return item


def _first_appearance(
    appearances: tuple[AppearanceRecord, ...], published_first: set[str]
) -> str | None:
    """The appearance known to be the first: the one the publisher named, else the one whose
    date is earlier than every other's (all dated); None when nothing says which came first."""
    for appearance in appearances:
        if values.url_key(appearance.source) in published_first:
            return appearance.source
    dated = [(a.seen, a.source) for a in appearances if a.seen is not None]
    if len(appearances) < 2 or len(dated) < len(appearances):
        return None
    dated.sort()
    return dated[0][1] if dated[0][0] < dated[1][0] else None


def review_document(export: ReviewExport) -> dict[str, Any]:
    """The ClaimReview for one verdict (with its claim), merged over the imported original."""
    verdict = export.verdict
    original = _original(export.original)
    old_item = first(original.get("itemReviewed")) if original else None
    published_first = (
        {values.url_key(u) for u in _urls(first_appearances(old_item))}
        if isinstance(old_item, dict) else set()
    )
    reviewer = _agent(verdict.by, _reviewer_kind(export, original), unknown="Organization")
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": verdict.url,
        "claimReviewed": jsonld_text(export.claim.text),
        "datePublished": iso_date(verdict.date),
        "author": ({"@type": "Person", "name": jsonld_text(verdict.author)} if verdict.author
                   else reviewer),
        "publisher": reviewer if verdict.author else None,
        "reviewRating": _rating(verdict, original),
        "itemReviewed": _item(export, published_first),
        "reviewBody": jsonld_text(verdict.explanation),
        "inLanguage": export.claim.language,
    }
    review = {key: value for key, value in review.items() if value is not None}
    return _merge(original, review) if original else review


def _reviewer_kind(export: ReviewExport, original: dict[str, Any] | None) -> ActorKind:
    """The reviewer's kind; when claimtrack does not know it, the @type the publisher gave the
    same-named author (or publisher): a reader's annotation signed by a Person stays one."""
    if export.reviewer_kind is not ActorKind.UNKNOWN or original is None:
        return export.reviewer_kind
    published = first(original.get("publisher" if export.verdict.author else "author"))
    name = name_of(published)
    if name is None or export.verdict.by not in (name, html.unescape(name)):
        return export.reviewer_kind
    return kind_of(published) or export.reviewer_kind


def _is_byline(published: Any, written: Any) -> bool:
    """Whether ``written`` (one agent) names the agents ``published`` lists, as the byline
    the import made of them ("Jane Roe, John Doe")."""
    if type(published) is not list or len(published) < 2 or not isinstance(written, dict):
        return False
    byline = ", ".join(Reading().names(published))
    return written.get("name") in (byline, jsonld_text(byline))


def _urls(found: list[str]) -> list[str]:
    """The web addresses among ``found`` (a publisher's relative ones are left aside)."""
    return [url for url in found if url.lower().startswith(("http://", "https://"))]


def _original(document: str | None) -> dict[str, Any] | None:
    """The kept original as JSON-LD: a review read from microdata is kept as its microdata
    item ({"type": …, "properties": …}), which no ClaimReview consumer reads."""
    if not document:
        return None
    try:
        parsed = json.loads(document)
    except ValueError:
        return None
    if is_microdata(parsed):
        parsed = from_microdata(parsed)
    return parsed if is_review(parsed) else None


def _merge(original: dict[str, Any], review: dict[str, Any]) -> dict[str, Any]:
    """Our values win; the original's other properties stay (images, @id, sameAs…), and so do
    its author's and publisher's details when the names are still the same. The original's
    appearances go: ours list every one, each once."""
    merged = {key: value for key, value in original.items() if key != "type"}
    merged.update(review)
    for role in ("author", "publisher"):
        old, new = first(original.get(role)), review.get(role)
        if isinstance(old, dict) and isinstance(new, dict) and text_of(old.get("name")) in (
            None, new["name"]
        ):
            merged[role] = {**old, **new}
        elif _is_byline(original.get(role), new):
            merged[role] = original[role]  # the authors a byline was read from, as published
    old_item = first(original.get("itemReviewed"))
    if isinstance(old_item, dict) and "Claim" in types_of(old_item):
        kept = {k: v for k, v in old_item.items()
                if k not in ("appearance", "firstAppearance", "type")}
        merged["itemReviewed"] = {**kept, **review["itemReviewed"]}
    return merged
