"""Escaping where text is rendered: CSV formulas, markdown tables and documents."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.core.enums import OutputFormat
from claimtrack.core.spreadsheet import neutralise, restore
from claimtrack.render.rows import LISTING, Listing, markdown_cell, wrap
from tests.helpers import Cli


@given(st.text())
def test_csv_cells_never_start_a_formula(text: str) -> None:
    cell = neutralise(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell.removeprefix("'") == text or cell == text


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_csv_round_trips_apart_from_the_guard(texts: list[str]) -> None:
    rows = [{f"c{i}": t for i, t in enumerate(texts)}]
    parsed = list(csv.reader(io.StringIO(LISTING[OutputFormat.CSV](Listing(rows)), newline="")))
    assert parsed[0] == list(rows[0])
    assert [restore(cell) for cell in parsed[1]] == texts


@given(st.text())
def test_markdown_cells_cannot_break_the_table_or_inject_html(text: str) -> None:
    cell = markdown_cell(text)
    assert "\n" not in cell and "\r" not in cell and "|" not in cell.replace("\\|", "")
    if text.startswith(("http://", "https://")) and cell.startswith("<"):
        # a web address is one autolink, <http…>, inside which nothing is read as markup
        assert cell.endswith(">") and not set("<> ") & set(cell[1:-1])
    else:
        assert "<" not in cell.replace("<br>", "")


def test_claim_list_csv_neutralises_formulas(cli: Cli) -> None:
    cli.add("=HYPERLINK(\"http://evil\")", "--speaker", "@attacker", "--tag", "+tag")
    rows = list(csv.DictReader(io.StringIO(cli.ok("claim", "list", "-f", "csv").stdout)))
    assert rows[0]["text"] == "'=HYPERLINK(\"http://evil\")"
    assert rows[0]["speaker"] == "'@attacker"
    assert rows[0]["tags"] == "'+tag"


def test_markdown_outputs_escape_hostile_text(cli: Cli) -> None:
    evil = 'A | B <script>alert(1)</script> "><img src=x onerror=alert(1)>\n# not a heading'
    claim = cli.add(evil, "--speaker", "<b>Bold</b>")
    cli.ok("link", "add", cli.add("- [link](javascript:x) | denial"), "denies", claim)
    for args in (["claim", "list"], ["report", "contested"], ["show", claim]):
        out = cli.ok(*args, "-f", "markdown").stdout
        assert "<script>" not in out and "<img" not in out and "<b>" not in out, args
    report = cli.ok("report", "contested", "-f", "markdown").stdout
    assert "\n# not a heading" not in report
    assert "&lt;script&gt;" in report
    table_lines = [line for line in report.splitlines() if line.startswith("| denied by")]
    assert table_lines and table_lines[0].count(" | ") == 4  # the | in the text stays escaped


def test_every_read_command_speaks_every_format(seeded: Cli) -> None:
    reads = [
        ["claim", "list"], ["claim", "show", "c-seed00000001"], ["actor", "list"],
        ["actor", "show", "Lavrov"], ["source", "list"],
        ["source", "show", "urn:claimtrack:seed:000_9268d6ca20cf8fd5"], ["link", "list"],
        ["verdict", "list"], ["appearance", "list", "c-seed00000001"], ["show", "c-seed00000001"],
        ["report", "contested"], ["db", "current"],
    ]
    for args in reads:
        for fmt in OutputFormat:
            result = seeded(*args, "--format", fmt.value)
            assert result.exit_code == 0, (args, fmt, result.output)
            if fmt is OutputFormat.JSON and result.stdout.strip():
                import json

                json.loads(result.stdout)


def test_terminal_outputs_show_control_characters_as_escapes(cli: Cli) -> None:
    """A stored ESC sequence or bidi override must not act on the reader's terminal."""
    import json

    hostile = "Cost \x1b]0;pwned\x07\x1b[31m€5\u202e02\u202c — fine"
    claim = cli.add(hostile, "--speaker", "Evil\x1b[2J")
    cli.ok("link", "add", cli.add("A denial"), "denies", claim)
    for args in (["claim", "list"], ["claim", "list", "-f", "markdown"], ["show", claim],
                 ["report", "contested"], ["report", "contested", "-f", "markdown"],
                 ["actor", "list"], ["actor", "record", "Evil\x1b[2J"], ["timeline", claim]):
        out = cli.ok(*args).stdout
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out, args
        assert "\\x1b" in out, args
    assert json.loads(cli.ok("claim", "show", claim, "-f", "json").stdout)["text"] == hostile


def test_table_cells_are_printed_as_stored_and_wrapped(cli: Cli) -> None:
    """Labels such as "False" or "1e3" stay text (tabulate's own wrapping re-typed them)."""
    claim = cli.add("A claim " + "word " * 30)
    for label in ("False", "True", "1e3", "007"):
        cli.ok("verdict", "add", claim, "--rating", label, "--by", "Checker")
    table = cli.ok("verdict", "list", claim).stdout
    ratings = {line.split()[2] for line in table.splitlines()[2:]}
    assert ratings == {"False", "True", "1e3", "007"}
    listed = cli.ok("claim", "list").stdout
    assert max(len(line) for line in listed.splitlines()) < 200  # the long text is wrapped
    assert "word word" in listed


def test_wrap_keeps_lines_and_width() -> None:
    assert wrap("one two three", width=7) == "one two\nthree"
    assert wrap("a\n\nb") == "a\nb"
    assert wrap("") == ""


def test_a_web_address_is_never_cut_in_a_table(cli: Cli) -> None:
    url = ("https://www.example.org/2026/12/05/regional/the-dam-on-the-river-is-leaking-say-"
           "engineers-in-a-report?utm_medium=x&id=1234567890")
    claim = cli.add("The dam is leaking")
    cli.ok("appearance", "add", claim, url, "--quote", "leaking " * 20)
    for command in (["source", "list"], ["claim", "show", claim]):
        table = cli.ok(*command).stdout
        assert any(line.startswith(url + " ") for line in table.splitlines()), command
    assert wrap(url, width=20) == url
    assert wrap(f"see {url} or the dam's page", width=20) == f"see\n{url}\nor the dam's page"
