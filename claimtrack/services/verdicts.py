"""Verdicts: what fact-checkers concluded about a claim, label kept verbatim."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.enums import Rating, ReviewStatus
from claimtrack.core.errors import Conflict, NotFound
from claimtrack.core.ratings import label_key
from claimtrack.core.views import VerdictView
from claimtrack.models import Claim, Verdict
from claimtrack.services import actors, disputes, ratings, reading
from claimtrack.services.notices import notify
from claimtrack.store.history import changes
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
    allow_duplicate: bool = False,
) -> Verdict:
    """Record a verdict. Without ``normalized`` the label is read as the user's own mappings,
    then the built-in table, say (``claimtrack ratings``); an unknown one is unverifiable.

    Raises Conflict when ``claim`` has this verdict already (the same review url, as an import
    matches it; without a url, the same reviewer, label and date), unless ``allow_duplicate``
    says it is another.
    """
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
    if not allow_duplicate:
        _refuse_duplicate(session, claim, verdict)
    if normalized is None and known is None:
        notify(session, f"'{label}' is not a known rating label; read as unverifiable — map it "
                        "with `claimtrack ratings add` or give --normalized.")
    elif normalized is None:
        notify(session, f"Read '{label}' as {verdict.normalized}; override with --normalized.")
    session.add(verdict)
    session.flush()
    disputes.recount(session, [claim.id])
    return verdict


def _refuse_duplicate(session: Session, claim: Claim, verdict: Verdict) -> None:
    """Raise Conflict when ``claim`` has a stored verdict that ``verdict`` repeats.

    Adds of verdicts on one claim wait for each other on the claim's row (PostgreSQL; SQLite
    writers never overlap), so of four users sending the same verdict at once, three are told.
    No unique index backs this: ``allow_duplicate`` may store a repeat on purpose.
    """
    # FOR NO KEY UPDATE: the row is updated by disputes.recount anyway; taken now, the check
    # below runs after any other verdict added to this claim meanwhile is committed.
    session.execute(select(Claim.id).where(Claim.id == claim.id).with_for_update(key_share=True))
    query = select(Verdict).where(Verdict.claim_id == claim.id).order_by(Verdict.id)
    if verdict.url_key is not None:
        stored = session.scalars(query.where(Verdict.url_key == verdict.url_key).limit(1)).first()
        same = "the same review url"
    else:
        dated = (Verdict.reviewed_on.is_(None) if verdict.reviewed_on is None
                 else Verdict.reviewed_on == verdict.reviewed_on)
        label = label_key(verdict.rating)
        stored = next(
            (v for v in session.scalars(
                query.where(Verdict.reviewer_id == verdict.reviewer.id, dated))
             if label_key(v.rating) == label),
            None,
        )
        same = "the same reviewer, rating and date"
    if stored is not None:
        raise Conflict(
            f"Claim {claim.public_id} has this verdict already as {stored.public_id} ({same}). "
            f"List its verdicts with `claimtrack verdict list {claim.public_id}`; if it is a "
            "distinct verdict, add it with --allow-duplicate."
        )


def get_verdict(session: Session, verdict_id: str) -> Verdict:
    """The verdict with this id, or the only one whose id starts with it (at least 4
    characters after v-). Raises InvalidInput for a malformed or ambiguous id, NotFound."""
    wanted = values.id_or_prefix(verdict_id, "v", "verdict")
    named = (Verdict.public_id == wanted if values.is_whole_id(wanted)
             else Verdict.public_id.startswith(wanted, autoescape=True))
    found = only_match(session, select(Verdict.id, Verdict.public_id).where(named), wanted,
                       "verdict")
    if found is None:
        raise _missing(session, verdict_id, wanted)
    return session.get_one(Verdict, found)


def _missing(session: Session, verdict_id: str, wanted: str) -> NotFound:
    """Why no verdict has this id or prefix: one deleted says when, by whom and what to do,
    as a deleted claim does (services.claims)."""
    found = changes.deleted(session, wanted, "v", "verdict")
    if found is None:
        return NotFound(
            f"Verdict {verdict_id} not found. List verdicts with `claimtrack verdict list`.")
    known, gone = found
    deleted = f"Verdict {known} was deleted on {gone.at:%Y-%m-%d %H:%M:%S} UTC by {gone.user}"
    if (gone.command or "").endswith("claim rm") and gone.claim:
        return NotFound(f"{deleted}, with its claim {gone.claim}. `claimtrack claim restore "
                        f"{gone.claim} --at TIME` brings both back as they were at a time "
                        f"before that (see `claimtrack history {gone.claim}`).")
    return NotFound(f"{deleted}. `claimtrack history {known}` shows it as it was; add it again "
                    "with `claimtrack verdict add` if it should not have gone.")


def remove_verdict(session: Session, verdict: Verdict) -> None:
    """Delete a verdict and update whether its claim's verdicts still disagree."""
    claim_id = verdict.claim_id
    session.delete(verdict)
    session.flush()
    disputes.recount(session, [claim_id])


def list_verdicts(
    session: Session,
    claim: Claim | None = None,
    *,
    by: str | None = None,
    normalized: Rating | None = None,
    status: ReviewStatus | None = None,
    limit: int | None = None,
) -> list[VerdictView]:
    """Verdicts on ``claim``, or all of them, newest review first: only those by the reviewer
    ``by`` (name or alias; NotFound when no actor is called so), rated ``normalized`` on
    claimtrack's scale, at review stage ``status``; the first ``limit``."""
    where = []
    if claim is not None:
        where.append(Verdict.claim_id == claim.id)
    if by is not None:
        where.append(Verdict.reviewer_id == actors.get_actor(session, by).id)
    if normalized is not None:
        where.append(Verdict.normalized == normalized)
    if status is not None:
        where.append(Verdict.status == status)
    return [view for _, view in reading.verdict_views(session, where=where, limit=limit)]
