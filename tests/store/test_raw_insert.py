"""Bulk inserts store exactly the rows given: a column that is NULL in every row of a batch
is left out of the statement (binding None is slow in CPython's sqlite3), and still reads
back as NULL; a column with a server default is always bound."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event, select

from claimtrack.models import Actor, Claim
from claimtrack.models.base import utcnow
from claimtrack.store import raw_insert
from claimtrack.store.db import session_scope


def _actor(row_id: int, description: str | None) -> dict[str, Any]:
    return {"id": row_id, "name": f"Actor {row_id}", "name_key": f"actor {row_id}",
            "kind": "unknown", "description": description, "created_at": utcnow()}


def test_null_and_mixed_columns_read_back_as_given(engine: Engine) -> None:
    table = Actor.__table__
    statements: list[str] = []

    def seen(conn, cursor, statement, *args: Any) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        with session_scope(engine) as session:
            raw_insert.insert_untracked(
                session.connection(), table, [_actor(1, None), _actor(2, None)]  # type: ignore[arg-type]
            )
            raw_insert.insert_untracked(
                session.connection(), table, [_actor(3, None), _actor(4, "‏وصف")]  # type: ignore[arg-type]
            )
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    with engine.connect() as connection:
        stored = dict(connection.execute(select(Actor.id, Actor.description)).all())
    assert stored == {1: None, 2: None, 3: None, 4: "‏وصف"}
    if engine.dialect.name == "sqlite":  # PostgreSQL writes with COPY, every column given
        inserts = [s for s in statements if s.startswith("INSERT INTO")]
        assert "description" not in inserts[0] and "description" in inserts[1]


def test_a_column_with_a_server_default_is_bound_even_when_null(engine: Engine) -> None:
    """Leaving out ``version`` would store its default (1) instead of the NULL given (which
    the NOT NULL column refuses, as it should); ``summary`` has no default and is left out."""
    claims = Claim.__table__
    row = {"id": 1, "public_id": "c-aaaaaaaaaaaa", "text": "A claim", "summary": None,
           "fingerprint": "f", "created_at": utcnow(), "updated_at": utcnow(), "version": None}
    kept = raw_insert._bound_columns(claims, list(row), [row])  # type: ignore[arg-type]
    assert kept == [name for name in row if name != "summary"]
