"""What a new user's trial ran into: commands that did nothing or the wrong thing in silence,
messages that misled, and outputs whose shape changed between commands."""

from __future__ import annotations

import json

import pytest

from claimtrack.core.enums import HistoryEntity
from claimtrack.store.history.snapshots import ENTITIES
from tests.helpers import Cli, snapshot


def test_claim_edit_without_a_change_is_an_error(cli: Cli) -> None:
    claim = cli.add("A claim")
    before = snapshot(cli.url)
    assert "Error: Nothing to change; give --text, --speaker" in cli.fails(
        "claim", "edit", claim).stderr
    assert snapshot(cli.url) == before


def test_an_empty_db_option_is_refused_not_replaced_by_the_default(cli: Cli) -> None:
    result = cli("--db", "", "claim", "list")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: The database given with --db is empty")


@pytest.mark.parametrize("command", [
    ["claim", "list"], ["report", "contested"], ["search", "disinformation"], ["graph"],
])
def test_a_speaker_filter_naming_nobody_is_an_error_with_the_nearest_name(
    seeded: Cli, command: list[str]
) -> None:
    error = seeded.fails(*command, "--speaker", "Sergey Lavrof").stderr
    assert "Error: No actor is called 'Sergey Lavrof'. Did you mean 'Sergey Lavrov'?" in error
    assert "No actor is called 'nobody'. List actors" in seeded.fails(
        *command, "--speaker", "nobody").stderr
    seeded.ok(*command, "--speaker", "sergei lavrov")  # an alias, any case


def test_an_unknown_rating_label_is_said_to_be_unknown(cli: Cli) -> None:
    claim = cli.add("A claim")
    unknown = cli.ok("verdict", "add", claim, "--rating", "Flase", "--by", "X").stderr
    assert "'Flase' is not a known rating label; read as unverifiable" in unknown
    assert "claimtrack ratings add" in unknown
    known = cli.ok("verdict", "add", claim, "--rating", "False", "--by", "X").stderr
    assert "Read 'False' as false" in known and "not a known" not in known


def test_every_show_prints_one_json_object(seeded: Cli) -> None:
    for command in (["actor", "show", "Lavrov"], ["db", "current"],
                    ["claim", "show", "c-seed00000001"],
                    ["source", "show", "urn:claimtrack:seed:000_9268d6ca20cf8fd5"]):
        assert isinstance(json.loads(seeded.ok(*command, "-f", "json").stdout), dict), command


@pytest.mark.parametrize(("command", "header"), [
    (["claim", "list"], "id,date,speaker,text,summary,tags,challenges,status"),
    (["actor", "list"], "name,kind,aliases,claims"),
    (["source", "list"], "url,title,outlet,published,claims"),
    (["history"], "id,at,user,command,action,entity,key,changes"),
])
def test_an_empty_listing_still_prints_its_header(
    cli: Cli, command: list[str], header: str
) -> None:
    assert cli.ok(*command, "-f", "csv").stdout.strip() == header
    assert cli.ok(*command, "-f", "markdown").stdout.startswith("| " + header.split(",")[0])


def test_link_rm_takes_several_numbers_and_each_once(cli: Cli) -> None:
    claim = cli.add("A claim")
    first = cli.ok("link", "add", cli.add("One"), "denies", claim).stdout.strip()
    second = cli.ok("link", "add", cli.add("Two"), "denies", claim).stdout.strip()
    removed = cli.ok("link", "rm", first, first, second).stderr
    assert f"Removed links {first}, {second}." in removed
    assert json.loads(cli.ok("link", "list", "-f", "json").stdout) == []


@pytest.mark.parametrize(("args", "expected"), [
    (("claim", "list", "--tag", ""), "The tag is empty. Give a word such as ukraine."),
    (("--user", "", "claim", "add", "x"), "The user name (--user) is empty. Give a name."),
    (("ratings", "add", "", "false"), "The label is empty. Give the label as the publisher"),
    (("actor", "add", ""), "The actor name is empty. Give a name."),
    (("claim", "add", ""), "The claim text is empty. Give the words as published, in quotes."),
])
def test_an_empty_value_gets_advice_that_fits_it(cli: Cli, args: tuple[str, ...],
                                                 expected: str) -> None:
    assert expected in cli.fails(*args).stderr


def test_counts_of_one_read_right(cli: Cli) -> None:
    cli.add("One claim")
    cli.add("Another claim")
    assert "Showing the latest 1 change;" in cli.ok("history", "--limit", "1").stderr
    assert "Showing the first 1 claim;" in cli.ok("claim", "list", "--limit", "1").stderr
    cli.add("Said by someone", "--speaker", "Someone")
    assert "speaker or reviewer of 1 record;" in cli.fails("actor", "rm", "Someone").stderr


def test_history_of_something_unknown_is_an_error(cli: Cli) -> None:
    assert "No history is recorded for link 99999" in cli.fails("history", "99999").stderr
    assert "not one of the choices" in cli.fails("history", "--entity", "foo", code=2).stderr
    assert set(HistoryEntity) == set(ENTITIES)
