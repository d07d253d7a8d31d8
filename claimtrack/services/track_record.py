"""A speaker's track record: the claims they made, which were challenged and by whom, verdicts.

A handful of queries whatever the number of claims: the claims (``list_claims``), then which
are contested and the challenges, selected by speaker, and the verdicts (``reading``).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session, aliased

from claimtrack.core.enums import CHALLENGES, LinkStatus, Rating, Relation
from claimtrack.core.views import Challenge, Challenger, RecordClaim, SpeakerRecord, VerdictView
from claimtrack.models import Actor, Claim, Link
from claimtrack.models.claim import CONTESTED
from claimtrack.services import actors, claims, reading
from claimtrack.services.filters import ClaimFilter


def speaker_record(session: Session, name: str) -> SpeakerRecord:
    """The record of the actor called ``name`` (or an alias), newest claim first.

    Raises NotFound when no actor has that name or alias.
    """
    actor = actors.get_actor(session, name)
    made = claims.list_claims(session, where=ClaimFilter(speaker=actor.name))
    contested = set(session.scalars(
        select(Claim.public_id).where(Claim.speaker_id == actor.id, sql_text(f"({CONTESTED})"))
    ))
    challenges = _challenges(session, actor.id)
    verdicts_of = _verdicts(session, actor.id)
    entries = tuple(
        RecordClaim(
            claim=view,
            is_contested=view.id in contested,
            challenged_by=tuple(challenges.get(view.id, ())),
            verdicts=tuple(verdicts_of.get(view.id, ())),
        )
        for view in made
    )
    distribution = {rating.value: 0 for rating in Rating}
    for entry in entries:
        for verdict in entry.verdicts:
            distribution[verdict.normalized.value] += 1
    return SpeakerRecord(
        actor=actors.actor_view(actor, len(made)),
        contested=len(contested),
        challenged_by=_challengers(entries),
        verdicts=distribution,
        claims=entries,
    )


def _challenges(session: Session, speaker_id: int) -> dict[str, list[Challenge]]:
    """Contradictions, denials and evasions of the speaker's claims, by claim id, oldest first."""
    target, challenger = aliased(Claim), aliased(Claim)
    query = (
        select(target.public_id, Link.relation, challenger.public_id, Actor.name)
        .join(target, Link.to_claim_id == target.id)
        .join(challenger, Link.from_claim_id == challenger.id)
        .outerjoin(Actor, challenger.speaker_id == Actor.id)
        .where(
            target.speaker_id == speaker_id,
            Link.relation.in_(list(CHALLENGES)),
            Link.status == LinkStatus.CONFIRMED,  # suggestions and rejections never count
        )
        .order_by(Link.id)
    )
    found: dict[str, list[Challenge]] = defaultdict(list)
    for claim_id, relation, challenger_id, speaker in session.execute(query):
        found[claim_id].append(Challenge(relation=relation, id=challenger_id, speaker=speaker))
    return found


def _verdicts(session: Session, speaker_id: int) -> dict[str, list[VerdictView]]:
    """Verdicts on the speaker's claims, by claim id, newest review first."""
    claim_rows = session.scalars(select(Claim.id).where(Claim.speaker_id == speaker_id)).all()
    found: dict[str, list[VerdictView]] = defaultdict(list)
    for _claim_row, verdict in reading.verdict_views(session, claim_rows):
        found[verdict.claim].append(verdict)
    return found


def _challengers(entries: tuple[RecordClaim, ...]) -> tuple[Challenger, ...]:
    """Who challenged the speaker and how, with how many of the speaker's claims, most first."""
    targets: dict[tuple[str | None, Relation], set[str]] = defaultdict(set)
    for entry in entries:
        for challenge in entry.challenged_by:
            targets[challenge.speaker, challenge.relation].add(entry.claim.id)
    ranked = sorted(
        targets.items(),
        key=lambda item: (-len(item[1]), item[0][0] is None, item[0][0] or "", item[0][1]),
    )
    return tuple(
        Challenger(speaker=speaker, relation=relation, claims=len(claim_ids))
        for (speaker, relation), claim_ids in ranked
    )
