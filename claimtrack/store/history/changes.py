"""Reading the edit history: who changed what, when, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import CompoundSelect, Select, or_, select
from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.enums import ReviewStatus
from claimtrack.core.errors import InvalidInput, NotFound
from claimtrack.models import Actor, Appearance, Claim, HistoryEntry, Source, Verdict
from claimtrack.store.history import tracking
from claimtrack.store.history.snapshots import ENTITIES
from claimtrack.store.sql import chunked

SHORT = 60
LEAD = 15  # characters of what is unchanged shown before a long text's first change
ENTITY_NAMES = tuple(ENTITIES)
# Fields a creation summary leaves out: the key column says the id, and the time is in "at".
QUIET = frozenset({"public_id", "created_at"})


@dataclass(frozen=True)
class HistoryView:
    """One recorded change."""

    id: int
    at: dt.datetime
    user: str
    command: str | None
    action: str
    entity: str
    key: str
    claim: str | None
    changes: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def history(
    session: Session,
    ref: str | None = None,
    *,
    user: str | None = None,
    since: str | dt.datetime | None = None,
    entity: str | None = None,
    limit: int | None = None,
) -> list[HistoryView]:
    """Changes, newest first. ``ref``: a claim id (changes to it, its parts, its verdicts and
    links touching it), a verdict id, or a link number; a unique prefix of an id will do.

    Raises InvalidInput for a malformed id or filter and NotFound for an id with no history.
    """
    query = select(HistoryEntry).order_by(HistoryEntry.id.desc())
    if ref is not None:
        query = _about(session, query, ref)
    if user is not None:
        query = query.where(HistoryEntry.user_name == values.name(user, "user name"))
    start = values.timestamp(since, "--since time")
    if start is not None:
        query = query.where(HistoryEntry.at >= start)
    if entity is not None:
        if entity not in ENTITY_NAMES:
            raise InvalidInput(values.not_a_choice(entity, ENTITY_NAMES, "a kind of record"))
        query = query.where(HistoryEntry.entity == entity)
    if limit:
        query = query.limit(limit)
    return [history_view(entry) for entry in session.scalars(query)]


def published_touched(session: Session) -> list[str]:
    """What this transaction has created, changed or deleted that only an editor may: claims
    and verdicts that were or became published; links, sources and actors that published
    claims rest on, changed or deleted (new ones may be added). By id, URL or name."""
    tracking.write_pending(session)
    written = tracking.batch(session)
    if written is None:
        return []
    rows = session.execute(
        select(HistoryEntry.entity, HistoryEntry.entity_key, HistoryEntry.action,
               HistoryEntry.before, HistoryEntry.after, HistoryEntry.claim_ref,
               HistoryEntry.other_claim_ref)
        .where(HistoryEntry.batch == written).order_by(HistoryEntry.id)
    ).all()
    ends = {ref for row in rows if row.entity == "link"
            for ref in (row.claim_ref, row.other_claim_ref) if ref}
    published = {public_id for chunk in chunked(sorted(ends)) for public_id in session.scalars(
        select(Claim.public_id).where(Claim.public_id.in_(chunk),
                                      Claim.status == ReviewStatus.PUBLISHED))}
    touched = []
    for row in rows:
        if row.entity in ("claim", "verdict"):
            stages = {(row.before or {}).get("status"), (row.after or {}).get("status")}
            hit = ReviewStatus.PUBLISHED in stages
        elif row.action == "create":
            hit = False
        elif row.entity == "link":
            hit = bool({row.claim_ref, row.other_claim_ref} & published)
        else:
            hit = _rests_on(session, row.entity, row.entity_key)
        if hit:
            touched.append(row.entity_key if row.entity in ("claim", "verdict")
                           else f"{row.entity} {row.entity_key}")
    return list(dict.fromkeys(touched))


def _rests_on(session: Session, entity: str, key: str) -> bool:
    """Whether published claims or verdicts rest on this source (by URL) or actor (by name)."""
    published = ReviewStatus.PUBLISHED
    query: Select[Any] | CompoundSelect[Any]
    if entity == "source":
        query = (select(Claim.id).join(Appearance, Appearance.claim_id == Claim.id)
                 .join(Source, Source.id == Appearance.source_id)
                 .where(Source.url == key, Claim.status == published))
    elif entity == "actor":
        named = select(Actor.id).where(Actor.name == key).scalar_subquery()
        query = select(Claim.id).where(Claim.speaker_id == named, Claim.status == published
                                       ).union_all(select(Verdict.id).where(
                                           Verdict.reviewer_id == named,
                                           Verdict.status == published))
    else:
        return False
    return session.execute(query.limit(1)).first() is not None


def deletion(session: Session, entity: str, key: str) -> HistoryView | None:
    """The latest deletion of the ``entity`` with this key, if it was deleted (and not
    created again since)."""
    last = session.scalar(select(HistoryEntry).where(HistoryEntry.entity == entity,
                                                     HistoryEntry.entity_key == key)
                          .order_by(HistoryEntry.at.desc(), HistoryEntry.id.desc()).limit(1))
    return history_view(last) if last is not None and last.action == "delete" else None


def history_view(entry: HistoryEntry) -> HistoryView:
    return HistoryView(
        id=entry.id,
        at=entry.at,
        user=entry.user_name,
        command=entry.command,
        action=entry.action,
        entity=entry.entity,
        key=entry.entity_key,
        claim=entry.claim_ref,
        changes=describe(entry.action, entry.before, entry.after),
        before=entry.before,
        after=entry.after,
    )


def _about(session: Session, query: Select[HistoryEntry], ref: str) -> Select[HistoryEntry]:
    cleaned = ref.strip()
    if cleaned.isdigit():
        about = query.where(HistoryEntry.entity == "link", HistoryEntry.entity_key == cleaned)
        if session.execute(about.with_only_columns(HistoryEntry.id).limit(1)).first() is None:
            raise NotFound(f"No history is recorded for link {cleaned}. List links with "
                           "`claimtrack link list`, recent changes with `claimtrack history`.")
        return about
    if cleaned.lower().startswith("v-"):
        verdict = resolve_id(session, cleaned, "v", "verdict")
        return query.where(HistoryEntry.entity == "verdict", HistoryEntry.entity_key == verdict)
    claim = resolve_id(session, cleaned, "c", "claim")
    return query.where(or_(HistoryEntry.claim_ref == claim, HistoryEntry.other_claim_ref == claim))


def deleted(session: Session, ref: str, prefix: str, noun: str) -> tuple[str, HistoryView] | None:
    """The full id and latest deletion of the claim or verdict ``ref`` names, if the history
    knows it and it was deleted (None otherwise, also for a ref that names nothing)."""
    try:
        known = resolve_id(session, ref, prefix, noun)
    except (InvalidInput, NotFound):
        return None
    gone = deletion(session, noun, known)
    return None if gone is None else (known, gone)


def resolve_id(session: Session, ref: str, prefix: str, noun: str) -> str:
    """The full id of a claim or verdict named in the history (it may no longer exist)."""
    wanted = values.id_or_prefix(ref, prefix, noun)
    if prefix == "c":
        columns = [HistoryEntry.claim_ref, HistoryEntry.other_claim_ref]
    else:
        columns = [HistoryEntry.entity_key]
    found: set[str] = set()
    for column in columns:
        query = select(column).distinct().where(column.startswith(wanted, autoescape=True))
        if prefix == "v":
            query = query.where(HistoryEntry.entity == "verdict")
        found.update(session.scalars(query))
    matches = sorted(found)
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InvalidInput(values.ambiguous_id(wanted, noun, matches, len(matches)))
    raise NotFound(f"No history is recorded for {noun} {ref}. List recent changes with "
                   "`claimtrack history`.")


def describe(action: str, before: Any, after: Any) -> str:
    """One line for people: "text: «old» → «new»; tags: +y -x"."""
    if action == "create" and isinstance(after, dict):
        return "created: " + "; ".join(
            f"{name}: {_short(value)}" for name, value in after.items()
            if value not in (None, [], "") and name not in QUIET
        )
    if action == "delete":
        return "deleted"
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return action
    parts = []
    for name in dict.fromkeys([*before, *after]):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if isinstance(old, list) and isinstance(new, list):
            parts.append(f"{name}: {_list_change(old, new)}")
        elif isinstance(old, str) and isinstance(new, str):
            old, new = _from_first_difference(old, new)
            parts.append(f"{name}: {_short(old)} → {_short(new)}")
        else:
            parts.append(f"{name}: {_short(old)} → {_short(new)}")
    return "; ".join(parts)


def _list_change(old: list[Any], new: list[Any]) -> str:
    """Parts added (+), removed (-) and, for a part kept at the same page, its fields changed
    ("https://… quote: «old» → «new»")."""
    before = {_label(item): item for item in old if _label(item) is not None}
    after = {_label(item): item for item in new if _label(item) is not None}
    changed = [
        f"{_short(label)} " + ", ".join(
            f"{field}: {_short(was)} → {_short(now)}"
            for field in dict.fromkeys([*before[label], *item])
            for was, now in [(before[label].get(field), item.get(field))] if was != now)
        for label, item in after.items() if label in before and before[label] != item
    ]
    kept = {label for label in after if label in before}
    added = [_short(item) for item in new if item not in old and _label(item) not in kept]
    removed = [_short(item) for item in old if item not in new and _label(item) not in kept]
    return " ".join([*changed, *(f"+{a}" for a in added), *(f"-{r}" for r in removed)])


def _label(item: Any) -> Any:
    """What names a part of a record (an appearance by its page), or None."""
    return (item.get("source") or item.get("url")) if isinstance(item, dict) else None


def _from_first_difference(old: str, new: str) -> tuple[str, str]:
    """Two texts too long to show whole, from a few words before they first differ: an
    edit at the end of a long claim shows, instead of two identical beginnings."""
    old, new = " ".join(old.split()), " ".join(new.split())
    if max(len(old), len(new)) <= SHORT:
        return old, new
    same = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                min(len(old), len(new)))
    start = old.rfind(" ", 0, max(0, same - LEAD)) + 1
    return (old, new) if start <= 0 else ("…" + old[start:], "…" + new[start:])


def _short(value: Any) -> str:
    if isinstance(value, list):
        return _short(", ".join(_short(item) for item in value))
    if isinstance(value, dict):
        value = value.get("source") or value.get("url") or next(iter(value.values()), "")
    text = "∅" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"
