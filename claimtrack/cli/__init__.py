"""The ``claimtrack`` command: one Typer sub-app per noun, wired here.

Only Typer and claimtrack's light modules are imported at start-up; each command imports the
database layer when it runs.
"""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack import __version__
from claimtrack.cli._common import State
from claimtrack.cli._lazy import Entry, LazyGroup

# Every top-level command and noun, in the order `claimtrack --help` lists them. Each is
# imported only when used (claimtrack.cli._lazy); tests/docs/test_commands.py checks the help lines
# against the commands' own.
LazyGroup.ENTRIES = [
    Entry("init", "db:init", "Create the database or upgrade it to this version's schema."),
    Entry("claim", "claim:app", "Log, list, edit and remove claims."),
    Entry("link", "link:app", "Link claims: denies, contradicts, evades, supports…"),
    Entry("verdict", "verdict:app", "Record fact-checkers' verdicts on claims."),
    Entry(
        "actor",
        "actor:app",
        "Keep the people, organisations, governments and media who make and review claims.",
    ),
    Entry(
        "source",
        "source:app",
        "Keep the articles and pages where claims appear, with archived copies.",
    ),
    Entry(
        "appearance",
        "appearance:app",
        "Record where a claim was seen, with the passage quoted verbatim.",
    ),
    Entry("show", "report:show", "Show a claim's dispute as a tree (or a page: --format html)."),
    Entry("report", "report:app", "Write reports on disputes for editors and readers."),
    Entry("graph", "graph:graph", "Draw the dispute graph as DOT, Mermaid or GraphML."),
    Entry(
        "timeline", "timeline:timeline",
        "Show when a claim and its responses first appeared, and where."
    ),
    Entry(
        "search",
        "search:search",
        "Search claim texts, summaries and quotes for words, most relevant first.",
    ),
    Entry(
        "match",
        "search:match",
        "Find the claims most likely to be the same claim as a text (have we seen this?).",
    ),
    Entry(
        "dedupe",
        "dedupe:dedupe",
        "Scan all claims for likely duplicates and record them as suggested same_as links.",
    ),
    Entry(
        "review",
        "dedupe:review",
        "List suggested duplicates waiting for a decision, the most likely first.",
    ),
    Entry(
        "extract",
        "extract:extract",
        "Suggest the claims, counter-claims, denials and non-denials of an article.",
    ),
    Entry(
        "import",
        "exchange:import_",
        "Import claimtrack JSON, ClaimReview JSON-LD (also in HTML pages), CSV or JSON Lines.",
    ),
    Entry(
        "export",
        "exchange:export",
        "Export the database (or the claims the filters select) for another tool or a backup.",
    ),
    Entry("ratings", "ratings:app", "Show how verdict labels read as ratings, and add your own."),
    Entry(
        "history",
        "history:history",
        "Show the edit history, newest first: who changed what, when, before and after.",
    ),
    Entry(
        "backup",
        "backup:backup",
        "Back up the whole database, edit history included, while others keep working.",
    ),
    Entry(
        "restore",
        "backup:restore",
        "Restore a backup into an empty database (refused if the database holds any data).",
    ),
    Entry(
        "datasette-metadata",
        "datasette:datasette_metadata",
        "Write Datasette metadata for a claimtrack SQLite file: titles, facets, search, queries.",
    ),
    Entry("serve", "serve:serve",
          "Start the web app: browse disputes, log and link claims, review suggestions."),
    Entry("user", "user:app",
          "List, add, edit and delete the people who may sign in to `claimtrack serve`."),
    Entry("db", "db:app", "Check the database and its schema version (for operators)."),
]

app = typer.Typer(
    cls=LazyGroup,
    name="claimtrack",
    help=(
        "Track claims, the counter-claims and denials made against them, who said each, where "
        "and when, and the verdicts fact-checkers reach.\n\n"
        "Start with `claimtrack init`, log claims with `claimtrack claim add`, link answers with "
        "`claimtrack link add`, and see what is disputed with `claimtrack report contested`."
    ),
    no_args_is_help=True,
    # --install-completion / --show-completion for bash, zsh and fish (and PowerShell).
    add_completion=True,
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
            help="Who you are: the name recorded as the author of every change this command "
            "makes. Default: $CLAIMTRACK_USER, else your login name. (To see someone's changes: "
            "`claimtrack history --by NAME`.)",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = State(db=db_url, user=user)


def main() -> None:
    """Entry point of the console script and ``python -m claimtrack``."""
    # A reader that goes away (`claimtrack export | head`) ends the command quietly with exit 1:
    # Typer (as Click) catches the broken pipe itself.
    app()
