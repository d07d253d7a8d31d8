"""schema.org ClaimReview ↔ claimtrack records: one review is one claim with one verdict.

Reading accepts what publishers really emit: ``itemReviewed`` as a Claim (with its own ``url``:
where it appeared) or any CreativeWork, ``appearance``/``firstAppearance`` as a URL, an object
or a list, ``author`` as an object, a list or a plain string, ``type`` for ``@type`` and type
lists, numbers as strings, a label in ``alternateName`` or only in ``name``, HTML entities left
in JSON-LD strings, relative review URLs, and dates in ISO 8601 or RFC 2822 form.

A review is never lost for an optional field: a URL, a date or a rating number that cannot be
used is left out with a note (shown to the user), and the review goes in. Writing is in
claimreview_out; the mapping is documented in docs/interop.md.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from claimtrack.core import values
from claimtrack.core.enums import ActorKind
from claimtrack.core.errors import InvalidInput
from claimtrack.core.serial import compact_json
from claimtrack.formats import reviewdates
from claimtrack.formats.native import AppearanceRecord, ClaimRecord, SourceRecord
from claimtrack.formats.records import ClaimBundle, ReviewRecord

NOT_RATED = "not rated"
SHORTENED = "…"
_HOST_FIRST = re.compile(r"^[\w-]+(\.[\w-]+)+(:\d+)?(/|$)")


@dataclass(frozen=True)
class Page:
    """What a saved page says about itself: its address (``<link rel=canonical>``, else
    ``og:url``) and its language (``<html lang>``)."""

    url: str | None = None
    language: str | None = None


@dataclass
class Reading:
    """How one review is being read: where its text came from and what was left out."""

    page: Page = field(default_factory=Page)
    entities: bool = True  # JSON-LD strings may carry HTML entities; microdata text does not
    notes: list[str] = field(default_factory=list)

    def text(self, value: Any) -> str | None:
        found = text_of(value)
        return html.unescape(found) if found is not None and self.entities else found

    def name(self, value: Any) -> str | None:
        found = name_of(value)
        return html.unescape(found) if found is not None and self.entities else found

    def names(self, value: Any) -> list[str]:
        """Every agent's name in a property that may list several, each once, in order."""
        found = (name_of(agent) for agent in many(value))
        return list(dict.fromkeys(
            html.unescape(name) if self.entities else name for name in found if name
        ))

    def date(self, value: Any, what: str) -> Any:
        raw = text_of(value)
        if raw is None:
            return None
        try:
            return reviewdates.date_as_written(raw, what)
        except InvalidInput as error:
            self.notes.append(f"{error} It was left out.")
            return None


def types_of(node: Mapping[str, Any]) -> set[str]:
    """The node's @type names without vocabulary prefix ("schema:Claim" → "Claim")."""
    raw = node.get("@type")
    if raw is None:
        raw = node.get("type", ())
    if type(raw) is str:
        return {_local_name(raw)}
    return {_local_name(name) for name in raw if type(name) is str} if type(raw) is list else set()


@functools.lru_cache(maxsize=256)
def _local_name(name: str) -> str:
    return re.split(r"[/:#]", name)[-1]


def is_review(node: Any) -> bool:
    return isinstance(node, dict) and "ClaimReview" in types_of(node)


def first(value: Any) -> Any:
    """A property's single value: the first item of a list, else the value."""
    if type(value) is list:
        return value[0] if value else None
    return value


def many(value: Any) -> list[Any]:
    return value if type(value) is list else [] if value is None else [value]


def text_of(value: Any) -> str | None:
    """A text property given as a string, a number, or a {"@value": …} object."""
    if type(value) is str:  # the common case, first
        return value if value.strip() else None
    value = first(value)
    if isinstance(value, dict):
        value = value.get("@value")
    if type(value) is str:
        return value if value.strip() else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def words_of(value: Any) -> str | None:
    """Like ``text_of``, but only words: a number (``"ratingExplanation": 5``) is no text."""
    value = first(value)
    return None if isinstance(value, (int, float)) else text_of(value)


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


def name_of(value: Any) -> str | None:
    """A person's or organisation's name: a string, or an object's name (else its web host)."""
    for candidate in many(value):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
        if isinstance(candidate, dict):
            named = text_of(candidate.get("name")) or text_of(candidate.get("alternateName"))
            if named:
                return named.strip()
            host = urlsplit(text_of(candidate.get("url")) or "").hostname
            if host:
                return host.removeprefix("www.")
    return None


def kind_of(value: Any) -> ActorKind | None:
    """Person or Organization (any kind of organisation), from the first agent's @type."""
    agent = first(value)
    types = types_of(agent) if isinstance(agent, dict) else set()
    if "Person" in types:
        return ActorKind.PERSON
    if any("Organization" in t or t in ("Corporation", "NGO") for t in types):
        return ActorKind.ORGANIZATION
    return None


def rating_label(rating: Mapping[str, Any]) -> str | None:
    """A reviewRating's label: its alternateName, else its name."""
    return text_of(rating.get("alternateName")) or text_of(rating.get("name"))


def rating_numbers(rating: Mapping[str, Any]) -> tuple[float, float, float] | None:
    """(value, best, worst) when all are usable: numbers (worst 1 and best 5 when left out,
    as schema.org says) with worst < best and the value between them; else None."""
    value = number(rating.get("ratingValue"))
    best = number(rating.get("bestRating")) if "bestRating" in rating else 5.0
    worst = number(rating.get("worstRating")) if "worstRating" in rating else 1.0
    if value is None or best is None or worst is None:
        return None
    return (value, best, worst) if worst < best and worst <= value <= best else None


def resolve_url(given: str | None, page: Page, what: str, notes: list[str]) -> str | None:
    """A URL as published, made absolute against the page's own address when it is relative
    (``/desk/2023/…``) or has no scheme (``example.org/…``); None, with a note, when it cannot
    be (no page address, or not a web address at all)."""
    if given is None:
        return None
    if given.startswith(("https://", "http://")):
        try:
            return values.url(given, what)
        except InvalidInput:
            pass
    candidate = given.strip()
    parts = urlsplit(candidate)
    if not parts.scheme and page.url:
        base = urlsplit(page.url)
        if candidate.startswith("//"):
            candidate = f"{base.scheme}:{candidate}"
        elif _HOST_FIRST.match(candidate):
            candidate = f"{base.scheme}://{candidate}"
        else:
            candidate = urljoin(page.url, candidate)
    try:
        return values.url(candidate, what)
    except InvalidInput:
        notes.append(
            f"The {what} '{given}' is not a full web address"
            + ("" if page.url else " and the page gives none to complete it")
            + "; the review was imported without it."
        )
        return None


def _places(value: Any, reading: Reading) -> Iterator[tuple[str, str | None, Any]]:
    """(url, title, date) of each appearance given as a URL, an object or a list of them."""
    for place in many(value):
        if isinstance(place, str):
            yield place, None, None
        elif isinstance(place, dict):
            url = text_of(place.get("url")) or text_of(place.get("@id"))
            if url:
                title = reading.text(place.get("headline")) or reading.text(place.get("name"))
                yield url, title, place.get("datePublished")
            yield from _places(place.get("isPartOf"), reading)


def _appearances(
    item: Mapping[str, Any], reading: Reading
) -> tuple[list[AppearanceRecord], list[SourceRecord]]:
    if "Claim" in types_of(item):
        own = {"url": item["url"]} if text_of(item.get("url")) else None
        places = [
            *_places(item.get("firstAppearance"), reading),
            *_places(item.get("appearance"), reading),
            *_places(own, reading),
        ]
    else:  # an older review: the reviewed CreativeWork is itself where the claim appeared
        places = list(_places(item, reading))
    # One page may be named twice (firstAppearance {url} and an appearance with its name
    # and date): what the entries for one URL say is merged, the first one given winning.
    merged: dict[str, tuple[str, str | None, Any]] = {}
    for url, title, published in places:
        try:
            given = values.url(url, "appearance URL")
        except InvalidInput:
            continue  # kept in the original JSON-LD; a bad link does not cost the review
        key = values.url_key(given)
        source, known_title, seen = merged.get(key, (given, None, None))
        if seen is None:
            seen = reading.date(published, "appearance datePublished")
        merged[key] = (source, known_title or title, seen)
    appearances = [AppearanceRecord(source=url, seen=seen) for url, _, seen in merged.values()]
    sources = [SourceRecord(url=url, title=title, published=seen)
               for url, title, seen in merged.values() if title]
    return appearances, sources


def numbers_label(numbers: tuple[float, float, float]) -> str:
    """The label of a rating given only as numbers (value, best, worst): "4 on a scale of 1 to
    5"."""
    value, best, worst = numbers
    return f"{value:g} on a scale of {worst:g} to {best:g}"


def first_appearances(item: Mapping[str, Any]) -> list[str]:
    """The URLs the publisher gave as ``firstAppearance``."""
    return [url for url, _title, _date in _places(item.get("firstAppearance"), Reading())]


def _verdict(rating: Mapping[str, Any], reading: Reading) -> tuple[str, tuple[float, ...]]:
    """The label (or the number read as one) and the usable numbers (empty when none)."""
    label = reading.text(rating.get("alternateName")) or reading.text(rating.get("name"))
    numbers = rating_numbers(rating)
    value = number(rating.get("ratingValue"))
    if numbers is None and value is not None and not _one_point_scale(rating):
        reading.notes.append(f"ratingValue {value:g} {_off_scale(rating)}; the numbers were "
                             "left out and the label decides.")
    if label is None and numbers is not None:
        label = numbers_label(numbers)
    return (label or NOT_RATED).strip(), numbers or ()


def _one_point_scale(rating: Mapping[str, Any]) -> bool:
    """Whether worstRating and bestRating are the same number: a scale with no room for a
    rating, which some publishers write for "not rated" (Snopes: -1, -1 and -1). It is read
    as no numeric rating, without a warning."""
    worst, best = number(rating.get("worstRating")), number(rating.get("bestRating"))
    return worst is not None and worst == best


def _off_scale(rating: Mapping[str, Any]) -> str:
    """Why a ratingValue cannot be read on its scale, naming the bounds as rating_numbers
    reads them: a bound left out is schema.org's default, one given empty is no bound."""
    bounds: dict[str, float | None] = {"worstRating": 1.0, "bestRating": 5.0}
    unusable = []
    for key in list(bounds):
        if key not in rating:
            continue
        given = first(rating[key])
        bounds[key] = found = number(given)
        if found is None:
            empty = given is None or (isinstance(given, str) and not given.strip())
            unusable.append(f"no {key} given (the field is empty)" if empty
                            else f"{key} {given!r} is not a number")
    if unusable:
        return "cannot be placed on a scale: " + " and ".join(unusable)
    left_out = [key for key in bounds if key not in rating]
    defaults = (f"; {' and '.join(left_out)} not given, so schema.org's default"
                f"{'s' if len(left_out) > 1 else ''}") if left_out else ""
    return (f"is not on its scale (worstRating {bounds['worstRating'] or 0:g} to bestRating "
            f"{bounds['bestRating'] or 0:g}{defaults})")


def shortened(label: str) -> str:
    """A label longer than claimtrack keeps, cut to fit with "…" at the end."""
    return label[: values.LABEL_MAX - 1].rstrip() + SHORTENED


def is_shortened_from(stored: str, published: str) -> bool:
    """Whether ``stored`` is ``published`` cut by ``shortened``."""
    return stored.endswith(SHORTENED) and len(published) > values.LABEL_MAX and (
        shortened(published) == stored
    )


def _fitted(label: str, reading: Reading) -> str:
    """Some publishers put their whole conclusion in the label (Full Fact: "Correct. The Prime
    Minister announced…"): a label too long to keep is cut, with a note, rather than the
    review lost; its first words still read it, and the export writes it back whole."""
    if len(label) <= values.LABEL_MAX:
        return label
    reading.notes.append(
        f"The rating label is {len(label)} characters long; it was cut to {values.LABEL_MAX} "
        "(the whole label stays in the kept original and is exported)."
    )
    return shortened(label)


def _listed(names: list[str]) -> str:
    """Names for a message: "Damian Green, Theresa May" (the first ten, and how many more)."""
    more = f" and {len(names) - 10} more" if len(names) > 10 else ""
    return ", ".join(names[:10]) + more


def _first_of(names: list[str], what: str, role: str, reading: Reading) -> str | None:
    """The first of the names a property lists, with a note naming them all when there are
    several (one actor takes the role: the others would be lost without a word)."""
    if len(names) > 1:
        reading.notes.append(
            f"{what} lists {len(names)} names ({_listed(names)}); the first is the {role}."
        )
    return names[0] if names else None


def _byline(names: list[str], reading: Reading) -> str:
    """The review's authors as one byline, "Jane Roe, John Doe": as many names as fit in a
    name's length, with a note when some do not (the kept original has them all)."""
    kept = names[:1]
    for name in names[1:]:
        if len(", ".join([*kept, name])) > values.NAME_MAX:
            break
        kept.append(name)
    if len(kept) < len(names):
        reading.notes.append(
            f"author lists {len(names)} names; the verdict's author keeps the first {len(kept)} "
            f"({values.NAME_MAX} characters at most; all stay in the kept original)."
        )
    return ", ".join(kept)


def _reviewer(node: Mapping[str, Any], url: str | None, reading: Reading) -> tuple[str, str | None]:
    """(the reviewer, the person or people who wrote the review for it): a Person author
    writing for an organisation publisher makes the organisation the reviewer, and every
    author listed the byline."""
    author, publisher = node.get("author"), node.get("publisher")
    authors, publisher_name = reading.names(author), reading.name(publisher)
    if kind_of(author) is ActorKind.PERSON and publisher_name and authors:
        return publisher_name, _byline(authors, reading)
    reviewer = _first_of(authors, "author", "reviewer", reading) or publisher_name
    if reviewer is None and url:
        reviewer = (urlsplit(url).hostname or "").removeprefix("www.") or None
    if reviewer is None:
        raise InvalidInput("the review has no author (name or url); add one or skip this review.")
    return reviewer, None


def review_bundle(
    node: Mapping[str, Any],
    original: Mapping[str, Any] | None = None,
    reading: Reading | None = None,
) -> ClaimBundle:
    """One ClaimReview (JSON-LD form, @id references resolved) as a claim with its verdict.

    ``original`` is what to keep verbatim (default: ``node``); ``reading`` collects notes on
    what was left out. Raises InvalidInput when the review has no claim or no reviewer.
    """
    reading = reading or Reading()
    item = first(node.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    text = reading.text(node.get("claimReviewed"))
    if text is None and "Claim" in types_of(item):
        text = reading.text(item.get("text")) or reading.text(item.get("name"))
    if text is None:
        raise InvalidInput("the review has no claimReviewed text; add it or skip this review.")
    rating = first(node.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    label, numbers = _verdict(rating, reading)
    url = resolve_url(text_of(node.get("url")), reading.page, "review url", reading.notes)
    reviewer, author = _reviewer(node, url, reading)
    appearances, sources = _appearances(item, reading)
    speaker = _first_of(
        reading.names(item.get("author")), "itemReviewed.author", "claim's speaker", reading
    ) or _first_of(
        reading.names(item.get("creator")), "itemReviewed.creator", "claim's speaker", reading
    )
    explanation = reading.text(node.get("reviewBody")) or (
        words_of(rating.get("ratingExplanation")) if rating else None
    )
    claim = ClaimRecord(
        id=None,
        # Surrounding blanks are layout ("coastline. "), as around names; the words stay
        # verbatim.
        text=values.text(text.strip(), "claimReviewed", max_length=values.TEXT_MAX),
        speaker=values.name(speaker, "claimant") if speaker else None,
        date=reading.date(
            item.get("datePublished") or item.get("dateCreated"), "itemReviewed datePublished"
        ),
        language=_language(node.get("inLanguage")) or _language(reading.page.language),
        appearances=tuple(appearances),
    )
    value, best, worst = numbers or (None, None, None)
    review = ReviewRecord(
        rating=values.text(_fitted(label, reading), "rating label", max_length=values.LABEL_MAX),
        by=values.name(reviewer, "review author"),
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        date=reading.date(node.get("datePublished"), "datePublished"),
        url=url,
        explanation=values.optional_text(explanation, "reviewBody"),
        author=values.name(author, "review author") if author else None,
        original=compact_json(original if original is not None else node),
    )
    speaker_kind = kind_of(item.get("author") or item.get("creator")) if speaker else None
    return ClaimBundle(claim=claim, reviews=(review,), sources=tuple(sources),
                       speaker_kind=speaker_kind)


def _language(value: Any) -> str | None:
    """A language tag; WordPress sites write their locale ("en_US", "pt_BR"): read as en-US."""
    value = first(value)
    if isinstance(value, dict):
        value = text_of(value.get("alternateName")) or text_of(value.get("name"))
    try:
        return values.language(value.replace("_", "-")) if isinstance(value, str) else None
    except InvalidInput:
        return None
