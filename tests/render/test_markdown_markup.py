"""Markdown output shows hostile text as text: no link, image or tracking pixel from a claim,
a speaker's name or a verdict label in any command's markdown, and no cell can break its
table. The text is stored verbatim; only rendering escapes it."""

from __future__ import annotations

import json
import re

from tests.helpers import Cli

TEXT = "[click me](javascript:alert(1)) ![px](https://evil.example/p.png) a|b\nsecond line"
SPEAKER = "[spk](javascript:alert(2))"
RATING = "[lbl](javascript:alert(3))"
UNESCAPED_BRACKET = re.compile(r"(?<!\\)[\[\]]")
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def test_every_markdown_output_escapes_links_images_and_table_breakers(cli: Cli) -> None:
    claim = cli.add(TEXT, "--speaker", SPEAKER)
    cli.ok("link", "add", cli.add("A denial", "--speaker", "Denier"), "denies", claim)
    verdict = cli.ok("verdict", "add", claim, "--rating", RATING, "--by", "FC").stdout.strip()
    commands = [["claim", "list"], ["search", "click"], ["history"], ["verdict", "list"],
                ["actor", "list"], ["actor", "record", SPEAKER], ["claim", "show", claim],
                ["show", claim], ["report", "contested"], ["history", verdict]]
    for args in commands:
        out = cli.ok(*args, "--format", "markdown").stdout
        assert "javascript:alert" in out, args  # shown, as text
        assert not UNESCAPED_BRACKET.search(out), (args, out)
        assert "<img" not in out and "\nsecond line" not in out, args
        for table in out.split("\n\n"):
            widths = {len(UNESCAPED_PIPE.findall(line)) for line in table.splitlines()
                      if line.startswith("|")}
            assert len(widths) <= 1, (args, table)  # every row has the header's columns
    stored = json.loads(cli.ok("claim", "show", claim, "--format", "json").stdout)
    assert stored["text"] == TEXT and stored["speaker"] == SPEAKER


def test_a_web_address_in_a_markdown_table_stays_a_working_link(cli: Cli) -> None:
    url = "https://example.com/some_page?a=1|2#top"
    cli.add("A claim seen on a page", "--source", url)
    out = cli.ok("source", "list", "--format", "markdown").stdout
    assert "<https://example.com/some_page?a=1%7C2#top>" in out
    assert "some\\_page" not in out
