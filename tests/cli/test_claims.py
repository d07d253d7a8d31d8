"""claim add / list / show / edit / rm through the real CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.helpers import Cli, snapshot

ID = re.compile(r"^c-[0-9a-hjkmnp-tv-z]{12}$")


def test_add_prints_only_the_id_and_creates_the_speaker(cli: Cli) -> None:
    result = cli.ok("claim", "add", "Russia deployed operatives", "--speaker", "White House",
                    "--date", "2022-01-14", "--tag", "Ukraine", "--tag", "false-flag")
    claim_id = result.stdout.strip()
    assert ID.match(claim_id)
    assert "Created actor 'White House'" in result.stderr
    listed = json.loads(cli.ok("claim", "list", "--format", "json").stdout)
    assert listed[0]["id"] == claim_id
    assert listed[0]["speaker"] == "White House"
    assert listed[0]["date"] == "2022-01-14"
    assert listed[0]["tags"] == ["false-flag", "ukraine"]  # tags are kept sorted


def test_text_is_stored_verbatim(cli: Cli) -> None:
    text = '  «Это — "тотальная дезинформация"»\nשקר גמור\t<script>alert(1)</script> '
    claim_id = cli.add(text, "--language", "ru")
    shown = json.loads(cli.ok("claim", "show", claim_id, "--format", "json").stdout)
    assert shown["text"] == text
    assert shown["language"] == "ru"


def test_text_starting_with_a_dash_goes_after_double_dash(cli: Cli) -> None:
    claim_id = cli.ok("claim", "add", "--speaker", "X", "--", "-5% growth is fake").stdout.strip()
    assert json.loads(cli.ok("claim", "show", claim_id, "-f", "json").stdout)["text"] == (
        "-5% growth is fake"
    )


def test_text_from_stdin_loses_only_its_final_line_endings(cli: Cli) -> None:
    for piped, stored in [
        ("From stdin claim text\n", "From stdin claim text"),
        ("  From a file\n\nwith two lines \r\n\n", "  From a file\n\nwith two lines "),
    ]:
        claim_id = cli.ok("claim", "add", "-", input=piped).stdout.strip()
        assert json.loads(cli.ok("claim", "show", claim_id, "-f", "json").stdout)["text"] == stored


def test_source_and_quote_become_an_appearance(cli: Cli) -> None:
    claim_id = cli.add("X happened", "--source", "HTTPS://Example.com/a/?utm_source=tw#top",
                       "--quote", "“X happened,” she said.")
    shown = json.loads(cli.ok("claim", "show", claim_id, "-f", "json").stdout)
    assert shown["sources"] == [
        {"url": "HTTPS://Example.com/a/?utm_source=tw#top", "title": None, "outlet": None,
         "quote": "“X happened,” she said.", "seen": None}
    ]
    assert json.loads(cli.ok("source", "list", "-f", "json").stdout)[0]["claims"] == 1


def test_list_filters(cli: Cli) -> None:
    cli.ok("actor", "add", "Sergey Lavrov", "--alias", "Sergei Lavrov", "--kind", "person")
    lavrov = cli.add("Total disinformation", "--speaker", "sergei LAVROV", "--date", "2022-01-17",
                     "--tag", "ukraine")
    other = cli.add("Something else", "--speaker", "Someone", "--date", "2021-05-01")

    def ids(*options: str) -> list[str]:
        return [c["id"] for c in json.loads(cli.ok("claim", "list", "-f", "json", *options).stdout)]

    assert ids() == [lavrov, other]
    assert ids("--speaker", "Sergey Lavrov") == [lavrov]
    assert ids("--tag", "UKRAINE") == [lavrov]
    assert ids("--since", "2022-01-01") == [lavrov]
    assert ids("--until", "2021-12-31") == [other]
    assert ids("--limit", "1") == [lavrov]


def test_list_says_when_it_cut_the_list(cli: Cli) -> None:
    for n in range(3):
        cli.add(f"claim {n}")
    result = cli.ok("claim", "list", "--limit", "2")
    assert "Showing the first 2 claims" in result.stderr
    assert "Showing" not in cli.ok("claim", "list", "--limit", "3").stderr


def test_show_accepts_a_unique_prefix_in_any_case(cli: Cli) -> None:
    claim_id = cli.add("A claim")
    prefix = claim_id[:7].upper()
    assert json.loads(cli.ok("claim", "show", prefix, "-f", "json").stdout)["id"] == claim_id


def test_edit_changes_fields_and_keeps_id(cli: Cli) -> None:
    claim_id = cli.add("Old text", "--speaker", "A", "--tag", "one", "--summary", "old")
    cli.ok("claim", "edit", claim_id, "--text", "New text", "--speaker", "B", "--tag", "two",
           "--untag", "one", "--date", "2022-01-01", "--summary", "")
    shown = json.loads(cli.ok("claim", "show", claim_id, "-f", "json").stdout)
    assert (shown["text"], shown["speaker"], shown["tags"], shown["date"], shown["summary"]) == (
        "New text", "B", ["two"], "2022-01-01", None,
    )
    assert shown["updated_at"] > shown["created_at"]


def test_rm_refuses_linked_claims_unless_cascade(cli: Cli) -> None:
    claim = cli.add("The claim")
    denial = cli.add("The denial")
    cli.ok("link", "add", denial, "denies", claim)
    before = snapshot(cli.url)
    result = cli.fails("claim", "rm", claim)
    assert "--cascade" in result.stderr
    assert snapshot(cli.url) == before
    cli.ok("claim", "rm", claim, "--cascade")
    assert [c["id"] for c in json.loads(cli.ok("claim", "list", "-f", "json").stdout)] == [denial]
    assert json.loads(cli.ok("link", "list", "-f", "json").stdout) == []


def test_rm_unlinked_claim(cli: Cli) -> None:
    claim = cli.add("Lonely", "--source", "https://example.com/x", "--tag", "t")
    cli.ok("claim", "rm", claim)
    cli.fails("claim", "show", claim)


def test_bad_input_fails_cleanly_and_writes_nothing(cli: Cli) -> None:
    existing = cli.add("Existing claim", "--speaker", "Someone")
    before = snapshot(cli.url)
    cases = [
        (["claim", "add", "   "], "empty"),
        (["claim", "add", "x", "--date", "2022-02-30"], "does not exist"),
        (["claim", "add", "x", "--date", "17/01/2022"], "YYYY-MM-DD"),
        (["claim", "add", "x", "--date", "2999-01-01"], "future"),
        (["claim", "add", "x", "--summary", "s" * 76], "75"),
        (["claim", "add", "x", "--speaker", "New Person", "--source", "not a url"], "URL"),
        (["claim", "add", "x", "--quote", "orphan quote"], "--source"),
        (["claim", "add", "x", "--language", "english!"], "language"),
        (["claim", "add", "nul\x00byte"], "NUL"),
        (["claim", "show", "c-zzzzzzzzzzzz"], "not found"),
        (["claim", "show", "c-ab"], "at least 4"),
        (["claim", "show", "not-an-id!"], "not a claim id"),
        (["claim", "edit", existing, "--text", ""], "empty"),
        (["claim", "edit", existing, "--untag", "nope"], "no tag"),
        (["claim", "list", "--since", "2022-02-01", "--until", "2022-01-01"], "swap"),
        (["claim", "rm", "c-zzzzzzzzzzzz"], "not found"),
    ]
    for args, expected in cases:
        result = cli.fails(*args)
        assert expected in result.stderr, (args, result.stderr)
    assert snapshot(cli.url) == before


def test_unknown_format_is_a_usage_error(cli: Cli) -> None:
    result = cli.fails("claim", "list", "--format", "yaml", code=2)
    assert "yaml" in result.output


def test_one_language_is_stored_one_way_whoever_writes_it(cli: Cli, tmp_path: Path) -> None:
    """A page's `pt-br` and a sheet's `PT-BR` are the `pt-BR` `claim add` stores."""
    typed = cli.add("Vacina causa autismo", "--language", "pt-br")
    other = cli.add("疫苗導致自閉症", "--language", "zh")
    cli.ok("claim", "edit", other, "--language", "ZH-hant-tw")
    page = tmp_path / "page.html"
    page.write_text(
        '<html lang="zh-hant"><script type="application/ld+json">'
        + json.dumps([{"@type": "ClaimReview", "claimReviewed": "5G 傳播病毒",
                       "url": "https://desk.example.org/5g", "author": {"name": "Desk"}},
                      {"@type": "ClaimReview", "claimReviewed": "A vacina altera o DNA",
                       "inLanguage": "pt_br", "url": "https://desk.example.org/dna",
                       "author": {"name": "Desk"}}])
        + "</script></html>", encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("claim,language\nA vacina tem chip,PT-BR\n", encoding="utf-8")
    cli.ok("import", str(page), str(sheet))
    listed = json.loads(cli.ok("claim", "list", "--limit", "0", "-f", "json").stdout)
    languages = {claim["text"]: claim["language"] for claim in listed}
    assert languages == {
        "Vacina causa autismo": "pt-BR", "疫苗導致自閉症": "zh-Hant-TW", "5G 傳播病毒": "zh-Hant",
        "A vacina altera o DNA": "pt-BR", "A vacina tem chip": "pt-BR"}
    assert json.loads(cli.ok("claim", "show", typed, "-f", "json").stdout)["language"] == "pt-BR"
