"""Editorial review of claims and verdicts: draft → in-review → published.

New claims and verdicts are drafts. A record moves forward one step at a time (a draft is
reviewed before it is published) and can be sent back to any earlier stage. Who moved it and
when is in the edit history (``claimtrack history ID``).

Readers' views (``--published-only``) show published material only: a published claim is
listed as contested only when a *published* claim challenges it or its *published* verdicts
disagree, and drafts answering it are left out of the report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy.orm import Session

from claimtrack.core.enums import ReviewStatus
from claimtrack.core.errors import InvalidInput
from claimtrack.core.views import Dispute, Response, VerdictView
from claimtrack.models import Claim, Verdict
from claimtrack.services import disputes
from claimtrack.services.filters import ClaimFilter

ORDER = [ReviewStatus.DRAFT, ReviewStatus.IN_REVIEW, ReviewStatus.PUBLISHED]


def move(record: Claim | Verdict, status: ReviewStatus) -> bool:
    """Set the review status; False when it already had it.

    Raises InvalidInput when skipping a stage (a draft cannot be published unreviewed).
    """
    current = record.status
    if current == status:
        return False
    if ORDER.index(status) > ORDER.index(current) + 1:
        noun = "Claim" if isinstance(record, Claim) else "Verdict"
        raise InvalidInput(
            f"{noun} {record.public_id} is a {current}; it goes to review before it is "
            f"{status}: move it to {ReviewStatus.IN_REVIEW} first (`claimtrack "
            f"{noun.lower()} status {ReviewStatus.IN_REVIEW} {record.public_id}`)."
        )
    record.status = status
    return True


def published_contested(
    session: Session,
    *,
    where: ClaimFilter = ClaimFilter(),
    limit: int | None = None,
) -> list[Dispute]:
    """The contested report limited to published claims, responses and verdicts."""
    # Published material is a subset of all material, so every published dispute is among
    # the disputes of the full report: filter those, then re-rank and cut.
    everything = disputes.contested(session, where=where)
    kept = [d for d in map(published_dispute, everything) if d is not None]
    kept.sort(key=lambda d: -d.claim.challenges)  # stable: newest first among equals
    return kept[:limit] if limit else kept


def published_dispute(dispute: Dispute) -> Dispute | None:
    """The published part of a dispute, or None when it is not a published dispute."""
    if dispute.claim.status != ReviewStatus.PUBLISHED:
        return None
    responses = _published_responses(dispute.responses)
    verdicts = _published_verdicts(dispute.verdicts)
    challenges = len({r.claim.id for r in responses if r.relation.is_challenge})
    leans = {v.normalized.lean for v in verdicts if v.normalized.lean is not None}
    if not challenges and len(leans) < 2:
        return None
    return dataclasses.replace(
        dispute,
        claim=dataclasses.replace(dispute.claim, challenges=challenges),
        responses=responses,
        answers=_published_responses(dispute.answers),
        verdicts=verdicts,
        verdicts_disagree=len(leans) > 1,
        is_contested=True,
    )


def _published_responses(responses: Sequence[Response]) -> tuple[Response, ...]:
    """The published responses; their own challenge counts are left out (0): they count
    challenges that may not be published, which readers must not learn of."""
    return tuple(
        dataclasses.replace(
            response,
            claim=dataclasses.replace(response.claim, challenges=0),
            supporters=_published_responses(response.supporters),
            verdicts=_published_verdicts(response.verdicts),
        )
        for response in responses
        if response.claim.status == ReviewStatus.PUBLISHED
    )


def _published_verdicts(verdicts: Sequence[VerdictView]) -> tuple[VerdictView, ...]:
    return tuple(v for v in verdicts if v.status == ReviewStatus.PUBLISHED)
