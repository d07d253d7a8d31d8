"""A database error in a bulk write (COPY on PostgreSQL, executemany on SQLite) comes out as
SQLAlchemy's error, and through the CLI as one `Error:` line with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from claimtrack.models import Actor
from claimtrack.store import raw_insert
from claimtrack.store.db import session_scope
from tests.helpers import Cli, snapshot


def test_a_duplicate_key_in_a_bulk_insert_is_an_integrity_error(engine: Engine) -> None:
    row = {"id": 1, "name": "A", "name_key": "a", "kind": "unknown", "description": None}
    table = Actor.__table__
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        raw_insert.insert_untracked(session.connection(), table, [row, {**row, "id": 2}])  # type: ignore[arg-type]


def test_a_bulk_write_that_fails_is_one_error_line_and_writes_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("claim", "add", "Already here")
    before = snapshot(cli.url)
    original = raw_insert.insert_untracked

    def collide(connection, table, rows):  # type: ignore[no-untyped-def]
        original(connection, table, rows)
        if table.name == "claims":  # as if another writer had stored the same rows first
            original(connection, table, rows)

    monkeypatch.setattr(raw_insert, "insert_untracked", collide)
    from claimtrack.store import bulkwrite
    monkeypatch.setattr(bulkwrite, "insert_untracked", collide)
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps({"type": "claim", "text": "New one"}) + "\n", encoding="utf-8")
    result = cli.fails("import", str(path))
    assert "conflicts with data already recorded" in result.stderr
    assert snapshot(cli.url) == before
