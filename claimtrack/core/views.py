"""Read models: small frozen dataclasses built inside a session and safe to use after it.

Field names are the public vocabulary of JSON output and exports (``id``, ``speaker``,
``date``…), so every output format shows the same names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from claimtrack.core import values
from claimtrack.core.enums import ActorKind, LinkStatus, Rating, Relation, ReviewStatus, Role


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
    # When claimtrack last fetched and kept a copy of the page (`source archive`, `--fetch`);
    # retrieved_at and archive_url are the person's own record (an outside archive).
    archived_at: dt.datetime | None = None


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
    status: LinkStatus = LinkStatus.CONFIRMED


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
    author: str | None = None  # the person who wrote it for the reviewer, when named


@dataclass(frozen=True)
class Response:
    """A claim linked to a dispute's claim, with how it relates and what supports it."""

    relation: Relation
    claim: ClaimView
    note: str | None = None
    source: str | None = None
    supporters: tuple[Response, ...] = ()
    verdicts: tuple[VerdictView, ...] = ()

    @property
    def own_source(self) -> str | None:
        """The link's source when it is not already one of the claim's own pages."""
        if self.source and all(page.url != self.source for page in self.claim.sources):
            return self.source
        return None


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


@dataclass(frozen=True)
class QuotedClaim:
    """A claim as it appears in a source, with the passage quoted there."""

    claim: ClaimView
    quote: str | None


@dataclass(frozen=True)
class ArchiveView:
    """One archived copy of a source's page: when it was fetched and what came back."""

    retrieved_at: dt.datetime
    requested_url: str
    final_url: str
    status: int
    content_type: str | None
    sha256: str
    size: int

    @property
    def media_type(self) -> str:
        """The content type without parameters, lower case ("text/html"); "" when unknown."""
        return values.media_type(self.content_type)


@dataclass(frozen=True)
class SourceDetails:
    """One source, the claims seen in it and its archived copies (newest first)."""

    source: SourceView
    claims: tuple[QuotedClaim, ...] = ()
    archives: tuple[ArchiveView, ...] = ()


@dataclass(frozen=True)
class Challenge:
    """A claim that contradicts, denies or evades another: who, how, and which claim."""

    relation: Relation
    id: str
    speaker: str | None


@dataclass(frozen=True)
class RecordClaim:
    """One claim in a speaker's record, with what challenged it and the verdicts on it."""

    claim: ClaimView
    is_contested: bool
    challenged_by: tuple[Challenge, ...] = ()
    verdicts: tuple[VerdictView, ...] = ()


@dataclass(frozen=True)
class Challenger:
    """Someone who challenged a speaker: how, and how many of the speaker's claims."""

    speaker: str | None
    relation: Relation
    claims: int


@dataclass(frozen=True)
class SpeakerRecord:
    """A speaker's track record: claims made, how many contested, by whom, verdicts."""

    actor: ActorView
    contested: int
    challenged_by: tuple[Challenger, ...]
    verdicts: dict[str, int]
    claims: tuple[RecordClaim, ...] = ()


@dataclass(frozen=True)
class TimelineEvent:
    """A dated sighting of a claim: said (``basis`` "said"), or published or seen at ``where``."""

    date: dt.date | None
    basis: str
    role: str
    id: str
    speaker: str | None
    claim: str
    where: str | None = None
    outlet: str | None = None
    is_first: bool = False
    days_after: int | None = None


@dataclass(frozen=True)
class Timeline:
    """When a claim and the claims answering it first appeared, and where."""

    claim: ClaimView
    events: tuple[TimelineEvent, ...] = ()


@dataclass(frozen=True)
class SearchHit:
    """A claim found by ``search``; ``score`` is its relevance relative to the best hit (1.0)."""

    id: str
    text: str
    speaker: str | None
    date: dt.date | None
    score: float
    snippet: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchHit:
    """A claim that may be the same claim as a given text; ``score`` in [0, 1]."""

    id: str
    text: str
    speaker: str | None
    date: dt.date | None
    score: float
    is_suggestion: bool = False
    # why a close score is no suggestion: "other figures (3.5 / 8.5)", "opposite words (…)"
    differs: str | None = None


@dataclass(frozen=True)
class Suggestion:
    """A pending ``same_as`` suggestion (link ``link``) with the two claims' similarity."""

    link: int
    score: float
    claim: ClaimView
    same_as: ClaimView
    note: str | None = None


@dataclass(frozen=True)
class MergeResult:
    """What ``claim merge`` moved from the dropped claim to the kept one."""

    keep: str
    drop: str
    appearances: int = 0
    links: int = 0
    links_dropped: int = 0
    verdicts: int = 0
    tags: int = 0


@dataclass(frozen=True)
class UserView:
    """Someone who signs in to ``claimtrack serve`` (the password hash stays in the database)."""

    name: str
    role: Role
    created_at: dt.datetime | None = None
