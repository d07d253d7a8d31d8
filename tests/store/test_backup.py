"""backup FILE / restore FILE: every row comes back; restores only into an empty database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, Cli, snapshot


def busy_database(cli: Cli) -> None:
    """The seed disputes plus edits, deletions, statuses and verbatim hostile text."""
    cli.ok("import", str(FIXTURES / "seed.json"))
    claim = cli.add('RTL \u202eevil\u202c, "quotes", tab\t, emoji 🧾, NUL-free', "--tag", "x")
    cli.ok("verdict", "add", claim, "--rating", "Four Pinocchios", "--by", "Checker")
    cli.ok("--user", "editor", "claim", "edit", "c-seed00000001", "--text", "edited")
    cli.ok("claim", "status", "in-review", claim)
    cli.ok("claim", "rm", "c-seed00000013", "--cascade")


def test_backup_and_restore_bring_back_every_row(
    cli: Cli, second_database_url: str, tmp_path: Path
) -> None:
    busy_database(cli)
    original = snapshot(cli.url)
    file = tmp_path / "backup.file"
    result = cli.ok("backup", str(file))
    kind = "sqlite" if cli.url.startswith("sqlite") else "json"
    assert f"({kind})" in result.stderr
    restored = Cli(second_database_url)
    assert "Restored" in restored.ok("restore", str(file)).stderr
    assert snapshot(second_database_url) == original
    restored.ok("db", "check")
    # The restored database carries on: new ids do not collide with restored ones.
    new = restored.add("After the restore")
    restored.ok("link", "add", new, "denies", "c-seed00000001")
    assert json.loads(restored.ok("history", new, "-f", "json").stdout)[0]["id"] > max(
        row[0] for row in original["history"])


def test_json_backup_moves_between_backends(cli: Cli, tmp_path: Path) -> None:
    busy_database(cli)
    original = snapshot(cli.url)
    dump = tmp_path / "backup.json"
    cli.ok("backup", "--json", str(dump))
    assert json.loads(dump.read_text(encoding="utf-8"))["format"] == "claimtrack-backup"
    into_sqlite = Cli(f"sqlite:///{tmp_path / 'from-json.db'}")
    into_sqlite.ok("restore", str(dump))
    assert snapshot(into_sqlite.url) == original
    # ...and a SQLite backup file restores into whatever database_url is (PostgreSQL in CI).
    sqlite_backup = tmp_path / "copy.db"
    into_sqlite.ok("backup", str(sqlite_backup))
    target = Cli(f"sqlite:///{tmp_path / 'from-sqlite.db'}")
    target.ok("restore", str(sqlite_backup))
    assert snapshot(target.url) == original


def test_backup_from_sqlite_to_the_other_backend(cli: Cli, tmp_path: Path) -> None:
    source = Cli(f"sqlite:///{tmp_path / 'lone-checker.db'}")
    busy_database(source)
    file = tmp_path / "lone-checker-backup.db"
    source.ok("backup", str(file))
    cli.ok("restore", str(file))
    assert snapshot(cli.url) == snapshot(source.url)


def test_restore_refuses_a_database_with_data_and_backup_refuses_to_overwrite(
    cli: Cli, tmp_path: Path
) -> None:
    cli.add("Existing")
    file = tmp_path / "b.file"
    cli.ok("backup", str(file))
    before = snapshot(cli.url)
    assert "empty database" in cli.fails("restore", str(file)).stderr
    assert "already exists" in cli.fails("backup", str(file)).stderr
    assert snapshot(cli.url) == before


@pytest.mark.parametrize("content", [
    b"", b"{", b'{"format": "claimtrack-backup", "version": 1, "schema": "0001"}',
    b"\xff\xfe not utf-8", b"SQLite format 3\x00 but truncated", b"[" * 100_000,
    b'{"format": "claimtrack-backup", "version": 1, "schema": "0007", "tables": '
    b'{"claims": {"columns": ["id"], "rows": []}}}',
    b'{"format": "claimtrack-backup", "version": 1, "schema": "0007", "tables": '
    b'{"actors": {"columns": ["id", "name", "name_key", "kind", "description", "created_at"], '
    b'"rows": [[1, "A", "a", "martian", null, "2020-01-01T00:00:00Z"]]}}}',
])
def test_a_hostile_backup_file_is_refused_and_changes_nothing(
    second_database_url: str, tmp_path: Path, content: bytes
) -> None:
    cli = Cli(second_database_url)
    cli.ok("claim", "list")  # creates the empty schema
    file = tmp_path / "hostile"
    file.write_bytes(content)
    before = snapshot(second_database_url)
    cli.fails("restore", str(file))
    assert snapshot(second_database_url) == before
