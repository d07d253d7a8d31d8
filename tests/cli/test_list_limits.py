"""`--limit N` on every list (README: "every list `--limit N`"): at most N rows, a note on
stderr saying more are left out, and 0 for all."""

from __future__ import annotations

import json

import pytest

from tests.helpers import Cli


@pytest.fixture
def three_of_each(cli: Cli) -> str:
    """Three claims by three speakers, each on its own page, with verdicts and links."""
    ids = [cli.add(f"Claim number {n} about taxes", "--speaker", f"Speaker {n}", "--source",
                   f"https://news.example.com/{n}") for n in range(3)]
    cli.ok("appearance", "add", ids[0], "https://news.example.com/1")
    cli.ok("appearance", "add", ids[0], "https://news.example.com/2")
    for n, claim in enumerate(ids):
        cli.ok("verdict", "add", claim, "--rating", "False", "--by", f"Desk {n}")
    cli.ok("link", "add", ids[1], "denies", ids[0])
    cli.ok("link", "add", ids[2], "denies", ids[0])
    cli.ok("link", "add", ids[2], "supports", ids[1])
    return ids[0]


@pytest.mark.parametrize("command, noun", [
    (("verdict", "list"), "verdicts"),
    (("actor", "list"), "actors"),
    (("source", "list"), "sources"),
    (("link", "list"), "links"),
    (("appearance", "list", "CLAIM"), "appearances"),
])
def test_every_list_takes_limit(
    cli: Cli, three_of_each: str, command: tuple[str, ...], noun: str
) -> None:
    args = [three_of_each if word == "CLAIM" else word for word in command]
    everything = json.loads(cli.ok(*args, "-f", "json").stdout)
    assert len(everything) >= 3
    assert json.loads(cli.ok(*args, "--limit", "0", "-f", "json").stdout) == everything
    cut = cli.ok(*args, "--limit", "2", "-f", "json")
    assert json.loads(cut.stdout) == everything[:2]
    assert cut.stderr.strip() == f"Showing the first 2 {noun}; pass --limit 0 for all."
    assert cli.ok(*args, "--limit", str(len(everything)), "-f", "json").stderr == ""
    cli.fails(*args, "--limit", "-1", code=2)
