"""``claimtrack extract`` reads at most ``TEXT_LIMIT`` characters, from a file, standard input
or a URL, and never reads a huge file whole: beyond the limit it refuses and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.services.articles import TEXT_LIMIT
from tests.extract.pages import LONG, odd_site
from tests.helpers import Cli, snapshot

REFUSAL = ("characters long; claimtrack extract reads at most 200,000 characters (about 30,000 "
           "words): split the article.\n")


def test_a_file_one_character_too_long_is_refused(cli: Cli, tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text(LONG, encoding="utf-8")
    fits = tmp_path / "fits.txt"
    fits.write_text(LONG[:TEXT_LIMIT], encoding="utf-8")
    assert cli.ok("extract", str(fits), "--no-db").stdout
    before = snapshot(cli.url)
    result = cli.fails("extract", str(article), "--apply", "--source", "https://e.example/a",
                       "--all")
    assert result.stderr == f"Error: {article} is 200,001 {REFUSAL}"
    assert snapshot(cli.url) == before


def test_a_huge_file_is_refused_having_read_only_the_limit(cli: Cli, tmp_path: Path) -> None:
    huge = tmp_path / "nul.bin"
    with huge.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # 100 MB of NUL bytes, sparse on disk
    result = cli.fails("extract", str(huge))
    # what was read: one character more than the limit, four bytes each at most
    assert result.stderr == f"Error: {huge} is {4 * (TEXT_LIMIT + 1):,}+ {REFUSAL}"


def test_standard_input_and_a_page_too_long_are_refused(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    piped = cli.fails("extract", "-", input=LONG)
    assert piped.stderr == f"Error: Standard input is 200,001 {REFUSAL}"
    before = snapshot(cli.url)
    with odd_site(monkeypatch) as site:
        fetched = cli.fails("extract", site.url("/long.txt"))
    assert fetched.stderr == f"Error: {site.url('/long.txt')} is 200,001 {REFUSAL}"
    assert snapshot(cli.url) == before  # nothing archived
