"""Chinese names and claims in terminal tables and trees: a character that takes two terminal
cells counts as two, so every row's columns line up and wrapped text keeps its width."""

from __future__ import annotations

from wcwidth import wcwidth

from tests.helpers import Cli

CLAIM = ("美国在乌克兰问题上散布虚假信息，这是彻头彻尾的谎言，我们坚决反对这种做法并要求美方"
         "立即停止一切挑衅行为和不负责任的言论")


def screen(line: str) -> list[str]:
    """The line as the terminal shows it, one entry per cell (a wide character, then "")."""
    shown: list[str] = []
    for character in line:
        shown += [character] + [""] * (max(wcwidth(character), 0) - 1)
    return shown


def assert_columns_line_up(table: str) -> list[int]:
    """Every row leaves blank the cells between the columns that the rule under the header
    marks, and ends within it; returns the columns' widths."""
    lines = table.splitlines()
    rule = screen(lines[1])
    gaps = [cell for cell, mark in enumerate(rule) if mark == " "]
    for line in lines:
        shown = screen(line)
        assert len(shown) <= len(rule), line
        assert all(shown[cell] == " " for cell in gaps if cell < len(shown)), line
    return [len(dashes) for dashes in lines[1].split()]


def test_chinese_names_and_claims_line_up_in_tables(cli: Cli) -> None:
    cli.add(CLAIM, "--speaker", "毛宁", "--tag", "外交")
    cli.add("Russia has already deployed operatives", "--speaker", "White House")
    claims = cli.ok("claim", "list").stdout
    widths = dict(zip(claims.splitlines()[0].split(), assert_columns_line_up(claims),
                      strict=True))
    assert "毛宁" in claims and widths["headline"] <= 60  # wrapped at 60 cells, not characters
    assert_columns_line_up(cli.ok("actor", "list").stdout)


def test_a_chinese_claim_wraps_within_the_tree_width(cli: Cli) -> None:
    claim = cli.add(CLAIM * 2, "--speaker", "毛宁")
    tree = cli.ok("show", claim).stdout.splitlines()
    assert len(tree) > 3 and max(len(screen(line)) for line in tree) <= 88
