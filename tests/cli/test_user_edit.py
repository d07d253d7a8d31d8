"""`claimtrack user edit NAME [--role ROLE] [--password-stdin]`: a user's role and password
change in place, and `user add` on a taken name points there."""

from __future__ import annotations

import json

from claimtrack.services import users
from claimtrack.store import db
from claimtrack.store.db import session_scope
from tests.helpers import Cli, snapshot

OLD, NEW = "first long password", "second long password"


def signs_in(cli: Cli, name: str, password: str) -> bool:
    engine = db.make_engine(cli.url)
    with session_scope(engine, write=False) as session:
        return users.authenticate(session, name, password) is not None


def roles(cli: Cli) -> dict[str, str]:
    return {u["name"]: u["role"] for u in json.loads(cli.ok("user", "list", "-f", "json").stdout)}


def test_user_edit_changes_role_and_password(cli: Cli) -> None:
    cli.ok("user", "add", "carl", "--role", "checker", "--password-stdin", input=OLD + "\n")
    taken = cli.fails("user", "add", "carl", "--role", "editor", "--password-stdin",
                      input=NEW + "\n")
    assert "`claimtrack user edit carl`" in taken.stderr
    result = cli.ok("user", "edit", "CARL", "--role", "editor")
    assert result.stderr.strip() == "Changed the role of carl, now an editor."
    assert roles(cli) == {"carl": "editor"} and signs_in(cli, "carl", OLD)
    cli.ok("user", "add", "ed", "--role", "editor", "--password-stdin", input=OLD + "\n")
    result = cli.ok("user", "edit", "carl", "--role", "viewer", "--password-stdin",
                    input=NEW + "\n")
    assert result.stderr.strip() == "Changed the role and password of carl, now a viewer."
    assert roles(cli) == {"carl": "viewer", "ed": "editor"}
    assert signs_in(cli, "carl", NEW) and not signs_in(cli, "carl", OLD)


def test_user_edit_refusals_write_nothing(cli: Cli) -> None:
    cli.ok("user", "add", "carl", "--role", "checker", "--password-stdin", input=OLD + "\n")
    before = snapshot(cli.url)
    assert "Nothing to change" in cli.fails("user", "edit", "carl").stderr
    assert "No user is called 'dora'" in cli.fails("user", "edit", "dora", "--role",
                                                   "editor").stderr
    short = cli.fails("user", "edit", "carl", "--role", "editor", "--password-stdin",
                      input="short\n")
    assert "use at least 10" in short.stderr
    assert snapshot(cli.url) == before


def test_the_last_editor_stays_and_a_blank_password_is_refused(cli: Cli) -> None:
    """A team with users but no editor could not publish, delete or merge on the web."""
    cli.ok("user", "add", "ed", "--role", "editor", "--password-stdin", input=OLD + "\n")
    cli.ok("user", "add", "carl", "--role", "checker", "--password-stdin", input=OLD + "\n")
    before = snapshot(cli.url)
    assert "ed is the only editor" in cli.fails("user", "edit", "ed", "--role", "checker").stderr
    assert "ed is the only editor" in cli.fails("user", "rm", "ed").stderr
    blank = cli.fails("user", "edit", "carl", "--password-stdin", input=" " * 12 + "\n")
    assert "use at least 10" in blank.stderr
    assert snapshot(cli.url) == before
    cli.ok("user", "rm", "carl")
    cli.ok("user", "rm", "ed")  # the last user may go: the local user is the editor again
