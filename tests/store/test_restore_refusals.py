"""A damaged backup is refused with one `Error:` line and nothing written, on SQLite and
PostgreSQL: a truncated dump, and rows the database itself rejects (a duplicated row, a
foreign key to nothing, a CHECK) — the ones no reading of the file can catch."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXTURES, Cli, snapshot


@pytest.fixture
def dump(cli: Cli, tmp_path: Path) -> dict[str, Any]:
    """A JSON backup of the seed disputes plus a verdict and an appearance."""
    cli.ok("import", str(FIXTURES / "seed.json"))
    cli.ok("verdict", "add", "c-seed00000001", "--rating", "False", "--by", "Checker")
    cli.ok("appearance", "add", "c-seed00000002", "https://example.org/a", "--quote", "q")
    file = tmp_path / "whole.json"
    cli.ok("backup", "--json", str(file))
    return dict(json.loads(file.read_text(encoding="utf-8")))


def refused(url: str, file: Path) -> str:
    """Restore ``file`` into the empty database at ``url``: it must fail cleanly and leave
    the database as it was. Returns the error line."""
    target = Cli(url)
    target.ok("claim", "list")  # the empty schema exists before, so "unchanged" means rows
    before = snapshot(url)
    error = str(target.fails("restore", str(file)).stderr)
    assert snapshot(url) == before
    assert not any(before.values())
    return error


@pytest.mark.parametrize("cut", ["header", "first row", "mid-value", "near the end", "end"])
def test_a_truncated_json_backup_is_refused(
    dump: dict[str, Any], second_database_url: str, tmp_path: Path, cut: str
) -> None:
    whole = json.dumps(dump, ensure_ascii=False)
    at = {
        "header": whole.index('"tables"') + 3,
        "first row": whole.index('"rows": [[') + 12,
        "mid-value": whole.index("Russia has already") + 9,
        "near the end": len(whole) - 40,
        "end": len(whole) - 1,
    }[cut]
    file = tmp_path / "truncated.json"
    file.write_text(whole[:at], encoding="utf-8")
    error = refused(second_database_url, file)
    assert "truncated" in error and str(file) in error


def duplicated_claim(tables: dict[str, Any]) -> None:
    rows = tables["claims"]["rows"]
    rows.append(list(rows[0]))


def dangling_link(tables: dict[str, Any]) -> None:
    columns = tables["links"]["columns"]
    tables["links"]["rows"][0][columns.index("from_claim_id")] = 99_999


def negative_counter(tables: dict[str, Any]) -> None:
    columns = tables["claims"]["columns"]
    tables["claims"]["rows"][-1][columns.index("challenge_count")] = -5


def blank_claim(tables: dict[str, Any]) -> None:
    columns = tables["claims"]["columns"]
    tables["claims"]["rows"][0][columns.index("text")] = "   "


@pytest.mark.parametrize(("damage", "table"), [
    (duplicated_claim, "claims"),
    (dangling_link, "links"),
    (negative_counter, "claims"),
    (blank_claim, "claims"),
], ids=["duplicate", "foreign-key", "check", "check-text"])
def test_rows_the_database_rejects_are_one_error_and_nothing_written(
    dump: dict[str, Any], second_database_url: str, tmp_path: Path,
    damage: Callable[[dict[str, Any]], None], table: str,
) -> None:
    damage(dump["tables"])
    file = tmp_path / "edited.json"
    file.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    error = refused(second_database_url, file)
    assert f"table {table}" in error and "nothing was written" in error.lower()


def test_a_sqlite_backup_file_with_a_dangling_foreign_key_is_refused(
    second_database_url: str, tmp_path: Path
) -> None:
    """A SQLite backup edited with foreign keys off (sqlite3's default): refused before
    anything is copied or inserted, whichever backend it is restored into. (A CHECK broken
    the same way is caught by PostgreSQL; SQLite 3.40's integrity checks do not look at
    CHECK constraints, so a page-for-page copy into SQLite keeps it.)"""
    source = Cli(f"sqlite:///{tmp_path / 'source.db'}")
    source.ok("import", str(FIXTURES / "seed.json"))
    file = tmp_path / "backup.db"
    source.ok("backup", str(file))
    with sqlite3.connect(file) as editor:
        editor.execute("UPDATE links SET from_claim_id = 99999 WHERE id = 1")
    editor.close()
    error = refused(second_database_url, file)
    assert str(file) in error and "links" in error


# What the commands refuse on the way in, a backup cannot bring in: a javascript: address
# would be a link on a page or in a report.
HOSTILE_URL = "javascript:alert(document.cookie)"


@pytest.mark.parametrize(("table", "column", "value", "says"), [
    ("sources", "archive_url", HOSTILE_URL, "archive_url is refused ("),
    ("sources", "url", HOSTILE_URL, "url is refused ("),
    ("verdicts", "url", "data:text/html,<script>x</script>", "url is refused ("),
    ("claims", "language", "en<b>", "language is refused"),
    ("claims", "public_id", "c-'><b>", "public_id is refused"),
])
def test_values_the_commands_refuse_are_refused_from_a_json_backup(
    dump: dict[str, Any], second_database_url: str, tmp_path: Path,
    table: str, column: str, value: str, says: str,
) -> None:
    rows, columns = dump["tables"][table]["rows"], dump["tables"][table]["columns"]
    rows[-1][columns.index(column)] = value
    file = tmp_path / "edited.json"
    file.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    error = refused(second_database_url, file)
    assert f"{file} cannot be restored: {table} row {len(rows)}: {says}" in error
    assert "nothing was written" in error


def test_a_sqlite_backup_with_a_javascript_archive_url_is_refused(
    second_database_url: str, tmp_path: Path
) -> None:
    """Copied page for page into SQLite, or row by row into PostgreSQL: refused either way."""
    source = Cli(f"sqlite:///{tmp_path / 'source.db'}")
    source.ok("import", str(FIXTURES / "seed.json"))
    source.ok("source", "edit", "urn:claimtrack:seed:000_9268d6ca20cf8fd5",
              "--archive-url", "https://archive.example/a")
    file = tmp_path / "backup.db"
    source.ok("backup", str(file))
    with sqlite3.connect(file) as editor:
        editor.execute("UPDATE sources SET archive_url = ? WHERE archive_url IS NOT NULL",
                       (HOSTILE_URL,))
    editor.close()
    error = refused(second_database_url, file)
    assert f"{file} cannot be restored: sources row " in error
    assert "archive_url is refused (" in error


def test_a_backup_with_web_and_urn_addresses_still_restores(
    dump: dict[str, Any], second_database_url: str, tmp_path: Path
) -> None:
    rows, columns = dump["tables"]["sources"]["rows"], dump["tables"]["sources"]["columns"]
    rows[0][columns.index("archive_url")] = "https://web.archive.org/web/2024/https://x.example"
    file = tmp_path / "fine.json"
    file.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    Cli(second_database_url).ok("restore", str(file))
