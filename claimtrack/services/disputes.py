"""Disputes: a claim with everything said for and against it, and the contested report.

A claim is contested when another claim contradicts, denies or evades it, or when its verdicts
disagree (one leans true, another false or mixed). Both facts are stored on the claim row by
``recount``, called in the same transaction as every change to links or verdicts, so the report
reads a partial index instead of grouping all links.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import ScalarSelect, case, distinct, func, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session, selectinload

from claimtrack.enums import CHALLENGES, Rating, Relation
from claimtrack.models import Claim, Link, Verdict
from claimtrack.models.claim import CONTESTED
from claimtrack.services import chunked, claims, verdicts
from claimtrack.views import ClaimView, Dispute, Response, VerdictView

# How responses are listed inside a dispute: the challenges first.
RELATION_ORDER = [
    Relation.DENIES,
    Relation.CONTRADICTS,
    Relation.EVADES,
    Relation.SUPPORTS,
    Relation.RESPONDS_TO,
    Relation.SAME_AS,
]


def counters() -> tuple[ScalarSelect[int], ScalarSelect[bool]]:
    """SQL for a claim's ``challenge_count`` and ``verdicts_disagree``, correlated to Claim."""
    challenge_count = (
        select(func.count())
        .select_from(Link)
        .where(Link.to_claim_id == Claim.id, Link.relation.in_(list(CHALLENGES)))
        .scalar_subquery()
    )
    lean = case(
        *[(Verdict.normalized == rating, rating.lean) for rating in Rating if rating.lean is not None],
        else_=None,
    )
    disagree = (
        select(func.count(distinct(lean)) > 1)
        .where(Verdict.claim_id == Claim.id)
        .scalar_subquery()
    )
    return challenge_count, disagree


def recount(session: Session, claim_ids: Iterable[int]) -> None:
    """Recompute ``challenge_count`` and ``verdicts_disagree`` for these claims from scratch."""
    challenge_count, disagree = counters()
    ids = sorted(set(claim_ids))
    for chunk in chunked(ids):
        # Lock the rows first (PostgreSQL; in id order, so two recounts cannot deadlock), then
        # count in a new statement: under READ COMMITTED the UPDATE's subqueries then see links
        # that a concurrent writer committed while we waited. Counting in the UPDATE alone
        # loses them (8 writers linking to one claim: 6 of 8 challenges counted).
        # NO KEY UPDATE does not conflict with the KEY SHARE locks that inserting a link takes.
        session.execute(
            select(Claim.id).where(Claim.id.in_(chunk)).order_by(Claim.id)
            .with_for_update(key_share=True)
        )
        session.execute(
            update(Claim)
            .where(Claim.id.in_(chunk))
            .values(challenge_count=challenge_count, verdicts_disagree=disagree)
            .execution_options(synchronize_session=False)
        )
    for claim_id in ids:
        cached = session.identity_map.get(session.identity_key(Claim, claim_id))
        if cached is not None:
            session.expire(cached, ["challenge_count", "verdicts_disagree"])


def dispute_of(session: Session, claim: Claim) -> Dispute:
    """One claim's dispute: its responses (and their supporters), answers and verdicts."""
    return build_disputes(session, [claim])[0]


def contested(
    session: Session,
    *,
    speaker: str | None = None,
    tags: Sequence[str] = (),
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int | None = None,
) -> list[Dispute]:
    """Every contested claim's dispute, most challenged first (newest first among equals)."""
    query = claims.filter_claims(
        select(Claim).where(sql_text(CONTESTED)),
        speaker=speaker,
        tags=tags,
        since=since,
        until=until,
    ).order_by(Claim.challenge_count.desc(), Claim.id.desc())
    if limit:
        query = query.limit(limit)
    return build_disputes(session, session.scalars(query).all())


def build_disputes(session: Session, centers: Sequence[Claim]) -> list[Dispute]:
    """Assemble disputes for ``centers`` with a fixed number of batched queries."""
    center_ids = [claim.id for claim in centers]
    incoming = _links(session, Link.to_claim_id, center_ids)
    outgoing = _links(session, Link.from_claim_id, center_ids)
    responder_ids = [link.from_claim_id for link in incoming]
    supporting = [
        link
        for link in _links(session, Link.to_claim_id, responder_ids)
        if link.relation == Relation.SUPPORTS
    ]
    every_id = (
        center_ids
        + responder_ids
        + [link.to_claim_id for link in outgoing]
        + [link.from_claim_id for link in supporting]
    )
    views = {
        claim_id: claims.claim_view(claim)
        for claim_id, claim in claims.claims_by_id(session, every_id).items()
    }
    verdicts_of = _verdicts(session, list(views))
    supporters_of: dict[int, list[Link]] = defaultdict(list)
    for link in supporting:
        supporters_of[link.to_claim_id].append(link)

    def response(link: Link, other_end: int, nested: bool) -> Response:
        return Response(
            relation=link.relation,
            claim=views[other_end],
            note=link.note,
            source=link.source.url if link.source else None,
            supporters=tuple(
                response(s, s.from_claim_id, False) for s in supporters_of[link.from_claim_id]
            ) if nested else (),
            verdicts=verdicts_of.get(other_end, ()),
        )

    incoming_of: dict[int, list[Link]] = defaultdict(list)
    for link in incoming:
        incoming_of[link.to_claim_id].append(link)
    outgoing_of: dict[int, list[Link]] = defaultdict(list)
    for link in outgoing:
        outgoing_of[link.from_claim_id].append(link)

    disputes = []
    for center in centers:
        responses = sorted(
            incoming_of[center.id],
            key=lambda link: (RELATION_ORDER.index(link.relation), _date_key(views[link.from_claim_id]), link.id),
        )
        disputes.append(
            Dispute(
                claim=views[center.id],
                responses=tuple(response(link, link.from_claim_id, True) for link in responses),
                answers=tuple(response(link, link.to_claim_id, False) for link in outgoing_of[center.id]),
                verdicts=verdicts_of.get(center.id, ()),
                verdicts_disagree=center.verdicts_disagree,
                is_contested=center.challenge_count > 0 or center.verdicts_disagree,
            )
        )
    return disputes


def _date_key(view: ClaimView) -> dt.date:
    return view.date or dt.date.max


def _links(session: Session, column: object, claim_ids: list[int]) -> list[Link]:
    found: list[Link] = []
    for chunk in chunked(list(dict.fromkeys(claim_ids))):
        found.extend(
            session.scalars(
                select(Link)
                .where(column.in_(chunk))  # type: ignore[attr-defined]
                .options(selectinload(Link.source))
                .order_by(Link.id)
            )
        )
    return found


def _verdicts(session: Session, claim_ids: list[int]) -> dict[int, tuple[VerdictView, ...]]:
    grouped: dict[int, list[VerdictView]] = defaultdict(list)
    for chunk in chunked(claim_ids):
        for verdict in session.scalars(
            select(Verdict)
            .where(Verdict.claim_id.in_(chunk))
            .options(selectinload(Verdict.reviewer), selectinload(Verdict.claim))
            .order_by(Verdict.reviewed_on.desc().nulls_last(), Verdict.id)
        ):
            grouped[verdict.claim_id].append(verdicts.verdict_view(verdict))
    return {claim_id: tuple(found) for claim_id, found in grouped.items()}
