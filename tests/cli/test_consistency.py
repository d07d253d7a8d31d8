"""The same thing said the same way everywhere: --limit, tags, columns, -o, challenges, help."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from tests.helpers import Cli, contested_ids, shown, snapshot
from tests.helpers.site import Site

HUGE = ["99999999999999999999999", str(2**63 - 1)]
LISTS = [("claim", "list"), ("claim", "list", "--status", "draft"), ("report", "contested"),
         ("history",), ("review",), ("search", "crime"), ("match", "crime fell")]


@pytest.mark.parametrize("command", LISTS, ids=" ".join)
def test_limit_0_and_a_huge_limit_both_mean_all(cli: Cli, command: tuple[str, ...]) -> None:
    claim = cli.add("Crime fell by 20% last year")
    cli.ok("link", "add", cli.add("Crime did not fall"), "denies", claim)
    everything = cli.ok(*command, "--limit", "0", "-f", "json").stdout
    for limit in HUGE:
        assert cli.ok(*command, "--limit", limit, "-f", "json").stdout == everything
    assert "--limit 0 for all" not in cli.ok(*command, "--limit", HUGE[0]).stderr
    assert "give a number at least 0" in cli.fails(*command, "--limit", "-1", code=2).stderr


def test_search_and_match_limit_0_lists_every_claim_found(cli: Cli) -> None:
    for n in range(7):
        cli.add(f"Crime fell in district {n}")
    assert len(json.loads(cli.ok("search", "crime", "--limit", "0", "-f", "json").stdout)) == 7
    assert len(json.loads(cli.ok("match", "crime fell", "--limit", "0", "-f", "json").stdout)) == 7
    assert len(json.loads(cli.ok("match", "crime fell", "-f", "json").stdout)) == 5


def test_one_claim_both_contradicting_and_denying_is_one_challenge(cli: Cli) -> None:
    claim = cli.add("Crime fell by 20% last year")
    answer, other = cli.add("Crime did not fall"), cli.add("Crime rose")
    cli.ok("link", "add", answer, "contradicts", claim)
    cli.ok("link", "add", answer, "denies", claim)
    assert "[contested: 1 challenge]" in cli.ok("show", claim).stdout
    assert shown(cli, claim)["challenges"] == 1
    cli.ok("link", "add", other, "evades", claim)
    assert shown(cli, claim)["challenges"] == 2
    assert contested_ids(cli) == [claim]
    assert "ok" in cli.ok("db", "check").stdout.lower()
    cli.ok("link", "rm", answer, "denies", claim)
    assert shown(cli, claim)["challenges"] == 2  # answer still contradicts it


def test_source_add_fetch_of_a_known_page_names_source_archive(cli: Cli, site: Site) -> None:
    url = site.url("/article")
    cli.ok("source", "add", url)
    before = snapshot(cli.url)
    result = cli.fails("source", "add", url, "--fetch")
    assert f"keep a new copy of it with `claimtrack source archive {url}`" in result.stderr
    assert snapshot(cli.url) == before
    assert "source archive" not in cli.fails("source", "add", url).stderr


def test_source_show_says_when_claimtrack_archived_the_page(cli: Cli, site: Site) -> None:
    url = site.url("/article")
    cli.ok("source", "add", url)
    assert json.loads(cli.ok("source", "show", url, "-f", "json").stdout)["source"][
        "archived_at"] is None
    cli.ok("source", "archive", url)
    details = json.loads(cli.ok("source", "show", url, "-f", "json").stdout)
    assert details["source"]["archived_at"] == details["archives"][0]["retrieved_at"]
    assert details["source"]["retrieved_at"] is None  # the person's own record, left alone


def listed(cli: Cli, fmt: str) -> list[dict[str, str]]:
    text = cli.ok("claim", "list", "-f", fmt).stdout
    return list(csv.DictReader(io.StringIO(text)))


def test_claim_list_columns_say_what_they_hold(cli: Cli) -> None:
    long_text = "A long claim text " * 8
    cli.add(long_text, "--summary", "Short headline", "--tag", "b", "--tag", "a,c")
    (row,) = listed(cli, "csv")
    assert (row["text"], row["summary"], row["tags"], row["status"]) == (
        long_text, "Short headline", "a,c;b", "draft")
    table = cli.ok("claim", "list").stdout
    assert table.split()[3:7] == ["headline", "tags", "challenges", "status"]
    assert "Short headline" in table and "a,c;b" in table and "draft" in table
    markdown = cli.ok("claim", "list", "-f", "markdown").stdout
    assert "| text " in markdown and "| summary " in markdown and "| status " in markdown


def test_claim_show_gives_the_review_status_in_every_format(cli: Cli) -> None:
    claim_id = cli.add("A claim under review")
    cli.ok("claim", "status", "in-review", claim_id)
    (row,) = csv.DictReader(io.StringIO(cli.ok("claim", "show", claim_id, "-f", "csv").stdout))
    assert row["status"] == "in-review"
    for fmt in ("table", "markdown"):
        assert re.search(r"status\W+in-review", cli.ok("claim", "show", claim_id, "-f", fmt).stdout)


def test_the_tag_separator_is_refused_inside_a_tag(cli: Cli) -> None:
    before = snapshot(cli.url)
    result = cli.fails("claim", "add", "x", "--tag", "a;b")
    assert "The tag 'a;b' holds ';', which separates tags" in result.stderr
    assert "--tag a --tag b" in result.stderr
    assert snapshot(cli.url) == before


@pytest.mark.parametrize("command", [("timeline", "{claim}"), ("actor", "record", "Mayor")],
                         ids=" ".join)
def test_timeline_and_track_record_write_a_file(
    cli: Cli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    claim = cli.add("Crime fell", "--speaker", "Mayor", "--date", "2022-01-17")
    args = [part.format(claim=claim) for part in command]
    printed = cli.ok(*args, "-f", "markdown").stdout
    target = tmp_path / "out.md"
    result = cli.ok(*args, "-f", "markdown", "-o", str(target))
    assert result.stdout == "" and f"to {target}." in result.stderr
    assert target.read_text(encoding="utf-8") == printed


def test_help_and_date_wording(cli: Cli) -> None:
    assert "Confirm a suggested link: from now on it counts." in cli.ok("link", "--help").stdout
    ratings = cli.ok("ratings", "add", "--help").stdout
    assert "LABEL RATING" in ratings.splitlines()[0]
    # Wrapped where the terminal ends (maybe after a hyphen), never in the usage line.
    assert "true, mostly-true, mixed, mostly-false, false, unverifiable" in re.sub(
        r"-\s+", "-", " ".join(ratings.split()))
    result = cli.fails("claim", "add", "x", "--date", "17/01/2022")
    assert result.stderr == ("Error: '17/01/2022' is not a date claimtrack can read (the "
                             "claim's date); write it as YYYY-MM-DD, e.g. 2022-01-17, or as "
                             "today or yesterday.\n")
