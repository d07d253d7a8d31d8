"""Verdicts: what fact-checkers concluded about a claim, label kept verbatim."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.enums import Rating
from claimtrack.core.errors import NotFound
from claimtrack.core.views import VerdictView
from claimtrack.models import Claim, Verdict
from claimtrack.services import actors, disputes, ratings, reading
from claimtrack.services.notices import notify


def add_verdict(
    session: Session,
    claim: Claim,
    *,
    rating: str,
    by: str,
    normalized: Rating | None = None,
    url: str | None = None,
    reviewed_on: str | dt.date | None = None,
    explanation: str | None = None,
    public_id: str | None = None,
) -> Verdict:
    """Record a verdict. Without ``normalized`` the label is read as the user's own mappings,
    then the built-in table, say (``claimtrack ratings``); an unknown one is unverifiable."""
    label = values.text(rating, "rating label", max_length=values.LABEL_MAX)
    verdict = Verdict(
        public_id=public_id or values.new_public_id("v"),
        claim_id=claim.id,
        rating=label,
        normalized=normalized or ratings.rating_table(session).normalize(label),
        reviewer=actors.ensure_actor(session, by),
        reviewed_on=values.date(reviewed_on, "review date"),
        url=values.optional_url(url, "verdict URL"),
        explanation=values.optional_text(explanation, "explanation"),
    )
    if normalized is None:
        notify(session, f"Read '{label}' as {verdict.normalized}; override with --normalized.")
    session.add(verdict)
    session.flush()
    disputes.recount(session, [claim.id])
    return verdict


def get_verdict(session: Session, verdict_id: str) -> Verdict:
    """The verdict with this id. Raises NotFound."""
    wanted = values.public_id(verdict_id, "v", "verdict")
    verdict = session.scalar(select(Verdict).where(Verdict.public_id == wanted))
    if verdict is None:
        raise NotFound(
            f"Verdict {verdict_id} not found. List verdicts with `claimtrack verdict list`."
        )
    return verdict


def remove_verdict(session: Session, verdict: Verdict) -> None:
    """Delete a verdict and update whether its claim's verdicts still disagree."""
    claim_id = verdict.claim_id
    session.delete(verdict)
    session.flush()
    disputes.recount(session, [claim_id])


def list_verdicts(session: Session, claim: Claim | None = None) -> list[VerdictView]:
    """Verdicts on ``claim``, or all of them, newest review first."""
    return [
        view for _, view in reading.verdict_views(session, None if claim is None else [claim.id])
    ]
