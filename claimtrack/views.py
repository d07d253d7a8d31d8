"""Read models: small frozen dataclasses built inside a session and safe to use after it.

Field names are the public vocabulary of JSON output and exports (``id``, ``speaker``,
``date``…), so every output format shows the same names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from claimtrack.enums import ActorKind, Rating, Relation, ReviewStatus


@dataclass(frozen=True)
class ActorView:
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    description: str | None = None
    claims: int = 0


@dataclass(frozen=True)
class SourceView:
    url: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    retrieved_at: dt.datetime | None = None
    archive_url: str | None = None
    claims: int = 0


@dataclass(frozen=True)
class AppearanceView:
    url: str
    title: str | None
    outlet: str | None
    quote: str | None
    seen: dt.date | None


@dataclass(frozen=True)
class ClaimView:
    id: str
    text: str
    speaker: str | None
    date: dt.date | None
    summary: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    sources: tuple[AppearanceView, ...] = ()
    challenges: int = 0
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    status: ReviewStatus = ReviewStatus.DRAFT

    @property
    def headline(self) -> str:
        """The summary when there is one, else the text."""
        return self.summary or self.text


@dataclass(frozen=True)
class LinkView:
    id: int
    from_claim: str
    relation: Relation
    to_claim: str
    note: str | None = None
    source: str | None = None
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class VerdictView:
    id: str
    claim: str
    rating: str
    normalized: Rating
    by: str
    date: dt.date | None = None
    url: str | None = None
    explanation: str | None = None
    status: ReviewStatus = ReviewStatus.DRAFT


@dataclass(frozen=True)
class Response:
    """A claim linked to a dispute's claim, with how it relates and what supports it."""

    relation: Relation
    claim: ClaimView
    note: str | None = None
    source: str | None = None
    supporters: tuple[Response, ...] = ()
    verdicts: tuple[VerdictView, ...] = ()


@dataclass(frozen=True)
class Dispute:
    """A claim with everything said for and against it."""

    claim: ClaimView
    responses: tuple[Response, ...] = ()
    answers: tuple[Response, ...] = ()
    verdicts: tuple[VerdictView, ...] = ()
    verdicts_disagree: bool = False
    is_contested: bool = field(default=False)


@dataclass(frozen=True)
class ClaimDetails:
    """One claim with every link touching it and its verdicts."""

    claim: ClaimView
    links: tuple[LinkView, ...] = ()
    verdicts: tuple[VerdictView, ...] = ()
