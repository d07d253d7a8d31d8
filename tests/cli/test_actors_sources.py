"""actor and source commands through the CLI."""

from __future__ import annotations

import json

from tests.helpers import Cli, snapshot


def test_actor_add_show_list(cli: Cli) -> None:
    result = cli.ok(
        "actor",
        "add",
        "Sergey Lavrov",
        "--kind",
        "person",
        "--alias",
        "Sergei Lavrov",
        "--alias",
        "Lavrov",
        "--description",
        "Russian Foreign Minister",
    )
    assert result.stdout.strip() == "Sergey Lavrov"
    for name in ("sergei lavrov", "LAVROV", "  Sergey   Lavrov "):
        shown = json.loads(cli.ok("actor", "show", name, "-f", "json").stdout)
        assert shown["name"] == "Sergey Lavrov"
    assert shown["aliases"] == ["Lavrov", "Sergei Lavrov"]
    assert shown["description"] == "Russian Foreign Minister"
    cli.add("x", "--speaker", "Lavrov")
    listed = json.loads(cli.ok("actor", "list", "-f", "json").stdout)
    assert [(a["name"], a["claims"]) for a in listed] == [("Sergey Lavrov", 1)]
    assert "Sergey Lavrov" in cli.ok("actor", "list", "--kind", "person").stdout
    assert "No actors match --kind or --named" in cli.ok("actor", "list", "--kind", "media").stderr
    named = json.loads(cli.ok("actor", "list", "--named", "SERGEI", "-f", "json").stdout)
    assert [actor["name"] for actor in named] == ["Sergey Lavrov"]  # by an alias
    assert cli.ok("actor", "list", "--named", "Zeppelin", "-f", "csv").stdout.strip() == (
        "name,kind,aliases,claims")


def test_actor_names_and_aliases_are_unique_case_insensitively(cli: Cli) -> None:
    cli.ok("actor", "add", "Sergey Lavrov", "--alias", "Lavrov")
    before = snapshot(cli.url)
    assert "already names" in cli.fails("actor", "add", "SERGEY LAVROV").stderr
    assert "already names" in cli.fails("actor", "add", "lavrov").stderr
    assert "already names" in cli.fails("actor", "add", "Someone", "--alias", "LAVROV").stderr
    assert "No actor" in cli.fails("actor", "show", "Nobody").stderr
    assert "empty" in cli.fails("actor", "add", " ").stderr
    assert snapshot(cli.url) == before
    assert cli.fails("actor", "add", "X", "--kind", "alien", code=2)


def test_actor_edit_rename_keeps_old_name_as_alias(cli: Cli) -> None:
    cli.ok("actor", "add", "Sergei Lavrov", "--alias", "Sergey Lavrov")
    cli.ok(
        "actor",
        "edit",
        "Sergei Lavrov",
        "--name",
        "Sergey Lavrov",
        "--kind",
        "person",
        "--alias",
        "Lavrov",
        "--description",
        "FM",
    )
    shown = json.loads(cli.ok("actor", "show", "Sergei Lavrov", "-f", "json").stdout)
    assert (shown["name"], shown["kind"], shown["aliases"]) == (
        "Sergey Lavrov",
        "person",
        ["Lavrov", "Sergei Lavrov"],
    )
    cli.ok("actor", "edit", "lavrov", "--remove-alias", "Lavrov")
    assert (
        "no alias" in cli.fails("actor", "edit", "Sergey Lavrov", "--remove-alias", "Lavrov").stderr
    )


def test_actor_rm_refuses_speakers(cli: Cli) -> None:
    cli.add("said", "--speaker", "Busy")
    cli.ok("actor", "add", "Idle")
    assert "speaker or reviewer" in cli.fails("actor", "rm", "busy").stderr
    cli.ok("actor", "rm", "idle")
    assert "No actor" in cli.fails("actor", "show", "Idle").stderr


def test_source_add_list_show_edit(cli: Cli) -> None:
    url = cli.ok(
        "source",
        "add",
        "https://WWW.Example.com:443/news/story/?utm_medium=x&id=7#c",
        "--title",
        "Russia rejects",
        "--outlet",
        "AP",
        "--published",
        "2022-01-17",
    ).stdout
    given = "https://WWW.Example.com:443/news/story/?utm_medium=x&id=7#c"
    assert url.strip() == given  # as published
    assert (
        "already recorded as " + given
        in cli.fails("source", "add", "https://www.example.com/news/story?id=7").stderr
    )
    claim = cli.add(
        "quoted", "--source", "https://www.example.com/news/story/?id=7", "--quote", "the passage"
    )
    listed = json.loads(cli.ok("source", "list", "-f", "json").stdout)
    assert [(s["url"], s["outlet"], s["published"], s["claims"]) for s in listed] == [
        (given, "AP", "2022-01-17", 1)
    ]
    shown = json.loads(
        cli.ok("source", "show", "https://www.example.com/news/story?id=7", "-f", "json").stdout
    )
    assert shown["claims"][0]["claim"]["id"] == claim
    assert shown["claims"][0]["quote"] == "the passage"
    cli.ok(
        "source",
        "edit",
        "https://www.example.com/news/story?id=7",
        "--title",
        "",
        "--archive-url",
        "https://web.archive.org/web/2022/x",
    )
    listed = json.loads(cli.ok("source", "list", "-f", "json").stdout)
    assert listed[0]["title"] is None
    assert listed[0]["archive_url"] == "https://web.archive.org/web/2022/x"
    assert "not a web address" in cli.fails("source", "add", "ftp://example.com/x").stderr
    assert "No source" in cli.fails("source", "show", "https://nowhere.example").stderr


def test_appearances(cli: Cli) -> None:
    claim = cli.add("seen twice")
    cli.ok(
        "appearance",
        "add",
        claim,
        "https://a.example/1",
        "--quote",
        "first",
        "--seen",
        "2022-01-17",
    )
    cli.ok("appearance", "add", claim, "https://b.example/2")
    before = snapshot(cli.url)
    refused = cli.fails("appearance", "add", claim, "https://a.example/1", "--quote", "corrected")
    assert refused.stderr == (f"Error: The quote of claim {claim} at https://a.example/1 is "
                              "already “first”; give --replace-quote to replace it.\n")
    assert snapshot(cli.url) == before
    cli.ok("appearance", "add", claim, "https://a.example/1", "--quote", "first")  # the same
    replaced = cli.ok("appearance", "add", claim, "https://a.example/1", "--quote", "corrected",
                      "--replace-quote")
    assert f"Replaced the quote of claim {claim} at https://a.example/1; it was “first”." \
        in replaced.stderr
    listed = json.loads(cli.ok("appearance", "list", claim, "-f", "json").stdout)
    assert [(a["url"], a["quote"], a["seen"]) for a in listed] == [
        ("https://a.example/1", "corrected", "2022-01-17"),
        ("https://b.example/2", None, None),
    ]
    cli.ok("appearance", "rm", claim, "https://b.example/2")
    assert "no appearance" in cli.fails("appearance", "rm", claim, "https://b.example/2").stderr
    assert len(json.loads(cli.ok("appearance", "list", claim, "-f", "json").stdout)) == 1
