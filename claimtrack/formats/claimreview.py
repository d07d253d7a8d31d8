"""schema.org ClaimReview ↔ claimtrack records: one review is one claim with one verdict.

Reading accepts what publishers really emit: ``itemReviewed`` as a Claim or any CreativeWork,
``appearance``/``firstAppearance`` as a URL, an object or a list, ``author`` as an object or a
plain string, numbers as strings, a label in ``alternateName`` or only in ``name``. Writing
emits every property Google's fact-check documentation requires or recommends. The mapping is
documented in docs/interop.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from claimtrack.core import values
from claimtrack.core.errors import InvalidInput
from claimtrack.formats.native import AppearanceRecord, ClaimRecord, SourceRecord
from claimtrack.formats.records import ClaimBundle, ReviewRecord

NOT_RATED = "not rated"
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


def types_of(node: Mapping[str, Any]) -> set[str]:
    """The node's @type names without vocabulary prefix ("schema:Claim" → "Claim")."""
    raw = node.get("@type", node.get("type", ()))
    names = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    return {re.split(r"[/:#]", name)[-1] for name in names if isinstance(name, str)}


def is_review(node: Any) -> bool:
    return isinstance(node, Mapping) and "ClaimReview" in types_of(node)


def first(value: Any) -> Any:
    """A property's single value: the first item of a list, else the value."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def many(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def text_of(value: Any) -> str | None:
    """A text property given as a string, a number, or a {"@value": …} object."""
    value = first(value)
    if isinstance(value, Mapping):
        value = value.get("@value")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value.strip() else None


def number(value: Any) -> float | None:
    """A number given as a number or a string ("4", "4.5", "4,5"); None when it is neither."""
    value = first(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return None
    return None


def date_of(value: Any, field: str) -> Any:
    """The date part of an ISO date or date-time; a date in another form raises InvalidInput."""
    raw = text_of(value)
    if raw is None:
        return None
    match = _ISO_DATE.match(raw)
    if match is None:
        raise InvalidInput(f"{field} '{raw}' is not an ISO 8601 date such as 2020-05-01.")
    return values.date(match.group(1), field)


def name_of(value: Any) -> str | None:
    """A person's or organisation's name: a string, or an object's name (else its web host)."""
    for candidate in many(value):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
        if isinstance(candidate, Mapping):
            named = text_of(candidate.get("name")) or text_of(candidate.get("alternateName"))
            if named:
                return named.strip()
            host = urlsplit(text_of(candidate.get("url")) or "").hostname
            if host:
                return host.removeprefix("www.")
    return None


def _places(value: Any) -> Iterator[tuple[str, str | None, Any]]:
    """(url, title, date) of each appearance given as a URL, an object or a list of them."""
    for place in many(value):
        if isinstance(place, str):
            yield place, None, None
        elif isinstance(place, Mapping):
            url = text_of(place.get("url")) or text_of(place.get("@id"))
            if url:
                title = text_of(place.get("headline")) or text_of(place.get("name"))
                yield url, title, place.get("datePublished")
            yield from _places(place.get("isPartOf"))


def _appearances(item: Mapping[str, Any]) -> tuple[list[AppearanceRecord], list[SourceRecord]]:
    if "Claim" in types_of(item):
        places = [*_places(item.get("firstAppearance")), *_places(item.get("appearance"))]
    else:  # an older review: the reviewed CreativeWork is itself where the claim appeared
        places = list(_places(item))
    appearances: dict[str, AppearanceRecord] = {}
    sources: list[SourceRecord] = []
    for url, title, published in places:
        try:
            normalized = values.url(url, "appearance URL")
            seen = date_of(published, "appearance datePublished")
        except InvalidInput:
            continue  # kept in the original JSON-LD; a bad link does not cost the review
        if normalized not in appearances:
            appearances[normalized] = AppearanceRecord(source=normalized, seen=seen)
            if title:
                sources.append(SourceRecord(url=normalized, title=title, published=seen))
    return list(appearances.values()), sources


def rating_label(rating: Mapping[str, Any]) -> str | None:
    """A reviewRating's label: its alternateName, else its name."""
    return text_of(rating.get("alternateName")) or text_of(rating.get("name"))


def _verdict_label(
    rating: Mapping[str, Any],
) -> tuple[str, float | None, float | None, float | None]:
    label = rating_label(rating)
    value = number(rating.get("ratingValue"))
    best, worst = number(rating.get("bestRating")), number(rating.get("worstRating"))
    if label is None and value is not None:
        label = (
            f"{value:g} on a scale of {1 if worst is None else worst:g} to "
            f"{5 if best is None else best:g}"
        )
    return (label or NOT_RATED).strip(), value, best, worst


def review_bundle(
    node: Mapping[str, Any], original: Mapping[str, Any] | None = None
) -> ClaimBundle:
    """One ClaimReview (JSON-LD form, @id references resolved) as a claim with its verdict.

    ``original`` is what to keep verbatim (default: ``node``). Raises InvalidInput.
    """
    item = first(node.get("itemReviewed"))
    item = item if isinstance(item, Mapping) else {}
    text = text_of(node.get("claimReviewed"))
    if text is None and "Claim" in types_of(item):
        text = text_of(item.get("text")) or text_of(item.get("name"))
    if text is None:
        raise InvalidInput("the review has no claimReviewed text; add it or skip this review.")
    rating = first(node.get("reviewRating"))
    label, value, best, worst = _verdict_label(rating if isinstance(rating, Mapping) else {})
    url = text_of(node.get("url"))
    reviewer = name_of(node.get("author")) or name_of(node.get("publisher"))
    if reviewer is None and url:
        reviewer = (urlsplit(url).hostname or "").removeprefix("www.") or None
    if reviewer is None:
        raise InvalidInput("the review has no author (name or url); add one or skip this review.")
    appearances, sources = _appearances(item)
    speaker = name_of(item.get("author")) or name_of(item.get("creator"))
    language = _language(node.get("inLanguage"))
    explanation = text_of(node.get("reviewBody")) or (
        text_of(rating.get("ratingExplanation")) if isinstance(rating, Mapping) else None
    )
    claim = ClaimRecord(
        id=None,
        text=values.text(text, "claimReviewed", max_length=values.TEXT_MAX),
        speaker=values.name(speaker, "claimant") if speaker else None,
        date=date_of(
            item.get("datePublished") or item.get("dateCreated"), "itemReviewed datePublished"
        ),
        language=language,
        appearances=tuple(appearances),
    )
    review = ReviewRecord(
        rating=values.text(label, "rating label", max_length=values.LABEL_MAX),
        by=values.name(reviewer, "review author"),
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        date=date_of(node.get("datePublished"), "datePublished"),
        url=values.url(url, "review url") if url else None,
        explanation=values.optional_text(explanation, "reviewBody"),
        original=json.dumps(original if original is not None else node, ensure_ascii=False),
    )
    return ClaimBundle(claim=claim, reviews=(review,), sources=tuple(sources))


def _language(value: Any) -> str | None:
    value = first(value)
    if isinstance(value, Mapping):
        value = text_of(value.get("alternateName")) or text_of(value.get("name"))
    try:
        return values.language(value) if isinstance(value, str) else None
    except InvalidInput:
        return None
