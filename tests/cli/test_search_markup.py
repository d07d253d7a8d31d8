"""search in texts holding < and >: words between them are words, on SQLite and on PostgreSQL
(whose default text-search parser reads ``<script>``, ``<b>``, ``<!-- a comment -->`` or even
``wages<rent and spending>`` as HTML and drops it, with a script element's content), in the
index, in the query and in the snippet. Claims are stored verbatim."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import Cli, query
from tests.helpers.snippets import search_hits

SCRIPT = 'Mayor "Jones" <script>alert(1)</script> said'
BOLD = "the <b>minister</b> said the budget grew"


def hits(cli: Cli, *words: str) -> list[dict[str, Any]]:
    return search_hits(cli, *words)


def ids(cli: Cli, *words: str) -> list[str]:
    return [hit["id"] for hit in hits(cli, *words)]


def test_words_between_angle_brackets_are_found(cli: Cli) -> None:
    script = cli.add(SCRIPT)
    bold = cli.add(BOLD)
    summary = cli.add("A plain text", "--summary", "Headline with <strong>tariffs</strong>")
    compared = cli.add("Prices rose where wages<rent and spending>savings")
    quoted = cli.add("Another plain text")
    cli.ok("appearance", "add", quoted, "https://example.com/q", "--quote",
           "<!-- hidden --> a <a href=\"https://example.com\">linked</a> word")
    assert ids(cli, "script") == [script]
    assert ids(cli, "alert") == [script]
    assert ids(cli, "minister") == [bold]
    assert ids(cli, "strong") == [summary]
    assert ids(cli, "spending") == [compared]
    assert ids(cli, '"wages<rent and spending>savings"') == [compared]
    assert ids(cli, "linked") == [quoted]
    assert ids(cli, "hidden") == [quoted]
    # What the user types between < and > is words too, whole tags and phrases included.
    assert ids(cli, "<script>") == [script]
    assert ids(cli, "</script>") == [script]
    assert ids(cli, '"<script>alert(1)</script>"') == [script]
    assert ids(cli, '"<b>minister</b> said"') == [bold]
    assert ids(cli, "said", "-<script>") == [bold]
    assert ids(cli, "said", "-script") == [bold]
    # The claim itself is kept as typed.
    assert query(cli.url, "SELECT text FROM claims WHERE public_id = :id", id=script) == [
        (SCRIPT,)]
    assert hits(cli, "alert")[0]["text"] == SCRIPT


def test_snippets_keep_the_brackets_and_the_words_between(cli: Cli) -> None:
    cli.add(SCRIPT)
    cli.add(BOLD)
    assert hits(cli, "alert")[0]["snippet"] == 'Mayor "Jones" <script>[alert](1)</script> said'
    assert hits(cli, "script")[0]["snippet"] == (
        'Mayor "Jones" <[script]>alert(1)</[script]> said')
    assert "[minister]</b> [said] the budget" in hits(cli, "minister said")[0]["snippet"]
    # With a term matched as a substring, the snippet is made by a second statement.
    mixed = cli.add("<p>緬甸水庫潰堤</p> says <i>the</i> post")
    found = hits(cli, "post", "緬甸")
    assert [hit["id"] for hit in found] == [mixed]
    assert "[緬甸]" in found[0]["snippet"] and "<i>the</i> [post]" in found[0]["snippet"]


def test_imported_claims_with_markup_are_found(cli: Cli, tmp_path: Path) -> None:
    """An import indexes set-based (fulltext.refresh), not through the triggers."""
    path = tmp_path / "claims.json"
    path.write_text(json.dumps({"format": "claimtrack", "version": 1, "claims": [
        {"id": "c-000000000abc", "text": SCRIPT, "language": "en"}]}), encoding="utf-8")
    cli.ok("import", str(path))
    assert ids(cli, "script") == ["c-000000000abc"]
    assert [hit["id"] for hit in json.loads(
        cli.ok("match", "-f", "json", "--", "<script>alert(1)</script>").stdout)] == [
        "c-000000000abc"]
