"""What a newcomer reads when something is off: closed choices suggest the nearest value, an
option missing its value is named, database errors say which database, counts read right."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.core.enums import ActorKind
from claimtrack.services import actors
from claimtrack.services.notices import notices
from tests.helpers import Cli, snapshot


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def test_a_mistyped_relation_format_or_status_suggests_the_nearest(cli: Cli) -> None:
    claim, other = cli.add("A claim"), cli.add("An answer")
    for args, suggestion in [
        (("link", "add", other, "deny", claim), "Did you mean 'denies'?"),
        (("claim", "list", "--format", "jsn"), "Did you mean 'json'?"),
        (("import", "x.json", "--format", "claimrevew"), "Did you mean 'claimreview'?"),
        (("claim", "list", "--status", "publshed"), "Did you mean 'published'?"),
        (("link", "rm", other, "contradict", claim), "Did you mean 'contradicts'?"),
        (("history", "--entity", "clam"), "Did you mean 'claim'?"),
    ]:
        result = cli(*args)
        assert result.exit_code in (1, 2), result.output
        assert suggestion in result.stderr, (args, result.stderr)
        assert "Value error" not in result.stderr and "Traceback" not in result.output


def test_numbers_out_of_range_are_said_plainly(cli: Cli) -> None:
    result = cli.fails("claim", "list", "--limit", "x", code=2)
    assert "'x' is not a whole number." in result.stderr
    result = cli.fails("match", "some words", "--threshold", "2", code=2)
    assert "2 is out of range: give a number from 0.0 to 1.0." in result.stderr
    assert "Input should" not in result.stderr and "Value error" not in result.stderr


def test_an_option_that_swallows_the_next_option_is_refused(cli: Cli) -> None:
    before = snapshot(cli.url)
    result = cli.fails("claim", "add", "A claim", "--speaker", "--date", "2022-01-01", code=2)
    assert "Error: --speaker needs a value, as in: --speaker NAME" in result.stderr
    assert "extra argument" not in result.stderr
    assert "--speaker needs a value" in cli.fails("claim", "list", "--speaker", code=2).stderr
    assert snapshot(cli.url) == before
    # A value that looks like an option is still possible, attached with '='.
    cli.ok("claim", "add", "A claim", "--speaker=--date")


def test_a_global_option_missing_its_value_is_named() -> None:
    result = run("--db", "--user", "x", "claim", "list")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "--db needs a value" in result.stderr  # type: ignore[attr-defined]


def test_a_sqlite_path_in_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder"
    result = run("--db", str(missing / "claims.db"), "claim", "add", "A claim")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    error = result.stderr  # type: ignore[attr-defined]
    assert f"The folder {missing} does not exist" in error and "mkdir" in error
    assert "server" not in error


def test_a_file_that_is_not_a_database_is_named_without_talk_of_servers(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database, but long enough to have a header " * 10)
    result = run("--db", str(notes), "claim", "list")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert f"{notes} is not a SQLite database" in result.stderr  # type: ignore[attr-defined]
    assert "server" not in result.stderr  # type: ignore[attr-defined]


def test_show_prints_the_quote_given_with_quote(cli: Cli) -> None:
    claim = cli.add("Russia deployed operatives", "--source", "https://example.com/a",
                    "--quote", "a false-flag operation")
    answer = cli.add("Total disinformation", "--source", "https://example.com/a",
                     "--quote", "total disinformation")
    cli.ok("link", "add", answer, "denies", claim)
    shown = cli.ok("show", claim).stdout
    assert "quote: “a false-flag operation”" in shown
    assert "quote (same source): “total disinformation”" in shown


def test_counts_read_right(cli: Cli) -> None:
    claim, other = cli.add("A claim"), cli.add("An answer")
    cli.ok("link", "add", other, "denies", claim)
    result = cli.fails("claim", "rm", claim)
    assert "has 1 link and 0 verdicts" in result.stderr and "(s)" not in result.stderr
    result = cli.ok("claim", "rm", claim, "--cascade")
    assert "Also removed 1 link and 0 verdicts." in result.stderr


def test_the_kind_hint_only_when_the_kind_is_unknown(session: Session) -> None:
    actors.ensure_actor(session, "Known Ministry", kind=ActorKind.GOVERNMENT)
    actors.ensure_actor(session, "Someone")
    said = notices(session)
    assert "Created actor 'Known Ministry' (kind government)." in said
    assert any(n.startswith("Created actor 'Someone' (kind unknown; set it with") for n in said)
