"""``claimtrack backup`` and ``claimtrack restore``: a whole database to a file and back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli._common import open_engine, say
from claimtrack.core.wording import plural


def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The backup file to create.",
                                         dir_okay=False)],
    as_json: Annotated[
        bool, typer.Option("--json", help="Write claimtrack backup JSON even from SQLite "
                           "(PostgreSQL always writes JSON).")
    ] = False,
) -> None:
    """Back up the whole database, edit history included, while others keep working.

    SQLite: a copy made with SQLite's online backup API (a database file). PostgreSQL: every
    row of every table as JSON. Restore it with `claimtrack restore FILE`.

    Examples:
        claimtrack backup copy.db
        claimtrack backup team.json --json
    """
    from claimtrack.store.backup import backup as make_backup

    with open_engine(ctx, check_schema=False, must_exist=True) as engine:
        outcome = make_backup(engine, file, as_json=as_json)
    say(f"Backed up {_summary(outcome.rows)} to {outcome.path} ({outcome.kind}).")


def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A file made by `claimtrack "
                                         "backup`.", dir_okay=False)],
) -> None:
    """Restore a backup into an empty database (refused if the database holds any data).

    A SQLite backup can be restored into SQLite or PostgreSQL, a JSON backup into either.

    Examples:
        claimtrack --db fresh.db restore copy.db
    """
    from claimtrack.store.backup import restore as restore_backup

    with open_engine(ctx, check_schema=False, discard_new_file=True) as engine:
        outcome = restore_backup(engine, file)
    if not outcome.rows:
        say(f"Restored {file}; its schema is older than this claimtrack: run `claimtrack init`.")
        return
    say(f"Restored {_summary(outcome.rows)} from {file} ({outcome.kind}).")


def _summary(rows: dict[str, int]) -> str:
    shown = {"claims": "claim", "links": "link", "verdicts": "verdict", "history": "history row"}
    return (", ".join(plural(rows.get(table, 0), noun) for table, noun in shown.items())
            if rows else "the database")


