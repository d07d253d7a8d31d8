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
from claimtrack.store.sql import only_match


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
    known = ratings.rating_table(session).read_label(label)
    verdict = Verdict(
        public_id=public_id or values.new_public_id("v"),
        claim_id=claim.id,
        rating=label,
        normalized=normalized or known or Rating.UNVERIFIABLE,
        reviewer=actors.ensure_actor(session, by),
        reviewed_on=values.date(reviewed_on, "review date"),
        url=values.optional_url(url, "verdict URL"),
        explanation=values.optional_text(explanation, "explanation"),
    )
    if normalized is None and known is None:
        notify(session, f"'{label}' is not a known rating label; read as unverifiable — map it "
                        "with `claimtrack ratings add` or give --normalized.")
    elif normalized is None:
        notify(session, f"Read '{label}' as {verdict.normalized}; override with --normalized.")
    session.add(verdict)
    session.flush()
    disputes.recount(session, [claim.id])
    return verdict


def get_verdict(session: Session, verdict_id: str) -> Verdict:
    """The verdict with this id, or the only one whose id starts with it (at least 4
    characters after v-). Raises InvalidInput for a malformed or ambiguous id, NotFound."""
    wanted = values.id_or_prefix(verdict_id, "v", "verdict")
    named = (Verdict.public_id == wanted if values.is_whole_id(wanted)
             else Verdict.public_id.startswith(wanted, autoescape=True))
    found = only_match(session, select(Verdict.id, Verdict.public_id).where(named), wanted,
                       "verdict")
    if found is None:
        raise NotFound(
            f"Verdict {verdict_id} not found. List verdicts with `claimtrack verdict list`."
        )
    return session.get_one(Verdict, found)


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
