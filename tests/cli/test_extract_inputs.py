"""``claimtrack extract`` through the real CLI: what it reads (HTML files, fetched bodies),
options that clash, and an article quoting words that are recorded already."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.extract.pages import odd_site
from tests.helpers import FIXTURES, Cli, snapshot
from tests.helpers import site as local

PESKOV = ("Kremlin spokesman Dmitry Peskov declined to comment on the movement of missile "
          "units to the western border.\n")
FIRST = "Reports said the Kremlin had moved missile units to the western border last week.\n"
SECOND = "The defence ministry in Kyiv said Russian missile units had arrived near the border.\n"


def suggestions(cli: Cli, *args: str, input: str | None = None) -> list[dict[str, Any]]:
    return json.loads(cli.ok("extract", *args, "--no-db", "-f", "json", input=input).stdout)


def test_words_recorded_before_are_that_claim_not_an_answer_to_it(cli: Cli) -> None:
    cli.ok("extract", "-", "--apply", "--source", "https://example.com/one", "--all",
           input=FIRST + PESKOV)
    [recorded] = [c for c in json.loads(cli.ok("claim", "list", "-f", "json").stdout)
                  if c["speaker"] == "Dmitry Peskov"]
    for peskov in (PESKOV, PESKOV.replace("movement", "movements")):  # same, nearly the same
        listed = cli.ok("extract", "-", "-f", "json", input=SECOND + peskov)
        again = [s for s in json.loads(listed.stdout) if s["speaker"] == "Dmitry Peskov"]
        assert [s["responds_to"] for s in again] == [None]
        assert f"s2 is already recorded as {recorded['id']}" in listed.stderr
    result = cli.ok("extract", "-", "--apply", "--source", "https://example.com/two", "--all",
                    "-f", "json", input=SECOND + PESKOV)
    rows = {r["suggestion"]: r for r in json.loads(result.stdout)}
    assert (rows["s2"]["claim"], rows["s2"]["status"]) == (recorded["id"], "already recorded")
    assert rows["s1"]["status"] == "added" and "1 already recorded" in result.stderr
    shown = json.loads(cli.ok("claim", "show", recorded["id"], "-f", "json").stdout)
    assert [s["url"] for s in shown["sources"]] == ["https://example.com/one",
                                                    "https://example.com/two"]
    assert json.loads(cli.ok("link", "list", "-f", "json").stdout) == []


def test_a_local_html_file_is_read_as_its_page_is_read_by_url(cli: Cli, tmp_path: Path,
                                                               site: Any) -> None:
    by_url = suggestions(cli, site.url("/article"))
    for name in ("story.html", "story.htm", "story.txt"):  # .txt: it starts like a page
        page = tmp_path / name
        page.write_text(local.ARTICLE, encoding="utf-8")
        assert suggestions(cli, str(page)) == by_url
    assert suggestions(cli, "-", input=local.ARTICLE) == by_url
    review = suggestions(cli, str(FIXTURES / "claimreview" / "page.html"))
    assert not [s for s in review if "<" in s["text"] or ">" in s["text"]]


def test_plain_text_starting_with_a_bracket_is_still_plain_text(cli: Cli) -> None:
    text = "<b>Note</b>\nThe mayor said the bridge would reopen in May.\n"
    [said] = suggestions(cli, "-", input=text)
    assert said["start"] == text.index("the bridge")  # offsets into the text as given


def test_accept_and_all_together_is_refused(cli: Cli, tmp_path: Path) -> None:
    article = tmp_path / "art.txt"
    article.write_text(PESKOV, encoding="utf-8")
    result = cli.fails("extract", str(article), "--apply", "--source", "https://example.com/a",
                       "--accept", "s1", "--all")
    assert result.stderr == "Error: Give --accept or --all, not both.\n"


def test_a_fetched_binary_body_is_refused_before_anything_is_written(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(cli.url)
    with odd_site(monkeypatch) as site:
        result = cli.fails("extract", site.url("/bin.bin"))
    assert f"{site.url('/bin.bin')} is not UTF-8 (byte 128)" in result.stderr
    assert snapshot(cli.url) == before
