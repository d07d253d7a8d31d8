"""link and verdict commands through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Cli, claims, snapshot, write
from tests.helpers.claimreview import BYLINE_REVIEW


def test_link_add_list_rm(cli: Cli) -> None:
    claim, denial = cli.add("claim"), cli.add("denial")
    number = cli.ok(
        "link",
        "add",
        denial,
        "DENIES",
        claim,
        "--note",
        "Lavrov's answer",
        "--source",
        "https://example.com/a",
    ).stdout.strip()
    assert number.isdigit()
    listed = json.loads(cli.ok("link", "list", "-f", "json").stdout)
    assert [(li["from"], li["relation"], li["to"], li["note"], li["source"]) for li in listed] == [
        (denial, "denies", claim, "Lavrov's answer", "https://example.com/a")
    ]
    assert json.loads(cli.ok("link", "list", claim, "-f", "json").stdout)[0]["id"] == int(number)
    assert json.loads(cli.ok("link", "list", "--relation", "supports", "-f", "json").stdout) == []
    cli.ok("link", "rm", number)
    cli.ok("link", "add", denial, "evades", claim)
    cli.ok("link", "rm", denial, "evades", claim)
    assert json.loads(cli.ok("link", "list", "-f", "json").stdout) == []


def test_link_errors_write_nothing(cli: Cli) -> None:
    claim, denial = cli.add("claim"), cli.add("denial")
    cli.ok("link", "add", denial, "denies", claim)
    before = snapshot(cli.url)
    assert "itself" in cli.fails("link", "add", claim, "denies", claim).stderr
    assert "already recorded" in cli.fails("link", "add", denial, "denies", claim).stderr
    assert "not found" in cli.fails("link", "add", denial, "denies", "c-zzzzzzzzzzzz").stderr
    assert (
        "not a web address"
        in cli.fails("link", "add", claim, "supports", denial, "--source", "x").stderr
    )
    assert "not found" in cli.fails("link", "rm", "999").stderr
    assert "no link" in cli.fails("link", "rm", claim, "denies", denial).stderr
    assert "not a relation" in cli.fails("link", "rm", claim, "refutes", denial).stderr
    assert "FROM RELATION TO" in cli.fails("link", "rm", claim, "denies").stderr
    usage = cli.fails("link", "add", denial, "refutes", claim, code=2)
    assert "refutes" in usage.output
    assert snapshot(cli.url) == before


def test_verdicts(cli: Cli) -> None:
    claim = cli.add("checked claim")
    result = cli.ok(
        "verdict",
        "add",
        claim,
        "--rating",
        "Four Pinocchios",
        "--by",
        "The Fact Checker",
        "--url",
        "https://example.com/check",
        "--date",
        "2022-01-20",
        "--note",
        "Why",
    )
    verdict_id = result.stdout.strip()
    assert verdict_id.startswith("v-")
    assert "Read 'Four Pinocchios' as false" in result.stderr
    cli.ok(
        "verdict",
        "add",
        claim,
        "--rating",
        "Ni vrai ni faux",
        "--by",
        "AFP Factuel",
        "--normalized",
        "mixed",
    )
    listed = json.loads(cli.ok("verdict", "list", claim, "-f", "json").stdout)
    assert [(v["rating"], v["normalized"], v["by"]) for v in listed] == [
        ("Four Pinocchios", "false", "The Fact Checker"),
        ("Ni vrai ni faux", "mixed", "AFP Factuel"),
    ]
    shown = json.loads(cli.ok("show", claim, "-f", "json").stdout)
    assert shown["verdicts_disagree"] is True and shown["is_contested"] is True
    cli.ok("verdict", "rm", verdict_id)
    assert len(json.loads(cli.ok("verdict", "list", "-f", "json").stdout)) == 1
    assert "was deleted on" in cli.fails("verdict", "rm", verdict_id).stderr


def test_verdicts_are_listed_by_reviewer_rating_and_stage(cli: Cli) -> None:
    first, second = cli.add("The dam leaks"), cli.add("The bridge is safe")
    for claim, rating, by in ((first, "False", "PolitiFact"), (second, "True", "PolitiFact"),
                              (second, "Faux", "AFP Factuel")):
        cli.ok("verdict", "add", claim, "--rating", rating, "--by", by)

    def listed(*options: str) -> list[tuple[str, str, str]]:
        found = json.loads(cli.ok("verdict", "list", *options, "-f", "json").stdout)
        return sorted((v["claim"], v["normalized"], v["by"]) for v in found)

    assert listed("--by", "politifact") == sorted([(first, "false", "PolitiFact"),
                                                   (second, "true", "PolitiFact")])
    assert listed("--normalized", "false") == sorted([(first, "false", "PolitiFact"),
                                                      (second, "false", "AFP Factuel")])
    assert listed(second, "--by", "AFP Factuel", "--normalized", "FALSE") == [
        (second, "false", "AFP Factuel")]
    assert listed("--status", "published") == []
    none = cli.ok("verdict", "list", "--by", "PolitiFact", "--normalized", "mixed")
    assert none.stderr == ("No verdicts match --by, --normalized or --status; drop them to "
                           "see every verdict.\n")
    error = cli.fails("verdict", "list", "--by", "Snopes").stderr
    assert error.startswith("Error: No actor is called 'Snopes'.")
    limited = cli.ok("verdict", "list", "--by", "PolitiFact", "--limit", "1", "-f", "csv")
    assert len(limited.stdout.strip().splitlines()) == 2  # a header and one verdict
    assert "Showing the first 1 verdict; pass --limit 0 for all." in limited.stderr


def test_unknown_label_is_unverifiable_but_kept_verbatim(cli: Cli) -> None:
    claim = cli.add("claim")
    cli.ok("verdict", "add", claim, "--rating", "Сомнительно", "--by", "Provereno")
    (verdict,) = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    assert (verdict["rating"], verdict["normalized"]) == ("Сомнительно", "unverifiable")


def test_verdict_errors(cli: Cli) -> None:
    claim = cli.add("claim")
    before = snapshot(cli.url)
    assert "empty" in cli.fails("verdict", "add", claim, "--rating", " ", "--by", "X").stderr
    assert (
        "not found"
        in cli.fails("verdict", "add", "c-zzzzzzzzzzzz", "--rating", "True", "--by", "X").stderr
    )
    assert (
        "future"
        in cli.fails(
            "verdict", "add", claim, "--rating", "True", "--by", "X", "--date", "2999-01-01"
        ).stderr
    )
    assert snapshot(cli.url) == before  # the reviewer was not created either
    cli.fails("verdict", "add", claim, "--rating", "True", code=2)  # --by is required
    cli.fails(
        "verdict", "add", claim, "--rating", "True", "--by", "X", "--normalized", "meh", code=2
    )


def test_claim_show_names_the_author_of_each_verdict(cli: Cli, tmp_path: Path) -> None:
    """The person who wrote a fact-check for its desk (BOOM, THIP Media bylines) is shown with
    the verdict, in every format that lists verdicts (CSV is the claim's fields, one row)."""
    cli.ok("import", write(tmp_path / "review.json", json.dumps(BYLINE_REVIEW)))
    (claim,) = claims(cli).values()
    table = cli.ok("claim", "show", claim["id"]).stdout
    verdicts_part = table.split("Verdicts:", 1)[1]
    assert "author" in verdicts_part.splitlines()[2] and "Aditi Gangal" in verdicts_part
    markdown = cli.ok("claim", "show", claim["id"], "-f", "markdown").stdout
    head, _rule, row = markdown.split("## Verdicts", 1)[1].strip().splitlines()
    cells = dict(zip([c.strip() for c in head.split("|")], [c.strip() for c in row.split("|")],
                     strict=True))
    assert (cells["by"], cells["author"]) == ("THIP Media", "Aditi Gangal")
    shown = json.loads(cli.ok("claim", "show", claim["id"], "-f", "json").stdout)
    assert shown["verdicts"][0]["author"] == "Aditi Gangal"


def test_a_future_date_is_refused_in_the_words_of_its_field(cli: Cli) -> None:
    claim = cli.add("claim")
    review = cli.fails("verdict", "add", claim, "--rating", "True", "--by", "X", "--date",
                       "2999-01-01").stderr
    assert review == ("Error: The review date 2999-01-01 is in the future; give the date the "
                      "verdict was written or published.\n")
    said = cli.fails("claim", "add", "x", "--date", "2999-01-01").stderr
    assert said == ("Error: The claim's date 2999-01-01 is in the future; give the date it was "
                    "said or seen.\n")
