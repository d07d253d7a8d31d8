"""Fast read paths: views straight from rows (Core selects on the session's connection).

Reports assemble hundreds of claims at a time; building views from plain rows in a fixed
number of batched queries, without the ORM's per-row bookkeeping, keeps `report contested` a
small fraction of the naive SQL's time. Pending ORM changes are flushed first, so a view read
in the same transaction as a write sees it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import Connection, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from claimtrack.enums import LinkStatus, Relation
from claimtrack.models import Actor, Appearance, Claim, ClaimTag, Link, Source, Verdict
from claimtrack.services import chunked
from claimtrack.views import AppearanceView, ClaimView, VerdictView


def claim_views(session: Session, ids: Iterable[int]) -> dict[int, ClaimView]:
    """ClaimViews (speaker, tags and sources included) keyed by claim row id."""
    wanted = list(dict.fromkeys(ids))
    tags: dict[int, list[str]] = defaultdict(list)
    seen_in: dict[int, list[AppearanceView]] = defaultdict(list)
    rows: list[Any] = []
    for chunk in chunked(wanted):
        rows += (
            _connection(session)
            .execute(
                select(
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
                .where(Claim.id.in_(chunk))
            )
            .all()
        )
        for claim_id, tag in _connection(session).execute(
            select(ClaimTag.claim_id, ClaimTag.tag)
            .where(ClaimTag.claim_id.in_(chunk))
            .order_by(ClaimTag.tag)
        ):
            tags[claim_id].append(tag)
        for claim_id, url, title, outlet, quote, seen in _connection(session).execute(
            select(
                Appearance.claim_id,
                Source.url,
                Source.title,
                Source.outlet,
                Appearance.quote,
                Appearance.seen_on,
            )
            .join(Source, Appearance.source_id == Source.id)
            .where(Appearance.claim_id.in_(chunk))
            .order_by(Appearance.id)
        ):
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
        for row in rows
    }


def verdict_views(
    session: Session, claim_ids: Iterable[int] | None = None
) -> list[tuple[int, VerdictView]]:
    """(claim row id, VerdictView) pairs, newest review first; every verdict when ids is None."""
    query = (
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
        )
        .join(Claim, Verdict.claim_id == Claim.id)
        .join(Actor, Verdict.reviewer_id == Actor.id)
        .order_by(Verdict.reviewed_on.desc().nulls_last(), Verdict.id)
    )
    batches = (
        [query]
        if claim_ids is None
        else [
            query.where(Verdict.claim_id.in_(chunk))
            for chunk in chunked(list(dict.fromkeys(claim_ids)))
        ]
    )
    return [
        (claim_row, VerdictView(public_id, claim, rating, normalized, by, date, url, note, status))
        for batch in batches
        for claim_row, public_id, claim, rating, normalized, by, date, url, note, status in (
            _connection(session).execute(batch)
        )
    ]


def link_rows(
    session: Session, column: InstrumentedAttribute[int], claim_ids: Iterable[int]
) -> list[LinkRow]:
    """Confirmed links whose ``column`` (from_claim_id or to_claim_id) is one of ``claim_ids``.

    Suggested and rejected links (from `claimtrack dedupe`) are not part of any dispute.
    """
    found: list[LinkRow] = []
    for chunk in chunked(list(dict.fromkeys(claim_ids))):
        found += [
            LinkRow(*row)
            for row in _connection(session).execute(
                select(
                    Link.id,
                    Link.from_claim_id,
                    Link.relation,
                    Link.to_claim_id,
                    Link.note,
                    Source.url,
                )
                .outerjoin(Source, Link.source_id == Source.id)
                .where(column.in_(chunk), Link.status == LinkStatus.CONFIRMED)
                .order_by(Link.id)
            )
        ]
    return found


class LinkRow(NamedTuple):
    id: int
    from_claim_id: int
    relation: Relation
    to_claim_id: int
    note: str | None
    source: str | None


def _connection(session: Session) -> Connection:
    session.flush()
    return session.connection()
