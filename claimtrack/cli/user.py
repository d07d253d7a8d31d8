"""``claimtrack user``: the people who sign in to ``claimtrack serve``, and their roles."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claimtrack.cli._common import FormatOption, command_session, emit_rows, fail, quiet_typer, say
from claimtrack.core.enums import OutputFormat, Role

app = quiet_typer(
    "List, add and delete the people who may sign in to `claimtrack serve`.\n\n"
    "Examples:\n"
    "  claimtrack user add amina --role editor\n"
    "  claimtrack user list\n",
)

NameArg = Annotated[str, typer.Argument(metavar="NAME", help="The name they sign in with.")]


@app.command("add")
def add(
    ctx: typer.Context,
    name: NameArg,
    role: Annotated[
        Role,
        typer.Option("--role", case_sensitive=False,
                     help="viewer: reads; checker: also writes drafts, links and verdicts; "
                     "editor: also publishes and deletes."),
    ],
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin",
                     help="Read the password from the first line of standard input instead of "
                     "asking for it (for scripts)."),
    ] = False,
) -> None:
    """Add a user who can sign in to `claimtrack serve`. Asks for the password twice.

    Examples:
        claimtrack user add amina --role editor
        echo "$PASSWORD" | claimtrack user add bot --role checker --password-stdin
    """
    from claimtrack.services import users

    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else _ask_password()
    if not password:
        fail("No password given; type one, or pipe it in with --password-stdin.")
    with command_session(ctx) as session:
        user = users.add_user(session, name, role, password)
    say(f"Added {user.role} {user.name}; they can now sign in to `claimtrack serve`.")


def _ask_password() -> str:
    """The password typed twice at the terminal; an Error line when there is no terminal
    (getpass would read it from stdin, echoed, after a warning)."""
    import getpass
    import warnings

    no_terminal = ("No terminal to ask for a password; pipe it in with --password-stdin: "
                   "echo \"$PASSWORD\" | claimtrack user add NAME --role ROLE --password-stdin.")
    with warnings.catch_warnings():
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))
        except getpass.GetPassWarning:
            typer.echo(err=False)  # end the prompt's line
            fail(no_terminal)
        except typer.Abort:
            typer.echo(err=False)
            fail("No password given (input ended); type one at a terminal, or pipe it in with "
                 "--password-stdin.")


@app.command("list")
def list_(ctx: typer.Context, fmt: FormatOption = OutputFormat.TABLE) -> None:
    """List the users of `claimtrack serve` and their roles.

    Examples:
        claimtrack user list
        claimtrack user list --format json
    """
    from claimtrack.services import users

    with command_session(ctx, write=False) as session:
        found = users.list_users(session)
    rows: list[dict[str, object]] = [
        {"name": u.name, "role": u.role, "created_at": u.created_at} for u in found
    ]
    emit_rows(rows, fmt, columns=["name", "role", "created_at"],
              empty="No users: `claimtrack serve` runs for the local user only, on "
              "127.0.0.1. Add one with `claimtrack user add NAME --role editor`.")


@app.command("rm")
def remove(ctx: typer.Context, name: NameArg) -> None:
    """Delete a user; what they changed stays in the history under their name.

    Examples:
        claimtrack user rm amina
    """
    from claimtrack.services import users

    with command_session(ctx) as session:
        users.remove_user(session, name)
    say(f"Removed user {name}.")
