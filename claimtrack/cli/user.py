"""``claimtrack user``: the people who sign in to ``claimtrack serve``, and their roles."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claimtrack.cli._common import FormatOption, command_session, emit_rows, fail, quiet_typer, say
from claimtrack.core.enums import OutputFormat, Role

app = quiet_typer(
    "List, add, edit and delete the people who may sign in to `claimtrack serve`.\n\n"
    "Examples:\n"
    "  claimtrack user add amina --role editor\n"
    "  claimtrack user list\n",
)

NameArg = Annotated[str, typer.Argument(metavar="NAME", help="The name they sign in with.")]
ROLES_HELP = ("viewer: reads; checker: also writes drafts, links and verdicts; editor: also "
              "publishes and deletes.")
PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin",
                 help="Read the password from the first line of standard input instead of "
                 "asking for it (for scripts)."),
]


@app.command("add")
def add(
    ctx: typer.Context,
    name: NameArg,
    role: Annotated[Role, typer.Option("--role", case_sensitive=False, help=ROLES_HELP)],
    password_stdin: PasswordStdin = False,
) -> None:
    """Add a user who can sign in to `claimtrack serve`. Asks for the password twice.

    Examples:
        claimtrack user add amina --role editor
        echo "$PASSWORD" | claimtrack user add bot --role checker --password-stdin
    """
    from claimtrack.services import users

    password = _password(password_stdin, "add NAME --role ROLE")
    with command_session(ctx) as session:
        user = users.add_user(session, name, role, password)
    say(f"Added {user.role} {user.name}; they can now sign in to `claimtrack serve`.")


@app.command("edit")
def edit(
    ctx: typer.Context,
    name: NameArg,
    role: Annotated[
        Role | None,
        typer.Option("--role", case_sensitive=False, help="The new role: " + ROLES_HELP),
    ] = None,
    password: Annotated[
        bool, typer.Option("--password", help="Set a new password (asked for twice).")
    ] = False,
    password_stdin: PasswordStdin = False,
) -> None:
    """Change a user's role or password. A user signed in to `claimtrack serve` has the new
    role from their next page on.

    Examples:
        claimtrack user edit amina --role viewer
        echo "$PASSWORD" | claimtrack user edit bot --password-stdin
    """
    from claimtrack.services import users

    if role is None and not (password or password_stdin):
        fail("Nothing to change; give --role ROLE, --password or --password-stdin.")
    new_password = (_password(password_stdin, "edit NAME")
                    if password or password_stdin else None)
    with command_session(ctx) as session:
        user = users.edit_user(session, name, role=role, password=new_password)
    changed = " and ".join(what for what, given in
                           (("role", role is not None), ("password", new_password is not None))
                           if given)
    say(f"Changed the {changed} of {user.name}, now {'an' if user.role == Role.EDITOR else 'a'} "
        f"{user.role}.")


def _password(from_stdin: bool, usage: str) -> str:
    """The password from stdin's first line, or typed twice at the terminal; never empty.
    ``usage``: the command, for the hint when there is no terminal."""
    password = sys.stdin.readline().rstrip("\r\n") if from_stdin else _ask_password(usage)
    if not password:
        fail("No password given; type one, or pipe it in with --password-stdin.")
    return password


def _ask_password(usage: str) -> str:
    """The password typed twice at the terminal; an Error line when there is no terminal
    (getpass would read it from stdin, echoed, after a warning)."""
    import getpass
    import warnings

    no_terminal = ("No terminal to ask for a password; pipe it in with --password-stdin: "
                   f"echo \"$PASSWORD\" | claimtrack user {usage} --password-stdin.")
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
