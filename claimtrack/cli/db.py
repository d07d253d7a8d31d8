"""``claimtrack init`` and ``claimtrack db``: create, upgrade and check the schema."""

from __future__ import annotations

import typer

from claimtrack.cli._common import FormatOption, emit_rows, fail, open_engine, say
from claimtrack.enums import OutputFormat

app = typer.Typer(no_args_is_help=True)


def init(ctx: typer.Context) -> None:
    """Create the database or upgrade it to this version's schema.

    A SQLite file that already has tables is backed up first. Safe to run again.
    """
    from claimtrack import migrate

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
    """Upgrade the schema to this version of claimtrack (same as `claimtrack init`)."""
    init(ctx)


@app.command("current")
def current(ctx: typer.Context, fmt: FormatOption = OutputFormat.TABLE) -> None:
    """Show the database's schema revision and whether it is up to date."""
    emit_rows([_status(ctx)], fmt, empty="")


@app.command("check")
def check(ctx: typer.Context, fmt: FormatOption = OutputFormat.TABLE) -> None:
    """Check that the schema is current and matches the models; exit 1 if not."""
    from claimtrack import migrate

    status = _status(ctx)
    problems = []
    if status["revision"] != status["head"]:
        problems.append(f"schema is at {status['revision']}, needs {status['head']}")
    else:
        with open_engine(ctx, check_schema=False) as engine:
            problems += [f"schema differs from models: {d}" for d in migrate.drift(engine)]
    status["problems"] = problems
    emit_rows([status], fmt, empty="")
    if problems:
        fail("; ".join(problems) + ". Run `claimtrack init` to upgrade.")


def _status(ctx: typer.Context) -> dict[str, object]:
    from claimtrack import migrate

    with open_engine(ctx, check_schema=False) as engine, engine.connect() as connection:
        revision = migrate.current_revision(connection)
        safe = engine.url.render_as_string(hide_password=True)
    return {
        "database": safe,
        "revision": revision,
        "head": migrate.HEAD_REVISION,
        "up_to_date": revision == migrate.HEAD_REVISION,
    }

