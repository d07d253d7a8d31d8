"""``claimtrack init`` and ``claimtrack db``: create, upgrade and check the schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli._common import (
    FormatOption,
    emit_record,
    emit_rows,
    fail,
    open_engine,
    quiet_typer,
    say,
)
from claimtrack.core.enums import OutputFormat

if TYPE_CHECKING:
    from sqlalchemy import Engine

app = quiet_typer(
    "Check the database and its schema version (for operators).\n\n"
    "Examples:\n"
    "  claimtrack db current\n"
    "  claimtrack db check\n",
)


def init(ctx: typer.Context) -> None:
    """Create the database or upgrade it to this version's schema.

    A SQLite file that already has tables is backed up first. Safe to run again.

    Examples:
        claimtrack init
        claimtrack --db team.db init
    """
    from claimtrack.store import migrate

    with open_engine(ctx, check_schema=False) as engine:
        with engine.connect() as connection:
            pending = migrate.current_revision(connection) != migrate.HEAD_REVISION
            empty = migrate.is_empty(connection)
        if pending and not empty and engine.dialect.name == "postgresql":
            say("PostgreSQL databases are not backed up automatically: run pg_dump first.")
        result = migrate.upgrade(engine)
        safe = engine.url.render_as_string(hide_password=True)
    if result.backup:
        say(f"Backed up the previous database to {result.backup}.")
    if result.from_revision == result.to_revision:
        say(f"Database {safe} is up to date (schema {result.to_revision}).")
    else:
        say(f"Database {safe} is ready (schema {result.from_revision or 'none'} → "
            f"{result.to_revision}).")


@app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Upgrade the schema to this version of claimtrack (same as `claimtrack init`).

    Examples:
        claimtrack db upgrade
    """
    init(ctx)


@app.command("current")
def current(ctx: typer.Context, fmt: FormatOption = OutputFormat.TABLE) -> None:
    """Show the database's schema revision and whether it is up to date.

    Examples:
        claimtrack db current --format json
    """
    emit_record(_status(ctx), fmt)


@app.command("check")
def check(
    ctx: typer.Context,
    repair: Annotated[
        bool, typer.Option("--repair", help="First recompute the contested counters (derived "
                           "data; nothing else is changed).")
    ] = False,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Check the database is whole; exit 1 and say exactly what is wrong if not.

    Schema version and drift, SQLite's integrity check, foreign keys (orphan rows), the
    contested counters and actor names, plus any check a plug-in registered.

    Examples:
        claimtrack db check
        claimtrack db check --repair
    """
    from claimtrack.services import integrity
    from claimtrack.store import migrate

    status = _status(ctx)
    results: list[integrity.CheckResult] = []
    if status["revision"] != status["head"]:
        results.append(integrity.CheckResult(
            "schema", (f"schema is at {status['revision']}, this claimtrack needs "
                       f"{status['head']}",), "Run `claimtrack init` to upgrade."))
    else:
        with open_engine(ctx, check_schema=False) as engine:
            if repair:
                _repair_counters(engine)
            results.append(integrity.CheckResult(
                "schema", tuple(f"schema differs from models: {d}" for d in migrate.drift(engine)),
                "Run `claimtrack init`, or reinstall this claimtrack version."))
            with engine.connect() as connection:
                results += integrity.run_checks(connection)
    rows = [{"check": r.name, "ok": r.ok, "problems": len(r.problems),
             "details": "; ".join(r.problems)} for r in results]
    emit_rows(rows, fmt, empty="")
    failed = [r for r in results if not r.ok]
    if failed:
        fail(" ".join(f"{r.name}: {'; '.join(r.problems[:3])}"
                      f"{' (and more)' if len(r.problems) > 3 else ''}. {r.hint}"
                      for r in failed))
    say(f"All {len(results)} checks passed on {status['database']}.")


def _repair_counters(engine: Engine) -> None:
    from claimtrack.services import disputes
    from claimtrack.store.db import session_scope

    with session_scope(engine) as session:
        disputes.recount_all(session)
    say("Recomputed the contested counters of every claim.")


def _status(ctx: typer.Context) -> dict[str, object]:
    from claimtrack.store import migrate

    with (
        open_engine(ctx, check_schema=False, must_exist=True) as engine,
        engine.connect() as connection,
    ):
        revision = migrate.current_revision(connection)
        safe = engine.url.render_as_string(hide_password=True)
    return {
        "database": safe,
        "revision": revision,
        "head": migrate.HEAD_REVISION,
        "up_to_date": revision == migrate.HEAD_REVISION,
    }

