"""`export --format csv` says what a spreadsheet cannot hold (links, merges) and writes every
review stage as `claim list` shows it, drafts included, in a form `import` reads back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.helpers import Cli


def test_a_csv_export_says_how_many_links_and_merges_it_left_out(cli: Cli) -> None:
    claim = cli.add("Taxes rose", "--tag", "taxes")
    cli.ok("link", "add", cli.add("Taxes did not rise"), "denies", claim)
    cli.ok("link", "add", cli.add("Nobody knows"), "evades", claim)
    cli.ok("claim", "merge", claim, cli.add("Taxes went up"))
    result = cli.ok("export", "-f", "csv")
    assert result.stderr == (
        "CSV has no columns for links or merges, so 2 links and 1 merge were left out; "
        "export with --format native (or jsonl) to keep everything.\n")
    assert "left out" not in cli.ok("export", "-f", "native").stderr
    only = cli.ok("export", "-f", "csv", "--tag", "taxes")
    # Only links between two claims selected count; the merge is into the claim selected.
    assert "so 1 merge was left out;" in only.stderr


def test_csv_writes_drafts_as_draft_and_import_reads_every_stage_back(
    cli: Cli, second_database_url: str, tmp_path: Path
) -> None:
    draft, moved = cli.add("Nobody reviewed this"), cli.add("Under review")
    cli.ok("verdict", "add", draft, "--rating", "False", "--by", "Desk")
    cli.ok("claim", "status", "in-review", moved)
    sheet = cli.ok("export", "-f", "csv").stdout
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(sheet))}
    assert (rows[draft]["claim_status"], rows[draft]["verdict_status"]) == ("draft", "draft")
    assert rows[moved]["claim_status"] == "in-review"
    (tmp_path / "sheet.csv").write_text(sheet, encoding="utf-8", newline="")
    other = Cli(second_database_url)
    other.ok("import", str(tmp_path / "sheet.csv"))
    assert _stages(other) == _stages(cli) == {
        draft: "draft", moved: "in-review", "verdict": "draft"}


def _stages(cli: Cli) -> dict[str, str]:
    claims = json.loads(cli.ok("claim", "list", "-f", "json").stdout)
    (verdict,) = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    return {**{c["id"]: c["status"] for c in claims}, "verdict": verdict["status"]}
