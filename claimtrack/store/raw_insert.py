"""Rows written as fast as each backend allows, with nothing else attached: one executemany
on SQLite (each column's bind processor run in one tight loop), one COPY on PostgreSQL.

No edit history here: ``claimtrack.store.bulkwrite`` adds it for imports; the history's own
rows and whole-database restores are written through this module directly.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table
from sqlalchemy.exc import DBAPIError

from claimtrack.core.serial import compact_json


def insert_untracked(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> None:
    """Insert rows (dicts with the same keys) without recording them in the edit history."""
    if not rows:
        return
    columns = list(rows[0])
    if connection.dialect.name == "sqlite":
        columns = _bound_columns(table, columns, rows)
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
    _copy(connection, statement, zip(*converted, strict=True))


def _bound_columns(
    table: Table, columns: list[str], rows: Sequence[Mapping[str, Any]]
) -> list[str]:
    """The columns worth binding: not those NULL in every row that the table fills with NULL
    anyway (no server default). CPython's sqlite3 binds None through its adaptation protocol,
    which looks up and fails on two attributes per value: three times the cost of binding an
    int (a history row, a page or an appearance carries several NULLs). Never all of them."""
    kept = [
        column for column in columns
        if table.c[column].server_default is not None
        or any(row[column] is not None for row in rows)
    ]
    return kept or columns[:1]


def _copy(connection: Connection, statement: str, rows: Iterable[tuple[Any, ...]]) -> None:
    """Run a COPY … FROM STDIN on the driver's cursor. The driver's errors come out as
    SQLAlchemy's (an IntegrityError for a duplicate key…), like those of any other statement,
    so callers and the CLI handle them in one way."""
    dbapi = connection.dialect.loaded_dbapi
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(statement) as copy:
            for values in rows:
                copy.write_row(values)
    except dbapi.Error as error:
        raise DBAPIError.instance(statement, None, error, dbapi.Error) from error
    finally:
        cursor.close()


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
        return compact_json
    try:
        kind = table.c[column].type.python_type
    except NotImplementedError:
        return _copy_text
    return _copy_text if issubclass(kind, (dt.date, enum.Enum)) else None


def _copy_text(value: Any) -> Any:
    """A value as COPY's text format wants it: enums by value (psycopg would write an Enum
    member's name), dates and aware times in ISO 8601; anything else as it is."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
