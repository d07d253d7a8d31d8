"""Snapshots of tracked records for the edit history: plain JSON-ready dicts.

A snapshot is read with Core from the tables, never through the ORM identity map, so it is
what the database holds at that moment, whatever the session has pending. Snapshots are
generic: every column is kept except row ids and derived columns (``IGNORED``), foreign keys
become the public name of what they point at (``speaker_id`` → ``"speaker": "Sergey Lavrov"``),
and a record's parts come along (a claim's tags and appearances, an actor's aliases). A column
added by a later migration is therefore recorded without touching this module.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Connection, Date, Enum, Integer, String, Table, Text, select

from claimtrack.core import values
from claimtrack.core.serial import plain
from claimtrack.models import (
    Actor,
    ActorAlias,
    Appearance,
    Base,
    Claim,
    ClaimTag,
    Link,
    Source,
    Verdict,
)
from claimtrack.models.base import UTCDateTime
from claimtrack.store.sql import chunked

# Row ids mean nothing outside one database; the rest are derived from other columns
# (contested counters: claimtrack.services.disputes.recount; matching keys: values.name_key;
# the import fingerprint: claimtrack.core.identity; a suggested link's duplicate score, from
# its claims' texts: claimtrack.services.dedupe).
IGNORED = frozenset(
    {"id", "version", "challenge_count", "verdicts_disagree", "updated_at", "name_key",
     "alias_key", "fingerprint", "url_key", "score"}
)
# How a foreign key is shown: the referenced row's public name.
LABELS = {"claims": "public_id", "actors": "name", "sources": "url"}

Snapshot = dict[str, Any]
KEY_MAX = 1000


@dataclass(frozen=True)
class Part:
    """Rows that belong to a record and are recorded with it (a claim's tags)."""

    field: str
    table: Table
    parent_column: str


@dataclass(frozen=True)
class Entity:
    """A kind of record the history tracks."""

    name: str
    table: Table
    key_column: str
    claim_field: str | None = None
    other_claim_field: str | None = None
    parts: tuple[Part, ...] = ()

    def key(self, row: Any) -> str:
        """The record's public name; a URL longer than KEY_MAX is cut (the snapshot keeps it
        whole): the key is indexed, and an index entry has a size limit."""
        key = str(row[self.key_column])
        return key if len(key) <= KEY_MAX else key[: KEY_MAX - 1] + "…"


def _table(model: type[Base]) -> Table:
    return model.__table__  # type: ignore[return-value]


ENTITIES: dict[str, Entity] = {
    "claim": Entity(
        "claim", _table(Claim), "public_id", claim_field="public_id",
        parts=(Part("tags", _table(ClaimTag), "claim_id"),
               Part("appearances", _table(Appearance), "claim_id")),
    ),
    "verdict": Entity("verdict", _table(Verdict), "public_id", claim_field="claim"),
    "link": Entity("link", _table(Link), "id", claim_field="to_claim",
                   other_claim_field="from_claim"),
    "actor": Entity("actor", _table(Actor), "name",
                    parts=(Part("aliases", _table(ActorAlias), "actor_id"),)),
    "source": Entity("source", _table(Source), "url"),
}

# ORM class → (entity, attribute holding the entity's row id, relationship to it, if any).
OWNERS: dict[type[Base], tuple[str, str, str | None]] = {
    Claim: ("claim", "id", None),
    ClaimTag: ("claim", "claim_id", None),
    Appearance: ("claim", "claim_id", "claim"),
    Verdict: ("verdict", "id", None),
    Link: ("link", "id", None),
    Actor: ("actor", "id", None),
    ActorAlias: ("actor", "actor_id", "actor"),
    Source: ("source", "id", None),
}


@dataclass(frozen=True)
class Found:
    """A record as it is now: its public key, claim references and snapshot."""

    key: str
    claim_ref: str | None
    other_claim_ref: str | None
    snapshot: Snapshot


def capture(
    connection: Connection,
    entity: Entity,
    row_ids: Collection[int],
    *,
    held: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    released: Mapping[str, Collection[int]] | None = None,
    known: Mapping[str, Mapping[int, Any]] | None = None,
) -> dict[int, Found]:
    """Snapshots of these rows as the database holds them now (absent rows are left out).

    ``held``: rows a bulk writer has just inserted, by table: a record among them (not in
    ``released``, by table: changed since) is snapshotted from them and its held parts, not
    read back, and the names of held rows it points at are not read either. ``known``: public
    names (``LABELS``) of other rows by table and row id, as a bulk writer found them.
    """
    table = entity.table
    released = released or {}
    kept = _kept(table, held or {}, row_ids, released.get(table.name, ()))
    rows = [*kept.values(), *_rows_where(connection, table, table.c.id,
                                         [i for i in row_ids if i not in kept])]
    names = _HeldNames(held or {}, released, known or {})
    labels = _labels(connection, table, rows, names=names)
    parts = {part.field: _parts(connection, part, [row["id"] for row in rows if row["id"]
                                                   not in kept], _held_parts(part, held, kept),
                                names)
             for part in entity.parts}
    found: dict[int, Found] = {}
    for row in rows:
        snapshot = _flatten(table, row, labels)
        for field, by_parent in parts.items():
            snapshot[field] = by_parent.get(row["id"], [])
        found[row["id"]] = Found(
            key=entity.key(row),
            claim_ref=snapshot.get(entity.claim_field) if entity.claim_field else None,
            other_claim_ref=(snapshot.get(entity.other_claim_field)
                             if entity.other_claim_field else None),
            snapshot=snapshot,
        )
    return found


def _flatten(
    table: Table, row: Any, labels: dict[str, dict[int, Any]], skip: str | None = None
) -> Snapshot:
    snapshot: Snapshot = {}
    for name, field, target, convert in _converting_plan(table, skip):
        value = row[name]
        if target is not None:
            snapshot[field] = labels[target].get(value) if value is not None else None
        else:
            snapshot[field] = value if convert is None else convert(value)
    return snapshot


@functools.cache
def _converting_plan(
    table: Table, skip: str | None
) -> tuple[tuple[str, str, str | None, Any], ...]:
    """``plan`` with how each value becomes JSON: none for text and numbers (most of them),
    ``plain`` for JSON, and for dates, times and enums ``plain`` remembering its last answers
    (an import's rows share their timestamps)."""
    simple = (String, Integer, Boolean)

    def convert(kind: Any) -> Any:
        if type(kind) in simple or (isinstance(kind, Text) and not isinstance(kind, Enum)):
            return None
        return _plain_scalar if isinstance(kind, (Date, UTCDateTime, Enum)) else plain

    return tuple((name, field, target, convert(table.c[name].type))
                 for name, field, target in plan(table, skip))


@functools.lru_cache(maxsize=1024, typed=True)
def _plain_scalar(value: Any) -> Any:
    return plain(value)


@functools.cache
def plan(table: Table, skip: str | None) -> tuple[tuple[str, str, str | None], ...]:
    """(column, snapshot field, referenced table or None) for each column a snapshot keeps."""
    return tuple(
        (column.name, column.name.removesuffix("_id") if target else column.name, target)
        for column in table.columns
        if column.name not in IGNORED and column.name != skip
        for target in [_referenced(column)]
    )


def _referenced(column: Any) -> str | None:
    for foreign_key in column.foreign_keys:
        name: str = foreign_key.column.table.name
        if name in LABELS:
            return name
    return None


class _HeldNames:
    """Public names of the rows a bulk writer holds, by table (row id → name), made when first
    asked for: the records an import writes mostly point at rows it wrote in the same batch
    (a new claim's new speaker), whose names need no query; then the ``known`` names of rows
    it found."""

    def __init__(self, held: Mapping[str, Sequence[Mapping[str, Any]]],
                 released: Mapping[str, Collection[int]],
                 known: Mapping[str, Mapping[int, Any]]) -> None:
        self.held, self.released, self.known = held, released, known
        self.made: dict[str, dict[int, Any]] = {}

    def of(self, target: str) -> dict[int, Any]:
        if target not in self.made:
            label = LABELS[target]
            self.made[target] = {row["id"]: row[label] for row in
                                 _unchanged(self.held, target, self.released.get(target, ()))}
        return self.made[target]


def _labels(
    connection: Connection,
    table: Table,
    rows: Iterable[Any],
    skip: str | None = None,
    names: _HeldNames | None = None,
) -> dict[str, dict[int, Any]]:
    """For each referenced table, row id → public name, for the ids these rows point at:
    from ``names`` (held rows) when they are there, else read."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for column in table.columns:
        target = _referenced(column)
        if target is not None and column.name != skip:
            wanted[target].update(row[column.name] for row in rows if row[column.name] is not None)
    labels: dict[str, dict[int, Any]] = defaultdict(dict)
    for target, ids in wanted.items():
        if names is not None:
            for found in (names.of(target), names.known.get(target, {})):
                labels[target].update((i, found[i]) for i in ids if i in found)
                ids = {i for i in ids if i not in found}
        referenced = Base.metadata.tables[target]
        label = referenced.c[LABELS[target]]
        for chunk in chunked(sorted(ids)):
            labels[target].update(
                (row_id, value) for row_id, value in connection.execute(
                    select(referenced.c.id, label).where(referenced.c.id.in_(chunk))
                )
            )
    return labels


def _rows_where(
    connection: Connection, table: Table, column: Any, ids: Collection[int]
) -> list[Any]:
    """The rows of ``table`` whose ``column`` is one of ``ids``. Ids that are (nearly) a run,
    as an import's new rows are, are read as one range: IN lists cost more to build than
    the rows they find."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    if wanted[-1] - wanted[0] < 2 * len(wanted):
        found = connection.execute(
            select(table).where(column.between(wanted[0], wanted[-1]))
        ).mappings().all()
        keep = set(wanted)
        return [row for row in found if row[column.name] in keep]
    rows: list[Any] = []
    for chunk in chunked(wanted):
        rows += connection.execute(select(table).where(column.in_(chunk))).mappings().all()
    return rows


def _kept(
    table: Table,
    held: Mapping[str, Sequence[Mapping[str, Any]]],
    row_ids: Collection[int],
    released: Collection[int],
) -> dict[int, Mapping[str, Any]]:
    """The held rows of ``table`` that are among ``row_ids`` and unchanged since."""
    wanted = set(row_ids)
    return {row["id"]: row for row in _unchanged(held, table.name, released)
            if row["id"] in wanted}


def _unchanged(
    held: Mapping[str, Sequence[Mapping[str, Any]]], table: str, released: Collection[int]
) -> Iterator[Mapping[str, Any]]:
    """The held rows of ``table`` whose records were not changed since (``released``)."""
    released = set(released)
    return (row for row in held.get(table, ()) if row["id"] not in released)


def _held_parts(
    part: Part,
    held: Mapping[str, Sequence[Mapping[str, Any]]] | None,
    kept: Mapping[int, Any],
) -> list[Mapping[str, Any]]:
    """The held rows of ``part`` that belong to kept records (a record new in this batch has
    every part in what was held)."""
    if not kept or not held:
        return []
    return [row for row in held.get(part.table.name, ()) if row[part.parent_column] in kept]


def completed(table: Table, rows: Sequence[Mapping[str, Any]]) -> Sequence[Mapping[str, Any]]:
    """``rows`` (of one insert: the same keys) with the columns they left out at their
    defaults, as the database stored them."""
    missing = [name for name in _plan_names(table) if rows and name not in rows[0]]
    if not missing:
        return rows
    defaults = {name: _default(table.c[name]) for name in missing}
    return [{**row, **defaults} for row in rows]


@functools.cache
def _plan_names(table: Table) -> tuple[str, ...]:
    return tuple(name for name, _field, _target in plan(table, None))


def _default(column: Any) -> Any:
    """A column's default as stored: a plain value (Python or server side), else None."""
    for default in (column.default, column.server_default):
        arg = getattr(default, "arg", None)
        if arg is not None and not callable(arg) and not hasattr(arg, "text"):
            return arg
    return None


def _parts(
    connection: Connection,
    part: Part,
    parent_ids: list[int],
    held_rows: Sequence[Mapping[str, Any]] = (),
    names: _HeldNames | None = None,
) -> dict[int, list[Any]]:
    rows = [*held_rows,
            *_rows_where(connection, part.table, part.table.c[part.parent_column], parent_ids)]
    labels = _labels(connection, part.table, rows, skip=part.parent_column, names=names)
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        flat = _flatten(part.table, row, labels, skip=part.parent_column)
        # A part with one remaining field (a tag, an alias) is recorded as that value alone.
        grouped[row[part.parent_column]].append(
            next(iter(flat.values())) if len(flat) == 1 else flat
        )
    return {parent_id: sorted(items, key=_sort_key) if len(items) > 1 else items
            for parent_id, items in grouped.items()}


def column_value(column: Any, value: Any) -> Any:
    """A snapshot's JSON value back as what ``column`` stores (the inverse of the snapshot)."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return values.timestamp(value)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    enum_class = getattr(kind, "enum_class", None)
    return enum_class(value) if enum_class is not None else value


def _sort_key(item: Any) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)
