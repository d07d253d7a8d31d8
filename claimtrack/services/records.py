"""A speaker's track record: the claims they made, which were challenged and by whom, verdicts."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from claimtrack.enums import CHALLENGES, Rating, Relation
from claimtrack.models import Actor, Claim, Link
from claimtrack.services import actors, chunked, claims, disputes
from claimtrack.views import Challenge, Challenger, RecordClaim, SpeakerRecord


def speaker_record(session: Session, name: str) -> SpeakerRecord:
    """The record of the actor called ``name`` (or an alias), newest claim first.

    Raises NotFound when no actor has that name or alias.
    """
    actor = actors.get_actor(session, name)
    ids = list(session.scalars(
        select(Claim.id)
        .where(Claim.speaker_id == actor.id)
        .order_by(Claim.said_on.desc().nulls_last(), Claim.id.desc())
    ))
    loaded = claims.claims_by_id(session, ids)
    made = [loaded[claim_id] for claim_id in ids]
    challenges = _challenges(session, ids)
    verdicts_of = disputes.verdicts_by_claim(session, ids)
    entries = tuple(
        RecordClaim(
            claim=claims.claim_view(claim),
            is_contested=claim.challenge_count > 0 or claim.verdicts_disagree,
            challenged_by=tuple(challenges.get(claim.id, ())),
            verdicts=verdicts_of.get(claim.id, ()),
        )
        for claim in made
    )
    distribution = {rating.value: 0 for rating in Rating}
    for entry in entries:
        for verdict in entry.verdicts:
            distribution[verdict.normalized.value] += 1
    return SpeakerRecord(
        actor=actors.actor_view(actor, len(made)),
        contested=sum(entry.is_contested for entry in entries),
        challenged_by=_challengers(entries),
        verdicts=distribution,
        claims=entries,
    )


def _challenges(session: Session, claim_ids: list[int]) -> dict[int, list[Challenge]]:
    """Contradictions, denials and evasions aimed at these claims, oldest link first."""
    challenger = aliased(Claim)
    found: dict[int, list[Challenge]] = defaultdict(list)
    for chunk in chunked(claim_ids):
        query = (
            select(Link.to_claim_id, Link.relation, challenger.public_id, Actor.name)
            .join(challenger, Link.from_claim_id == challenger.id)
            .outerjoin(Actor, challenger.speaker_id == Actor.id)
            .where(Link.to_claim_id.in_(chunk), Link.relation.in_(list(CHALLENGES)))
            .order_by(Link.id)
        )
        for target, relation, public_id, speaker in session.execute(query):
            found[target].append(Challenge(relation=relation, id=public_id, speaker=speaker))
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
