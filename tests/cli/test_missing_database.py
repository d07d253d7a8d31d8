"""A mistyped --db: commands that only read refuse a SQLite file that does not exist (they used
to create an empty database and say "No claims match"); commands that write still create it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Cli


@pytest.mark.parametrize("command", [
    ["claim", "list"], ["claim", "show", "c-1"], ["show", "c-1"], ["report", "contested"],
    ["export"], ["search", "words"], ["actor", "list"], ["link", "list"], ["db", "current"],
    ["backup", "{folder}/copy.db"],
])
def test_a_read_only_command_refuses_a_database_file_that_does_not_exist(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "README.md"
    error = Cli(str(missing)).fails(*(a.format(folder=tmp_path) for a in command)).stderr
    assert error == (
        f"Error: No database at {missing} (nothing was created). Check the path in --db or "
        f"CLAIMTRACK_DATABASE_URL, or create one with: claimtrack --db {missing} init\n")
    assert list(tmp_path.iterdir()) == []


def test_a_command_that_writes_still_creates_a_new_database(tmp_path: Path) -> None:
    cli = Cli(str(tmp_path / "fresh.db"))
    claim = cli.add("A claim")
    assert claim in cli.ok("claim", "list").stdout


def test_the_default_database_is_made_on_first_use_even_by_a_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Neither --db nor CLAIMTRACK_DATABASE_URL: a newcomer's first `claimtrack ratings` lists
    the built-in table, and `claim list` says there is nothing yet, as before."""
    from typer.testing import CliRunner

    from claimtrack.cli import app

    monkeypatch.delenv("CLAIMTRACK_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    ratings = CliRunner().invoke(app, ["ratings", "-f", "csv"])
    assert ratings.exit_code == 0 and "pants on fire" in ratings.stdout.lower()
    listed = CliRunner().invoke(app, ["claim", "list"])
    assert listed.exit_code == 0 and "No claims match" in listed.stderr
    assert (tmp_path / "data" / "claimtrack" / "claimtrack.db").exists()
    named = CliRunner().invoke(app, ["claim", "list"],
                               env={"CLAIMTRACK_DATABASE_URL": str(tmp_path / "typo.db")})
    assert named.exit_code == 1 and "No database at" in named.stderr
