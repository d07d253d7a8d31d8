"""Merging duplicate claims: ``claim merge KEEP DROP``.

Everything attached to DROP moves to KEEP in the caller's transaction: appearances, links,
verdicts, tags, and earlier merges into DROP. DROP's row is then deleted and a ``ClaimMerge``
keeps its id (resolving to KEEP), its text, speaker and date. Every write goes through the ORM,
row by row (a merge touches a few dozen rows), so session-level change tracking sees it all.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from claimtrack.core.enums import LinkStatus
from claimtrack.core.errors import Conflict, InvalidInput
from claimtrack.core.views import MergeResult
from claimtrack.formats.native import MergeRecord
from claimtrack.models import Actor, Appearance, Claim, ClaimMerge, ClaimTag, Link, Verdict
from claimtrack.models.base import utcnow
from claimtrack.services import actors, claims, disputes, links
from claimtrack.store.sql import chunked

# When a moved link duplicates one KEEP already has, the stronger decision survives.
_STATUS_STRENGTH = {LinkStatus.SUGGESTED: 0, LinkStatus.REJECTED: 1, LinkStatus.CONFIRMED: 2}


def merge_by_id(session: Session, keep_id: str, drop_id: str) -> MergeResult:
    """Merge the claim ``drop_id`` into ``keep_id`` (ids as typed; prefixes allowed).

    Raises Conflict when either id belongs to a claim already merged away, InvalidInput when
    both name the same claim.
    """
    keep, keep_via = claims.find_claim(session, keep_id)
    if keep_via is not None:
        raise Conflict(
            f"Claim {keep_via} was already merged into {keep.public_id}; merge into "
            f"{keep.public_id} instead."
        )
    drop, drop_via = claims.find_claim(session, drop_id)
    if drop_via is not None:
        raise Conflict(
            f"Claim {drop_via} was already merged into {drop.public_id}"
            + (
                "; there is nothing left to merge."
                if drop.id == keep.id
                else f"; to merge that claim too, run `claimtrack claim merge {keep.public_id} "
                f"{drop.public_id}`."
            )
        )
    return merge_claims(session, keep, drop)


def merge_claims(session: Session, keep: Claim, drop: Claim) -> MergeResult:
    """Move everything of ``drop`` to ``keep`` and retire ``drop``'s id as an alias of ``keep``."""
    if keep.id == drop.id:
        raise InvalidInput(
            f"A claim cannot be merged into itself ({keep.public_id}); give the claim to keep "
            "and then the duplicate to drop."
        )
    _lock(session, keep, drop)
    appearances = move_appearances(session, keep, drop)
    moved_links, links_dropped, neighbours = move_links(session, keep, drop)
    verdicts = move_verdicts(session, keep, drop)
    tags = move_tags(keep, drop)
    for earlier in session.scalars(select(ClaimMerge).where(ClaimMerge.claim_id == drop.id)):
        earlier.claim_id = keep.id
    session.add(
        ClaimMerge(
            public_id=drop.public_id,
            claim_id=keep.id,
            text=drop.text,
            speaker_id=drop.speaker_id,
            said_on=drop.said_on,
        )
    )
    session.flush()
    # Moved rows must not be cascaded from a stale in-memory collection.
    session.expire(drop, ["appearances"])
    session.delete(drop)
    keep.updated_at = utcnow()
    session.flush()
    session.expire(keep, ["appearances", "tags"])
    disputes.recount(session, {keep.id, *neighbours})
    return MergeResult(
        keep=keep.public_id,
        drop=drop.public_id,
        appearances=appearances,
        links=moved_links,
        links_dropped=links_dropped,
        verdicts=verdicts,
        tags=tags,
    )


def _lock(session: Session, keep: Claim, drop: Claim) -> None:
    """Hold both claims' rows for the rest of the transaction (PostgreSQL, in id order). A
    link or verdict being added to DROP at the same time either commits first, and is then
    moved with the rest, or waits and fails once DROP is gone:
    without the lock it was added after the links were moved and deleted with DROP. A second
    merge of either claim waits, then finds it gone and says where it went. (Two merges whose
    recounts touch each other's claims can still deadlock: PostgreSQL then stops one, which
    says to run it again, and nothing is lost.) SQLite writes one transaction at a time."""
    if session.connection().dialect.name != "postgresql":
        return
    held = set(session.scalars(
        select(Claim.id).where(Claim.id.in_(sorted({keep.id, drop.id})))
        .order_by(Claim.id).with_for_update()
    ))
    for claim in (keep, drop):
        if claim.id not in held:
            kept = merged_into(session, claim.public_id)
            where = f"merged into {kept.public_id}" if kept is not None else "removed"
            raise Conflict(f"Claim {claim.public_id} was {where} by someone else just now; "
                           "nothing was merged. Look again and run the merge again if it is "
                           "still wanted.")
    session.flush()
    for claim in (keep, drop):  # read what committed before the lock, not what was loaded
        session.expire(claim)


def move_appearances(session: Session, keep: Claim, drop: Claim) -> int:
    """Give ``drop``'s appearances to ``keep``; a source both appear in keeps KEEP's quote
    (filled from DROP's when KEEP has none). Returns how many moved."""
    kept = {
        a.source_id: a
        for a in session.scalars(select(Appearance).where(Appearance.claim_id == keep.id))
    }
    moved = 0
    for appearance in session.scalars(select(Appearance).where(Appearance.claim_id == drop.id)):
        twin = kept.get(appearance.source_id)
        if twin is None:
            appearance.claim_id = keep.id
            moved += 1
            continue
        twin.quote = twin.quote or appearance.quote
        twin.seen_on = twin.seen_on or appearance.seen_on
        session.delete(appearance)
    session.flush()
    return moved


def move_links(session: Session, keep: Claim, drop: Claim) -> tuple[int, int, set[int]]:
    """Re-point ``drop``'s links to ``keep``: (moved, dropped, claims at their other ends).

    A link between the two claims would become KEEP→KEEP and is dropped; a link KEEP already
    has is dropped too, the stronger status (confirmed > rejected > suggested) kept on KEEP's.
    """
    moved = dropped = 0
    neighbours: set[int] = set()
    touching = session.scalars(
        select(Link).where(or_(Link.from_claim_id == drop.id, Link.to_claim_id == drop.id))
    ).all()
    for link in touching:
        from_id = keep.id if link.from_claim_id == drop.id else link.from_claim_id
        to_id = keep.id if link.to_claim_id == drop.id else link.to_claim_id
        neighbours.update({from_id, to_id} - {keep.id})
        twin = links.link_between(session, from_id, link.relation, to_id)
        if from_id == to_id or twin is not None:
            if twin is not None:
                if _STATUS_STRENGTH[link.status] > _STATUS_STRENGTH[twin.status]:
                    twin.status = link.status
                twin.note = twin.note or link.note
                twin.source_id = twin.source_id or link.source_id
            session.delete(link)
            dropped += 1
        else:
            link.from_claim_id, link.to_claim_id = from_id, to_id
            moved += 1
        session.flush()
    return moved, dropped, neighbours


def move_verdicts(session: Session, keep: Claim, drop: Claim) -> int:
    """Give ``drop``'s verdicts to ``keep``. Returns how many moved."""
    moved = 0
    for verdict in session.scalars(select(Verdict).where(Verdict.claim_id == drop.id)):
        verdict.claim_id = keep.id
        moved += 1
    session.flush()
    return moved


def move_tags(keep: Claim, drop: Claim) -> int:
    """Add ``drop``'s tags that ``keep`` lacks. Returns how many were added."""
    missing = [tag for tag in drop.tag_names if tag not in keep.tag_names]
    keep.tags.extend(ClaimTag(tag=tag) for tag in missing)
    return len(missing)


# ---- export and import --------------------------------------------------------------------


def merged_into(session: Session, public_id: str) -> Claim | None:
    """The claim that the merged-away claim ``public_id`` now resolves to, or None."""
    target = session.scalar(select(ClaimMerge.claim_id).where(ClaimMerge.public_id == public_id))
    return session.get(Claim, target) if target is not None else None


def redirect(session: Session, public_ids: list[str]) -> dict[str, int]:
    """Merged-away public ids → row id of the claim each now resolves to (for imports)."""
    found: dict[str, int] = {}
    for chunk in chunked(public_ids):
        rows = session.execute(
            select(ClaimMerge.public_id, ClaimMerge.claim_id).where(ClaimMerge.public_id.in_(chunk))
        )
        found.update((public_id, claim_id) for public_id, claim_id in rows)
    return found


def export_merges(
    session: Session, scope: Select[tuple[int]] | None = None
) -> Iterator[MergeRecord]:
    """Every merge (into a claim in ``scope``, when given): the DROP→KEEP mapping and what
    DROP said."""
    query = (
        select(ClaimMerge, Claim.public_id, Actor.name)
        .join(Claim, Claim.id == ClaimMerge.claim_id)
        .outerjoin(Actor, Actor.id == ClaimMerge.speaker_id)
        .order_by(ClaimMerge.public_id)
    )
    if scope is not None:
        query = query.where(ClaimMerge.claim_id.in_(scope))
    for merge, into, speaker in session.execute(query):
        yield MergeRecord(
            id=merge.public_id,
            into=into,
            text=merge.text,
            speaker=speaker,
            date=merge.said_on,
            merged_at=merge.merged_at,
        )


def import_merge(session: Session, record: MergeRecord) -> dict[str, bool]:
    """Apply a merge from an export: record it, or merge the claim if it is still here.

    Returns ``{"is_new": …, "changed": …}``. Raises InvalidInput when the claim kept is unknown
    or this database merged the claim elsewhere.
    """
    into = session.scalar(select(Claim).where(Claim.public_id == record.into))
    into = into or merged_into(session, record.into)
    if into is None:
        raise InvalidInput(
            f"The merge of {record.id} refers to claim {record.into}, which is neither in the "
            "file nor in the database."
        )
    known = merged_into(session, record.id)
    if known is not None:
        if known.id != into.id:
            raise InvalidInput(
                f"The file merges {record.id} into {record.into}, but this database merged it "
                f"into {known.public_id}. Merge those two claims first, then import again."
            )
        return {"is_new": False, "changed": False}
    live = session.scalar(select(Claim).where(Claim.public_id == record.id))
    if live is not None:
        merge_claims(session, into, live)
        return {"is_new": True, "changed": True}
    speaker = actors.ensure_actor(session, record.speaker) if record.speaker else None
    session.add(
        ClaimMerge(
            public_id=record.id,
            claim_id=into.id,
            text=record.text,
            speaker_id=speaker.id if speaker else None,
            said_on=record.date,
            merged_at=record.merged_at or utcnow(),
        )
    )
    session.flush()
    return {"is_new": True, "changed": True}
