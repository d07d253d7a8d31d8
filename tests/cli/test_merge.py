"""claim merge through the real CLI: everything moves, the old id keeps working."""

from __future__ import annotations

import json

from tests.helpers import ORIGINAL, REWORDED, Cli, contested_ids, links, shown, snapshot


def claim_ids(cli: Cli) -> list[str]:
    return [c["id"] for c in json.loads(cli.ok("claim", "list", "-f", "json").stdout)]


def test_merge_moves_everything_and_keeps_the_old_id(cli: Cli) -> None:
    keep = cli.add(ORIGINAL, "--speaker", "White House", "--tag", "ukraine",
                   "--source", "https://example.com/a", "--quote", "operatives")
    drop = cli.add(REWORDED, "--speaker", "CNN", "--tag", "false-flag",
                   "--source", "https://example.com/b", "--quote", "false flag")
    denial = cli.add("This is total disinformation", "--speaker", "Sergey Lavrov")
    support = cli.add("Officials confirmed the deployment")
    cli.ok("link", "add", denial, "denies", drop)
    cli.ok("link", "add", support, "supports", drop)
    cli.ok("link", "add", drop, "same_as", keep)  # becomes KEEP→KEEP: dropped
    cli.ok("verdict", "add", drop, "--rating", "Unproven", "--by", "Checker")
    assert contested_ids(cli) == [drop]

    result = cli.ok("claim", "merge", keep, drop)
    assert result.stdout.strip() == keep
    assert "moved 1 appearance, 2 links, 1 verdict, 1 tag" in result.stderr
    assert "dropped 1 duplicate link." in result.stderr

    record = shown(cli, keep)
    assert record["tags"] == ["false-flag", "ukraine"]
    assert [s["url"] for s in record["sources"]] == ["https://example.com/a",
                                                     "https://example.com/b"]
    assert {(li["from_claim"], li["relation"]) for li in record["links"]} == {
        (denial, "denies"), (support, "supports")}
    assert all(li["to_claim"] == keep for li in record["links"])
    assert [v["claim"] for v in record["verdicts"]] == [keep]
    assert record["challenges"] == 1 and contested_ids(cli) == [keep]
    assert drop not in claim_ids(cli)
    # The old id leads to the claim kept, everywhere an id is typed.
    old = cli.ok("claim", "show", drop, "-f", "json")
    assert json.loads(old.stdout)["id"] == keep and "merged into" in old.stderr
    assert json.loads(cli.ok("claim", "show", drop[:8], "-f", "json").stdout)["id"] == keep
    other = cli.add("Another answer")
    cli.ok("link", "add", other, "contradicts", drop)
    assert links(cli, other)[0]["to"] == keep
    assert [hit["id"] for hit in json.loads(cli.ok("search", "flag", "-f", "json").stdout)] == [
        keep]


def test_duplicate_links_keep_the_stronger_decision(cli: Cli) -> None:
    keep = cli.add(ORIGINAL, "--source", "https://example.com/same")
    drop = cli.add(REWORDED, "--source", "https://example.com/same", "--quote", "dropped's quote")
    third = cli.add("A third claim making the same point about Russian operatives in Ukraine")
    cli.ok("link", "add", third, "denies", keep)
    rejected = cli.ok("link", "add", third, "denies", drop).stdout.strip()
    cli.ok("link", "reject", rejected)
    cli.ok("link", "add", third, "contradicts", drop)
    cli.ok("claim", "merge", keep, drop)
    found = {(li["from"], li["relation"], li["to"], li["status"])
             for li in links(cli)}
    assert found == {(third, "denies", keep, "confirmed"), (third, "contradicts", keep,
                                                             "confirmed")}
    assert shown(cli, keep)["challenges"] == 1  # one challenger, whatever its relations
    # Both appeared in one source: one appearance, with the quote only DROP had.
    assert [(a["url"], a["quote"]) for a in shown(cli, keep)["sources"]] == [
        ("https://example.com/same", "dropped's quote")]


def test_merge_refusals_change_nothing(cli: Cli) -> None:
    keep = cli.add(ORIGINAL)
    drop = cli.add(REWORDED)
    third = cli.add("Yet another claim")
    cli.ok("claim", "merge", keep, drop)
    before = snapshot(cli.url)
    for args, expected in [
        ((keep, keep), "into itself"),
        ((keep, drop), "nothing left to merge"),
        ((drop, third), f"merge into {keep} instead"),
        ((third, drop), f"claimtrack claim merge {third} {keep}"),
        ((keep, "c-zzzzzzzzzzzz"), "not found"),
    ]:
        assert expected in cli.fails("claim", "merge", *args).stderr, args
    assert snapshot(cli.url) == before


def test_merging_twice_flattens_the_chain(cli: Cli) -> None:
    first = cli.add("First wording of the claim")
    second = cli.add("Second wording of the claim")
    third = cli.add("Third wording of the claim")
    cli.ok("claim", "merge", second, first)
    cli.ok("claim", "merge", third, second)
    assert shown(cli, first)["id"] == third
    assert shown(cli, second)["id"] == third
    assert claim_ids(cli) == [third]


def test_import_of_a_merge_merges_claims_still_here(cli: Cli) -> None:
    keep = cli.add(ORIGINAL, "--speaker", "White House")
    drop = cli.add(REWORDED, "--speaker", "CNN", "--source", "https://example.com/b")
    document = {"format": "claimtrack", "version": 1,
                "merges": [{"id": drop, "into": keep, "text": REWORDED}]}
    assert "added 1 (merges 1)" in cli.ok("import", "-", input=json.dumps(document)).stderr
    assert claim_ids(cli) == [keep] and shown(cli, drop)["id"] == keep
    assert [s["url"] for s in shown(cli, keep)["sources"]] == ["https://example.com/b"]


def test_export_keeps_merges_and_import_round_trips(cli: Cli) -> None:
    keep = cli.add(ORIGINAL, "--speaker", "White House")
    drop = cli.add(REWORDED, "--speaker", "CNN", "--date", "2022-01-15")
    cli.ok("claim", "merge", keep, drop)
    exported = json.loads(cli.ok("export").stdout)
    assert [c["id"] for c in exported["claims"]] == [keep]
    [merge] = exported["merges"]
    assert (merge["id"], merge["into"], merge["text"], merge["speaker"], merge["date"]) == (
        drop, keep, REWORDED, "CNN", "2022-01-15")
    # Importing the export again, or an older export that still has DROP, changes nothing.
    before = snapshot(cli.url)
    cli.ok("import", "-", input=json.dumps(exported))
    older = {**exported, "merges": [],
             "claims": exported["claims"] + [{"id": drop, "text": REWORDED}],
             "links": [{"from": drop, "relation": "same_as", "to": keep}]}
    cli.ok("import", "-", input=json.dumps(older))
    assert snapshot(cli.url) == before
    # Into an empty database: the same claims, and DROP's id still resolves.
    cli.ok("claim", "rm", keep)
    assert "not found" in cli.fails("claim", "show", drop).stderr
    cli.ok("import", "-", input=json.dumps(exported))
    assert shown(cli, drop)["id"] == keep
    again = json.loads(cli.ok("export").stdout)
    assert (again["claims"], again["merges"]) == (exported["claims"], exported["merges"])


def test_import_refuses_a_conflicting_merge(cli: Cli) -> None:
    keep = cli.add("Kept claim")
    other = cli.add("Other claim")
    drop = cli.add("Dropped claim")
    cli.ok("claim", "merge", keep, drop)
    document = json.loads(cli.ok("export").stdout)
    document["merges"][0]["into"] = other
    before = snapshot(cli.url)
    assert "merged it into" in cli.fails("import", "-", input=json.dumps(document)).stderr
    assert snapshot(cli.url) == before
