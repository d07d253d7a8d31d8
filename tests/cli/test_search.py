"""search and match through the real CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.helpers import Cli, snapshot

FALSE_FLAG = ("Russia has already deployed operatives to eastern Ukraine to carry out a "
              "false-flag operation")


def ids(result: object) -> list[str]:
    return [hit["id"] for hit in json.loads(result.stdout)]  # type: ignore[attr-defined]


def test_search_ranks_finds_inflections_and_highlights(cli: Cli) -> None:
    weaker = cli.add("Officials in several capitals said on Monday that operatives were deployed "
                     "for an operation whose aim was never explained to the public",
                     "--speaker", "Someone")
    best = cli.add("Operatives deployed for one operation, then deployed for another operation",
                   "--speaker", "White House")
    cli.add("Unrelated claim about grain exports")
    hits = json.loads(cli.ok("search", "deploy operation", "-f", "json").stdout)
    assert [hit["id"] for hit in hits] == [best, weaker]
    assert set(hits[0]) >= {"id", "text", "speaker", "score", "snippet"}
    assert hits[0]["score"] == 1.0 and 0 < hits[1]["score"] < 1.0
    assert hits[0]["speaker"] == "White House"
    snippet = hits[0]["snippet"]  # the text as stored, the matches given apart
    assert snippet == "Operatives deployed for one operation, then deployed for another operation"
    assert {snippet[start:end] for start, end in hits[0]["snippet_matches"]} >= {
        "deployed", "operation"}
    assert "[deployed]" in cli.ok("search", "deploy operation").stdout  # a terminal: brackets
    flag = cli.add(FALSE_FLAG)
    assert ids(cli.ok("search", '"false-flag operation"', "-f", "json")) == [flag]
    assert ids(cli.ok("search", "false", "flag", "-f", "json")) == [flag]


def test_search_phrases_and_exclusions(cli: Cli) -> None:
    first = cli.add("The vaccine contains microchips, a viral post claims")
    second = cli.add("Microchips are in the vaccine, says a blogger")
    assert set(ids(cli.ok("search", "vaccine microchips", "-f", "json"))) == {first, second}
    assert ids(cli.ok("search", '"vaccine contains"', "-f", "json")) == [first]
    assert ids(cli.ok("search", "vaccine -blogger", "-f", "json")) == [first]
    assert ids(cli.ok("search", "-f", "json", "--", "-blogger", "vaccine")) == [first]


def test_search_covers_summary_and_quotes_and_follows_edits(cli: Cli) -> None:
    claim = cli.add("A plain text", "--summary", "Headline about wheat")
    assert ids(cli.ok("search", "wheat", "-f", "json")) == [claim]
    cli.ok("appearance", "add", claim, "https://example.com/a", "--quote", "barley shipments")
    assert ids(cli.ok("search", "barley", "-f", "json")) == [claim]
    cli.ok("claim", "edit", claim, "--text", "Now about oats")
    assert ids(cli.ok("search", "oats", "-f", "json")) == [claim]
    assert ids(cli.ok("search", "plain", "-f", "json")) == []
    cli.ok("appearance", "rm", claim, "https://example.com/a")
    assert ids(cli.ok("search", "barley", "-f", "json")) == []
    cli.ok("claim", "rm", claim)
    assert ids(cli.ok("search", "oats", "-f", "json")) == []


def test_search_filters_and_limit(cli: Cli) -> None:
    old = cli.add("Grain deal collapsed", "--speaker", "A", "--date", "2021-05-01", "--tag", "food")
    new = cli.add("Grain deal extended", "--speaker", "B", "--date", "2023-05-01")
    assert ids(cli.ok("search", "grain", "--speaker", "a", "-f", "json")) == [old]
    assert ids(cli.ok("search", "grain", "--tag", "food", "-f", "json")) == [old]
    assert ids(cli.ok("search", "grain", "--since", "2022-01-01", "-f", "json")) == [new]
    assert len(ids(cli.ok("search", "grain", "--limit", "1", "-f", "json"))) == 1


def test_search_unicode_and_other_formats(cli: Cli) -> None:
    claim = cli.add("Это «тотальная дезинформация», заявил Лавров", "--language", "ru")
    assert ids(cli.ok("search", "дезинформация", "-f", "json")) == [claim]
    rows = list(csv.DictReader(io.StringIO(cli.ok("search", "дезинформация", "-f", "csv").stdout)))
    assert rows[0]["id"] == claim and rows[0]["text"].startswith("Это")
    markdown = cli.ok("search", "дезинформация", "-f", "markdown").stdout
    assert markdown.startswith("| id") and claim in markdown
    assert claim in cli.ok("search", "дезинформация").stdout


def test_bad_queries_fail_cleanly(cli: Cli) -> None:
    cli.add("Something to find")
    before = snapshot(cli.url)
    for query, expected in [
        ('"unclosed phrase', "unclosed quote"),
        ("   ", "empty"),
        ("the of and", "no word to look for"),
        ("-something", "only excludes"),
    ]:
        assert expected in cli.fails("search", "--", query).stderr, query
    # Syntax that would be an FTS5 or tsquery operator is just text.
    assert cli.ok("search", "NEAR(something) OR AND * ^col:x", "-f", "json").stdout.strip() == "[]"
    assert snapshot(cli.url) == before


def test_no_hits_is_a_hint_not_an_error(cli: Cli) -> None:
    result = cli.ok("search", "nothing")
    assert result.stdout == "" and "No claim matches" in result.stderr


def test_match_scores_and_suggests(cli: Cli) -> None:
    same = cli.add(FALSE_FLAG, "--speaker", "White House")
    cli.add("Russia says it has no plans to attack Ukraine and calls the warnings hysteria")
    cli.add("Grain exports through the Black Sea resumed after the deal was extended")
    text = ("Russia already deployed operatives in eastern Ukraine to carry out a false flag "
            "operation")
    hits = json.loads(cli.ok("match", text, "-f", "json").stdout)
    assert hits[0]["id"] == same and hits[0]["speaker"] == "White House"
    assert hits[0]["text"] == FALSE_FLAG
    assert all(0 <= hit["score"] <= 1 for hit in hits)
    assert [hit["score"] for hit in hits] == sorted((hit["score"] for hit in hits), reverse=True)
    assert hits[0]["is_suggestion"] and not any(hit["is_suggestion"] for hit in hits[1:])
    result = cli.ok("match", text)
    assert f"{same} is likely the same claim" in result.stderr
    assert json.loads(cli.ok("match", FALSE_FLAG, "-f", "json").stdout)[0]["score"] == 1.0


def test_short_texts_are_never_suggested(cli: Cli) -> None:
    short = cli.add("Vaccines are safe")
    hits = json.loads(cli.ok("match", "Vaccines are not safe", "-f", "json").stdout)
    assert hits[0]["id"] == short and not hits[0]["is_suggestion"]
    assert "under 8 words" in cli.ok("match", "Vaccines are safe").stderr


def test_a_denial_is_never_suggested_as_the_claim_it_denies(cli: Cli) -> None:
    claim = cli.add(FALSE_FLAG)
    denial = "Russia has not deployed any operatives to eastern Ukraine for a false-flag operation"
    hits = json.loads(cli.ok("match", denial, "-f", "json").stdout)
    assert hits[0]["id"] == claim and hits[0]["score"] >= 0.8
    assert not hits[0]["is_suggestion"]
    assert "negated" in cli.ok("match", denial).stderr


JOBS = "Unemployment fell to 3.5 percent in May, the lowest level in 50 years, the ministry said."


@pytest.mark.parametrize(("text", "why"), [
    (JOBS.replace("3.5", "8.5"), "other figures (8.5 / 3.5)"),
    (JOBS.replace("fell", "rose").replace("lowest", "highest"), "opposite words (rose / fell)"),
])
def test_other_figures_or_opposite_words_are_never_the_same_claim(
    cli: Cli, text: str, why: str
) -> None:
    claim = cli.add(JOBS, "--speaker", "Labour Minister")
    (hit,) = [h for h in json.loads(cli.ok("match", text, "-f", "json").stdout)
              if h["id"] == claim]
    assert hit["score"] >= 0.8 and not hit["is_suggestion"] and hit["differs"] == why
    told = cli.ok("match", text).stderr
    assert f"{claim} reads alike (score" in told and why in told
    assert "is likely the same claim" not in told
    other = cli.add(text, "--speaker", "Labour Minister")
    cli.ok("dedupe")
    assert json.loads(cli.ok("review", "-f", "json").stdout) == []  # never suggested
    assert json.loads(cli.ok("match", JOBS, "-f", "json").stdout)[0]["is_suggestion"]  # itself
    assert other


def test_match_reads_a_file_or_stdin(cli: Cli, tmp_path: Path) -> None:
    same = cli.add(FALSE_FLAG)
    path = tmp_path / "post.txt"
    path.write_text(FALSE_FLAG + "\n", encoding="utf-8")
    assert ids(cli.ok("match", "--file", str(path), "-f", "json"))[0] == same
    assert ids(cli.ok("match", "-", "-f", "json", input=FALSE_FLAG))[0] == same


def test_match_errors(cli: Cli, tmp_path: Path) -> None:
    assert "not both" in cli.fails("match").stderr
    assert "not both" in cli.fails("match", "x", "--file", str(tmp_path / "a")).stderr
    assert "Cannot read" in cli.fails("match", "--file", str(tmp_path / "missing.txt")).stderr
    assert "no words to match" in cli.fails("match", "the and of").stderr
    assert "empty" in cli.fails("match", "  ").stderr
    assert cli.ok("match", "completely new words").stdout == ""
