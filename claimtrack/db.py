"""Engines and sessions.

``session_scope`` is the one transaction boundary: services take the Session it yields and
never commit. On SQLite we drive transactions ourselves (pysqlite's implicit BEGIN only wraps
DML, so DDL and reads would escape the transaction), and writers take the lock up front with
``BEGIN IMMEDIATE`` so that concurrent writers wait on ``busy_timeout`` instead of failing with
"database is locked" when a read lock cannot be upgraded.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session

from claimtrack.errors import InvalidInput

BUSY_TIMEOUT_MS = 30_000


def make_engine(url: str, *, for_migration: bool = False) -> Engine:
    """Create an engine for ``url``; SQLite gets foreign keys (off while migrating) and WAL."""
    try:
        parsed = make_url(url)
    except Exception:
        raise InvalidInput(
            f"'{url}' is not a database URL; use a file path, sqlite:///path.db or "
            "postgresql://user@host/dbname."
        ) from None
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed)
        _configure_sqlite(engine, parsed.database or "", for_migration=for_migration)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=False)
    raise InvalidInput(
        f"claimtrack supports SQLite and PostgreSQL, not '{parsed.get_backend_name()}'."
    )


def _configure_sqlite(engine: Engine, database: str, *, for_migration: bool) -> None:
    is_file = database not in ("", ":memory:") and not database.startswith("file::memory:")

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see module doc
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA foreign_keys = {'OFF' if for_migration else 'ON'}")
        if is_file:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def session_scope(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any exception.

    ``write=False`` lets SQLite readers run alongside a writer without taking its lock.
    """
    bind = engine.execution_options(sqlite_begin="IMMEDIATE" if write else "DEFERRED")
    with Session(bind, expire_on_commit=False) as session, session.begin():
        yield session
