"""Import phase for actor records (native files): new and unchanged actors in bulk; the rare
actor whose kind, description or aliases change goes through services.actors, which checks
that no alias names someone else."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from claimtrack.core import values
from claimtrack.formats.native import ActorRecord
from claimtrack.interchange.state import ImportState, actor_keys, table
from claimtrack.models import Actor, ActorAlias
from claimtrack.store.bulkwrite import insert_rows, reserve_ids

ACTORS, ALIASES = table(Actor), table(ActorAlias)


def write_actor_records(state: ImportState, records: Sequence[Any]) -> list[Any]:
    """Add new actors and count unchanged ones; returns the items left for the careful path.

    ``records`` are (ActorRecord, anything) pairs; the same pairs come back.
    """
    keyed = [
        (values.name_key(r.name), [values.name_key(a) for a in r.aliases], r, o) for r, o in records
    ]
    every_key = {k for name, aliases, _, _ in keyed for k in (name, *aliases)}
    owners = actor_keys(state, every_key)
    rows = {
        row.id: row
        for row in state.rows(
            lambda c: select(ACTORS).where(ACTORS.c.id.in_(c)), set(owners.values())
        )
    }
    new: list[tuple[str, list[str], ActorRecord]] = []
    careful: list[Any] = []
    claimed: set[str] = set()
    for name, aliases, record, origin in keyed:
        keys = {name, *aliases}
        if keys & claimed:
            careful.append((record, origin))
        elif not keys & owners.keys():
            new.append((name, aliases, record))
        elif _unchanged(record, name, aliases, owners, rows):
            state.summary.count("actors", is_new=False, changed=False)
        else:
            careful.append((record, origin))
        claimed |= keys
    ids = reserve_ids(state.session, ACTORS, len(new))
    insert_rows(
        state.session,
        ACTORS,
        [
            {
                "id": i,
                "name": r.name,
                "name_key": name,
                "kind": r.kind,
                "description": r.description,
                "created_at": r.created_at or state.now,
            }
            for i, (name, _, r) in zip(ids, new, strict=True)
        ],
    )
    alias_rows = _distinct(
        [
            {"actor_id": i, "alias": alias, "alias_key": key}
            for i, (name, keys, r) in zip(ids, new, strict=True)
            for alias, key in zip(r.aliases, keys, strict=True)
            if key != name
        ]
    )
    alias_ids = reserve_ids(state.session, ALIASES, len(alias_rows))
    insert_rows(
        state.session,
        ALIASES,
        [{"id": i, **row} for i, row in zip(alias_ids, alias_rows, strict=True)],
    )
    state.summary.added["actors"] += len(new)
    return careful


def _distinct(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list({row["alias_key"]: row for row in rows}.values())


def _unchanged(
    record: ActorRecord, name: str, aliases: list[str], owners: dict[str, int], rows: dict[int, Any]
) -> bool:
    actor_id = owners.get(name)
    row = rows.get(actor_id) if actor_id is not None else None
    if row is None or row.name_key != name:
        return False
    return (
        record.kind in ("unknown", row.kind)
        and record.description in (None, row.description)
        and all(owners.get(key) == actor_id for key in aliases)
    )
