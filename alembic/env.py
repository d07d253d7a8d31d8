"""Alembic environment: metadata from claimtrack.models, connection from claimtrack.

``claimtrack.store.migrate`` passes a live connection in ``config.attributes["connection"]``; a
developer running ``alembic`` from the repository gets the configured database instead.
No alembic.ini and no logging config: claimtrack configures Alembic in code.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from claimtrack.models import Base
from claimtrack.store import fulltext

target_metadata = Base.metadata


def run_migrations(connection: Any) -> None:
    if _foreign_keys_on(connection):
        _run_with_foreign_keys_off(connection)
        return
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=fulltext.include_name,  # the full-text index is not in the models
    )
    with context.begin_transaction():
        context.run_migrations()


def _foreign_keys_on(connection: Any) -> bool:
    if connection.dialect.name != "sqlite":
        return False
    return bool(connection.connection.driver_connection.execute("PRAGMA foreign_keys")
                .fetchone()[0])


def _run_with_foreign_keys_off(connection: Any) -> None:
    """SQLite with foreign keys on (a host application's own engine, say): batch mode rebuilds
    tables (copy, drop, rename), and with foreign keys on the drop deletes the rows of every
    child table ON DELETE CASCADE, or fails. claimtrack.store.migrate connects with them off;
    any other connection gets them turned off here, around one transaction that is checked
    before it commits. SQLite ignores the pragma inside a transaction: a connection already in
    one is refused rather than migrated."""
    if connection.in_transaction():
        raise RuntimeError(
            "SQLite migrations must run with foreign keys off (a table rebuild would delete "
            "child rows), and this connection is already in a transaction with them on. Use "
            "claimtrack.store.migrate.upgrade / downgrade, or a connection from "
            "make_engine(url, for_migration=True)."
        )
    driver = connection.connection.driver_connection
    driver.execute("PRAGMA foreign_keys = OFF")
    try:
        with connection.begin():
            run_migrations(connection)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the migration would leave {len(broken)} broken foreign "
                                   f"keys: {broken[:5]}; nothing was changed.")
    finally:
        driver.execute("PRAGMA foreign_keys = ON")


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    from claimtrack.core.config import resolve_database_url
    from claimtrack.store.db import make_engine

    engine = make_engine(resolve_database_url(None), for_migration=True)
    with engine.connect() as connection:
        run_migrations(connection)
        connection.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("claimtrack migrations run online only: use `claimtrack db upgrade`.")
main()
