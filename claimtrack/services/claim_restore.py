"""Bring a claim back as the edit history recorded it at a given time.

What is restored:

- the claim's own fields (text, summary, speaker, date, language, review status), its tags and
  its appearances (source, quote, date seen), exactly as they were at that time;
- if the claim has since been deleted, it is re-created under the same id, and the links and
  verdicts deleted *by the same command* (``claim rm --cascade``) are re-created too, as they
  were when deleted — a link only when the claim at its other end still exists;
- nothing else: links and verdicts changed by other commands, and other claims, are left alone.

The restore is itself an edit, recorded in the history like any other.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.errors import InvalidInput, NotFound
from claimtrack.models import Appearance, Base, Claim, ClaimTag, HistoryEntry, Link, Verdict
from claimtrack.models.base import utcnow
from claimtrack.services import actors, disputes, links, sources
from claimtrack.services.notices import notify
from claimtrack.store.history import changes
from claimtrack.store.history.snapshots import IGNORED, column_value

# a time of day to the second, as `history` shows it (not "09:30:00.25", not a date alone)
_TO_THE_SECOND = re.compile(r"\d:\d\d:\d\d(?![.,]\d)")


@dataclass
class RestoreResult:
    claim: Claim
    entry: HistoryEntry
    recreated: bool = False
    links: int = 0
    verdicts: int = 0
    skipped: list[str] = field(default_factory=list)


def _day_named(at: str | dt.datetime) -> str | dt.datetime:
    """``today`` or ``yesterday`` (any case) as the start of that UTC day, as every time
    without an offset is read (the machine's own date may be a day ahead or behind); any
    other time as it is."""
    named = at.strip().lower() if isinstance(at, str) else None
    if named in ("today", "yesterday"):
        day = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=named == "yesterday")
        return day.isoformat()
    return at


def restore_claim(session: Session, ref: str, at: str | dt.datetime) -> RestoreResult:
    """Restore claim ``ref`` (an id or unique prefix, deleted or not) to its state at ``at``
    (an ISO 8601 time; a date, ``today`` or ``yesterday`` for its start, UTC).

    Raises NotFound when the history does not know the claim at that time, InvalidInput when it
    had been deleted by then or the time is malformed.
    """
    claim_id = changes.resolve_id(session, ref, "c", "claim")
    moment = values.timestamp(_day_named(at), "--at time")
    if moment is None:
        raise InvalidInput("Give the time to restore to with --at, e.g. 2022-01-17T09:30:00Z.")
    if isinstance(at, str) and _TO_THE_SECOND.search(at):
        # `history` shows times to the second: a time copied from it means the whole second,
        # so the change made in it is included.
        moment += dt.timedelta(seconds=1) - dt.timedelta(microseconds=1)
    entry = _state_at(session, claim_id, moment)
    if entry.after is None:
        raise InvalidInput(
            f"Claim {claim_id} had been deleted at {moment:%Y-%m-%d %H:%M:%S} UTC (by "
            f"{entry.user_name} at {entry.at:%Y-%m-%d %H:%M:%S}); give an earlier --at time."
        )
    claim = session.scalar(select(Claim).where(Claim.public_id == claim_id))
    result = RestoreResult(claim=claim or Claim(public_id=claim_id), entry=entry,
                           recreated=claim is None)
    if claim is None:
        session.add(result.claim)
    _apply(session, result.claim, entry.after, skip={"public_id"} if claim else set())
    _restore_tags(result.claim, entry.after.get("tags", []))
    session.flush()
    _restore_appearances(session, result.claim, entry.after.get("appearances", []))
    touched = {result.claim.id}
    if result.recreated:
        touched |= _restore_deleted_with(session, claim_id, result)
    session.flush()
    disputes.recount(session, touched)
    for reason in result.skipped:
        notify(session, reason)
    return result


def _state_at(session: Session, claim_id: str, moment: dt.datetime) -> HistoryEntry:
    about = select(HistoryEntry).where(
        HistoryEntry.entity == "claim", HistoryEntry.entity_key == claim_id
    )
    entry = session.scalar(
        about.where(HistoryEntry.at <= moment)
        .order_by(HistoryEntry.at.desc(), HistoryEntry.id.desc()).limit(1)
    )
    if entry is None:
        first = session.scalar(about.order_by(HistoryEntry.at, HistoryEntry.id).limit(1))
        since = f" (its history starts at {first.at:%Y-%m-%d %H:%M:%S} UTC)" if first else ""
        raise NotFound(f"Claim {claim_id} did not exist at {moment:%Y-%m-%d %H:%M:%S} UTC"
                       f"{since}; give a later --at time.")
    return entry


def _apply(session: Session, row: Base, snapshot: dict[str, Any], *, skip: set[str]) -> bool:
    """Set a row's columns from a snapshot; False when a reference cannot be resolved."""
    for column in row.__table__.columns:
        name = column.name
        if name in IGNORED or name in skip:
            continue
        if column.foreign_keys:
            label = snapshot.get(name.removesuffix("_id"))
            target = next(iter(column.foreign_keys)).column.table.name
            row_id = _resolve(session, target, label) if label is not None else None
            if label is not None and row_id is None:
                return False
            setattr(row, name, row_id)
        elif name in snapshot:
            setattr(row, name, column_value(column, snapshot[name]))
    if isinstance(row, Claim):
        row.updated_at = utcnow()
    return True


def _resolve(session: Session, table: str, label: str) -> int | None:
    if table == "actors":
        return actors.ensure_actor(session, label).id
    if table == "sources":
        return sources.ensure_source(session, label).id
    return session.scalar(select(Claim.id).where(Claim.public_id == label))


def _restore_tags(claim: Claim, tags: list[str]) -> None:
    claim.tags = [t for t in claim.tags if t.tag in tags]
    claim.tags += [ClaimTag(tag=tag) for tag in tags if tag not in claim.tag_names]


def _restore_appearances(session: Session, claim: Claim, recorded: list[dict[str, Any]]) -> None:
    by_url = {item["source"]: item for item in recorded}
    for appearance in list(claim.appearances):
        if appearance.source.url not in by_url:
            claim.appearances.remove(appearance)
    present = {appearance.source.url: appearance for appearance in claim.appearances}
    for url, item in by_url.items():
        appearance = present.get(url) or Appearance()
        _apply(session, appearance, item, skip={"claim_id"})
        if url not in present:
            claim.appearances.append(appearance)
    session.flush()


def _restore_deleted_with(session: Session, claim_id: str, result: RestoreResult) -> set[int]:
    """Re-create the links and verdicts deleted by the command that deleted the claim."""
    deletion = session.scalar(
        select(HistoryEntry)
        .where(HistoryEntry.entity == "claim", HistoryEntry.entity_key == claim_id,
               HistoryEntry.action == "delete")
        .order_by(HistoryEntry.id.desc()).limit(1)
    )
    if deletion is None:
        return set()
    siblings = session.scalars(
        select(HistoryEntry).where(
            HistoryEntry.batch == deletion.batch, HistoryEntry.action == "delete",
            HistoryEntry.entity.in_(["link", "verdict"]),
        ).order_by(HistoryEntry.id)
    ).all()
    touched: set[int] = set()
    for sibling in siblings:
        snapshot = sibling.before or {}
        if sibling.entity == "verdict":
            if session.scalar(select(Verdict.id).where(Verdict.public_id == sibling.entity_key)):
                continue
            verdict = Verdict()
            if _apply(session, verdict, snapshot, skip=set()):
                session.add(verdict)
                result.verdicts += 1
            continue
        link = Link()
        if not _apply(session, link, snapshot, skip=set()):
            result.skipped.append(
                f"Link {snapshot.get('from_claim')} {snapshot.get('relation')} "
                f"{snapshot.get('to_claim')} was not re-created: the claim at its other end no "
                "longer exists (restore that claim first)."
            )
            continue
        if links.link_between(session, link.from_claim_id, link.relation, link.to_claim_id) is None:
            session.add(link)
            touched.add(link.to_claim_id)
            result.links += 1
    return touched
