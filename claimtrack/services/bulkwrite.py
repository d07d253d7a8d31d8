"""The bulk writes of imports: every row an import adds or changes goes through
``insert_rows`` or ``update_rows`` (SQLAlchemy Core executemany; COPY on PostgreSQL), never
through the ORM unit of work, which is several times slower for large files.

The edit history hooks in here (``_track_before``/``_track_created``): each imported record's
state before and after is recorded at commit, as for every other command. Optimistic-locking
versions (claims, verdicts) are bumped by every update, as the ORM does.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table, bindparam, func, select, text, update
from sqlalchemy.orm import Session


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` fresh primary keys for ``table``, so rows can be linked before they are written.

    SQLite: the writer holds the database lock for the whole import (BEGIN IMMEDIATE), so the
    ids after max(id) stay free. PostgreSQL: taken from the table's sequence, safe with other
    writers.
    """
    if count <= 0:
        return []
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        query = text(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
        )
        return list(connection.execute(query, {"table": table.name, "n": count}).scalars())
    highest = connection.execute(select(func.max(table.c.id))).scalar() or 0
    return list(range(highest + 1, highest + 1 + count))


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows (dicts with the same keys) in one executemany, or one COPY on PostgreSQL.

    On SQLite the statement goes to the driver's executemany with each column's own bind
    processor (the type's conversion, as Core would apply it) run in one tight loop: Core's
    per-row parameter handling would otherwise cost more than the insert itself.
    """
    if not rows:
        return
    _track_before(session, table, rows, parts_only=True)
    insert_untracked(session.connection(), table, rows)
    _track_created(session, table, rows)


def insert_untracked(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> None:
    """``insert_rows`` without the edit history: for the history's own rows and restores."""
    if not rows:
        return
    columns = list(rows[0])
    if connection.dialect.name == "sqlite":
        dialect = connection.dialect
        quote = dialect.identifier_preparer.quote
        processors = [
            table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns
        ]
        statement = (
            f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, columns))}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        converted = [
            _convert([row[column] for row in rows], process, _is_json(table, column))
            for column, process in zip(columns, processors, strict=True)
        ]
        connection.exec_driver_sql(statement, list(zip(*converted, strict=True)))
        return
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), list(rows))
        return
    names = ", ".join(connection.dialect.identifier_preparer.quote(c) for c in columns)
    statement = (
        f"COPY {connection.dialect.identifier_preparer.format_table(table)} ({names}) FROM STDIN"
    )
    converted = [
        _convert([row[column] for row in rows], _copy_converter(table, column),
                 _is_json(table, column))
        for column in columns
    ]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(statement) as copy:
            for values in zip(*converted, strict=True):
                copy.write_row(values)
    finally:
        cursor.close()


def update_rows(
    session: Session, table: Table, rows: Sequence[Mapping[str, Any]], *, key: str = "id"
) -> None:
    """Update rows by their key column (``id``): each dict has the key and the same others."""
    if not rows:
        return
    _track_before(session, table, rows, parts_only=False, key=key)
    columns = [name for name in rows[0] if name != key]
    changes: dict[str, Any] = {column: bindparam(f"new_{column}") for column in columns}
    if "version" in table.c and "version" not in changes:
        changes["version"] = table.c.version + 1
    statement = update(table).where(table.c[key] == bindparam("row_key")).values(changes)
    session.connection().execute(
        statement,
        [{"row_key": row[key], **{f"new_{c}": row[c] for c in columns}} for row in rows],
    )


def _convert(column: list[Any], process: Any, is_json: bool = False) -> list[Any]:
    """One column's values through its bind processor, each distinct value once (a batch
    shares its timestamps and most of its dates); JSON documents (unhashable) each in turn."""
    if process is None:
        return column
    if is_json:
        return [None if value is None else process(value) for value in column]
    done: dict[Any, Any] = {None: None}
    for value in column:
        if value not in done:
            done[value] = process(value)
    return [done[value] for value in column]


def _is_json(table: Table, column: str) -> bool:
    return isinstance(table.c[column].type, JSON)


def _copy_converter(table: Table, column: str) -> Any:
    """How a column's values go into COPY: JSON serialised, dates and enums as text."""
    if _is_json(table, column):
        return _json_text
    try:
        kind = table.c[column].type.python_type
    except NotImplementedError:
        return _copy_text
    return _copy_text if issubclass(kind, (dt.date, enum.Enum)) else None


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _copy_text(value: Any) -> Any:
    """A value as COPY's text format wants it: enums by value (psycopg would write an Enum
    member's name), dates and aware times in ISO 8601; anything else as it is."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _tracked(table: Table) -> tuple[type[Any], str] | None:
    """The history's model for ``table`` and the column holding its record's row id."""
    from claimtrack.services.snapshots import OWNERS

    for model, (_entity, attribute, _relation) in OWNERS.items():
        if model.__table__ is table:
            return model, attribute
    return None


def _track_before(
    session: Session,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    *,
    parts_only: bool,
    key: str = "id",
) -> None:
    """Snapshot the records these rows belong to before they change (history)."""
    from claimtrack.services import history

    tracked = _tracked(table)
    if tracked is None or (parts_only and tracked[1] == "id"):
        return
    model, attribute = tracked
    if attribute in rows[0]:
        owners = {row[attribute] for row in rows}
    else:  # a part updated by its own id (an appearance's quote): find whose it is
        owners = set(session.connection().execute(
            select(table.c[attribute]).where(table.c[key].in_([row[key] for row in rows]))
        ).scalars())
    history.track(session, model, owners)


def _track_created(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Note new records (not their parts) so the history records their creation."""
    from claimtrack.services import history

    tracked = _tracked(table)
    if tracked is not None and tracked[1] == "id":
        history.track_created(session, tracked[0], (row["id"] for row in rows))
