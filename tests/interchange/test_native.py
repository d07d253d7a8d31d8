"""Native export/import: lossless, idempotent, and all-or-nothing on bad files."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from claimtrack.core.errors import InvalidInput
from tests.helpers import FIXTURES, Cli, snapshot


def build(cli: Cli) -> None:
    cli.ok("import", str(FIXTURES / "seed.json"))
    cli.ok(
        "source",
        "edit",
        "urn:claimtrack:seed:000_9268d6ca20cf8fd5",
        "--title",
        "Seed | article",
        "--retrieved",
        "2022-01-18T09:30:00+01:00",
        "--archive-url",
        "https://archive.org/x",
    )
    claim = cli.add(
        'Tab\tnewline\n"quotes" «ёлка» עברית =1+1',
        "--speaker",
        "Ünïcode Speaker",
        "--tag",
        "weird",
        "--summary",
        "odd text",
        "--language",
        "ru",
        "--source",
        "https://example.com/a",
        "--quote",
        "=HYPERLINK()",
    )
    cli.ok(
        "verdict",
        "add",
        claim,
        "--rating",
        "Pants on Fire!",
        "--by",
        "PolitiFact",
        "--url",
        "https://politifact.com/x",
        "--date",
        "2022-01-20",
        "--note",
        "Nope.",
    )
    cli.ok(
        "verdict",
        "add",
        "c-seed00000001",
        "--rating",
        "Mostly True",
        "--by",
        "Checker",
        "--normalized",
        "mostly-true",
    )
    cli.ok(
        "link",
        "add",
        claim,
        "same_as",
        "c-seed00000013",
        "--note",
        "n",
        "--source",
        "https://example.com/b",
    )


def without_time(document: dict) -> dict:  # type: ignore[type-arg]
    document = copy.deepcopy(document)
    document.pop("exported_at")
    return document


def test_export_import_export_is_identical(cli: Cli, tmp_path: Path) -> None:
    build(cli)
    first = json.loads(cli.ok("export").stdout)
    path = tmp_path / "export.json"
    cli.ok("export", "-o", str(path))
    assert without_time(json.loads(path.read_text(encoding="utf-8"))) == without_time(first)

    other = Cli(f"sqlite:///{tmp_path / 'other.db'}")
    summary = other.ok("import", str(path)).stderr
    assert "updated 0" in summary and "unchanged 0" in summary
    second = json.loads(other.ok("export").stdout)
    assert without_time(second) == without_time(first)
    assert first["claims"][0]["id"].startswith("c-")
    assert {v["rating"] for v in first["verdicts"]} == {"Pants on Fire!", "Mostly True"}


def test_import_twice_changes_nothing(cli: Cli) -> None:
    build(cli)
    before = snapshot(cli.url)
    exported = cli.ok("export").stdout
    result = cli.ok("import", "-", input=exported)
    assert "added 0" in result.stderr and "updated 0" in result.stderr
    assert snapshot(cli.url) == before


def test_import_updates_changed_records(cli: Cli) -> None:
    build(cli)
    document = json.loads(cli.ok("export").stdout)
    document["claims"][0]["text"] = "Edited elsewhere"
    result = cli.ok("import", "-", input=json.dumps(document))
    assert "updated 1 (claims 1)" in result.stderr
    shown = json.loads(cli.ok("claim", "show", document["claims"][0]["id"], "-f", "json").stdout)
    assert shown["text"] == "Edited elsewhere"


def test_imported_links_make_claims_contested(cli: Cli) -> None:
    cli.ok("import", str(FIXTURES / "seed.json"))
    listed = json.loads(cli.ok("claim", "list", "-f", "json").stdout)
    challenges = {c["id"]: c["challenges"] for c in listed}
    assert challenges["c-seed00000007"] == 2 and challenges["c-seed00000001"] == 1


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(format="other"), "not a claimtrack export"),
        (lambda d: d.update(version=99), "version"),
        (lambda d: d["claims"][3].update(date="2022-13-01"), "claims[3]"),
        (lambda d: d["claims"][1].update(text=""), "claims[1]: The claim text is empty"),
        (lambda d: d["claims"][0].update(id="nonsense!"), "not a claim id"),
        (lambda d: d["links"][0].update(relation="refutes"), "links[0]: 'relation' is 'refutes'"),
        (lambda d: d["links"][0].update(to="c-zzzzzzzzzzzz"), "neither in the file"),
        (lambda d: d["links"][0].update(to=d["links"][0]["from"]), "itself"),
        (lambda d: d["actors"][0].update(kind="alien"), "actors[0]"),
        (lambda d: d["claims"][0].update(colour="red"), "unknown fields colour"),
    ],
)
def test_bad_documents_are_refused_whole(cli: Cli, mutate, expected: str) -> None:  # type: ignore[no-untyped-def]
    cli.ok("claim", "add", "Already here")
    before = snapshot(cli.url)
    document = json.loads((FIXTURES / "seed.json").read_text(encoding="utf-8"))
    mutate(document)
    result = cli.fails("import", "-", input=json.dumps(document))
    assert expected in result.stderr
    assert snapshot(cli.url) == before


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "claimtrack", "version": 1, "claims": [', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"name": "a page, no review"}', "holds nothing to import"),
        (b'{"format": "claimtrack", "actors": [{"name": "A"}]}', "format version None"),
    ],
)
def test_broken_files_are_refused(cli: Cli, tmp_path: Path, payload: bytes, expected: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(payload)
    assert expected in cli.fails("import", str(path)).stderr


def test_missing_file(cli: Cli, tmp_path: Path) -> None:
    assert "Cannot read" in cli.fails("import", str(tmp_path / "nope.json")).stderr
    assert "Cannot write" in cli.fails("export", "-o", str(tmp_path / "no" / "dir.json")).stderr


def test_a_failed_export_leaves_an_existing_file_as_it_was(cli: Cli, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    cli.add("Worth keeping")
    cli.ok("export", "-o", str(backup))
    kept = backup.read_bytes()
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE other (x)").connection.commit()
    failed = Cli(f"sqlite:///{foreign}").fails("export", "-o", str(backup))
    assert "not made by claimtrack" in failed.stderr
    assert backup.read_bytes() == kept
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_both_readers_require_the_version(session: Session) -> None:
    from claimtrack.interchange import native as exchange

    with pytest.raises(InvalidInput, match="format version None"):
        exchange.import_document(session, {"format": "claimtrack", "actors": [{"name": "A"}]})


def test_review_stages_go_out_and_come_back(cli: Cli, second_database_url: str) -> None:
    claim = cli.add("A published claim")
    denial = cli.add("A denial in review")
    draft = cli.add("A draft")
    cli.ok("link", "add", denial, "denies", claim)
    verdict = cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Checker").stdout.strip()
    for status in ("in-review", "published"):
        cli.ok("claim", "status", status, claim)
        cli.ok("verdict", "status", status, verdict)
    cli.ok("claim", "status", "in-review", denial)
    document = json.loads(cli.ok("export").stdout)
    stages = {c["id"]: c.get("status") for c in document["claims"]}
    assert stages == {claim: "published", denial: "in-review", draft: None}  # drafts: unsaid
    assert [v.get("status") for v in document["verdicts"]] == ["published"]

    other = Cli(second_database_url)
    other.ok("import", "-", input=json.dumps(document))
    for claim_id, status in ((claim, "published"), (denial, "in-review"), (draft, "draft")):
        shown = json.loads(other.ok("claim", "show", claim_id, "-f", "json").stdout)
        assert shown["status"] == status, claim_id
    (kept,) = json.loads(other.ok("verdict", "list", "-f", "json").stdout)
    assert kept["status"] == "published"
    # A file from before stages were exported says nothing of them: nothing is unpublished.
    for record in [*document["claims"], *document["verdicts"]]:
        record.pop("status", None)
        record["text" if "text" in record else "explanation"] = "Changed"
    other.ok("import", "-", input=json.dumps(document))
    assert json.loads(other.ok("claim", "show", claim, "-f", "json").stdout)["status"] == (
        "published")
    (still,) = json.loads(other.ok("verdict", "list", "-f", "json").stdout)
    assert (still["explanation"], still["status"]) == ("Changed", "published")
