"""Usage mistakes a new user makes, answered with the command line that works: a global option
after the command, a claim text starting with "-", arguments in the wrong order. Each test
runs the suggested line too."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from claimtrack.cli import app
from tests.helpers import Cli


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def suggested(result: Any) -> list[str]:
    """The command line an error suggests ("… as in: claimtrack …"), without the program."""
    assert result.exit_code == 2, result.output
    line = result.stderr.strip().splitlines()[-1].split("as in: ", 1)[1]
    words = shlex.split(line.split(" (so do ")[0])
    assert words[0] == "claimtrack"
    return words[1:]


def test_a_global_option_after_the_command_is_said_to_go_before_it(tmp_path: Path) -> None:
    database = str(tmp_path / "fresh.db")
    run("--db", database, "init")
    result = run("claim", "list", "--db", database, "--limit", "3")
    assert (f"Error: --db goes before the command, as in: claimtrack --db {database} claim "
            "list --limit 3 (so do the other global options: see `claimtrack --help`).") in (
        result.stderr)
    assert "No such option" not in result.stderr
    assert run(*suggested(result)).exit_code == 0
    user = run("--db", database, "claim", "add", "x", "--user=ann")
    assert suggested(user) == ["--db", database, "--user=ann", "claim", "add", "x"]


def test_a_text_starting_with_a_dash_is_said_to_go_after_double_dash(cli: Cli) -> None:
    result = cli("claim", "add", "--speaker", "X", "-5% is fake")
    assert "Error: No such option: -5. An argument that starts with '-' goes after --, as in: " \
        f"claimtrack --db {shlex.quote(cli.url)} claim add --speaker X -- '-5% is fake'" in (
            result.stderr)
    claim = run(*suggested(result)).stdout.strip()
    assert cli.ok("claim", "show", claim, "-f", "json").stdout.count('"-5% is fake"') == 1


def test_a_misspelt_option_gets_no_advice_about_double_dash(cli: Cli) -> None:
    error = cli("claim", "add", "--languag", "en", "A claim").stderr
    assert "(Possible options: --language)" in error and " -- " not in error
    assert " -- " not in cli("claim", "-x", "list").stderr  # a noun takes no text


def test_swapped_arguments_are_put_in_order(cli: Cli) -> None:
    claim, other = cli.add("A claim"), cli.add("An answer")
    result = cli("claim", "status", claim, other, "in-review")
    assert (f"'{claim}' is not one of draft, in-review, published: the arguments go in the "
            f"order STATUS ID..., as in: claimtrack --db {shlex.quote(cli.url)} claim status "
            f"in-review {claim} {other}") in result.stderr
    assert "Moved 2 claims to in-review" in run(*suggested(result)).stderr
    link = cli("link", "add", other, claim, "denies")
    assert suggested(link)[2:] == ["link", "add", other, "denies", claim]
    assert run(*suggested(link)).exit_code == 0
    # No other argument is a choice: the usual message and its nearest choice.
    assert "Did you mean 'published'?" in cli("claim", "status", "publishd", claim).stderr


def test_the_advice_fits_the_mistake(cli: Cli, tmp_path: Path) -> None:
    """An unknown option that is no text gets no advice about --; a choice given first is put
    in its place; a global option without its value, or given twice, is rebuilt as a parser
    reads it."""
    assert " -- " not in cli("claim", "add", "A text", "--xyz").stderr
    claim, other = cli.add("A claim"), cli.add("An answer")
    first = cli("link", "add", "denies", other, claim)
    assert suggested(first)[2:] == ["link", "add", other, "denies", claim]
    database = str(tmp_path / "fresh.db")
    run("--db", database, "init")
    assert "as in: claimtrack --db VALUE claim list" in run("claim", "list", "--db").stderr
    twice = run("claim", "list", "--db", "typo.db", "--db", database)
    assert suggested(twice) == ["--db", database, "claim", "list"]
