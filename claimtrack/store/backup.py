"""Backups and restores of a whole database.

- A SQLite database is copied with SQLite's online backup API: a consistent snapshot taken while
  others keep working, written to a temporary file and renamed into place, WAL folded in (the
  copy is one self-contained file).
- PostgreSQL (or SQLite with ``as_json``) is dumped as claimtrack backup JSON: every row of every
  table, read in one REPEATABLE READ snapshot, row ids and edit history included.

``restore`` only writes into an empty database. A SQLite backup restored into a SQLite database
is copied back page for page; anything else (JSON, or a SQLite file into PostgreSQL) is inserted
row by row in one transaction, so a bad file changes nothing.
"""

from __future__ import annotations

import base64
import errno
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, Table, create_engine, func, select, text

from claimtrack.core.destinations import destination
from claimtrack.core.errors import Conflict, DatabaseUnavailable, InvalidInput
from claimtrack.core.serial import plain
from claimtrack.models import Base
from claimtrack.models.base import utcnow
from claimtrack.store.backup_json import (
    FORMAT_NAME,
    FORMAT_VERSION,
    RULES,
    check_row,
    convert_row,
)
from claimtrack.store.db import refuse_read_only
from claimtrack.store.migrate import (
    HEAD_REVISION,
    copy_sqlite,
    current_revision,
    ensure_current,
    known_revisions,
    sqlite_file,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
CHUNK = 1000


@dataclass(frozen=True)
class Outcome:
    """What a backup or restore did: the file, its kind and how many rows of each table."""

    path: Path
    kind: str
    rows: dict[str, int]


def tables() -> list[Table]:
    """claimtrack's tables, parents before children."""
    return list(Base.metadata.sorted_tables)


def count_rows(connection: Connection) -> dict[str, int]:
    return {t.name: connection.scalar(select(func.count()).select_from(t)) or 0 for t in tables()}


# ---- backup -------------------------------------------------------------------------------


def backup(engine: Engine, target: Path, *, as_json: bool = False) -> Outcome:
    """Write a backup of ``engine``'s database to ``target`` (which must not exist yet).

    A symlink is followed: its target is created. A FIFO or device is written in place, JSON
    only (a SQLite backup is a database file). Raises Conflict for an existing file,
    InvalidInput for a path that cannot be written.
    """
    place = destination(target)
    as_sqlite = engine.dialect.name == "sqlite" and not as_json
    if place.in_place and as_sqlite:
        raise InvalidInput(f"{target} is not a regular file, and a SQLite backup is a database "
                           "file: give a new file name, or add --json to stream JSON into it.")
    if not place.in_place and (place.path.exists() or target.exists()):
        raise Conflict(f"{target} already exists; give a new file name so no backup is "
                       "overwritten.")
    if not place.in_place and not place.path.parent.is_dir():
        raise InvalidInput(f"The folder {place.path.parent} does not exist, so {target} cannot be "
                           "written there. Create the folder (mkdir -p), or choose another path.")
    partial = place.partial()
    try:
        if as_sqlite:
            rows = _backup_sqlite(engine, partial)
            kind = "sqlite"
        else:
            ensure_current(engine)
            with place.open() as stream:
                rows = _dump_json(engine, stream)
            kind = "json"
        if not place.in_place:
            os.replace(partial, place.path)
    except OSError as error:
        raise InvalidInput(
            f"Cannot write {target}: {error.strerror}. Choose another path."
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    return Outcome(target, kind, rows)


def _backup_sqlite(engine: Engine, target: Path) -> dict[str, int]:
    raw = engine.raw_connection()
    try:
        try:
            destination = sqlite3.connect(target)
        except sqlite3.OperationalError as error:  # sqlite3's word for a file it cannot create
            raise OSError(errno.EACCES, str(error)) from None
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
    finally:
        raw.close()
    with _sqlite_reader(target) as connection:
        return count_rows(connection) if current_revision(connection) == HEAD_REVISION else {}


def _dump_json(engine: Engine, stream: IO[str]) -> dict[str, int]:
    rows: dict[str, int] = {}
    options = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
    with engine.connect().execution_options(**options) as connection, connection.begin():
        header = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "schema": HEAD_REVISION,
                  "dialect": engine.dialect.name, "created_at": plain(utcnow())}
        stream.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "tables": {')
        for index, table in enumerate(tables()):
            columns = [column.name for column in table.columns]
            stream.write(("," if index else "") + f"\n{json.dumps(table.name)}: "
                         f'{{"columns": {json.dumps(columns)}, "rows": [')
            count = 0
            ordered = select(table).order_by(*table.primary_key.columns)
            for row in connection.execute(ordered.execution_options(yield_per=CHUNK)):
                stream.write(("," if count else "") + "\n"
                             + json.dumps([_cell(value) for value in row], ensure_ascii=False))
                count += 1
            stream.write("]}")
            rows[table.name] = count
        stream.write("\n}}\n")
    return rows


def _cell(value: Any) -> Any:
    # Archived page bodies are bytes: base64 text in JSON (backup_json decodes them by column).
    return base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else plain(value)


# ---- restore ------------------------------------------------------------------------------


def restore(engine: Engine, source: Path) -> Outcome:
    """Restore a backup made by ``backup`` into ``engine``'s database, which must be empty.

    Raises Conflict for a non-empty database, InvalidInput for a file that is not a usable
    claimtrack backup (nothing is written then).
    """
    try:
        with source.open("rb") as stream:
            head = stream.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise InvalidInput(f"Cannot read {source}: {error.strerror}. Check the path.") from None
    refuse_read_only(engine)
    _refuse_non_empty(engine)
    if head == SQLITE_MAGIC:
        _check_sqlite_backup(source)
        target = sqlite_file(engine)
        if target is not None:
            return _copy_sqlite(engine, source, target)
        with _sqlite_reader(source) as reader:
            _require_head(current_revision(reader), source)
            return _insert(engine, source, "sqlite",
                           ((t, [c.name for c in t.columns], reader.execute(select(t)))
                            for t in tables()))
    from claimtrack.store.backup_json import read_dump

    return _insert(engine, source, "json", read_dump(source, _require_head))


def _refuse_non_empty(engine: Engine) -> None:
    from claimtrack.store.migrate import is_empty

    with engine.connect() as connection:
        if is_empty(connection):
            return
        revision = current_revision(connection)
        counts = count_rows(connection) if revision == HEAD_REVISION else None
    if counts is None or any(counts.values()):
        filled = ", ".join(f"{n} {t}" for t, n in (counts or {}).items() if n) or "tables"
        raise Conflict(f"The database already holds data ({filled}); restore only into an empty "
                       "database. Point --db at a new file or an empty PostgreSQL database.")


def _require_head(revision: str | None, source: Path) -> None:
    if revision != HEAD_REVISION:
        raise InvalidInput(
            f"{source} is a backup at schema revision {revision}; this claimtrack restores "
            f"revision {HEAD_REVISION} here. Restore it into a SQLite file and run `claimtrack "
            "init` on that file first."
        )


def _check_sqlite_backup(source: Path) -> None:
    try:
        with _sqlite_reader(source) as reader:
            verdict = reader.exec_driver_sql("PRAGMA quick_check").scalar()
            revision = current_revision(reader)
            # Rows pointing at nothing (the file was edited with foreign keys off, sqlite3's
            # default): a page copy would keep them and an insert would fail on them.
            dangling = reader.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    except Exception as error:  # any unreadable file gets the same answer
        raise InvalidInput(f"{source} is not a readable SQLite database ({error}).") from None
    if verdict != "ok":
        raise InvalidInput(f"{source} is damaged (SQLite quick_check: {verdict}); use another "
                           "backup.")
    if dangling:
        tables = ", ".join(sorted({str(row[0]) for row in dangling}))
        raise InvalidInput(f"{source} cannot be restored: {len(dangling)} rows of {tables} refer "
                           "to rows that are not in it. The backup is damaged or was edited; "
                           "nothing was written. Restore another backup.")
    if revision not in known_revisions():
        raise InvalidInput(f"{source} is not a claimtrack database this version knows "
                           f"(schema revision {revision}).")
    with _sqlite_reader(source) as reader:
        _check_values(reader, source)


def _check_values(reader: Connection, source: Path) -> None:
    """The columns with rules (``backup_json.RULES``: URLs, ids) pass the commands' checks,
    as a JSON backup's rows do: a page-for-page copy inserts no row that could check them."""
    from sqlalchemy import inspect

    present = {table: {c["name"] for c in inspect(reader).get_columns(table)}
               for table in {table for table, _column in RULES}
               if inspect(reader).has_table(table)}
    for table in tables():
        checked = [table.c[name] for (name_of, name) in RULES
                   if name_of == table.name and name in present.get(table.name, ())]
        if not checked:
            continue
        rows = reader.execute(select(*checked).order_by(*table.primary_key.columns))
        names = [column.name for column in checked]
        for number, row in enumerate(rows, 1):
            try:
                check_row(table.name, dict(zip(names, row, strict=True)),
                          f"{table.name} row {number}")
            except InvalidInput as error:
                raise InvalidInput(f"{source} cannot be restored: {error}") from None


class _sqlite_reader:  # lower case: used like a function in `with`
    """A read-only connection to a SQLite file that leaves the file untouched."""

    def __init__(self, path: Path) -> None:
        self.engine = create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true")

    def __enter__(self) -> Connection:
        self.connection = self.engine.connect()
        return self.connection

    def __exit__(self, *exc: object) -> None:
        self.connection.close()
        self.engine.dispose()


def _copy_sqlite(engine: Engine, source: Path, target: Path) -> Outcome:
    engine.dispose()
    copy_sqlite(source, target, read_only=True)
    with engine.connect() as connection:
        revision = current_revision(connection)
        rows = count_rows(connection) if revision == HEAD_REVISION else {}
    return Outcome(source, "sqlite", rows)


Rows = Iterator[tuple[Table, list[str], Any]]


def _insert(engine: Engine, source: Path, kind: str, sections: Rows) -> Outcome:
    from claimtrack.store.raw_insert import insert_untracked

    ensure_current(engine)
    counts: dict[str, int] = {}
    table_name = "?"
    try:
        with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as connection:
            for table, columns, rows in sections:
                table_name = table.name
                batch: list[dict[str, Any]] = []
                counts[table.name] = 0
                for number, row in enumerate(rows, 1):
                    batch.append(_converted(source, table, columns, row, number))
                    if len(batch) >= CHUNK:
                        insert_untracked(connection, table, batch)
                        batch.clear()
                    counts[table.name] = number
                insert_untracked(connection, table, batch)
            table_name = "?"
            if connection.dialect.name == "postgresql":
                _reset_sequences(connection)
    except _database_errors(engine) as error:
        if _is_refused_row(error, engine):
            raise InvalidInput(
                f"{source} cannot be restored: the database refused a row of table "
                f"{table_name} ({_reason(error)}). The backup is damaged or was edited; nothing "
                "was written. Restore another backup."
            ) from None
        raise DatabaseUnavailable(
            f"Restoring {source} failed: the database reported {_reason(error)}. Nothing was "
            "written; check the database (--db) and run the command again."
        ) from None
    return Outcome(source, kind, counts)


def _converted(source: Path, table: Table, columns: list[str], row: Any, number: int
               ) -> dict[str, Any]:
    try:
        return convert_row(table, columns, row, f"{table.name} row {number}")
    except InvalidInput as error:
        raise InvalidInput(f"{source} cannot be restored: {error}") from None


def _database_errors(engine: Engine) -> tuple[type[BaseException], ...]:
    """What the database raises: SQLAlchemy's wrapper, or the driver's own error (COPY and
    executemany run on the driver's cursor)."""
    from sqlalchemy.exc import DBAPIError

    driver = getattr(engine.dialect, "loaded_dbapi", None)
    return (DBAPIError, driver.Error) if driver is not None else (DBAPIError,)


def _is_refused_row(error: BaseException, engine: Engine) -> bool:
    """A constraint or a value the database rejects, rather than the database failing."""
    original = getattr(error, "orig", None) or error
    driver = getattr(engine.dialect, "loaded_dbapi", None)
    refusals = (driver.IntegrityError, driver.DataError) if driver is not None else ()
    return isinstance(original, refusals)


def _reason(error: BaseException) -> str:
    """The database's words: its message and, from PostgreSQL, the detail naming the key (not
    "Failing row contains …": a whole row of someone's text)."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines() or [type(original).__name__]
    detail = getattr(getattr(original, "diag", None), "message_detail", None) or ""
    reason = " ".join(lines[0].split())
    if detail.startswith("Key "):
        reason += ": " + " ".join(detail.split())
    return reason.rstrip(".")[:500]


def _reset_sequences(connection: Connection) -> None:
    """Point each id sequence past the restored rows, so new rows get fresh ids."""
    for table in tables():
        if "id" in table.c and table.c.id.autoincrement in (True, "auto"):
            connection.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"
            ))
