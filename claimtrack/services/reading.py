"""Fast read paths: views straight from rows (Core selects on the session's connection).

Reports assemble hundreds of claims at a time; building views from plain rows in a fixed
number of batched queries, without the ORM's per-row bookkeeping, keeps `report contested` a
small fraction of the naive SQL's time. The statements are built once, with an expanding
``ids`` parameter, rather than for every call. Pending ORM changes are flushed first, so a view
read in the same transaction as a write sees it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Connection, Integer, Select, bindparam, select
from sqlalchemy.orm import Session

from claimtrack.core.enums import LinkStatus, Relation
from claimtrack.core.views import AppearanceView, ClaimView, VerdictView
from claimtrack.models import Actor, Appearance, Claim, ClaimTag, Link, Source, Verdict
from claimtrack.store.sql import chunked

IDS = bindparam("ids", type_=Integer, expanding=True)


class LinkRow(NamedTuple):
    id: int
    from_claim_id: int
    relation: Relation
    to_claim_id: int
    note: str | None
    source: str | None


@cache
def _statements() -> dict[str, Select[Any]]:
    verdicts = (
        select(
            Verdict.claim_id,
            Verdict.public_id,
            Claim.public_id,
            Verdict.rating,
            Verdict.normalized,
            Actor.name,
            Verdict.reviewed_on,
            Verdict.url,
            Verdict.explanation,
            Verdict.status,
            Verdict.author,
        )
        .join(Claim, Verdict.claim_id == Claim.id)
        .join(Actor, Verdict.reviewer_id == Actor.id)
        .order_by(Verdict.reviewed_on.desc().nulls_last(), Verdict.id)
    )
    links = (
        select(Link.id, Link.from_claim_id, Link.relation, Link.to_claim_id, Link.note, Source.url)
        .outerjoin(Source, Link.source_id == Source.id)
        .where(Link.status == LinkStatus.CONFIRMED)  # suggestions are part of no dispute
        .order_by(Link.id)
    )
    return {
        "claims": select(
            Claim.id,
            Claim.public_id,
            Claim.text,
            Actor.name,
            Claim.said_on,
            Claim.summary,
            Claim.language,
            Claim.challenge_count,
            Claim.created_at,
            Claim.updated_at,
            Claim.status,
        )
        .outerjoin(Actor, Claim.speaker_id == Actor.id)
        .where(Claim.id.in_(IDS)),
        "tags": select(ClaimTag.claim_id, ClaimTag.tag)
        .where(ClaimTag.claim_id.in_(IDS))
        .order_by(ClaimTag.tag),
        "appearances": select(
            Appearance.claim_id,
            Source.url,
            Source.title,
            Source.outlet,
            Appearance.quote,
            Appearance.seen_on,
        )
        .join(Source, Appearance.source_id == Source.id)
        .where(Appearance.claim_id.in_(IDS))
        .order_by(Appearance.id),
        "all verdicts": verdicts,
        "verdicts": verdicts.where(Verdict.claim_id.in_(IDS)),
        "links to": links.where(Link.to_claim_id.in_(IDS)),
        "links from": links.where(Link.from_claim_id.in_(IDS)),
    }


def _batches(session: Session, statement: str, ids: Iterable[int]) -> Iterable[Any]:
    """Rows of a prepared statement for ``ids``, in chunks that suit every backend."""
    connection = _connection(session)
    query = _statements()[statement]
    for chunk in chunked(list(dict.fromkeys(ids))):
        yield from connection.execute(query, {"ids": chunk})


def tags_of(session: Session, ids: Iterable[int]) -> dict[int, list[str]]:
    """The tags of these claims, sorted, by claim row id (claims without tags are left out)."""
    tags: dict[int, list[str]] = defaultdict(list)
    for claim_id, tag in _batches(session, "tags", ids):
        tags[claim_id].append(tag)
    return tags


def claim_views(session: Session, ids: Iterable[int]) -> dict[int, ClaimView]:
    """ClaimViews (speaker, tags and sources included) keyed by claim row id."""
    wanted = list(ids)
    tags = tags_of(session, wanted)
    seen_in: dict[int, list[AppearanceView]] = defaultdict(list)
    for claim_id, url, title, outlet, quote, seen in _batches(session, "appearances", wanted):
        seen_in[claim_id].append(AppearanceView(url, title, outlet, quote, seen))
    return {
        row[0]: ClaimView(
            id=row[1],
            text=row[2],
            speaker=row[3],
            date=row[4],
            summary=row[5],
            language=row[6],
            tags=tuple(tags[row[0]]),
            sources=tuple(seen_in[row[0]]),
            challenges=row[7],
            created_at=row[8],
            updated_at=row[9],
            status=row[10],
        )
        for row in _batches(session, "claims", wanted)
    }


def verdict_views(
    session: Session, claim_ids: Iterable[int] | None = None, *,
    where: Sequence[ColumnElement[bool]] = (), limit: int | None = None,
) -> list[tuple[int, VerdictView]]:
    """(claim row id, VerdictView) pairs, newest review first; every verdict when ids is None
    (those ``where`` keeps, the first ``limit``)."""
    rows: Iterable[Any] = (
        _connection(session).execute(_statements()["all verdicts"].where(*where).limit(limit))
        if claim_ids is None
        else _batches(session, "verdicts", claim_ids)
    )
    return [
        (claim_row, VerdictView(public_id, claim, rating, normalized, by, date, url, note, status,
                                author))
        for claim_row, public_id, claim, rating, normalized, by, date, url, note, status, author
        in rows
    ]


def links_to(session: Session, claim_ids: Iterable[int]) -> list[LinkRow]:
    """Confirmed links pointing at these claims (their responses), oldest first per chunk."""
    return [LinkRow(*row) for row in _batches(session, "links to", claim_ids)]


def links_from(session: Session, claim_ids: Iterable[int]) -> list[LinkRow]:
    """Confirmed links from these claims (what they answer)."""
    return [LinkRow(*row) for row in _batches(session, "links from", claim_ids)]


def _connection(session: Session) -> Connection:
    session.flush()
    return session.connection()
