"""Engines and sessions.

``session_scope`` is the one transaction boundary: services take the Session it yields and
never commit. On SQLite we drive transactions ourselves (pysqlite's implicit BEGIN only wraps
DML, so DDL and reads would escape the transaction), and writers take the lock up front with
``BEGIN IMMEDIATE`` so that concurrent writers wait on ``busy_timeout`` instead of failing with
"database is locked" when a read lock cannot be upgraded. Should SQLite still answer "busy"
at BEGIN (busy_timeout spent under heavy contention), the BEGIN is retried with jittered
back-off for up to ``LOCK_RETRY_SECONDS`` before a ``DatabaseBusy`` error says so in plain words.

Every session it makes is a ``TrackedSession``: it records the edit history of what it changes
(claimtrack.store.history.tracking) in the same transaction; ``session_scope`` says who is
making the changes.
"""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from claimtrack.core.errors import Conflict, DatabaseBusy, DatabaseUnavailable, InvalidInput
from claimtrack.core.serial import compact_json
from claimtrack.store.history import tracking
from claimtrack.store.history.tracking import TrackedSession

BUSY_TIMEOUT_MS = 30_000
LOCK_RETRY_SECONDS = 300.0
SQLITE_BUSY = 5
# PostgreSQL: serialization failure and deadlock; the transaction can simply be run again.
RETRYABLE_SQLSTATES = ("40001", "40P01")
# Key in a pooled connection's info: why this SQLite connection was opened read-only.
READ_ONLY = "claimtrack_read_only"


def make_engine(
    url: str,
    *,
    for_migration: bool = False,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    lock_retry_seconds: float = LOCK_RETRY_SECONDS,
) -> Engine:
    """Create an engine for ``url``; SQLite gets foreign keys (off while migrating) and WAL.

    On SQLite each wait for the write lock lasts up to ``busy_timeout_ms``, and BEGIN is retried
    for ``lock_retry_seconds`` in all before ``DatabaseBusy`` is raised. Raises InvalidInput for
    a URL that is not one, or not valid UTF-8 (nothing is created then).
    """
    _refuse_undecodable(url)
    try:
        parsed = make_url(url)
    except Exception:
        raise InvalidInput(
            f"'{url}' is not a database URL; use a file path, sqlite:///path.db or "
            "postgresql://user@host/dbname."
        ) from None
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, json_serializer=compact_json)
        _configure_sqlite(engine, parsed.database or "", for_migration=for_migration,
                          busy_timeout_ms=busy_timeout_ms, lock_retry_seconds=lock_retry_seconds)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=False, json_serializer=compact_json)
    raise InvalidInput(
        f"claimtrack supports SQLite and PostgreSQL, not '{parsed.get_backend_name()}'."
    )


def _refuse_undecodable(url: str) -> None:
    """Bytes that are not UTF-8 (in argv or the environment) arrive as lone surrogates: SQLite
    would create a file under some other name and the first write would fail on the URL."""
    try:
        url.encode("utf-8")
    except UnicodeEncodeError:
        shown = url.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise InvalidInput(
            f"The database path {shown} is not valid UTF-8, so claimtrack cannot use it. "
            "Rename the file (or its folder) to plain text, or give another path with --db."
        ) from None


def _configure_sqlite(
    engine: Engine,
    database: str,
    *,
    for_migration: bool,
    busy_timeout_ms: int,
    lock_retry_seconds: float,
) -> None:
    is_file = database not in ("", ":memory:") and not database.startswith("file::memory:")
    is_path = is_file and not database.startswith("file:")

    @event.listens_for(engine, "do_connect")
    def on_do_connect(_dialect: Any, record: Any, cargs: list[Any], cparams: Any) -> None:
        record.info.pop(READ_ONLY, None)
        if not is_path:
            return
        reason = read_only_reason(Path(database))
        if reason is not None:
            # Read-only: opened as such, so that SQLite never tries to write (WAL files, the
            # journal mode); immutable when the -wal file cannot be created, as SQLite then
            # cannot read a WAL database otherwise (https://sqlite.org/wal.html, read-only
            # databases). Writing transactions are refused in on_begin below.
            record.info[READ_ONLY] = reason
            cargs[:1] = [_read_only_uri(Path(database))]
            cparams["uri"] = True

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see module doc
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute(f"PRAGMA foreign_keys = {'OFF' if for_migration else 'ON'}")
        if is_file and READ_ONLY not in record.info:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        reason = connection.connection.info.get(READ_ONLY)
        if reason is not None and mode != "DEFERRED":
            raise DatabaseUnavailable(reason)
        begin_with_retry(connection, f"BEGIN {mode}", lock_retry_seconds)


def read_only_reason(path: Path) -> str | None:
    """Why the SQLite file at ``path`` can only be read here (None: it can be written).

    Raises DatabaseUnavailable when it does not exist and cannot be created either. The
    checks are access(2), which root passes too, except on an immutable file (chattr +i) or
    a read-only file system: what stops root from writing stops these checks as well.
    """
    folder = path.absolute().parent
    folder_ok = os.access(folder, os.W_OK | os.X_OK)
    if not path.exists():
        if folder.is_dir() and not folder_ok:
            raise DatabaseUnavailable(
                f"{path} does not exist and cannot be created: the folder {folder} is "
                "read-only. Give a path in a folder you can write to with --db."
            )
        return None
    if folder_ok and os.access(path, os.W_OK):
        return None
    why = ("the file cannot be written" if folder_ok else
           f"its folder {folder} is read-only, and SQLite writes files beside the database")
    return (f"The database {path} is read-only here ({why}), so nothing was written. Commands "
            "that only read work; to change it, copy it to a folder you can write to "
            f"(`claimtrack --db {path} backup COPY.db`) or ask for write access.")


def refuse_read_only(engine: Engine) -> None:
    """Raise DatabaseUnavailable (saying why and what to do) when ``engine`` is a SQLite file
    that cannot be written here; for writers that do not start with a writing transaction."""
    database = engine.url.database or ""
    if engine.dialect.name != "sqlite" or database in ("", ":memory:") \
            or database.startswith("file:"):
        return
    reason = read_only_reason(Path(database))
    if reason is not None:
        raise DatabaseUnavailable(reason)


def _read_only_uri(path: Path) -> str:
    wal = Path(f"{path}-wal")
    can_create_wal = wal.exists() or os.access(path.absolute().parent, os.W_OK | os.X_OK)
    flags = "mode=ro" if can_create_wal else "mode=ro&immutable=1"
    return f"file:{quote(str(path.absolute()))}?{flags}"


def is_locked(error: BaseException) -> bool:
    """True for SQLite's "database is locked"/"busy" (any SQLITE_BUSY extended code)."""
    original = getattr(error, "orig", error)
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF == SQLITE_BUSY)
    return "database is locked" in str(original) or "database is busy" in str(original)


def begin_with_retry(connection: Any, statement: str, retry_seconds: float) -> None:
    """Run BEGIN, retrying with jittered exponential back-off while SQLite reports busy."""
    deadline = time.monotonic() + retry_seconds
    pause = 0.05
    while True:
        try:
            connection.exec_driver_sql(statement)
            return
        except OperationalError as error:
            if not is_locked(error):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(
                    f"Other claimtrack commands kept the database busy for over "
                    f"{retry_seconds:.0f} seconds, so nothing was written. Run the command "
                    "again once the long import or backup has finished."
                ) from None
        time.sleep(random.uniform(pause / 2, pause))
        pause = min(pause * 2, 2.0)


@contextmanager
def session_scope(
    engine: Engine,
    *,
    write: bool = True,
    user: str | None = None,
    command: str | None = None,
    commit: bool = True,
) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any exception.

    ``write=False`` lets SQLite readers run alongside a writer without taking its lock.
    ``commit=False`` rolls back even on success: a dry run that checks everything and writes
    nothing. ``user`` (default: $CLAIMTRACK_USER or the login name) and ``command`` are written
    into the edit history of every change. Raises Conflict when a claim or verdict was changed
    by someone else while this transaction ran (optimistic locking), or when PostgreSQL aborted
    the transaction as a serialization failure or deadlock.
    """
    bind = engine.execution_options(sqlite_begin="IMMEDIATE" if write else "DEFERRED")
    try:
        with TrackedSession(bind, expire_on_commit=False) as session:
            transaction = session.begin()
            tracking.attribute(session, user=user, command=command)
            try:
                yield session
            except BaseException:
                transaction.rollback()
                raise
            if commit:
                transaction.commit()
            else:
                transaction.rollback()
    except StaleDataError as error:
        table = re.search(r"table '(\w+)'", str(error))
        noun = (table.group(1) if table else "records").removesuffix("s")
        raise Conflict(
            f"Someone else changed or deleted this {noun} while your command ran, so nothing "
            "was written. See what changed with `claimtrack history`, then re-run your command."
        ) from None
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) in RETRYABLE_SQLSTATES:
            raise Conflict(
                "Another user's transaction collided with this one, so nothing was written. "
                "Run the command again."
            ) from None
        raise
