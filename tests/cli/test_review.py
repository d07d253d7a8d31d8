"""Review status: draft → in-review → published, and --published-only for readers."""

from __future__ import annotations

import json

from tests.helpers import Cli, snapshot


def ids(cli: Cli, *args: str) -> list[str]:
    return [c["id"] for c in json.loads(cli.ok("claim", "list", "-f", "json", *args).stdout)]


def contested(cli: Cli, *args: str) -> list[dict[str, object]]:
    return list(json.loads(cli.ok("report", "contested", "-f", "json", *args).stdout))


def test_new_claims_are_drafts_and_the_seed_demo_still_shows_four_disputes(seeded: Cli) -> None:
    assert {c["status"] for c in json.loads(seeded.ok("claim", "list", "-f", "json").stdout)} == {
        "draft"}
    assert len(contested(seeded)) == 4
    assert contested(seeded, "--published-only") == []
    assert "status: published" in seeded.ok("report", "contested", "--published-only").stdout


def test_status_moves_one_step_forward_or_any_step_back(cli: Cli) -> None:
    claim = cli.add("A claim")
    before = snapshot(cli.url)
    result = cli.fails("claim", "status", "published", claim)
    assert "claimtrack claim status in-review" in result.stderr
    assert snapshot(cli.url) == before
    cli.ok("--user", "writer", "claim", "status", "in-review", claim)
    cli.ok("--user", "editor", "claim", "status", "PUBLISHED", claim)
    assert "already published" in cli.ok("claim", "status", "published", claim).stderr
    cli.ok("--user", "editor", "claim", "status", "draft", claim)  # retracted
    moves = [(e["user"], e["changes"]) for e in json.loads(
        cli.ok("history", claim, "-f", "json").stdout) if e["action"] == "update"]
    assert moves == [("editor", "status: published → draft"),
                     ("editor", "status: in-review → published"),
                     ("writer", "status: draft → in-review")]
    assert cli.fails("claim", "status", "approved", claim, code=2)


def test_verdict_status_and_claim_list_filters(cli: Cli) -> None:
    first, second = cli.add("First"), cli.add("Second")
    verdict = cli.ok("verdict", "add", first, "--rating", "False", "--by", "X").stdout.strip()
    cli.ok("claim", "status", "in-review", first, second)
    cli.ok("claim", "status", "published", first)
    cli.ok("verdict", "status", "in-review", verdict)
    assert ids(cli, "--published-only") == [first]
    assert ids(cli, "--status", "in-review") == [second]
    listed = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    assert listed[0]["status"] == "in-review"
    assert "goes to review" not in cli.ok("verdict", "status", "published", verdict).stderr


def test_published_only_report_shows_published_material_only(cli: Cli) -> None:
    claim = cli.add("The claim")
    published_denial = cli.add("A published denial")
    draft_denial = cli.add("A draft denial")
    draft_support = cli.add("A draft supporter")
    cli.ok("link", "add", published_denial, "denies", claim)
    cli.ok("link", "add", draft_denial, "contradicts", claim)
    cli.ok("link", "add", draft_support, "supports", published_denial)
    only_draft_contested = cli.add("Contested by drafts only")
    cli.ok("link", "add", draft_denial, "denies", only_draft_contested)
    true_verdict = cli.ok("verdict", "add", claim, "--rating", "True", "--by", "A").stdout.strip()
    cli.ok("verdict", "add", claim, "--rating", "False", "--by", "B")
    for record in (claim, published_denial, only_draft_contested):
        cli.ok("claim", "status", "in-review", record)
        cli.ok("claim", "status", "published", record)
    cli.ok("verdict", "status", "in-review", true_verdict)
    cli.ok("verdict", "status", "published", true_verdict)

    everything = contested(cli)
    assert {d["claim"]["id"] for d in everything} == {claim, only_draft_contested}
    readers = contested(cli, "--published-only")
    assert [d["claim"]["id"] for d in readers] == [claim]
    dispute = readers[0]
    assert [r["claim"]["id"] for r in dispute["responses"]] == [published_denial]
    assert dispute["responses"][0]["supporters"] == []
    assert [v["id"] for v in dispute["verdicts"]] == [true_verdict]
    assert dispute["verdicts_disagree"] is False and dispute["claim"]["challenges"] == 1
    markdown = cli.ok("report", "contested", "--published-only", "-f", "markdown").stdout
    assert "A draft denial" not in markdown and "A published denial" in markdown
