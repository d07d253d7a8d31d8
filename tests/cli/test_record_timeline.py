"""actor record and timeline, in every output format, through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from tests.helpers import Cli


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _speaker_with_a_record(cli: Cli) -> dict[str, str]:
    """Alice: four claims, three contested (by Bob twice, Carol, someone unnamed), 3 verdicts."""
    cli.ok("actor", "add", "Alice Example", "--alias", "Alice", "--kind", "person")
    ids = {
        "a1": cli.add("First claim", "--speaker", "alice", "--date", "2022-01-04"),
        "a2": cli.add("Second claim", "--speaker", "Alice", "--date", "2022-01-03"),
        "a3": cli.add("Third claim", "--speaker", "Alice", "--date", "2022-01-02"),
        "a4": cli.add("Fourth claim", "--speaker", "Alice"),
    }
    ids["bob1"] = cli.add("No", "--speaker", "Bob")
    ids["bob2"] = cli.add("Also no", "--speaker", "Bob")
    ids["carol"] = cli.add("Wrong", "--speaker", "Carol")
    ids["anon"] = cli.add("Neither yes nor no")
    cli.ok("link", "add", ids["bob1"], "denies", ids["a1"])
    cli.ok("link", "add", ids["carol"], "contradicts", ids["a1"])
    cli.ok("link", "add", ids["bob2"], "denies", ids["a2"])
    cli.ok("link", "add", ids["anon"], "evades", ids["a4"])
    cli.ok("link", "add", ids["carol"], "supports", ids["a3"])  # support is no challenge
    for claim, rating, normalized in (("a1", "False", "false"), ("a1", "Half true", "mixed"),
                                      ("a3", "Correct", "true")):
        cli.ok("verdict", "add", ids[claim], "--rating", rating, "--by", "Checker",
               "--normalized", normalized)
    return ids


def test_record_in_json(cli: Cli) -> None:
    ids = _speaker_with_a_record(cli)
    record = json.loads(cli.ok("actor", "record", "ALICE", "--format", "json").stdout)
    assert record["actor"]["name"] == "Alice Example" and record["actor"]["claims"] == 4
    assert record["contested"] == 3
    assert record["challenged_by"] == [
        {"speaker": "Bob", "relation": "denies", "claims": 2},
        {"speaker": "Carol", "relation": "contradicts", "claims": 1},
        {"speaker": None, "relation": "evades", "claims": 1},
    ]
    assert record["verdicts"] == {"true": 1, "mostly-true": 0, "mixed": 1, "mostly-false": 0,
                                  "false": 1, "unverifiable": 0}
    claims = record["claims"]
    assert [c["claim"]["id"] for c in claims] == [ids["a1"], ids["a2"], ids["a3"], ids["a4"]]
    assert [c["is_contested"] for c in claims] == [True, True, False, True]
    assert [(c["speaker"], c["relation"]) for c in claims[0]["challenged_by"]] == [
        ("Bob", "denies"), ("Carol", "contradicts")]
    assert [v["normalized"] for v in claims[0]["verdicts"]] == ["false", "mixed"]


def test_record_counts_confirmed_links_and_shows_verdict_status(cli: Cli) -> None:
    ids = _speaker_with_a_record(cli)
    dave = cli.add("Not so", "--speaker", "Dave")
    rejected = cli.ok("link", "add", dave, "contradicts", ids["a3"]).stdout.strip()
    cli.ok("link", "reject", rejected)
    verdict = json.loads(cli.ok("verdict", "list", ids["a3"], "-f", "json").stdout)[0]["id"]
    cli.ok("verdict", "status", "in-review", verdict)
    record = json.loads(cli.ok("actor", "record", "Alice", "--format", "json").stdout)
    third = next(c for c in record["claims"] if c["claim"]["id"] == ids["a3"])
    assert third["challenged_by"] == [] and not third["is_contested"]
    assert "Dave" not in [c["speaker"] for c in record["challenged_by"]]
    assert [v["status"] for v in third["verdicts"]] == ["in-review"]


def test_record_as_table_markdown_and_csv(cli: Cli) -> None:
    ids = _speaker_with_a_record(cli)
    table = cli.ok("actor", "record", "Alice").stdout
    assert table.startswith(
        "Track record of Alice Example (person): 4 claims made, 3 contested, 3 verdicts.")
    for section in ("Claims:", "Challenged by:", "Verdicts:"):
        assert f"\n{section}\n" in table
    markdown = cli.ok("actor", "record", "Alice", "-f", "markdown").stdout
    assert markdown.startswith("# Track record: Alice Example\n")
    assert re.search(r"^\| Bob +\| denies +\| 2 +\|$", markdown, re.MULTILINE)
    assert re.search(r"^\| unattributed +\| evades +\| 1 +\|$", markdown, re.MULTILINE)
    rows = _csv(cli.ok("actor", "record", "Alice", "-f", "csv").stdout)
    assert [row["id"] for row in rows] == [ids["a1"], ids["a2"], ids["a3"], ids["a4"]]
    assert rows[0]["challenged_by"] == (
        f"Bob (denies, {ids['bob1']}), Carol (contradicts, {ids['carol']})")
    assert [row["contested"] for row in rows] == ["yes", "yes", "no", "yes"]
    assert rows[2]["verdicts"] == "Checker: Correct (true)"


def test_record_of_the_seed_and_of_a_silent_actor(seeded: Cli) -> None:
    record = json.loads(seeded.ok("actor", "record", "Moscow", "-f", "json").stdout)
    assert (record["actor"]["name"], record["actor"]["claims"], record["contested"]) == (
        "Government of Russia", 2, 1)
    assert record["challenged_by"] == [
        {"speaker": "Government of Ukraine", "relation": "denies", "claims": 1}]
    seeded.ok("actor", "add", "Nobody Yet")
    assert "0 claims made, 0 contested, 0 verdicts" in seeded.ok(
        "actor", "record", "Nobody Yet").stdout
    assert seeded.ok("actor", "record", "Nobody Yet", "-f", "csv").stdout.strip() == (
        "id,date,claim,contested,challenged_by,verdicts")


def test_record_errors_and_escaping(cli: Cli) -> None:
    assert "No actor is called" in cli.fails("actor", "record", "Nobody").stderr
    cli.add("x", "--speaker", "<b>Bold|Speaker</b>")
    markdown = cli.ok("actor", "record", "<b>Bold|Speaker</b>", "-f", "markdown").stdout
    assert markdown.startswith("# Track record: &lt;b&gt;Bold\\|Speaker&lt;/b&gt;\n")


def _claim_with_a_history(cli: Cli) -> dict[str, str]:
    """A claim said on the 10th, seen on the 11th, published on the 12th; denied on the 13th."""
    ids = {"claim": cli.add("The claim", "--speaker", "Ann", "--date", "2022-01-10",
                            "--source", "https://one.example/story")}
    cli.ok("source", "edit", "https://one.example/story", "--published", "2022-01-12",
           "--outlet", "One", "--title", "Story")
    cli.ok("appearance", "add", ids["claim"], "https://two.example/post", "--seen", "2022-01-11")
    ids["denial"] = cli.add("The denial", "--speaker", "Ben", "--date", "2022-01-13",
                            "--source", "https://three.example/reply")
    cli.ok("source", "edit", "https://three.example/reply", "--published", "2022-01-14")
    ids["support"] = cli.add("Backing the denial", "--speaker", "Cy")
    cli.ok("link", "add", ids["denial"], "denies", ids["claim"])
    cli.ok("link", "add", ids["support"], "supports", ids["denial"])
    return ids


def test_timeline_in_json(cli: Cli) -> None:
    ids = _claim_with_a_history(cli)
    timeline = json.loads(cli.ok("timeline", ids["claim"], "--format", "json").stdout)
    assert timeline["claim"]["id"] == ids["claim"]
    events: list[dict[str, Any]] = timeline["events"]
    assert [(e["date"], e["basis"], e["id"], e["where"], e["is_first"], e["days_after"])
            for e in events] == [
        ("2022-01-10", "said", ids["claim"], None, True, 0),
        ("2022-01-11", "seen", ids["claim"], "https://two.example/post", False, 1),
        ("2022-01-12", "published", ids["claim"], "https://one.example/story", False, 2),
        ("2022-01-13", "said", ids["denial"], None, True, 3),
        ("2022-01-14", "published", ids["denial"], "https://three.example/reply", False, 4),
        (None, "undated", ids["support"], None, True, None),
    ]
    assert [e["role"] for e in events][-3:] == ["denies", "denies", f"supports {ids['denial']}"]
    assert events[2]["outlet"] == "One"


def test_timeline_as_table_markdown_and_csv(cli: Cli) -> None:
    ids = _claim_with_a_history(cli)
    table = cli.ok("timeline", ids["claim"][:8]).stdout
    assert table.startswith(f"Timeline of Ann: The claim ({ids['claim']})")
    assert "One: https://one.example/story" in table
    markdown = cli.ok("timeline", ids["claim"], "-f", "markdown").stdout
    assert markdown.startswith(f"# Timeline: Ann: The claim ({ids['claim']})")
    rows = _csv(cli.ok("timeline", ids["claim"], "-f", "csv").stdout)
    assert [(r["date"], r["event"], r["first"]) for r in rows] == [
        ("2022-01-10", "said", "yes"), ("2022-01-11", "seen", "no"),
        ("2022-01-12", "published", "no"), ("2022-01-13", "said", "yes"),
        ("2022-01-14", "published", "no"), ("", "undated", "yes")]


def test_timeline_of_the_seed(seeded: Cli) -> None:
    events = json.loads(seeded.ok("timeline", "c-seed00000001", "-f", "json").stdout)["events"]
    assert [(e["date"], e["basis"], e["speaker"], e["days_after"]) for e in events] == [
        ("2022-01-14", "said", "White House", 0),
        ("2022-01-17", "published", "White House", 3),
        ("2022-01-17", "said", "Sergey Lavrov", 3),
        ("2022-01-17", "published", "Sergey Lavrov", 3),
    ]
    assert events[1]["where"] == "urn:claimtrack:seed:000_9268d6ca20cf8fd5"
    assert "not found" in seeded.fails("timeline", "c-zzzzzzzzzzzz").stderr
