"""History entries of created records written by SQLite itself: one INSERT … SELECT per kind of
record, its snapshot built by ``json_object`` from the rows just written.

An import creates hundreds of thousands of records; building each one's snapshot in Python
(``snapshots.capture``) and binding it back was a quarter of the importing process's work.
SQLite's JSON functions write the same text ``snapshots.capture`` + ``serial.compact_json``
write — same fields in the same order, parts sorted by the same key (``_sort_key``: a value's
JSON text, which ``json_quote`` writes as the json module does) — from the tables, inside the
database engine. tests/store/test_history_created.py holds the two to the same text.

SQLite only: PostgreSQL's JSON differs in text (``jsonb`` reorders keys, ``json`` spaces
them), and its imports keep the snapshots built from the rows the writer holds. A record kind
with a column of a type this module cannot write (``sql_snapshot`` answers None) keeps the
Python snapshots too.
"""

from __future__ import annotations

import functools
import json
import weakref
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    Enum,
    Integer,
    String,
    Table,
    Text,
    bindparam,
    case,
    cast,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement

from claimtrack.models import Base, HistoryEntry
from claimtrack.models.base import UTCDateTime
from claimtrack.store.history.snapshots import KEY_MAX, LABELS, Entity, plan

HISTORY: Table = HistoryEntry.__table__  # type: ignore[assignment]


def supported(connection: Connection) -> bool:
    """Whether this connection's database writes created records' history itself: SQLite whose
    library has the JSON functions (built in since 3.38, often before; a build may leave them
    out), asked once per engine."""
    if connection.dialect.name != "sqlite":
        return False
    engine = connection.engine
    if engine not in _HAS_JSON:
        try:
            with connection.begin_nested():
                connection.exec_driver_sql("SELECT json_object('a', json_quote(1))")
            _HAS_JSON[engine] = True
        except DBAPIError:
            _HAS_JSON[engine] = False
    return _HAS_JSON[engine]


_HAS_JSON: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def writes(entity: Entity) -> bool:
    """Whether this kind of record's snapshot can be built in SQL."""
    return _statement(entity) is not None


def insert_created(
    connection: Connection, entity: Entity, row_ids: Sequence[int], common: Mapping[str, Any]
) -> int:
    """Insert a "create" entry for each of these rows that exists, in the order given, with
    ``common`` (at, user_name, command, batch); returns how many. Only for an entity that
    ``writes``."""
    statement = _statement(entity)
    if statement is None:
        raise ValueError(f"the {entity.name} history is written in Python (see writes())")
    if not row_ids:
        return 0
    result = connection.execute(statement, {"ids": json.dumps(list(row_ids)), **common})
    return result.rowcount


@functools.cache
def _statement(entity: Entity) -> Any:
    table = entity.table
    fields = _fields(table, None)
    if fields is None:
        return None
    parts: list[tuple[str, ColumnElement[Any]]] = []
    for part in entity.parts:
        made = _part(part.table, part.parent_column, table)
        if made is None:
            return None
        parts.append((part.field, made))
    values = dict(fields)
    wanted = func.json_each(bindparam("ids")).table_valued("key", "value")
    key = values[entity.key_column] if entity.key_column in values else table.c[entity.key_column]
    key = cast(key, Text)
    chosen = select(
        bindparam("at", type_=UTCDateTime()),
        bindparam("user_name", type_=String()),
        bindparam("command", type_=String()),
        bindparam("batch", type_=String()),
        literal("create"),
        literal(entity.name),
        case((func.length(key) <= KEY_MAX, key),
             else_=func.substr(key, 1, KEY_MAX - 1) + literal("…")),
        values[entity.claim_field] if entity.claim_field else literal(None, String()),
        values[entity.other_claim_field] if entity.other_claim_field else literal(None, String()),
        literal(None, String()),
        func.json_object(*_pairs([*fields, *parts])),
    ).select_from(wanted.join(table, table.c.id == wanted.c.value)).order_by(wanted.c.key)
    columns = ["at", "user_name", "command", "batch", "action", "entity", "entity_key",
               "claim_ref", "other_claim_ref", "before", "after"]
    return insert(HISTORY).from_select(columns, chosen)


def _pairs(fields: Sequence[tuple[str, ColumnElement[Any]]]) -> list[ColumnElement[Any]]:
    return [item for name, value in fields for item in (literal(name), value)]


def _fields(table: Any, skip: str | None) -> list[tuple[str, ColumnElement[Any]]] | None:
    """(snapshot field, SQL value as ``json_object`` takes it) for each column a snapshot keeps,
    in the snapshot's order; None if one of them has a type this module does not know."""
    made = []
    for name, field, target in plan(table, skip):
        column = table.c[name]
        if target is not None:
            referenced = Base.metadata.tables[target].alias()
            value: ColumnElement[Any] | None = select(referenced.c[LABELS[target]]).where(
                referenced.c.id == column).scalar_subquery()
        else:
            value = _value(column)
        if value is None:
            return None
        made.append((field, value))
    return made


def _value(column: ColumnElement[Any]) -> ColumnElement[Any] | None:
    """A column as its snapshot holds it (``snapshots._converting_plan``, ``serial.plain``)."""
    kind = column.type
    if isinstance(kind, UTCDateTime):  # stored "2026-01-02 03:04:05.000006": ISO 8601 and Z
        iso = func.replace(func.replace(column, " ", "T"), ".000000", "")
        return iso + literal("Z")
    if isinstance(kind, Enum):
        members = kind.enum_class
        if members is None or any(m.value not in kind.enums for m in members):
            return None  # stored by name: not a snapshot's value
        return column
    if isinstance(kind, Boolean):
        return func.json(case((column.is_(None), None), (column, "true"), else_="false"))
    if isinstance(kind, (String, Integer, Date)):  # Text is a String
        return column
    return None


def _part(table: Any, parent_column: str, parent: Any) -> ColumnElement[Any] | None:
    """A record's parts as a JSON array, sorted as ``snapshots._parts`` sorts them."""
    fields = _fields(table, parent_column)
    if fields is None:
        return None
    if len(fields) == 1:  # recorded as the value alone (a tag)
        item = func.json_quote(fields[0][1])
        order = item
    else:
        item = func.json_object(*_pairs(fields))
        order = func.json_object(*_pairs(sorted(fields, key=lambda pair: pair[0])))
    # Correlated by hand: SQLAlchemy does not correlate a subquery in FROM (SQLite does).
    rows = (select(item.label("item")).where(table.c[parent_column] == parent.c.id)
            .correlate(parent).order_by(order).subquery())
    return func.json(select(func.json_group_array(func.json(rows.c.item))).scalar_subquery())
