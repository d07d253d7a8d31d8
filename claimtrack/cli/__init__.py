"""The ``claimtrack`` command: one Typer sub-app per noun, wired here.

Only Typer and claimtrack's light modules are imported at start-up; each command imports the
database layer when it runs.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from claimtrack import __version__
from claimtrack.cli import (
    actor,
    appearance,
    backup,
    claim,
    db,
    dedupe,
    exchange,
    extract,
    graph,
    history,
    link,
    report,
    search,
    source,
    status,
    timeline,
    verdict,
)
from claimtrack.cli._common import State

app = typer.Typer(
    name="claimtrack",
    help=(
        "Track claims, the counter-claims and denials made against them, who said each, where "
        "and when, and the verdicts fact-checkers reach.\n\n"
        "Start with `claimtrack init`, log claims with `claimtrack claim add`, link answers with "
        "`claimtrack link add`, and see what is disputed with `claimtrack report contested`."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimtrack {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    db_url: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Database: a SQLite file path, sqlite:///file.db or postgresql://user@host/db. "
            "Default: $CLAIMTRACK_DATABASE_URL, else claimtrack.db in your user data folder.",
            show_default=False,
        ),
    ] = None,
    user: Annotated[
        str | None,
        typer.Option(
            "--user",
            metavar="NAME",
            help="Who is making changes, for the edit history. Default: $CLAIMTRACK_USER, else "
            "your login name.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    ctx.obj = State(db=db_url, user=user)


app.command("init")(db.init)
app.command("show")(report.show)
app.command("export")(exchange.export)
app.command("import")(exchange.import_)
app.command("search")(search.search)
app.command("match")(search.match)
app.command("dedupe")(dedupe.dedupe)
app.command("review")(dedupe.review)
app.command("graph")(graph.graph)
app.command("timeline")(timeline.timeline)
app.command("extract")(extract.extract)
app.command("history")(history.history)
app.command("backup")(backup.backup)
app.command("restore")(backup.restore)
claim.app.command("status")(status.claim_status)
claim.app.command("restore")(history.restore)
verdict.app.command("status")(status.verdict_status)
app.add_typer(actor.app, name="actor", help="People, organisations, governments and media.")
app.add_typer(source.app, name="source", help="Articles and pages where claims appear.")
app.add_typer(claim.app, name="claim", help="Log, list, edit and remove claims.")
app.add_typer(appearance.app, name="appearance", help="Where a claim was seen, quote verbatim.")
app.add_typer(link.app, name="link", help="Link claims: denies, contradicts, evades, supports…")
app.add_typer(verdict.app, name="verdict", help="Fact-checkers' verdicts on claims.")
app.add_typer(report.app, name="report", help="Reports for editors and readers.")
app.add_typer(db.app, name="db", help="Schema version and checks, for operators.")
from claimtrack.cli import ratings  # noqa: E402  (apart from the block above, for merging)

app.add_typer(ratings.app, name="ratings", help="How verdict labels read as ratings; add your own.")


def main() -> None:
    """Entry point of the console script and ``python -m claimtrack``."""
    try:
        app()
    except BrokenPipeError:
        # The reader went away (`claimtrack report contested | head`): stop quietly, as cat does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
