"""Wording from a new user's trial: a deleted verdict is explained as a deleted claim is,
`--at` reads today and yesterday as every --date does, a page or appearance recorded already
is said to be so (once), and a server's message reads as sentences."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.models import HistoryEntry
from claimtrack.store.db import make_engine
from tests.helpers import Cli


def test_a_deleted_verdict_says_when_and_by_whom_and_what_to_do(cli: Cli) -> None:
    claim = cli.add("A claim")
    verdict = cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Desk").stdout.strip()
    cli.ok("--user", "ann", "verdict", "rm", verdict)
    error = cli.fails("verdict", "rm", verdict).stderr
    assert f"Error: Verdict {verdict} was deleted on " in error and " UTC by ann. " in error
    assert f"`claimtrack history {verdict}` shows it as it was" in error
    other = cli.add("Another claim")
    cascaded = cli.ok("verdict", "add", other, "--rating", "True", "--by", "Desk").stdout.strip()
    cli.ok("claim", "rm", other, "--cascade")
    error = cli.fails("verdict", "rm", cascaded[:6]).stderr
    assert f"with its claim {other}. `claimtrack claim restore {other} --at TIME`" in error
    assert "not found" in cli.fails("verdict", "rm", "v-zzzzzzzzzzzz").stderr


def test_restore_at_reads_today_and_yesterday(cli: Cli) -> None:
    claim = cli.add("Taxes rose")
    cli.ok("claim", "edit", claim, "--text", "Taxes rose sharply")
    engine = make_engine(cli.url)
    with Session(engine) as session, session.begin():  # the claim was logged two days ago
        for entry in session.scalars(select(HistoryEntry)):
            entry.at -= dt.timedelta(days=2)
    engine.dispose()
    cli.ok("claim", "edit", claim, "--text", "Taxes fell")
    for day in ("yesterday", "Today"):
        restored = cli.ok("claim", "restore", claim, "--at", day)
        assert "Restored claim" in restored.stderr, day
        shown = cli.ok("claim", "show", claim, "-f", "json").stdout
        assert "Taxes rose sharply" in shown
        cli.ok("claim", "edit", claim, "--text", "Taxes fell")
    assert "is not an ISO 8601 time" in cli.fails("claim", "restore", claim, "--at",
                                                  "tomorrow").stderr


def test_a_page_recorded_already_is_named_once_when_spelt_alike(cli: Cli) -> None:
    cli.ok("source", "add", "https://example.com/a")
    assert cli.fails("source", "add", "https://example.com/a").stderr == (
        "Error: The page https://example.com/a is already recorded; change its details with "
        "`claimtrack source edit https://example.com/a`.\n")
    other = cli.fails("source", "add", "https://example.com/a/?utm_source=x").stderr
    assert "already recorded as https://example.com/a;" in other


def test_an_appearance_recorded_already_says_nothing_changed(cli: Cli) -> None:
    claim = cli.add("A claim")
    first = cli.ok("appearance", "add", claim, "https://example.com/a", "--quote", "said")
    assert first.stderr.endswith(f"Recorded claim {claim} at https://example.com/a.\n")
    again = cli.ok("appearance", "add", claim, "https://example.com/a", "--quote", "said")
    assert again.stderr == (f"Claim {claim} was already recorded at https://example.com/a "
                            "with this quote; nothing changed.\n")
    seen = cli.ok("appearance", "add", claim, "https://example.com/a", "--seen", "2024-01-02")
    assert seen.stderr == f"Recorded claim {claim} at https://example.com/a.\n"


def test_a_server_message_of_two_lines_reads_as_two_sentences() -> None:
    error = Cli("postgresql://nobody@127.0.0.1:1/claims").fails("claim", "list").stderr
    assert "Connection refused. Is the server running" in error
