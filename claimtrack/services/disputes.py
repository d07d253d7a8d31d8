"""Disputes: a claim with everything said for and against it, and the contested report.

A claim is contested when another claim contradicts, denies or evades it, or when its verdicts
disagree (one leans true, another false or mixed). Its challenges are the claims that challenge
it: one that both contradicts and denies it is one challenge, not two. Both facts are stored on
the claim row by ``recount``, called in the same transaction as every change to links or
verdicts, so the report reads a partial index instead of grouping all links.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import ScalarSelect, and_, case, distinct, func, or_, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from claimtrack.core.enums import CHALLENGES, LinkStatus, Rating, Relation, ReviewStatus
from claimtrack.core.errors import InvalidInput, NotFound
from claimtrack.core.views import (
    ArchiveView,
    ClaimView,
    Dispute,
    Response,
    SourceView,
    VerdictView,
)
from claimtrack.models import Claim, Link, Verdict
from claimtrack.models.claim import CONTESTED
from claimtrack.services import archives, reading, sources
from claimtrack.services.filters import ClaimFilter
from claimtrack.services.reading import LinkRow
from claimtrack.store.history import changes
from claimtrack.store.history.changes import HistoryView
from claimtrack.store.sql import chunked

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
        # Distinct challengers: two links from one claim (contradicts and denies) are one
        # challenge. Migration 0013 recounted the rows stored when each link counted.
        select(func.count(distinct(Link.from_claim_id)))
        .select_from(Link)
        .where(
            Link.to_claim_id == Claim.id,
            Link.relation.in_(list(CHALLENGES)),
            # Suggestions and rejections never count. Written as coalesce() so that SQLite
            # counts through ix_links_to_claim_id_relation: on a bare `status = ?` it picks
            # ix_links_status and scans every confirmed link once per claim recounted.
            func.coalesce(Link.status, Link.status) == LinkStatus.CONFIRMED,
        )
        .scalar_subquery()
    )
    lean = case(
        *[
            (Verdict.normalized == rating, rating.lean)
            for rating in Rating
            if rating.lean is not None
        ],
        else_=None,
    )
    disagree = (
        select(func.count(distinct(lean)) > 1).where(Verdict.claim_id == Claim.id).scalar_subquery()
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
            select(Claim.id)
            .where(Claim.id.in_(chunk))
            .order_by(Claim.id)
            .with_for_update(key_share=True)
        )
        # Only rows whose counters change are written (an import recounts every claim it gave
        # a verdict; most stay as they were, and on PostgreSQL each row written is a new one).
        session.execute(
            update(Claim)
            .where(
                Claim.id.in_(chunk),
                or_(Claim.challenge_count != challenge_count, Claim.verdicts_disagree != disagree),
            )
            .values(challenge_count=challenge_count, verdicts_disagree=disagree)
            .execution_options(synchronize_session=False)
        )
    for claim_id in ids:
        cached = session.identity_map.get(session.identity_key(Claim, claim_id))
        if cached is not None:
            session.expire(cached, ["challenge_count", "verdicts_disagree"])


def recount_all(session: Session) -> None:
    """Recompute the counters of every claim (``claimtrack db check --repair``)."""
    recount(session, session.scalars(select(Claim.id)).all())


def dispute_of(session: Session, claim: Claim) -> Dispute:
    """One claim's dispute: its responses (and their supporters), answers and verdicts."""
    return build_disputes(session, [(claim.id, claim.verdicts_disagree)])[0]


@dataclass(frozen=True)
class DisputeRecord:
    """What a dispute's page shows: the dispute, the stored record of every page its claims
    appeared on (an archive's address, retrieval time) and the newest copy claimtrack keeps of
    it, by URL, and the claim's latest edits."""

    dispute: Dispute
    sources: dict[str, SourceView]
    history: list[HistoryView]
    copies: dict[str, ArchiveView] = field(default_factory=dict)


def links_among(session: Session, found: Sequence[Dispute]) -> list[tuple[str, Relation, str]]:
    """The confirmed links between any two claims these disputes show, as (from, relation, to)
    public ids: what a graph of them must draw besides each dispute's own links (one response
    denying another, a supporter challenged by a response)."""
    shown = {view.id for dispute in found for view in _shown(dispute)}
    rows: dict[int, str] = {}
    for names in chunked(sorted(shown)):
        rows.update((row_id, public_id) for public_id, row_id in session.execute(
            select(Claim.public_id, Claim.id).where(Claim.public_id.in_(names))))
    among = []
    for chunk in chunked(sorted(rows)):
        for source, relation, target in session.execute(
            select(Link.from_claim_id, Link.relation, Link.to_claim_id)
            .where(Link.from_claim_id.in_(chunk), Link.status == LinkStatus.CONFIRMED)
        ):
            if target in rows:
                among.append((rows[source], relation, rows[target]))
    return sorted(among)


def _shown(dispute: Dispute) -> list[ClaimView]:
    return [dispute.claim, *(r.claim for r in dispute.responses),
            *(s.claim for r in dispute.responses for s in r.supporters),
            *(a.claim for a in dispute.answers)]


def dispute_record(session: Session, claim: Claim, *, history: int = 30) -> DisputeRecord:
    """``claim``'s dispute with its pages' records and its ``history`` latest edits (none
    for a claim imported before the edit history existed)."""
    found = dispute_of(session, claim)
    views = [found.claim, *(r.claim for r in found.responses)]
    views += [s.claim for r in found.responses for s in r.supporters]
    urls = {appearance.url for view in views for appearance in view.sources if appearance.url}
    try:
        edits = changes.history(session, claim.public_id, limit=history)
    except NotFound:
        edits = []
    copies = archives.newest_copies(session, urls) if urls else {}
    return DisputeRecord(found, sources.source_views(session, urls), edits, copies)


def contested(
    session: Session,
    *,
    where: ClaimFilter = ClaimFilter(),
    limit: int | None = None,
) -> list[Dispute]:
    """Every contested claim's dispute, most challenged first (newest first among equals)."""
    # Parenthesised: the OR must not swallow the filters ANDed after it.
    query = where.apply(select(Claim).where(sql_text(f"({CONTESTED})"))).order_by(
        Claim.challenge_count.desc(), Claim.id.desc()
    )
    if limit:
        query = query.limit(limit)
    centers = session.execute(query.with_only_columns(Claim.id, Claim.verdicts_disagree)).all()
    return build_disputes(session, [(claim_id, disagree) for claim_id, disagree in centers])


def build_disputes(session: Session, centers: Sequence[tuple[int, bool]]) -> list[Dispute]:
    """Assemble disputes for (claim row id, verdicts disagree) pairs in a few batched queries."""
    center_ids = [claim_id for claim_id, _ in centers]
    incoming = reading.links_to(session, center_ids)
    outgoing = reading.links_from(session, center_ids)
    responder_ids = [link.from_claim_id for link in incoming]
    supporting = [
        link
        for link in reading.links_to(session, responder_ids)
        if link.relation == Relation.SUPPORTS
    ]
    every_id = (
        center_ids
        + responder_ids
        + [link.to_claim_id for link in outgoing]
        + [link.from_claim_id for link in supporting]
    )
    views = reading.claim_views(session, every_id)
    verdicts_of: dict[int, list[VerdictView]] = defaultdict(list)
    for claim_id, verdict in reading.verdict_views(session, views):
        verdicts_of[claim_id].append(verdict)
    supporters_of = _group(supporting, "to_claim_id")

    def response(link: LinkRow, other_end: int, nested: bool) -> Response:
        supporters = supporters_of.get(link.from_claim_id, []) if nested else []
        return Response(
            relation=link.relation,
            claim=views[other_end],
            note=link.note,
            source=link.source,
            supporters=tuple(response(s, s.from_claim_id, False) for s in supporters),
            verdicts=tuple(verdicts_of.get(other_end, ())),
        )

    incoming_of, outgoing_of = _group(incoming, "to_claim_id"), _group(outgoing, "from_claim_id")
    disputes = []
    for center_id, disagree in centers:
        ordered = sorted(
            incoming_of.get(center_id, []),
            key=lambda link: (
                RELATION_ORDER.index(link.relation),
                _date_key(views[link.from_claim_id]),
                link.id,
            ),
        )
        disputes.append(
            Dispute(
                claim=views[center_id],
                responses=tuple(response(link, link.from_claim_id, True) for link in ordered),
                answers=tuple(
                    response(link, link.to_claim_id, False)
                    for link in outgoing_of.get(center_id, [])
                ),
                verdicts=tuple(verdicts_of.get(center_id, ())),
                verdicts_disagree=disagree,
                is_contested=views[center_id].challenges > 0 or disagree,
            )
        )
    return disputes


def _group(links: list[LinkRow], end: str) -> dict[int, list[LinkRow]]:
    grouped: dict[int, list[LinkRow]] = defaultdict(list)
    for link in links:
        grouped[getattr(link, end)].append(link)
    return grouped


def _date_key(view: ClaimView) -> dt.date:
    return view.date or dt.date.max


@dataclass(frozen=True)
class ContestedPage:
    """One page of the contested list: its disputes, the cursor of the next page (None on the
    last), and how many disputes the filters select (counted up to ``COUNT_CAP``: when
    ``total_is_exact`` is False there are more than ``total``)."""

    disputes: list[Dispute]
    after: str | None
    total: int
    total_is_exact: bool = True


COUNT_CAP = 10_000


def contested_page(
    session: Session,
    *,
    where: ClaimFilter = ClaimFilter(),
    status: ReviewStatus | None = None,
    matching: str | None = None,
    after: str | None = None,
    limit: int = 25,
) -> ContestedPage:
    """A page of the contested list in the report's order (most challenged, then newest).

    Keyset pagination: ``after`` is the cursor a previous page returned, so a page costs the
    same wherever it is in the list. ``status`` keeps claims at that review stage and
    ``matching`` those a full-text query finds (search syntax as in ``search``). Raises
    InvalidInput for a malformed cursor, filter or query.
    """
    query = where.apply(select(Claim).where(sql_text(f"({CONTESTED})")))
    if status is not None:
        query = query.where(Claim.status == status)
    if matching is not None and matching.strip():
        from claimtrack.core import search_syntax
        from claimtrack.store import fulltext

        expression = fulltext.expression(session, search_syntax.parse(matching))
        found, _ = fulltext.ranked_query(session, expression)
        query = query.where(Claim.id.in_(found.with_only_columns(Claim.id)))
    counted = session.scalar(
        select(func.count()).select_from(
            query.with_only_columns(Claim.id).limit(COUNT_CAP + 1).subquery()
        )
    ) or 0
    if after is not None:
        count, row_id = _cursor(after)
        query = query.where(or_(
            Claim.challenge_count < count,
            and_(Claim.challenge_count == count, Claim.id < row_id),
        ))
    rows = session.execute(
        query.order_by(Claim.challenge_count.desc(), Claim.id.desc())
        .limit(limit + 1)
        .with_only_columns(Claim.id, Claim.verdicts_disagree, Claim.challenge_count)
    ).all()
    shown = rows[:limit]
    cursor = f"{shown[-1][2]}.{shown[-1][0]}" if len(rows) > limit else None
    return ContestedPage(
        disputes=build_disputes(session, [(claim_id, disagree) for claim_id, disagree, _ in shown]),
        after=cursor,
        total=min(counted, COUNT_CAP),
        total_is_exact=counted <= COUNT_CAP,
    )


def _cursor(after: str) -> tuple[int, int]:
    count, _, row_id = after.partition(".")
    if not (count.isdigit() and row_id.isdigit()) or len(after) > 40:
        raise InvalidInput(
            f"'{after}' is not a page of this list; start again from the first page."
        )
    return int(count), int(row_id)
