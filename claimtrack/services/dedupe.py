"""Duplicate review: ``dedupe`` records likely duplicates as *suggested* ``same_as`` links
with their score, ``pending`` lists them, and ``link confirm`` / ``link reject`` decide.

The queue is sorted and cut in SQL on the score stored when the suggestion was made: re-scoring
a pair takes a full-text search over every claim (a quarter of a second on 40,000 claims), so
only the suggestions a page shows are ever re-scored, and only those whose claims were edited
since, or that have no stored score (an imported suggestion; migration 0015 gave older ones
the score their note states).

A pair with any link already (a rejected ``same_as`` included, or a ``denies``), in either
direction, is never suggested. Claims under ``MIN_WORDS`` words, and pairs where one text is
negated and the other not, are never suggested (see ``search.may_be_same``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from claimtrack.core import search_syntax, values
from claimtrack.core.enums import LinkStatus, Relation
from claimtrack.core.errors import InvalidInput
from claimtrack.core.views import ClaimView, Suggestion
from claimtrack.models import Claim, Link
from claimtrack.services import reading, search
from claimtrack.store import fulltext

BATCH = 500


@dataclass(frozen=True)
class DedupeResult:
    """How many claims were scanned and how many new suggestions were recorded."""

    scanned: int
    suggested: int
    link_ids: tuple[int, ...] = ()


def dedupe(
    session: Session,
    *,
    threshold: float = search.SUGGEST_THRESHOLD,
    logged_since: str | dt.date | None = None,
    newest: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> DedupeResult:
    """Scan claims for likely duplicates; record each new pair as a suggested link.

    Every claim is compared with the whole database; ``logged_since`` limits the claims scanned
    to those logged on or after that day (a nightly run); ``newest``, to that many of them, the
    last logged (a scan that must end within a web request). The newer claim (higher row id) is
    linked ``same_as`` the older one. ``progress`` is called with the number of claims scanned
    so far. Raises InvalidInput for a threshold outside (0, 1] or a bad date.
    """
    if not 0 < threshold <= 1:
        raise InvalidInput(f"The threshold {threshold} is not in (0, 1]; try 0.8.")
    # Any link between two claims already says how they relate (a denial is not a duplicate).
    known = {
        frozenset(pair) for pair in session.execute(select(Link.from_claim_id, Link.to_claim_id))
    }
    scope = select(Claim.id, Claim.text).where(_logged_since(logged_since))
    if newest is not None:
        floor = session.scalar(select(Claim.id).where(_logged_since(logged_since))
                               .order_by(Claim.id.desc()).offset(max(newest, 1) - 1).limit(1))
        scope = scope.where(Claim.id >= (floor or 0))
    created: list[Link] = []
    scanned, last_id = 0, 0
    while True:
        batch = session.execute(
            scope.where(Claim.id > last_id).order_by(Claim.id).limit(BATCH)
        ).all()
        if not batch:
            break
        for claim_id, text in batch:
            if search_syntax.word_count(text) >= search.MIN_WORDS:
                created += _suggest_for(session, claim_id, text, threshold, known)
        scanned += len(batch)
        last_id = batch[-1][0]
        if progress is not None:
            progress(scanned)
    session.flush()
    return DedupeResult(scanned, len(created), tuple(link.id for link in created))


def _suggest_for(
    session: Session, claim_id: int, text: str, threshold: float, known: set[frozenset[int]]
) -> list[Link]:
    created = []
    for other_id, other_text, score in search.scored_candidates(session, text, exclude={claim_id}):
        if score < threshold:
            break
        pair = frozenset((claim_id, other_id))
        if pair in known or not search.may_be_same(text, other_text):
            continue
        known.add(pair)
        link = Link(
            from_claim_id=max(pair),
            relation=Relation.SAME_AS,
            to_claim_id=min(pair),
            status=LinkStatus.SUGGESTED,
            score=round(score, 3),
            note=f"Suggested by `claimtrack dedupe` (score {score:.2f}).",
        )
        session.add(link)
        created.append(link)
    return created


def count_claims(session: Session, logged_since: str | dt.date | None = None) -> int:
    """How many claims a scan reads (for progress bars)."""
    query = select(func.count()).select_from(Claim).where(_logged_since(logged_since))
    return session.scalar(query) or 0


def _logged_since(logged_since: str | dt.date | None) -> ColumnElement[bool]:
    """Claims logged on or after that date; every claim when none is given."""
    since = values.date(logged_since, "--logged-since date")
    if since is None:
        return true()
    return Claim.created_at >= dt.datetime.combine(since, dt.time(), dt.UTC)


def pending(
    session: Session, *, limit: int | None = None, offset: int = 0
) -> list[Suggestion]:
    """Suggested links waiting for a decision, the most likely duplicates first: the ``limit``
    (every one when None) after the first ``offset``.

    The order is the score stored when each suggestion was made, highest first; suggestions
    with no stored score come after all others, oldest first. The suggestions returned whose
    claims were edited since (or that have no stored score) are scored again, and each page is
    sorted on the scores it shows; the others show their stored score. Costs one full-text
    search per suggestion scored again, whatever the length of the queue.
    """
    links = session.scalars(
        select(Link)
        .where(Link.status == LinkStatus.SUGGESTED)
        .order_by(Link.score.is_(None), Link.score.desc(), Link.id)
        .offset(offset)
        .limit(limit)
    ).all()
    views = reading.claim_views(
        session, [end for link in links for end in (link.from_claim_id, link.to_claim_id)]
    )
    suggestions = []
    for link in links:
        claim, same_as = views[link.from_claim_id], views[link.to_claim_id]
        score = link.score
        if score is None or _edited_since(link.created_at, claim, same_as):
            score = _pair_score(session, claim.text, link.from_claim_id, link.to_claim_id,
                                same_as.text)
        suggestions.append(
            Suggestion(link=link.id, score=round(score, 3), claim=claim, same_as=same_as,
                       note=link.note)
        )
    suggestions.sort(key=lambda s: (-s.score, s.link))
    return suggestions


def pending_count(session: Session) -> int:
    """How many suggested links wait for a decision."""
    query = select(func.count()).select_from(Link).where(Link.status == LinkStatus.SUGGESTED)
    return session.scalar(query) or 0


def _edited_since(when: dt.datetime, *claims: ClaimView) -> bool:
    """Whether any of ``claims`` was edited after ``when`` (its text may have changed)."""
    return any(claim.updated_at is not None and claim.updated_at > when for claim in claims)


def _pair_score(
    session: Session, text: str, claim_id: int, other_id: int, other_text: str
) -> float:
    """The score ``match`` gives claim ``other_id`` for ``text`` today (texts may have changed)."""
    for candidate_id, _, score in search.scored_candidates(session, text, exclude={claim_id}):
        if candidate_id == other_id:
            return score
    weight = search.relevance_weight(fulltext.claims_upper_bound(session))
    return search.similarity(text, other_text, 0.0, weight)
