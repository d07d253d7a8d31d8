"""``claimtrack extract`` through the real CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.extract_devset import seed_path
from tests.helpers import FIXTURES, Cli, snapshot

EXCERPT = FIXTURES / "extract" / "seed_excerpt.txt"
SOURCE = "urn:claimtrack:seed:000_9268d6ca20cf8fd5"


def suggestions(cli: Cli, *args: str, input: str | None = None) -> list[dict[str, Any]]:
    return json.loads(cli.ok("extract", *args, "--format", "json", input=input).stdout)


def find(found: list[dict[str, Any]], speaker: str, words: str) -> dict[str, Any]:
    hits = [s for s in found if s["speaker"] == speaker and words in s["text"]]
    assert len(hits) == 1, (speaker, words, found)
    return hits[0]


def test_the_seed_disputes_are_suggested_with_speakers_and_links(cli: Cli) -> None:
    found = suggestions(cli, str(EXCERPT))
    text = EXCERPT.read_text(encoding="utf-8")
    for suggestion in found:
        assert suggestion["text"] == " … ".join(text[s:e] for s, e in suggestion["spans"])
    false_flag = find(found, "White House", '"false-flag operation"')
    lavrov = find(found, "Sergey Lavrov", "total disinformation")
    warning = find(found, "Ukrainian officials", "could launch an attack")
    denial = find(found, "Russia", "denied having plans to attack")
    accusation = find(found, "Russia", "accused the Ukrainian leadership")
    ukraine = find(found, "Ukrainian authorities", "denied it")
    ryabkov = find(found, "Sergei Ryabkov", "neither confirm nor exclude")
    sullivan = find(found, "Jake Sullivan", "dismissed the comments as bluster")
    assert (false_flag["kind"], false_flag["responds_to"]) == ("claim", None)
    assert (lavrov["kind"], lavrov["responds_to"]) == ("denial", false_flag["id"])
    assert (denial["kind"], denial["responds_to"]) == ("denial", warning["id"])
    assert (accusation["kind"], ukraine["kind"], ukraine["responds_to"]) == (
        "claim", "denial", accusation["id"])
    assert (ryabkov["kind"], sullivan["kind"], sullivan["responds_to"]) == (
        "non-denial", "counter-claim", ryabkov["id"])
    assert [s["id"] for s in found] == [f"s{n}" for n in range(1, len(found) + 1)]
    assert [s["start"] for s in found] == sorted(s["start"] for s in found)


def test_narration_is_not_a_claim_and_unattributed_words_have_no_speaker(cli: Cli) -> None:
    found = suggestions(cli, str(EXCERPT))
    text = EXCERPT.read_text(encoding="utf-8")
    narration = text.index("More than 14,000 people")
    assert not [s for s in found if s["start"] <= narration + 10 < s["end"]]
    article = ("An estimated 100,000 troops are massed near the border, officials said.\n"
               "Rumours that the general had fled spread online. The army denied them.\n"
               "The general was last seen in March.\n")
    found = suggestions(cli, "-", input=article)
    rumour = find(found, None, "the general had fled")
    assert find(found, "army", "denied them")["responds_to"] == rumour["id"]
    assert find(found, "officials", "100,000 troops")["kind"] == "claim"
    assert not [s for s in found if "last seen" in s["text"]]


def test_apply_records_a_contested_report_and_reapplying_adds_nothing(cli: Cli) -> None:
    result = cli.ok("extract", str(EXCERPT), "--apply", "--source", SOURCE, "--all",
                    "--format", "json")
    recorded = json.loads(result.stdout)
    assert {r["status"] for r in recorded} == {"added"}
    assert "Recorded 11 new claims" in result.stderr
    report = json.loads(cli.ok("report", "contested", "--format", "json").stdout)
    disputes = {d["claim"]["speaker"]: d for d in report}
    answers = {
        speaker: {(r["relation"], r["claim"]["speaker"]) for r in dispute["responses"]}
        for speaker, dispute in disputes.items()
    }
    assert answers["White House"] == {("denies", "Sergey Lavrov")}
    assert ("denies", "Russia") in answers["Ukrainian officials"]
    assert answers["Russia"] == {("denies", "Ukrainian authorities")}
    assert answers["Sergei Ryabkov"] == {("contradicts", "Jake Sullivan"),
                                         ("evades", "Dmitry Peskov")}
    shown = json.loads(cli.ok("claim", "show", disputes["White House"]["claim"]["id"],
                              "-f", "json").stdout)
    assert shown["sources"][0]["url"] == SOURCE
    assert shown["sources"][0]["quote"].startswith("The White House said Friday")
    before = snapshot(cli.url)
    again = cli.ok("extract", str(EXCERPT), "--apply", "--source", SOURCE, "--all", "-f", "json")
    assert {r["status"] for r in json.loads(again.stdout)} == {"already recorded"}
    assert snapshot(cli.url) == before


def test_apply_with_a_date_dates_the_claims_and_matches_them_dated(cli: Cli) -> None:
    cli.ok("extract", str(EXCERPT), "--apply", "--source", SOURCE, "--all",
           "--date", "2022-02-18")
    listed = json.loads(cli.ok("claim", "list", "--since", "2022-02-18", "-f", "json").stdout)
    assert len(listed) == 11 and {c["date"] for c in listed} == {"2022-02-18"}
    before = snapshot(cli.url)
    again = cli.ok("extract", str(EXCERPT), "--apply", "--source", SOURCE, "--all",
                   "--date", "2022-02-18", "-f", "json")
    assert {r["status"] for r in json.loads(again.stdout)} == {"already recorded"}
    assert snapshot(cli.url) == before
    assert cli.fails("extract", str(EXCERPT), "--apply", "--source", SOURCE, "--all",
                     "--date", "2022-02-30").stderr.startswith("Error: ")
    assert snapshot(cli.url) == before
    assert "only work with --apply" in cli.fails("extract", str(EXCERPT), "--date",
                                                 "2022-02-18").stderr


def test_accepted_subset_and_links_only_between_recorded_claims(cli: Cli) -> None:
    found = suggestions(cli, str(EXCERPT))
    lavrov = find(found, "Sergey Lavrov", "total disinformation")
    result = cli.ok("extract", str(EXCERPT), "--apply", "--source", SOURCE, "--accept",
                    f"{lavrov['id']}", "-f", "json")
    assert "not accepted: not linked" in result.stderr
    assert [c["speaker"] for c in json.loads(cli.ok("claim", "list", "-f", "json").stdout)] == [
        "Sergey Lavrov"]
    cli.ok("extract", str(EXCERPT), "--apply", "--source", SOURCE, "--accept",
           f"{lavrov['responds_to']},{lavrov['id']}")
    links = json.loads(cli.ok("link", "list", "-f", "json").stdout)
    assert [link["relation"] for link in links] == ["denies"]
    assert len(json.loads(cli.ok("claim", "list", "-f", "json").stdout)) == 2


def test_speakers_resolve_to_recorded_actors_and_aliases(seeded: Cli) -> None:
    found = suggestions(seeded, str(EXCERPT))
    speakers = {s["speaker"] for s in found}
    assert "Alexander Lukashenko" in speakers  # the text says only "Lukashenko"
    assert "Government of Ukraine" in speakers  # "Ukrainian officials" is an alias
    assert "Lukashenko" not in speakers
    actors_before = json.loads(seeded.ok("actor", "list", "-f", "json").stdout)
    seeded.ok("extract", str(EXCERPT), "--apply", "--source", "https://example.com/a", "--all")
    assert len(json.loads(seeded.ok("actor", "list", "-f", "json").stdout)) == len(actors_before)


def test_an_answer_points_at_a_recorded_claim(cli: Cli) -> None:
    claim = cli.add("Russia is massing troops on the border with Ukraine near Belgorod",
                    "--speaker", "Kyiv")
    article = ("The Kremlin on Tuesday denied that Russia is massing troops on the border with "
               "Ukraine near Belgorod.\n")
    [denial] = suggestions(cli, "-", input=article)
    assert (denial["speaker"], denial["kind"], denial["responds_to"]) == (
        "Kremlin", "denial", claim)
    cli.ok("extract", "-", "--apply", "--source", "https://example.com/b", "--all", input=article)
    links = json.loads(cli.ok("link", "list", claim, "-f", "json").stdout)
    assert [(link["relation"], link["to"]) for link in links] == [("denies", claim)]


def test_an_answer_in_other_words_is_found_by_matching(cli: Cli) -> None:
    claim = cli.add("Chemical plants along the river released untreated waste water into the "
                    "drinking supply last spring", "--speaker", "Riverkeepers")
    cli.add("The city council approved a new budget for road repairs next year")
    article = ("The regional environment agency on Monday denied that the chemical plants along "
               "the river released untreated waste water into the drinking supply.\n")
    [denial] = suggestions(cli, "-", input=article)
    assert (denial["kind"], denial["responds_to"]) == ("denial", claim)
    short = "The agency denied that plants polluted the river.\n"
    [vague] = suggestions(cli, "-", input=short)
    assert vague["responds_to"] is None  # under 8 words: never linked to a recorded claim


def test_output_formats(cli: Cli) -> None:
    table = cli.ok("extract", str(EXCERPT)).stdout
    assert table.splitlines()[0].split()[:4] == ["id", "speaker", "kind", "verb"]
    markdown = cli.ok("extract", str(EXCERPT), "-f", "markdown").stdout
    assert markdown.startswith("| id ") and "dismissed … as" in markdown
    rows = cli.ok("extract", str(EXCERPT), "-f", "csv").stdout.splitlines()
    assert rows[0] == "id,speaker,kind,verb,text,responds_to,confidence,start,end"
    empty = cli.ok("extract", "-", input="Nothing was said here.\n")
    assert empty.stdout == "" and "No attributed assertions" in empty.stderr


def test_bad_input_fails_cleanly_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    cli.add("Existing claim")
    before = snapshot(cli.url)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le ministre a dit « non ».".encode("latin-1"))
    cases = [
        (["extract", str(tmp_path / "missing.txt")], "Cannot read"),
        (["extract", str(latin)], "not UTF-8"),
        (["extract", str(EXCERPT), "--apply", "--all"], "--source"),
        (["extract", str(EXCERPT), "--apply", "--source", SOURCE], "--accept"),
        (["extract", str(EXCERPT), "--apply", "--source", SOURCE, "--all", "--accept", "s1"],
         "--accept"),
        (["extract", str(EXCERPT), "--apply", "--source", "not a url", "--all"], "web address"),
        (["extract", str(EXCERPT), "--apply", "--source", SOURCE, "--accept", "s1,s99"], "s99"),
        (["extract", str(EXCERPT), "--accept", "s1"], "--apply"),
        (["extract", str(EXCERPT), "--apply", "--no-db", "--source", SOURCE, "--all"], "--no-db"),
    ]
    for args, expected in cases:
        result = cli.fails(*args)
        assert expected in result.stderr, (args, result.stderr)
    assert snapshot(cli.url) == before


def test_no_db_leaves_the_database_alone(tmp_path: Path) -> None:
    unreachable = Cli("postgresql+psycopg://nobody@127.0.0.1:9/none")
    found = json.loads(unreachable.ok("extract", str(EXCERPT), "--no-db", "-f", "json").stdout)
    assert find(found, "Lukashenko", "maneuvers")["kind"] == "claim"


@pytest.mark.skipif(seed_path() is None, reason="the full seed article is in ../shared/seed only")
def test_every_attributed_assertion_of_the_full_seed_is_found(cli: Cli) -> None:
    path = seed_path()
    assert path is not None
    found = suggestions(cli, str(path))
    speakers = [s["speaker"] for s in found]
    for expected in ("White House", "Sergey Lavrov", "Ukrainian officials", "Alexander Lukashenko",
                     "Russia", "Ukrainian authorities", "Vladimir Putin", "Sergei Ryabkov",
                     "Jake Sullivan", "Dmitry Peskov"):
        assert expected in speakers
    text = path.read_text(encoding="utf-8")
    troops = text.index("an estimated 100,000")
    assert not [s for s in found if s["start"] <= troops < s["end"] and s["speaker"]]
