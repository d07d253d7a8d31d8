"""dedupe, review, link confirm / reject through the real CLI."""

from __future__ import annotations

import json

from tests.helpers import ORIGINAL, OTHER, REWORDED, Cli, contested_ids, links, snapshot


def test_dedupe_suggests_reviews_and_confirms(cli: Cli) -> None:
    original = cli.add(ORIGINAL)
    reworded = cli.add(REWORDED)
    cli.add(OTHER)
    result = cli.ok("dedupe")
    link_id = result.stdout.strip()
    assert link_id.isdigit()
    assert "recorded 1 new suggestion" in result.stderr
    [link] = links(cli)
    assert (link["from"], link["relation"], link["to"], link["status"]) == (
        reworded, "same_as", original, "suggested")
    [pending] = json.loads(cli.ok("review", "-f", "json").stdout)
    assert pending["link"] == int(link_id)
    assert (pending["claim"]["id"], pending["same_as"]["id"]) == (reworded, original)
    assert 0.8 <= pending["score"] <= 1
    assert "link confirm" in cli.ok("review").stderr
    assert "now confirmed" in cli.ok("link", "confirm", link_id).stderr
    assert links(cli)[0]["status"] == "confirmed"
    assert "No suggestions" in cli.ok("review").stderr
    assert cli.ok("dedupe").stdout.strip() == ""  # already linked: not suggested again


def test_rejected_pairs_are_never_suggested_again(cli: Cli) -> None:
    cli.add(ORIGINAL)
    cli.add(REWORDED)
    link_id = cli.ok("dedupe").stdout.strip()
    cli.ok("link", "reject", link_id)
    assert links(cli, "--status", "rejected")[0]["id"] == int(link_id)
    assert cli.ok("dedupe", "--threshold", "0.1").stdout.strip() == ""
    assert json.loads(cli.ok("review", "-f", "json").stdout) == []


def test_suggestions_do_not_count_until_confirmed(cli: Cli) -> None:
    claim = cli.add("The claim under dispute")
    denial = cli.add("The denial of it")
    link_id = cli.ok("link", "add", denial, "denies", claim).stdout.strip()
    assert contested_ids(cli) == [claim]
    cli.ok("link", "reject", link_id)
    assert contested_ids(cli) == []
    assert json.loads(cli.ok("claim", "show", claim, "-f", "json").stdout)["challenges"] == 0
    assert "now confirmed" in cli.ok("link", "confirm", link_id).stderr
    assert contested_ids(cli) == [claim]
    assert "already confirmed" in cli.ok("link", "confirm", link_id).stderr


def test_link_add_confirms_a_suggestion(cli: Cli) -> None:
    original = cli.add(ORIGINAL)
    reworded = cli.add(REWORDED)
    link_id = cli.ok("dedupe").stdout.strip()
    result = cli.ok("link", "add", reworded, "same_as", original, "--note", "Same wire copy",
                    "--source", "https://example.com/wire")
    assert result.stdout.strip() == link_id
    assert "now confirmed" in result.stderr
    [link] = links(cli)
    assert (link["status"], link["note"], link["source"]) == (
        "confirmed", "Same wire copy", "https://example.com/wire")
    assert "already recorded" in cli.fails("link", "add", reworded, "same_as", original).stderr


def test_short_distinct_linked_and_denying_claims_are_not_suggested(cli: Cli) -> None:
    cli.add("Vaccines are safe")
    cli.add("Vaccines are not safe")
    original = cli.add(ORIGINAL)
    cli.add(OTHER)
    cli.add("Russia has not deployed operatives to eastern Ukraine to carry out a false-flag "
            "operation")
    result = cli.ok("dedupe", "--threshold", "0.5")
    assert result.stdout.strip() == ""
    assert "Scanned 5 claims; recorded 0" in result.stderr
    # A pair already linked some other way is not a duplicate either.
    reworded = cli.add(REWORDED)
    cli.ok("link", "add", reworded, "supports", original)
    assert cli.ok("dedupe").stdout.strip() == ""


def test_suggestions_survive_export_and_import(cli: Cli, tmp_path: object) -> None:
    cli.add(ORIGINAL)
    cli.add(REWORDED)
    cli.ok("dedupe")
    exported = json.loads(cli.ok("export").stdout)
    assert [link["status"] for link in exported["links"]] == ["suggested"]
    before = snapshot(cli.url)
    assert "unchanged" in cli.ok("import", "-", input=json.dumps(exported)).stderr
    assert snapshot(cli.url) == before
    exported["links"][0]["status"] = "rejected"
    cli.ok("import", "-", input=json.dumps(exported))
    assert links(cli)[0]["status"] == "rejected"
    exported["links"][0]["status"] = "maybe"
    assert "status" in cli.fails("import", "-", input=json.dumps(exported)).stderr


def test_decisions_need_an_existing_link(cli: Cli) -> None:
    assert "not found" in cli.fails("link", "confirm", "99").stderr
    assert cli.fails("link", "reject", "x", code=2).exit_code == 2
    assert "'--threshold'" in cli.fails("dedupe", "--threshold", "0", code=2).output


def test_logged_since_scans_new_claims_against_all(cli: Cli) -> None:
    old = {"format": "claimtrack", "version": 1, "claims": [
        {"id": "c-000000000001", "text": ORIGINAL, "created_at": "2020-01-01T00:00:00Z"},
        {"id": "c-000000000002", "text": OTHER, "created_at": "2020-01-01T00:00:00Z"}]}
    cli.ok("import", "-", input=json.dumps(old))
    new = cli.add(REWORDED)
    result = cli.ok("dedupe", "--logged-since", "yesterday")
    assert "Scanned 1 claim; recorded 1 new suggestion." in result.stderr
    assert [(li["from"], li["to"]) for li in links(cli)] == [
        (new, "c-000000000001")]
    assert "not a date" in cli.fails("dedupe", "--logged-since", "soon").stderr
