"""``claimtrack datasette-metadata``: titles, facets, search and canned queries for Datasette."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli._common import database_url, fail
from claimtrack.cli._documents import OutputFileOption, deliver


def datasette_metadata(
    ctx: typer.Context,
    database: Annotated[
        str | None,
        typer.Option("--database", metavar="NAME", help="The database's name in Datasette "
                     "(default: the SQLite file's name without .db).", show_default=False),
    ] = None,
    output: OutputFileOption = None,
) -> None:
    """Write Datasette metadata for a claimtrack SQLite file: titles, facets, search, queries.

    The file then opens readably: the disputes view first, the search box on claims, foreign
    keys shown by name, and canned queries for contested claims and a speaker's record.

    Examples:
        claimtrack --db claims.db datasette-metadata -o metadata.json
        datasette serve claims.db --metadata metadata.json
    """
    import json
    from pathlib import Path

    from sqlalchemy import make_url

    from claimtrack.render.datasette import metadata

    if database is None:
        url = make_url(database_url(ctx))
        if url.get_backend_name() != "sqlite" or not url.database:
            fail("Datasette opens SQLite files; give --db FILE.db, or --database NAME.")
        database = Path(url.database).stem
    deliver(json.dumps(metadata(database), ensure_ascii=False, indent=2), output,
            description="Datasette metadata")
