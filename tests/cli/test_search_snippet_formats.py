"""How each output shows a search snippet's matches (docs/search.md): a terminal [in brackets]
in the snippet column; JSON and CSV the text as stored, with the matches' offsets apart, so a
claim's own brackets are never taken for a match."""

from __future__ import annotations

import csv
import io
import json

from claimtrack.store import snippets
from tests.helpers import Cli

QUOTED = 'Officials called it "total disinformation [sic]" on Monday'


def test_a_terminal_brackets_the_match_in_the_snippet_column(cli: Cli) -> None:
    cli.add(QUOTED)
    shown = cli.ok("search", "disinformation").stdout
    assert "[disinformation]" in shown and "[sic]" in shown
    assert snippets.OPEN not in shown and snippets.CLOSE not in shown


def test_json_gives_the_text_as_stored_and_the_matches_apart(cli: Cli) -> None:
    cli.add(QUOTED)
    output = cli.ok("search", "disinformation", "-f", "json").stdout
    assert snippets.OPEN not in output and snippets.CLOSE not in output
    (hit,) = json.loads(output)
    assert hit["snippet"].strip("…") in QUOTED and "[sic]" in hit["snippet"]  # nothing added
    assert [hit["snippet"][start:end] for start, end in hit["snippet_matches"]] == [
        "disinformation"]
    assert set(hit) == {"id", "text", "speaker", "date", "score", "snippet", "snippet_matches",
                        "tags"}


def test_csv_gives_the_text_as_stored_and_the_offsets(cli: Cli) -> None:
    cli.add(QUOTED)
    (row,) = csv.DictReader(io.StringIO(cli.ok("search", "disinformation", "-f", "csv").stdout))
    assert row["snippet"].strip("…") in QUOTED and "[sic]" in row["snippet"]
    start, end = (int(n) for n in row["snippet_matches"].split("-"))
    assert row["snippet"][start:end] == "disinformation"


def test_a_marker_character_in_a_claim_never_reads_as_a_match() -> None:
    text = f"a {snippets.OPEN}stray{snippets.CLOSE} mark and 緬甸"
    shown = snippets.passage([text, None, None], ["緬甸"])
    assert snippets.segments(shown) == [("a \ufffdstray\ufffd mark and ", False), ("緬甸", True)]


def test_segments_spans_and_brackets_agree() -> None:
    snippet = f"[sic] {snippets.OPEN}total{snippets.CLOSE} x {snippets.OPEN}y{snippets.CLOSE}"
    assert snippets.plain(snippet) == "[sic] total x y"
    assert snippets.spans(snippet) == [(6, 11), (14, 15)]
    assert snippets.bracketed(snippet) == "[sic] [total] x [y]"
