"""Disputes, `show` and `report contested`: both sides, every format, the seed demo."""

from __future__ import annotations

import csv
import io
import json

from claimtrack.core.enums import Relation
from claimtrack.services import claims, disputes, links, verdicts
from tests.helpers import Cli

SEED_DISPUTES = {
    # contested claim -> (its speaker, {relation: [responding speakers]})
    "c-seed00000001": ("White House", {"denies": ["Sergey Lavrov"]}),
    "c-seed00000003": (
        "Government of Ukraine",
        {"denies": ["Government of Russia"], "supports": [None]},
    ),
    "c-seed00000005": ("Government of Russia", {"denies": ["Government of Ukraine"]}),
    "c-seed00000007": (
        "Sergei Ryabkov",
        {"contradicts": ["Jake Sullivan"], "evades": ["Dmitry Peskov"]},
    ),
}


def test_seed_report_has_the_four_disputes_with_both_sides(seeded: Cli) -> None:
    report = json.loads(seeded.ok("report", "contested", "--format", "json").stdout)
    found = {}
    for dispute in report:
        sides: dict[str, list[str | None]] = {}
        for response in dispute["responses"]:
            sides.setdefault(response["relation"], []).append(response["claim"]["speaker"])
        found[dispute["claim"]["id"]] = (dispute["claim"]["speaker"], sides)
        assert set(dispute["claim"]) >= {"id", "text", "speaker", "date"}
        assert dispute["verdicts"] == []
    assert found == SEED_DISPUTES
    # most challenged first: Ryabkov's statement has two challenges
    assert report[0]["claim"]["id"] == "c-seed00000007"


def test_seed_report_as_text_names_both_sides(seeded: Cli) -> None:
    text = seeded.ok("report", "contested").stdout
    assert text.startswith("Contested claims: 4 disputes")
    for phrase in (
        "denied by Sergey Lavrov",
        '"total disinformation."',
        "false-flag operation",
        "contradicted by Jake Sullivan",
        "evaded by Dmitry Peskov",
        "denied by Government of Ukraine",
        "denied by Government of Russia",
    ):
        assert phrase in text, phrase
    assert "Lukashenko" not in text  # context claims are not disputes


def test_report_filters(seeded: Cli) -> None:
    def ids(*options: str) -> list[str]:
        report = json.loads(seeded.ok("report", "contested", "-f", "json", *options).stdout)
        return [d["claim"]["id"] for d in report]

    assert ids("--speaker", "ryabkov") == ["c-seed00000007"]
    assert ids("--tag", "false-flag") == ["c-seed00000001"]
    assert ids("--since", "2022-01-14") == ["c-seed00000001"]
    assert ids("--until", "2022-01-13") == []
    assert len(ids("--limit", "2")) == 2
    table = seeded.ok("report", "contested", "--tag", "false-flag", "--tag", "ukraine").stdout
    assert table.splitlines()[0].endswith("; tag: false-flag, ukraine.")


def test_report_markdown_and_csv(seeded: Cli) -> None:
    markdown = seeded.ok("report", "contested", "--format", "markdown").stdout
    assert markdown.startswith("# Contested claims")
    assert markdown.count("\n## ") == 4
    assert "| denied by" in markdown
    rows = list(csv.DictReader(io.StringIO(seeded.ok("report", "contested", "-f", "csv").stdout)))
    assert {r["dispute"] for r in rows} == {"1", "2", "3", "4"}
    lavrov = next(r for r in rows if r["speaker"] == "Sergey Lavrov")
    assert (lavrov["side"], lavrov["relation"]) == ("response", "denies")


def test_show_is_a_tree_of_both_sides(seeded: Cli) -> None:
    tree = seeded.ok("show", "c-seed00000007").stdout
    assert tree.splitlines()[0].startswith(
        "c-seed00000007  Sergei Ryabkov  [contested: 2 challenges]"
    )
    assert "├─ contradicted by Jake Sullivan" in tree
    assert "└─ evaded by Dmitry Peskov · 2022-01-17" in tree
    shown = json.loads(seeded.ok("show", "c-seed00000003", "-f", "json").stdout)
    assert [r["relation"] for r in shown["responses"]] == ["denies", "supports"]
    csv_rows = seeded.ok("show", "c-seed00000001", "-f", "csv").stdout.splitlines()
    assert len(csv_rows) == 3  # header, claim, denial
    assert seeded.ok("show", "c-seed00000001", "-f", "markdown").stdout.startswith("# White House")


def test_show_of_an_uncontested_claim(seeded: Cli) -> None:
    tree = seeded.ok("show", "c-seed00000011").stdout
    assert "[not contested]" in tree
    assert "Vladimir Putin" in tree


def test_supporters_of_a_response_are_nested(cli: Cli) -> None:
    claim = cli.add("The claim", "--speaker", "A")
    denial = cli.add("The denial", "--speaker", "B")
    backing = cli.add("Backing for the denial", "--speaker", "C")
    cli.ok("link", "add", denial, "denies", claim)
    cli.ok("link", "add", backing, "supports", denial)
    shown = json.loads(cli.ok("show", claim, "-f", "json").stdout)
    (response,) = shown["responses"]
    assert response["claim"]["id"] == denial
    assert [s["claim"]["speaker"] for s in response["supporters"]] == ["C"]
    assert "+ supported by C" in cli.ok("show", claim).stdout


def test_empty_report(cli: Cli) -> None:
    assert "Nothing is contested yet" in cli.ok("report", "contested").stdout
    assert json.loads(cli.ok("report", "contested", "-f", "json").stdout) == []


def test_counters_follow_every_link_and_verdict_change(session) -> None:  # type: ignore[no-untyped-def]
    claim = claims.add_claim(session, text="Claim")
    first = claims.add_claim(session, text="Denial")
    second = claims.add_claim(session, text="Contradiction")
    support = claims.add_claim(session, text="Support")

    def state() -> tuple[int, bool, list[str]]:
        session.refresh(claim)
        contested = [d.claim.id for d in disputes.contested(session)]
        return claim.challenge_count, claim.verdicts_disagree, contested

    assert state() == (0, False, [])
    denial = links.add_link(session, first, Relation.DENIES, claim)
    links.add_link(session, second, Relation.CONTRADICTS, claim)
    links.add_link(session, support, Relation.SUPPORTS, claim)
    assert state() == (2, False, [claim.public_id])
    links.remove_link(session, denial)
    assert state()[0] == 1
    claims.remove_claim(session, second, cascade=True)
    assert state() == (0, False, [])
    true = verdicts.add_verdict(session, claim, rating="True", by="Checker A")
    verdicts.add_verdict(session, claim, rating="Mostly False", by="Checker B")
    assert state() == (0, True, [claim.public_id])
    verdicts.remove_verdict(session, true)
    assert state() == (0, False, [])
    verdicts.add_verdict(session, claim, rating="Pants on Fire", by="Checker C")
    assert state() == (0, False, [])  # false and mostly-false agree


def test_most_challenged_first_then_newest(cli: Cli) -> None:
    older = cli.add("older, one challenge")
    twice = cli.add("twice challenged")
    newer = cli.add("newer, one challenge")
    for number, target in enumerate((older, twice, twice, newer)):
        cli.ok("link", "add", cli.add(f"denial number {number}"), "denies", target)
    report = json.loads(cli.ok("report", "contested", "-f", "json").stdout)
    assert [d["claim"]["id"] for d in report] == [twice, newer, older]


def test_a_dispute_record_holds_what_its_page_shows(session) -> None:  # type: ignore[no-untyped-def]
    """The dispute, the record of every page its claims appeared on (looked up by any
    spelling of their URLs, in one query) and the claim's edits, newest first."""
    from claimtrack.services import sources
    from claimtrack.store.history import tracking

    claim = claims.add_claim(session, text="The bridge closed for a week",
                             source_url="https://news.example.org/bridge/")
    denial = claims.add_claim(session, text="It closed for two days",
                              source_url="https://council.example.org/statement")
    links.add_link(session, denial, Relation.DENIES, claim)
    session.flush()
    record = disputes.dispute_record(session, claim, history=5)
    assert record.dispute.claim.id == claim.public_id
    assert [r.claim.id for r in record.dispute.responses] == [denial.public_id]
    assert set(record.sources) == {"https://news.example.org/bridge/",
                                   "https://council.example.org/statement"}
    assert record.history == []  # written at commit: nothing yet
    tracking.write_pending(session)
    edits = disputes.dispute_record(session, claim, history=5).history
    assert [(e.action, e.entity) for e in edits] == [("create", "link"), ("create", "claim")]
    found = sources.source_views(session, ["HTTPS://NEWS.example.org/bridge", "not a url",
                                           "https://unknown.example.org/"])
    assert [(url, view.url) for url, view in found.items()] == [
        ("HTTPS://NEWS.example.org/bridge", "https://news.example.org/bridge/")]
