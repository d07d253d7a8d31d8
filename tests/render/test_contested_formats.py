"""The contested report says the same things in every format: each dispute's challenge count
and whether its verdicts disagree, and one word for a claim nobody is recorded as saying."""

from __future__ import annotations

import csv
import io
import json

from claimtrack.render.disputes import DISPUTE_COLUMNS
from claimtrack.render.wording import UNATTRIBUTED
from tests.helpers import Cli

OLD_COLUMNS = ["dispute", "side", "relation", "id", "speaker", "date", "text", "sources",
               "verdicts"]


def disagree(cli: Cli, claim: str) -> None:
    cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Checker A")
    cli.ok("verdict", "add", claim, "--rating", "True", "--by", "Checker B")


def two_disputes(cli: Cli) -> tuple[str, str, str]:
    """A denied claim (1 challenge) whose verdicts agree, and a claim contested only because
    its verdicts disagree; the denial has no speaker."""
    denied = cli.add("The bridge was closed on Monday", "--speaker", "Anna Berg")
    denial = cli.add("The bridge was open all week")
    cli.ok("link", "add", denial, "denies", denied)
    cli.ok("verdict", "add", denied, "--rating", "False", "--by", "Checker A")
    split = cli.add("Taxes rose by a third", "--speaker", "Bob Carr")
    disagree(cli, split)
    return denied, denial, split


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_markdown_shows_challenges_and_disagreeing_verdicts_as_the_table_does(cli: Cli) -> None:
    denied, _denial, split = two_disputes(cli)
    table = cli.ok("report", "contested").stdout
    markdown = cli.ok("report", "contested", "-f", "markdown").stdout
    assert "[contested: 1 challenge]" in table
    assert "[contested: 0 challenges, verdicts disagree]" in table
    assert f"`{denied}` · Anna Berg · contested: 1 challenge\n" in markdown
    assert f"`{split}` · Bob Carr · contested: 0 challenges, verdicts disagree\n" in markdown
    shown = cli.ok("show", split, "-f", "markdown").stdout
    assert "contested: 0 challenges, verdicts disagree" in shown


def test_csv_has_challenges_and_verdicts_disagree_on_the_claims_row(cli: Cli) -> None:
    denied, denial, split = two_disputes(cli)
    text = cli.ok("report", "contested", "-f", "csv").stdout
    header = text.splitlines()[0].split(",")
    assert header == [*OLD_COLUMNS, "challenges", "verdicts_disagree"] == DISPUTE_COLUMNS
    rows = {row["id"]: row for row in csv_rows(text)}
    assert (rows[denied]["challenges"], rows[denied]["verdicts_disagree"]) == ("1", "no")
    assert (rows[split]["challenges"], rows[split]["verdicts_disagree"]) == ("0", "yes")
    # A response is no dispute of its own: the columns stay empty on its row.
    assert rows[denial]["side"] == "response"
    assert (rows[denial]["challenges"], rows[denial]["verdicts_disagree"]) == ("", "")
    # Same numbers as JSON.
    disputes = {d["claim"]["id"]: d for d in
                json.loads(cli.ok("report", "contested", "-f", "json").stdout)}
    assert disputes[split]["verdicts_disagree"] is True
    assert disputes[denied]["claim"]["challenges"] == 1


def test_grouped_csv_keeps_the_group_first_and_the_new_columns_last(cli: Cli) -> None:
    _denied, _denial, split = two_disputes(cli)
    text = cli.ok("report", "contested", "--group-by", "speaker", "-f", "csv").stdout
    assert text.splitlines()[0].split(",") == ["group", *DISPUTE_COLUMNS]
    (row,) = [row for row in csv_rows(text) if row["id"] == split]
    assert (row["group"], row["challenges"], row["verdicts_disagree"]) == ("Bob Carr", "0", "yes")


def test_one_word_for_no_speaker_in_every_human_format(cli: Cli) -> None:
    claim = cli.add("Troops crossed the river")  # nobody is recorded as saying it
    cli.ok("link", "add", cli.add("They did not", "--speaker", "Ministry"), "denies", claim)
    assert UNATTRIBUTED == "unattributed"
    outputs = {
        "table": cli.ok("report", "contested").stdout,
        "markdown": cli.ok("report", "contested", "-f", "markdown").stdout,
        "html": cli.ok("report", "contested", "-f", "html").stdout,
        "grouped": cli.ok("report", "contested", "--group-by", "speaker").stdout,
        "graph": cli.ok("graph", claim, "--format", "mermaid").stdout,
        "timeline": cli.ok("timeline", claim, "-f", "markdown").stdout,
    }
    for name, out in outputs.items():
        assert UNATTRIBUTED in out, name
        assert "Unattributed" not in out, name
    assert f"## 1. {UNATTRIBUTED}: Troops crossed the river" in outputs["markdown"]
    assert outputs["timeline"].startswith(f"# Timeline: {UNATTRIBUTED}: ")
    # Data formats keep the speaker empty rather than a word.
    (row,) = [r for r in csv_rows(cli.ok("report", "contested", "-f", "csv").stdout)
              if r["id"] == claim]
    assert row["speaker"] == ""
    (dispute,) = json.loads(cli.ok("report", "contested", "-f", "json").stdout)
    assert dispute["claim"]["speaker"] is None
