"""claim restore ID --at TIME: bring back an edited or deleted claim from its history."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

import pytest

from tests.helpers import Cli, snapshot


def shown(cli: Cli, claim: str) -> dict[str, Any]:
    return dict(json.loads(cli.ok("claim", "show", claim, "-f", "json").stdout))


def moment_after_last_change(cli: Cli) -> str:
    """A time strictly after the latest recorded change (history times have microseconds)."""
    latest = json.loads(cli.ok("history", "--limit", "1", "-f", "json").stdout)[0]["at"]
    time.sleep(0.01)
    return str(latest)


def test_restore_an_edited_claim_with_its_tags_and_appearances(cli: Cli) -> None:
    claim = cli.add("The original words", "--speaker", "Alice", "--tag", "keep", "--tag", "gone",
                    "--source", "https://example.com/a", "--quote", "as quoted", "--date",
                    "2022-01-14", "--summary", "orig")
    good = moment_after_last_change(cli)
    original = shown(cli, claim)
    cli.ok("claim", "edit", claim, "--text", "vandalised", "--speaker", "Mallory", "--untag",
           "gone", "--tag", "new", "--date", "", "--summary", "")
    cli.ok("appearance", "add", claim, "https://example.com/a", "--quote", "misquoted",
           "--replace-quote")
    cli.ok("appearance", "add", claim, "https://example.com/b")
    result = cli.ok("--user", "fixer", "claim", "restore", claim[:8], "--at", good)
    assert result.stdout.strip() == claim
    restored = shown(cli, claim)
    for field in ("text", "speaker", "date", "summary", "tags", "sources", "language",
                  "status", "created_at"):
        assert restored[field] == original[field], field
    entry = json.loads(cli.ok("history", claim, "--limit", "1", "-f", "json").stdout)[0]
    assert (entry["user"], entry["command"], entry["action"]) == ("fixer", "claim restore",
                                                                 "update")
    assert entry["after"]["text"] == "The original words"


def test_restore_a_deleted_claim_with_the_links_and_verdicts_deleted_with_it(cli: Cli) -> None:
    claim = cli.add("Claim", "--tag", "t", "--source", "https://example.com/a")
    denial = cli.add("Denial")
    support = cli.add("Support")
    cli.ok("link", "add", denial, "denies", claim, "--note", "why")
    cli.ok("link", "add", claim, "supports", support)
    verdict = cli.ok("verdict", "add", claim, "--rating", "Pants on Fire", "--by", "Checker",
                     "--normalized", "false").stdout.strip()
    cli.ok("claim", "status", "in-review", claim)
    before_delete = moment_after_last_change(cli)
    full = snapshot(cli.url)
    cli.ok("claim", "rm", claim, "--cascade")
    cli.ok("claim", "rm", support)  # the other end of one link is gone too
    gone = cli.fails("claim", "show", claim).stderr
    assert f"Error: Claim {claim} was deleted on " in gone and f"claim restore {claim}" in gone
    result = cli.ok("claim", "restore", claim, "--at", before_delete)
    assert "was not re-created" in result.stderr and support in result.stderr
    assert "with 1 link and 1 verdict" in result.stderr
    restored = shown(cli, claim)
    assert (restored["text"], restored["tags"], restored["status"]) == ("Claim", ["t"],
                                                                       "in-review")
    assert restored["sources"][0]["url"] == "https://example.com/a"
    assert [(link["from_claim"], link["relation"], link["note"]) for link in restored["links"]] == [
        (denial, "denies", "why")]
    assert [(v["id"], v["rating"]) for v in restored["verdicts"]] == [(verdict, "Pants on Fire")]
    assert restored["challenges"] == 1  # the contested counter is back too
    again = snapshot(cli.url)
    assert {r[1] for r in again["verdicts"]} == {r[1] for r in full["verdicts"]} == {verdict}
    cli.ok("db", "check")


def test_restore_refuses_times_outside_the_claims_life(cli: Cli) -> None:
    claim = cli.add("Short-lived")
    cli.ok("claim", "rm", claim)
    before = snapshot(cli.url)
    assert "did not exist" in cli.fails("claim", "restore", claim, "--at", "2000-01-01").stderr
    assert "had been deleted" in cli.fails("claim", "restore", claim, "--at",
                                           "2999-01-01T00:00:00Z").stderr
    assert "ISO 8601" in cli.fails("claim", "restore", claim, "--at", "last week").stderr
    assert "No history" in cli.fails("claim", "restore", "c-zzzzzzzzzzzz", "--at",
                                     "2020-01-01").stderr
    assert snapshot(cli.url) == before


@pytest.mark.parametrize("zone", ["Etc/GMT-14", "Etc/GMT+12"])  # 26 hours apart: one differs
def test_today_is_the_start_of_the_utc_day_wherever_the_machine_is(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrack.services.claim_restore import _day_named

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        utc_today = dt.datetime.now(dt.UTC).date()
        assert _day_named("Today") == utc_today.isoformat()
        assert _day_named(" yesterday ") == (utc_today - dt.timedelta(days=1)).isoformat()
    finally:
        monkeypatch.undo()
        time.tzset()
