"""An id merged away (`claim merge KEEP DROP`) leads reads to KEEP, but a command that removes
or changes the claim itself refuses it: `claim rm DROP --cascade` once deleted KEEP."""

from __future__ import annotations

import pytest

from tests.helpers import ORIGINAL, REWORDED, Cli, shown, snapshot


@pytest.mark.parametrize(("command", "verb"), [
    ("claim rm {} --cascade", "remove"),
    ("claim rm {}", "remove"),
    ("claim edit {} --summary new", "edit"),
    ("claim status in-review {}", "move"),
])
def test_commands_that_change_a_claim_refuse_an_id_merged_away(
    cli: Cli, command: str, verb: str
) -> None:
    keep, drop = cli.add(ORIGINAL), cli.add(REWORDED)
    cli.ok("link", "add", cli.add("A denial"), "denies", keep)
    cli.ok("claim", "merge", keep, drop)
    before = snapshot(cli.url)
    error = cli.fails(*command.format(drop).split()).stderr
    assert f"Error: Claim {drop} was merged into {keep}; {verb} {keep} itself" in error
    assert snapshot(cli.url) == before


def test_reads_and_additions_still_follow_the_merge(cli: Cli) -> None:
    keep, drop = cli.add(ORIGINAL), cli.add(REWORDED)
    cli.ok("claim", "merge", keep, drop)
    assert shown(cli, drop)["id"] == keep
    cli.ok("verdict", "add", drop, "--rating", "False", "--by", "Checker")
    assert len(shown(cli, keep)["verdicts"]) == 1
