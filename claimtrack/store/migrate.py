"""Schema versions: one policy, used by ``claimtrack init``, ``claimtrack db`` and the tests.

Alembic is configured in code (no alembic.ini) and always handed a live connection. Alembic is
imported only when a migration actually runs: checking the version is one SELECT.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text

from claimtrack.core.errors import ClaimtrackError, SchemaOutOfDate

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in alembic/versions. tests/store/test_migrations.py fails when a migration is
# added without bumping this, so the per-command check never has to load Alembic.
HEAD_REVISION = "0015"
# Any fixed number: PostgreSQL advisory lock held while a migration runs.
MIGRATION_LOCK_KEY = 7_221_304_117


def migrations_dir() -> Path:
    """The Alembic scripts: inside the installed wheel, else the repository's alembic/."""
    package = Path(__file__).resolve().parent.parent  # claimtrack/
    for candidate in (package / "_migrations", package.parent / "alembic"):
        if (candidate / "env.py").is_file():
            return candidate
    raise ClaimtrackError(
        "claimtrack's migration scripts are missing from this installation; reinstall claimtrack."
    )


def alembic_config(connection: Connection) -> Config:
    """An Alembic Config that runs on ``connection`` (never a URL: see STYLE.md)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None when it has never been migrated."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_empty(connection: Connection) -> bool:
    """True when the database (or PostgreSQL schema) has no tables but Alembic's own."""
    return not set(inspect(connection).get_table_names()) - {"alembic_version"}


def open_database(url: str | None = None) -> Engine:
    """An engine on ``url`` (default: $CLAIMTRACK_DATABASE_URL, else the user's claimtrack.db)
    whose schema is current: a brand-new database is created, one made by an older claimtrack
    raises SchemaOutOfDate (upgrade it with ``claimtrack.upgrade``, which backs up first)."""
    from claimtrack.core.config import resolve_database_url
    from claimtrack.store.db import make_engine

    engine = make_engine(resolve_database_url(url))
    try:
        ensure_current(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def ensure_current(engine: Engine) -> None:
    """Refuse to work on a schema made by another claimtrack; bring a brand-new database to head.

    A database with no tables is upgraded in place (no backup is needed for nothing). A database
    with tables is never upgraded implicitly: the user runs ``claimtrack init``, which backs up.
    """
    with engine.connect() as connection:
        revision = current_revision(connection)
        empty = revision is None and is_empty(connection)
    if revision == HEAD_REVISION:
        return
    if empty:
        upgrade(engine)
        return
    if revision is None:
        raise SchemaOutOfDate(
            "This database has tables but no claimtrack schema version; it was not made by "
            "claimtrack. Point --db at a claimtrack database or an empty one."
        )
    if revision in known_revisions():
        raise SchemaOutOfDate(
            f"The database is at schema revision {revision}; this claimtrack needs "
            f"{HEAD_REVISION}: run `claimtrack init` to upgrade (a backup is made first)."
        )
    raise SchemaOutOfDate(
        f"The database is at schema revision {revision}, newer than this claimtrack knows "
        f"(it needs {HEAD_REVISION}). Upgrade claimtrack: pip install -U claimtrack."
    )


def known_revisions() -> list[str]:
    """Every revision in the migration scripts, oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(migrations_dir()))
    return [script.revision for script in reversed(list(scripts.walk_revisions()))]


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def upgrade(engine: Engine, target: str = "head") -> UpgradeResult:
    """Migrate to ``target``. A SQLite file with tables is backed up first and restored on failure.

    Raises ClaimtrackError if the migration fails (the database is left as it was).
    """
    from alembic import command
    from claimtrack.store.db import make_engine, refuse_read_only

    refuse_read_only(engine)
    migration_engine = make_engine(engine.url.render_as_string(hide_password=False),
                                   for_migration=True)
    backup: Path | None = None
    try:
        with migration_engine.connect() as connection:
            before = current_revision(connection)
            needs_backup = not is_empty(connection) and before != HEAD_REVISION
        if needs_backup and sqlite_file(engine) is not None:
            backup = backup_sqlite(sqlite_file(engine))  # type: ignore[arg-type]
        try:
            # Two commands meeting a brand-new database both try to create it: take the write
            # lock (SQLite) or an advisory lock (PostgreSQL) first, so the second one waits and
            # then finds the schema already at head.
            with migration_engine.execution_options(sqlite_begin="IMMEDIATE").begin() as connection:
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                       {"key": MIGRATION_LOCK_KEY})
                command.upgrade(alembic_config(connection), target)
                after = current_revision(connection)
                if after == HEAD_REVISION:
                    from claimtrack.store import fulltext

                    # The migrations install the index; here a damaged one is restored and a
                    # whole one left alone: its DDL would lock the claims table under commands
                    # already writing to it (a deadlock on PostgreSQL when several commands
                    # meet a brand-new database).
                    if fulltext.problems(connection):
                        fulltext.install(connection)
                _check_foreign_keys(connection)
        except Exception as error:
            if backup is not None:
                restore_sqlite(backup, sqlite_file(engine))  # type: ignore[arg-type]
            raise ClaimtrackError(
                f"Migrating the database failed ({error}); it was left unchanged."
                + (f" A backup is at {backup}." if backup else "")
            ) from error
    finally:
        migration_engine.dispose()
    return UpgradeResult(before, after or "", backup)


def downgrade(engine: Engine, target: str) -> None:
    """Migrate down to ``target`` ("base" drops everything). For operators and tests."""
    from alembic import command
    from claimtrack.store.db import make_engine, refuse_read_only

    refuse_read_only(engine)
    migration_engine = make_engine(engine.url.render_as_string(hide_password=False),
                                   for_migration=True)
    try:
        with migration_engine.begin() as connection:
            command.downgrade(alembic_config(connection), target)
            _check_foreign_keys(connection)  # SQLite migrates with them off: check, as upgrade
    finally:
        migration_engine.dispose()


def drift(engine: Engine) -> list[Any]:
    """Differences between the models and the migrated schema (empty when they agree).

    The full-text index is not in the models: it is left out of the comparison (``db check``
    checks it on its own, see ``claimtrack.services.integrity``).
    """
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from claimtrack.models import Base
    from claimtrack.store import fulltext

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "render_as_batch": True,
                  "include_name": fulltext.include_name},
        )
        return list(compare_metadata(context, Base.metadata))


def _check_foreign_keys(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise ClaimtrackError(f"the migration left {len(broken)} broken foreign keys: {broken[:5]}")


def sqlite_file(engine: Engine) -> Path | None:
    """The file of a SQLite database (None: PostgreSQL, in memory, or a file: URI)."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def backup_sqlite(path: Path) -> Path:
    """Copy a SQLite file (WAL included) to ``<file>.<UTC stamp>.bak`` with the backup API."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.{stamp}.bak")
    copy_sqlite(path, target)
    return target


def restore_sqlite(backup: Path, path: Path) -> None:
    """Put a backup made by ``backup_sqlite`` back in place."""
    copy_sqlite(backup, path)


def copy_sqlite(source: Path, target: Path, *, read_only: bool = False) -> None:
    """Copy a SQLite database (WAL included) with the online backup API; ``read_only``
    opens the source so that nothing, not even a WAL checkpoint, touches it."""
    opened = f"file:{source.resolve()}?mode=ro" if read_only else str(source)
    with sqlite3.connect(opened, uri=read_only) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
