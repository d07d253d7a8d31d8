"""The edit history through the real CLI: every mutation, who, when, before and after."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from claimtrack.core.values import url_key
from claimtrack.models import Claim, HistoryEntry, Source
from claimtrack.services import claims
from claimtrack.store.history import tracking
from tests.helpers import FIXTURES, Cli, snapshot


def changes(cli: Cli, *args: str) -> list[dict[str, Any]]:
    return list(json.loads(cli.ok("history", "--limit", "0", "-f", "json", *args).stdout))


def test_every_kind_of_change_is_recorded_with_who_and_what(cli: Cli) -> None:
    claim = cli.add("Original", "--speaker", "Alice", "--tag", "one")
    denial = cli.add("Denial")
    steps = [
        ("claim edit", ["claim", "edit", claim, "--text", "Edited", "--untag", "one"]),
        ("appearance add", ["appearance", "add", claim, "https://example.com/a", "--quote", "q"]),
        ("appearance rm", ["appearance", "rm", claim, "https://example.com/a"]),
        ("actor add", ["actor", "add", "Bob", "--alias", "Robert"]),
        ("actor edit", ["actor", "edit", "Bob", "--kind", "person", "--remove-alias", "Robert"]),
        ("source add", ["source", "add", "https://example.com/b", "--title", "T"]),
        ("source edit", ["source", "edit", "https://example.com/b", "--title", "T2"]),
        ("link add", ["link", "add", denial, "denies", claim]),
        ("verdict add", ["verdict", "add", claim, "--rating", "False", "--by", "Checker"]),
        ("claim status", ["claim", "status", "in-review", claim]),
        ("link rm", ["link", "rm", denial, "denies", claim]),
        ("actor rm", ["actor", "rm", "Bob"]),
    ]
    for command, args in steps:
        before = len(changes(cli))
        cli.ok("--user", "editor", *args)
        after = changes(cli)
        recorded = after[: len(after) - before]
        assert recorded, f"{command} recorded nothing"
        assert {(entry["command"], entry["user"]) for entry in recorded} == {(command, "editor")}
    verdict = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)[0]["id"]
    cli.ok("verdict", "rm", verdict)
    cli.ok("claim", "rm", claim)
    log = changes(cli)
    assert [(e["action"], e["entity"]) for e in log[:2]] == [("delete", "claim"),
                                                             ("delete", "verdict")]
    edit = next(e for e in log if e["command"] == "claim edit")
    assert (edit["before"]["text"], edit["after"]["text"]) == ("Original", "Edited")
    assert (edit["before"]["tags"], edit["after"]["tags"]) == (["one"], [])
    assert edit["changes"] == "text: Original → Edited; tags: -one"
    removed = next(e for e in log if e["command"] == "appearance rm")
    assert removed["before"]["appearances"][0]["quote"] == "q"
    assert removed["after"]["appearances"] == []
    link = next(e for e in log if e["command"] == "link add")
    assert (link["key"], link["claim"]) == ("1", claim)
    assert link["after"] == {"from_claim": denial, "relation": "denies", "to_claim": claim,
                             "note": None, "source": None, "status": "confirmed",
                             "created_at": link["after"]["created_at"]}
    status = next(e for e in log if e["command"] == "claim status")
    assert status["changes"] == "status: draft → in-review"


def test_a_replaced_passage_reads_as_its_change(cli: Cli) -> None:
    claim = cli.add("The dam is leaking badly")
    page = "https://other.example/p"
    cli.ok("appearance", "add", claim, page, "--quote", "passage here")
    cli.ok("appearance", "add", claim, page, "--quote", "a different passage", "--replace-quote")
    cli.ok("appearance", "add", claim, "https://second.example/q")
    updates = [e["changes"] for e in changes(cli, claim) if e["action"] == "update"]
    added, replaced = updates[:2]  # newest first
    assert replaced == f"appearances: {page} quote: passage here → a different passage"
    assert added == "appearances: +https://second.example/q"


def test_who_comes_from_user_option_then_environment_then_login(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "login-name")
    monkeypatch.delenv("CLAIMTRACK_USER", raising=False)
    cli.add("by login")
    monkeypatch.setenv("CLAIMTRACK_USER", "from-env")
    cli.add("by env")
    cli.ok("--user", "Ana María", "claim", "add", "by option")
    assert [e["user"] for e in changes(cli)] == ["Ana María", "from-env", "login-name"]
    assert [e["user"] for e in changes(cli, "--by", "from-env")] == ["from-env"]
    result = cli.fails("--user", " ", "claim", "add", "x")
    assert "user name" in result.stderr


def test_a_failed_command_records_nothing(cli: Cli) -> None:
    claim = cli.add("Claim")
    before = snapshot(cli.url)
    cli.fails("claim", "add", "x", "--speaker", "New Person", "--source", "not a url")
    cli.fails("claim", "edit", claim, "--text", "new", "--untag", "missing")
    cli.fails("claim", "status", "published", claim)
    cli.fails("import", str(FIXTURES / "README.md"))
    assert snapshot(cli.url) == before


def test_history_filters_and_ids(cli: Cli) -> None:
    claim = cli.add("A claim")
    other = cli.add("Another")
    cli.ok("link", "add", other, "contradicts", claim)
    verdict = cli.ok("verdict", "add", claim, "--rating", "True", "--by", "X").stdout.strip()
    assert {e["entity"] for e in changes(cli, claim)} == {"claim", "link", "verdict"}
    assert {e["entity"] for e in changes(cli, other[:6])} == {"claim", "link"}
    assert [e["key"] for e in changes(cli, verdict)] == [verdict]
    assert [e["entity"] for e in changes(cli, "1")] == ["link"]
    assert [e["entity"] for e in changes(cli, "--entity", "actor")] == ["actor"]
    assert changes(cli, "--since", "2999-01-01T00:00:00Z") == []
    assert len(changes(cli, "--since", "2000-01-01")) == 5
    cli.ok("claim", "rm", other, "--cascade")
    assert changes(cli, other)[0]["action"] == "delete"  # a deleted claim keeps its history
    assert "No history" in cli.fails("history", "c-zzzzzzzzzzzz").stderr
    assert "not one of the choices" in cli.fails("history", "--entity", "planet", code=2).stderr
    assert "No history is recorded for link 99999" in cli.fails("history", "99999").stderr
    assert "ISO 8601" in cli.fails("history", "--since", "yesterday-ish").stderr


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_history_in_every_format_keeps_text_verbatim(cli: Cli, fmt: str) -> None:
    text = 'שקר | "=cmd" <b>\nsecond line'
    claim = cli.add(text)
    output = cli.ok("history", claim, "-f", fmt).stdout
    if fmt == "json":
        assert json.loads(output)[0]["after"]["text"] == text
    elif fmt == "csv":
        row = next(csv.DictReader(io.StringIO(output)))
        assert row["action"] == "create" and row["key"] == claim
    elif fmt == "markdown":
        assert "\\|" in output and "&lt;b&gt;" in output
    else:
        assert claim in output and "create" in output


def test_a_command_changing_a_claim_twice_records_one_entry(cli: Cli) -> None:
    claim = cli.add("Text", "--source", "https://example.com/a", "--quote", "q", "--tag", "t")
    entries = changes(cli, claim)
    assert [(e["action"], e["entity"]) for e in entries] == [("create", "claim")]
    assert entries[0]["after"]["appearances"][0]["source"] == "https://example.com/a"


def test_core_statements_are_recorded_through_the_explicit_api(session: Session) -> None:
    claim = claims.add_claim(session, text="Bulk-loaded neighbour")
    tracking.write_pending(session)
    ids = session.scalars(
        insert(Source).returning(Source.id),
        [{"url": "https://example.com/1", "url_key": url_key("https://example.com/1"),
          "created_at": claim.created_at}],
    ).all()
    tracking.track_created(session, Source, ids)
    tracking.track(session, Claim, [claim.id])
    session.execute(update(Claim).where(Claim.id == claim.id).values(summary="Set in bulk"))
    tracking.track(session, Source, ids)
    session.execute(delete(Source).where(Source.id.in_(ids)))
    tracking.record(session, "merge", "claim", claim.public_id, claim=claim.public_id,
                   after={"merged_into": claim.public_id})
    assert tracking.write_pending(session) == 2  # source created+deleted: nothing; update; merge
    entries = session.scalars(select(HistoryEntry).order_by(HistoryEntry.id)).all()
    assert [(e.action, e.entity) for e in entries] == [
        ("create", "claim"), ("update", "claim"), ("merge", "claim")]
    assert (entries[1].before["summary"], entries[1].after["summary"]) == (None, "Set in bulk")
    assert session.scalar(select(func.count()).select_from(HistoryEntry)) == 3


def test_bulk_imports_are_recorded_and_can_be_undone(cli: Cli) -> None:
    """Imports write with Core executemany, not the ORM: the history must still see them."""
    cli.ok("import", str(FIXTURES / "seed.json"))
    created = json.loads(cli.ok("history", "c-seed00000001", "-f", "json").stdout)
    assert {(e["command"], e["action"], e["entity"]) for e in created} == {
        ("import", "create", "claim"), ("import", "create", "link")}
    document = json.loads(cli.ok("export").stdout)
    original = next(c for c in document["claims"] if c["id"] == "c-seed00000001")
    stamp = json.loads(cli.ok("history", "-f", "json").stdout)[0]["at"]
    original["text"] = "Rewritten by a second import"
    original["tags"] = [*original["tags"], "imported"]
    cli.ok("import", "-", input=json.dumps(document))
    latest = json.loads(cli.ok("history", "c-seed00000001", "-f", "json").stdout)[0]
    assert (latest["command"], latest["action"]) == ("import", "update")
    assert latest["before"]["text"].startswith("Russia has already deployed")
    assert latest["after"]["text"] == "Rewritten by a second import"
    assert "imported" in latest["after"]["tags"]
    cli.ok("claim", "restore", "c-seed00000001", "--at", stamp)
    shown = json.loads(cli.ok("claim", "show", "c-seed00000001", "-f", "json").stdout)
    assert shown["text"].startswith("Russia has already deployed")
    assert "imported" not in shown["tags"]


def test_an_import_of_several_batches_reads_as_one_change(session: Session) -> None:
    """Imports write their history batch by batch (memory stays flat): one entry per record,
    and every entry with the same time and batch id."""
    from claimtrack.formats.jsonl import read_jsonl
    from claimtrack.interchange.importer import Importer

    lines = [json.dumps({"type": "claim", "id": f"c-00000000000{n}", "text": f"Claim {n}",
                         "tags": ["bulk"]}) for n in range(1, 8)]
    lines += [json.dumps({"type": "link", "from": "c-000000000002", "relation": "denies",
                          "to": "c-000000000001"})]
    importer = Importer(session, batch_size=3)
    importer.feed(read_jsonl(io.BytesIO("\n".join(lines).encode())), "bulk.jsonl")
    importer.finish()
    tracking.write_pending(session)
    entries = session.scalars(select(HistoryEntry).order_by(HistoryEntry.id)).all()
    assert sorted((e.entity, e.entity_key) for e in entries) == sorted(
        [("claim", f"c-00000000000{n}") for n in range(1, 8)] + [("link", entries[-1].entity_key)])
    assert {e.action for e in entries} == {"create"}
    assert len({(e.batch, e.at) for e in entries}) == 1
    assert entries[0].after["tags"] == ["bulk"]


def test_an_edit_at_the_end_of_a_long_claim_shows_where_it_changed(cli: Cli) -> None:
    text = ('Peskov: "There is no build-up. These claims are absolutely baseless and part of a '
            'long campaign."')
    claim = cli.add(text)
    cli.ok("claim", "edit", claim, "--text", text + ", he said.")
    (edit,) = [c for c in changes(cli, claim) if c["action"] == "update"]
    assert edit["changes"] == 'text: …long campaign." → …long campaign.", he said.'
    short = cli.add("Short")
    cli.ok("claim", "edit", short, "--text", "Shorter")
    assert [c["changes"] for c in changes(cli, short) if c["action"] == "update"] == [
        "text: Short → Shorter"]
