"""The edit history: every change to a claim, verdict, link, actor or source (with their parts:
a claim's tags and appearances, an actor's aliases) is written to the ``history`` table in the
same transaction, with who, when, which command, and the record before and after.

How, for ORM changes (everything ``session.add``/``delete`` or attribute edits do):

- ``before_flush``: a tracked record about to change that existed before is snapshotted as
  the database holds it, the first time the transaction touches it;
- ``after_flush``: records the flush created are noted as new;
- ``before_commit``: one more flush, then every noted record is snapshotted again and one row
  per record whose snapshot changed is inserted (create, update or delete).

A rolled-back transaction therefore records nothing, and a record changed ten times in one
command gets one entry with its state before and after the command.

On SQLite the entries of created records are written by the database itself, one
INSERT … SELECT per kind of record (``created``: the same text, several times cheaper for an
import's hundreds of thousands of records); the rest are built here. One command's entries
share their time and batch; within it, those built here come first, then the creations, kind
by kind, in the order the command first created each kind.

Core statements (``session.execute(update(...))``, bulk inserts) bypass the unit of work. Code
that uses them calls, in the same transaction:

- ``track(session, Model, row_ids)`` **before** an UPDATE or DELETE of those rows;
- ``track_created(session, Model, row_ids)`` **after** an INSERT of new rows;
- ``record(session, action, entity, key, ...)`` for an entry of its own ("merge").

The hooks are attached to ``TrackedSession``, the Session class ``claimtrack.store.db``'s
``session_scope`` makes, and to nothing else: a host application's own sessions are left alone,
and importing claimtrack registers nothing globally.

Derived data (the contested counters kept by ``disputes.recount``) is not recorded.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from sqlalchemy import Table, event, inspect
from sqlalchemy.orm import Session, SessionTransaction

from claimtrack.core.serial import plain
from claimtrack.models import Base, HistoryEntry
from claimtrack.models.base import utcnow
from claimtrack.store.history import created
from claimtrack.store.history.snapshots import ENTITIES, OWNERS, Found, capture, completed
from claimtrack.store.raw_insert import insert_untracked

INFO_KEY = "claimtrack.history"
Key = tuple[str, int]


@dataclass
class _Pending:
    """What one transaction has touched so far: each record's state when first touched."""

    before: dict[Key, Found | None] = field(default_factory=dict)
    extra: list[dict[str, Any]] = field(default_factory=list)
    # Rows a bulk writer inserted since the history was last written, by table, as it wrote
    # them: the snapshots of the records they make are built from these instead of read back
    # (records changed again since, listed in ``released``, are read back).
    held: dict[str, list[Mapping[str, Any]]] = field(default_factory=dict)
    released: dict[str, set[int]] = field(default_factory=dict)
    # Public names of rows a bulk writer found, by table (see ``name_rows``).
    known: Mapping[str, Mapping[int, Any]] = field(default_factory=dict)
    user: str | None = None
    command: str | None = None
    # Who, when and which batch: fixed at the first write, so that a transaction that writes
    # its history in several goes (an import, batch by batch) reads as one change.
    common: dict[str, Any] | None = None


class TrackedSession(Session):
    """A Session whose changes are written to the edit history at commit."""


def _pending(session: Session) -> _Pending:
    state = session.info.get(INFO_KEY)
    if state is None:
        state = session.info[INFO_KEY] = _Pending()
    return state


def attribute(session: Session, *, user: str | None = None, command: str | None = None) -> None:
    """Say who makes this session's changes (default: resolved at commit, see
    ``config.resolve_user``) and which command ("claim edit"); None leaves a value unset."""
    pending = _pending(session)
    pending.user, pending.command = user, command


def changed_ids(session: Session, entity: str) -> set[int]:
    """Row ids of the records of ``entity`` ("claim") this transaction has changed, created or
    deleted (their parts included) since the history was last written."""
    state = session.info.get(INFO_KEY)
    return {row_id for name, row_id in state.before if name == entity} if state else set()


def batch(session: Session) -> str | None:
    """The batch id of the history this transaction has written so far (None: nothing yet)."""
    state = session.info.get(INFO_KEY)
    return state.common["batch"] if state is not None and state.common else None


def track(session: Session, model: type[Base], row_ids: Iterable[int]) -> None:
    """Call before a Core UPDATE or DELETE of these rows, so the change is recorded."""
    entity = OWNERS[model][0]
    _capture_before(session, _pending(session), {entity: set(row_ids)})


def track_created(session: Session, model: type[Base], row_ids: Iterable[int]) -> None:
    """Call after a Core INSERT of these new rows, so their creation is recorded."""
    pending, entity = _pending(session), OWNERS[model][0]
    for row_id in row_ids:
        pending.before.setdefault((entity, row_id), None)


def hold(session: Session, model: type[Base], rows: Iterable[Mapping[str, Any]]) -> None:
    """Keep rows a Core INSERT just wrote (records with their ``id``, or parts), so that the
    snapshots of the records they make are built from them rather than read back (not on
    SQLite, whose database writes those snapshots itself: ``created``)."""
    if model in OWNERS and not created.supported(session.connection()):
        table: Table = model.__table__  # type: ignore[assignment]
        _pending(session).held.setdefault(table.name, []).extend(completed(table, list(rows)))


def name_rows(session: Session, names: Mapping[str, Mapping[int, Any]]) -> None:
    """Give the public names (``snapshots.LABELS``: a claim's id, a source's URL) of rows the
    caller has found or written, by table and row id, so that the snapshots of records that
    point at them name them without a read, for the rest of this transaction. The caller
    keeps the mappings current (they are used as they are at each write, not copied)."""
    _pending(session).known = names


def release(session: Session, model: type[Base], row_ids: Iterable[int]) -> None:
    """Say that these records (of the entity ``model`` belongs to) change again: their
    snapshots are read back, not built from held rows."""
    entity = ENTITIES[OWNERS[model][0]]
    _pending(session).released.setdefault(entity.table.name, set()).update(row_ids)


def record(
    session: Session,
    action: str,
    entity: str,
    key: str,
    *,
    before: Any = None,
    after: Any = None,
    claim: str | None = None,
    other_claim: str | None = None,
) -> None:
    """Add an entry of your own to this transaction's history (written at commit).

    ``before``/``after`` are JSON-ready values (dataclasses and dates are converted).
    """
    _pending(session).extra.append({
        "action": action, "entity": entity, "entity_key": key,
        "claim_ref": claim, "other_claim_ref": other_claim,
        "before": plain(before), "after": plain(after),
    })


def write_pending(session: Session) -> int:
    """Flush, then insert the history of everything changed so far; returns rows written.

    Runs by itself at commit. Long transactions (imports) also call it after each batch, so
    that what is pending stays small; a record changed again in a later batch then gets a
    second entry, with the same time and batch id.
    """
    session.flush()
    pending = session.info.get(INFO_KEY)
    if pending is None or not (pending.before or pending.extra):
        return 0
    connection = session.connection()
    in_sql = ({name for name, entity in ENTITIES.items() if created.writes(entity)}
              if created.supported(connection) else set())
    new: dict[str, list[int]] = defaultdict(list)  # creations the database writes (created)
    built: dict[Key, Found | None] = {}  # every other change, built here
    for (entity, row_id), before in pending.before.items():
        if before is None and entity in in_sql:
            new[entity].append(row_id)
        else:
            built[(entity, row_id)] = before
    rows = _entries(session, pending, built)
    pending.before.clear()
    pending.extra.clear()
    pending.held.clear()
    pending.released.clear()
    insert_untracked(connection, HistoryEntry.__table__, rows)  # type: ignore[arg-type]
    assert pending.common is not None  # set by _entries
    return len(rows) + sum(created.insert_created(connection, ENTITIES[entity], ids,
                                                  pending.common)
                           for entity, ids in new.items())


def _entries(
    session: Session, pending: _Pending, built: Mapping[Key, Found | None]
) -> list[dict[str, Any]]:
    """The entries of the changes in ``built`` (each record's state before them), and of
    ``pending.extra``."""
    from claimtrack.core.config import resolve_user

    wanted: dict[str, list[int]] = defaultdict(list)
    for entity, row_id in built:
        wanted[entity].append(row_id)
    connection = session.connection()
    now = {entity: capture(connection, ENTITIES[entity], ids, held=pending.held,
                           released=pending.released, known=pending.known)
           for entity, ids in wanted.items()}
    changes = list(chain.from_iterable(
        _changes(entity, before, now[entity].get(row_id))
        for (entity, row_id), before in built.items()
    ))
    if pending.common is None:
        pending.common = {
            "at": utcnow(),
            "user_name": pending.user or resolve_user(None),
            "command": pending.command,
            "batch": secrets.token_hex(8),
        }
    common = pending.common
    return [{**common, **change} for change in [*changes, *pending.extra]]


def _changes(entity: str, before: Found | None, after: Found | None) -> list[dict[str, Any]]:
    if before is not None and after is not None:
        if before.snapshot == after.snapshot:
            return []
        if before.key != after.key and ENTITIES[entity].key_column == "public_id":
            # SQLite may reuse a deleted row's id within one transaction: two records, not one.
            return _changes(entity, before, None) + _changes(entity, None, after)
        return [_entry("update", entity, after, before.snapshot, after.snapshot)]
    if before is not None:
        return [_entry("delete", entity, before, before.snapshot, None)]
    if after is not None:
        return [_entry("create", entity, after, None, after.snapshot)]
    return []


def _entry(action: str, entity: str, found: Found, before: Any, after: Any) -> dict[str, Any]:
    return {
        "action": action, "entity": entity, "entity_key": found.key,
        "claim_ref": found.claim_ref, "other_claim_ref": found.other_claim_ref,
        "before": before, "after": after,
    }


def _owner(obj: object) -> Key | None:
    """The tracked record an ORM object is or belongs to, if its row id is known yet."""
    spec = OWNERS.get(type(obj))  # type: ignore[arg-type]
    if spec is None:
        return None
    entity, id_attribute, relation = spec
    row_id = _row_id(obj, id_attribute)
    if row_id is None and relation is not None:
        parent = inspect(obj).dict.get(relation)
        row_id = _row_id(parent, "id") if parent is not None else None
    return (entity, row_id) if row_id is not None else None


def _row_id(obj: object, attribute: str) -> int | None:
    # Read without loading: an expired row keeps its identity, and during after_flush a new
    # row has its id in __dict__ but no identity key yet.
    state = inspect(obj)
    if attribute == "id" and state.has_identity:
        return state.identity[0]  # type: ignore[no-any-return]
    return state.dict.get(attribute)  # type: ignore[no-any-return]


def _capture_before(session: Session, pending: _Pending, wanted: dict[str, set[int]]) -> None:
    for entity, row_ids in wanted.items():
        fresh = [row_id for row_id in row_ids if (entity, row_id) not in pending.before]
        if not fresh:
            continue
        found = capture(session.connection(), ENTITIES[entity], fresh)
        for row_id in fresh:
            pending.before[(entity, row_id)] = found.get(row_id)


@event.listens_for(TrackedSession, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    wanted: dict[str, set[int]] = defaultdict(set)
    with session.no_autoflush:
        for obj in chain(session.dirty, session.deleted, session.new):
            key = _owner(obj)
            if key is not None:
                wanted[key[0]].add(key[1])
        pending = _pending(session)
        for entity, row_ids in wanted.items():  # changed by the ORM: read them back
            pending.released.setdefault(ENTITIES[entity].table.name, set()).update(row_ids)
        _capture_before(session, pending, wanted)


@event.listens_for(TrackedSession, "after_flush")
def _after_flush(session: Session, _context: Any) -> None:
    pending = _pending(session)
    for obj in session.new:
        # Only records themselves: a new part of an existing record (a tag) had its record
        # snapshotted in before_flush; a new part of a new record comes with that record.
        spec = OWNERS.get(type(obj))
        key = _owner(obj) if spec is not None and spec[1] == "id" else None
        if key is not None:
            pending.before.setdefault(key, None)


@event.listens_for(TrackedSession, "before_commit")
def _before_commit(session: Session) -> None:
    if not session.in_nested_transaction():
        write_pending(session)


@event.listens_for(TrackedSession, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    state = session.info.get(INFO_KEY)
    if transaction.parent is None and state is not None:
        state.before.clear()
        state.extra.clear()
        state.known = {}
        state.common = None
