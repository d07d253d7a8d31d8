"""Text that reads as an HTML entity survives a ClaimReview round trip: JSON-LD readers decode
entities (publishers write them), so the export writes such text's ``&`` as ``&amp;``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Cli

TEXT = "The page shows the code &pound; next to AT&T's price"


def test_a_claimreview_export_imported_again_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    claim = cli.add(TEXT, "--speaker", "Desk &amp; Co", "--source", "https://news.example/a")
    cli.ok("source", "edit", "https://news.example/a", "--title", "Prices in &pound; rise")
    cli.ok("verdict", "add", claim, "--rating", "Faux &amp; trompeur", "--by",
           "Checkers &lt;Inc&gt;", "--url", "https://checks.example/r1")
    exported = tmp_path / "reviews.json"
    cli.ok("export", "--format", "claimreview", "-o", str(exported))
    (review,) = json.loads(exported.read_text())
    assert review["claimReviewed"] == "The page shows the code &amp;pound; next to AT&amp;T's price"
    result = cli.ok("import", str(exported))
    assert "updated 0" in result.stderr and "added 0" in result.stderr
    (shown,) = json.loads(cli.ok("claim", "list", "-f", "json").stdout)
    assert shown["text"] == TEXT and shown["speaker"] == "Desk &amp; Co"
    (verdict,) = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    assert verdict["rating"] == "Faux &amp; trompeur"
    source = json.loads(cli.ok("source", "show", "https://news.example/a", "-f", "json").stdout)
    assert source["source"]["title"] == "Prices in &pound; rise"
