"""Issue 14, points 9 and 10: a bad optional CSV cell costs the cell, not the claim, and says
where it is; errors name the line and the ids as written."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Cli, claims, summary, write

SHEET = (
    "claim,speaker,source_url,quote,seen,verdict,reviewer,review_url\n"
    "Taxes rose,Jane Roe,=HYPERLINK(\"http://evil.example\"),she said,2024-01-02,,,\n"
    "Rents fell,Jane Roe,javascript:alert(1),,,False,Desk,not a url\n"
    "Wages rose,Jane Roe,https://news.example.com/w,,2024-13-45,,,\n"
)


def test_a_bad_optional_cell_is_left_out_with_its_row_and_column(
    cli: Cli, tmp_path: Path
) -> None:
    result = cli.ok("import", write(tmp_path / "s.csv", SHEET))
    assert "rejected 0" in summary(result) and "claims 3" in summary(result)
    stderr = result.stderr
    assert "row 1 (line 2): column 'source_url':" in stderr and "left out" in stderr
    assert "row 2 (line 3): column 'source_url':" in stderr
    assert "row 2 (line 3): column 'review_url':" in stderr
    assert "row 3 (line 4): column 'seen':" in stderr
    found = claims(cli)
    assert found["Taxes rose"]["sources"] == [] and found["Rents fell"]["sources"] == []
    assert [s["url"] for s in found["Wages rose"]["sources"]] == ["https://news.example.com/w"]
    (verdict,) = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    assert (verdict["rating"], verdict["url"]) == ("False", None)


def test_strict_refuses_a_file_with_a_bad_cell(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init")
    result = cli.fails("import", "--strict", write(tmp_path / "s.csv", SHEET))
    assert "row 1 (line 2): column 'source_url'" in result.stderr
    assert "--strict" in result.stderr
    assert json.loads(cli.ok("claim", "list", "-f", "json").stdout) == []


def test_a_self_link_names_the_ids_as_written(cli: Cli, tmp_path: Path) -> None:
    lines = [{"type": "claim", "id": "c-0000000000ab", "text": "A"},
             {"type": "link", "from": "c-0000000000ab", "relation": "denies",
              "to": "C-0000000000AB"}]
    result = cli.fails("import", write(tmp_path / "l.jsonl", "\n".join(map(json.dumps, lines))),
                       code=3)
    assert "line 2: 'c-0000000000ab' and 'C-0000000000AB' name the same claim" in result.stderr


def test_bytes_that_are_not_utf8_name_the_line(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b'[\n{"@type": "ClaimReview",\n "claimReviewed": "caf\xe9"}\n]')
    result = cli.fails("import", str(path))
    assert "not UTF-8 (line 3)" in result.stderr
