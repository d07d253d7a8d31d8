"""Every downgrade keeps the rows of the tables it does not drop, on SQLite and PostgreSQL.

For each step N → N-1: a database at N gets representative rows in every table it has, is
downgraded to N-1, and every row of every table that N-1 still has must be there (same count,
same keys); the SQLite triggers must be those a database made at N-1 has (a batch rebuild
drops a table's triggers); then it is upgraded to N again and the rows are still there.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, MetaData, Table, inspect, select

from claimtrack.store import migrate
from claimtrack.store.db import make_engine

T = dt.datetime(2022, 1, 17, 9, 30, tzinfo=dt.UTC)
D = dt.date(2022, 1, 17)

# Rows for every table any revision has, with the columns of every revision: a revision's
# insert keeps only the columns its tables have. Foreign keys point at rows listed earlier.
ROWS: dict[str, list[dict[str, Any]]] = {
    "actors": [
        {"id": 1, "name": "Sergey Lavrov", "name_key": "sergey lavrov", "kind": "person",
         "description": "Minister", "created_at": T},
        {"id": 2, "name": "Checker", "name_key": "checker", "kind": "media", "created_at": T},
    ],
    "sources": [
        {"id": 1, "url": "https://example.org/a", "url_key": "a" * 64, "title": "A",
         "outlet": "Example", "published_on": D, "retrieved_at": T,
         "archive_url": "https://archive.example/a", "created_at": T},
        {"id": 2, "url": "https://example.org/b", "url_key": "b" * 64, "created_at": T},
    ],
    "actor_aliases": [{"id": 1, "actor_id": 1, "alias": "Lavrov", "alias_key": "lavrov"}],
    "claims": [
        {"id": 1, "public_id": "c-0000000000a1", "text": "Total disinformation", "summary":
         "Denial", "speaker_id": 1, "said_on": D, "language": "en", "challenge_count": 1,
         "verdicts_disagree": False, "created_at": T, "updated_at": T, "fingerprint": "f" * 32,
         "status": "published", "version": 3},
        {"id": 2, "public_id": "c-0000000000a2", "text": "Operatives were deployed",
         "speaker_id": 2, "challenge_count": 0, "verdicts_disagree": True, "created_at": T,
         "updated_at": T, "status": "in-review", "version": 1},
        {"id": 3, "public_id": "c-0000000000a3", "text": "A third claim", "challenge_count": 0,
         "verdicts_disagree": False, "created_at": T, "updated_at": T},
    ],
    "appearances": [
        {"id": 1, "claim_id": 1, "source_id": 1, "quote": "total disinformation",
         "seen_on": D, "created_at": T},
        {"id": 2, "claim_id": 2, "source_id": 1, "quote": "deployed", "created_at": T},
        {"id": 3, "claim_id": 2, "source_id": 2, "created_at": T},
    ],
    "claim_tags": [{"claim_id": 1, "tag": "ukraine"}, {"claim_id": 2, "tag": "ukraine"}],
    "links": [
        {"id": 1, "from_claim_id": 1, "relation": "denies", "to_claim_id": 2, "note": "n",
         "source_id": 1, "created_at": T, "status": "confirmed"},
        {"id": 2, "from_claim_id": 3, "relation": "supports", "to_claim_id": 2,
         "created_at": T, "status": "confirmed"},
        {"id": 3, "from_claim_id": 3, "relation": "same_as", "to_claim_id": 1,
         "created_at": T, "status": "rejected"},
        {"id": 4, "from_claim_id": 2, "relation": "same_as", "to_claim_id": 3,
         "created_at": T, "status": "suggested"},
    ],
    "verdicts": [
        {"id": 1, "public_id": "v-0000000000a1", "claim_id": 2, "rating": "Mostly true",
         "normalized": "mostly-true", "reviewer_id": 2, "reviewed_on": D,
         "url": "https://checker.example/review/1", "url_key": "c" * 64,
         "explanation": "why", "created_at": T, "status": "published", "version": 2,
         "author": "A. Writer"},
        {"id": 2, "public_id": "v-0000000000a2", "claim_id": 1, "rating": "False",
         "normalized": "false", "reviewer_id": 2, "created_at": T},
    ],
    "rating_labels": [{"label_key": "pants on fire", "label": "Pants on Fire",
                       "rating": "false", "created_at": T}],
    "verdict_originals": [{"verdict_id": 1, "document": '{"@type": "ClaimReview"}',
                           "imported_at": T}],
    "claim_merges": [{"id": 1, "public_id": "c-0000000000a9", "claim_id": 1,
                      "text": "Merged away", "speaker_id": 1, "said_on": D, "merged_at": T}],
    "archive_bodies": [{"sha256": "d" * 64, "size": 5, "body": b"<p>x"}],
    "source_archives": [{"id": 1, "source_id": 1, "retrieved_at": T,
                         "requested_url": "https://example.org/a",
                         "final_url": "https://example.org/a/", "status": 200,
                         "content_type": "text/html", "sha256": "d" * 64, "size": 5}],
    "users": [{"id": 1, "name": "Amina", "name_key": "amina", "role": "editor",
               "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$x$y", "created_at": T}],
    "history": [{"id": 1, "at": T, "user_name": "editor", "command": "claim edit",
                 "batch": "b1", "action": "update", "entity": "claim",
                 "entity_key": "c-0000000000a1", "claim_ref": "c-0000000000a1",
                 "before": {"text": "old"}, "after": {"text": "Total disinformation"}}],
}
# What a downgrade drops on purpose, with the reason in the migration's docstring: before
# 0005 every link counted, so suggested and rejected links cannot be kept.
DROPPED = {("0005", "links"): {(3,), (4,)}}

STEPS = list(zip(migrate.known_revisions()[1:], migrate.known_revisions(), strict=False))


def downgrade_with_foreign_keys_on(engine: Engine, target: str) -> None:
    """Alembic on a connection of the application's own engine (SQLite foreign keys on), as
    a host application or a developer's script would run it."""
    from alembic import command

    with engine.connect() as connection:
        command.downgrade(migrate.alembic_config(connection), target)
        connection.commit()


ROUTES = {"migrate.downgrade": migrate.downgrade,
          "alembic, foreign keys on": downgrade_with_foreign_keys_on}
if os.environ.get("CLAIMTRACK_TEST_DATABASE_URL"):
    # Foreign keys are a SQLite connection setting: the PostgreSQL pass has one route.
    del ROUTES["alembic, foreign keys on"]


def claimtrack_tables(connection: Connection) -> list[str]:
    """The tables of the schema; the full-text index is checked through its triggers."""
    names = inspect(connection).get_table_names()
    return [n for n in names if n != "alembic_version" and not n.startswith("claim_search")]


def keys(connection: Connection) -> dict[str, set[tuple[Any, ...]]]:
    """The primary key of every row of every table."""
    found = {}
    for name in claimtrack_tables(connection):
        table = Table(name, MetaData(), autoload_with=connection)
        found[name] = {tuple(row) for row in connection.execute(select(*table.primary_key))}
    return found


def triggers(connection: Connection) -> set[tuple[str, str]]:
    """(trigger, table) on SQLite; PostgreSQL keeps triggers through ALTER TABLE."""
    if connection.dialect.name != "sqlite":
        return set()
    rows = connection.exec_driver_sql("SELECT name, tbl_name FROM sqlite_master "
                                      "WHERE type = 'trigger'")
    return {(name, table) for name, table in rows}


def fill(connection: Connection) -> None:
    """Insert ROWS into every table the schema has, with the columns it has."""
    names = claimtrack_tables(connection)
    missing = set(names) - set(ROWS)
    assert not missing, f"add representative rows for {missing} to ROWS"
    for name in ROWS:
        if name not in names:
            continue
        table = Table(name, MetaData(), autoload_with=connection)
        for row in ROWS[name]:  # one by one: rows leave out different columns
            connection.execute(table.insert().values(
                {column: value for column, value in row.items() if column in table.c}
            ))


@pytest.fixture
def bare(empty_database_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_database_url)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(("revision", "previous"), STEPS, ids=[f"{a}-{b}" for a, b in STEPS])
def test_downgrade_keeps_the_rows_of_the_tables_it_keeps(
    bare: Engine, revision: str, previous: str, route: str
) -> None:
    migrate.upgrade(bare, previous)
    with bare.connect() as connection:
        expected_triggers = triggers(connection)
    migrate.upgrade(bare, revision)
    with bare.begin() as connection:
        fill(connection)
    with bare.connect() as connection:
        before = keys(connection)
        before_triggers = triggers(connection)

    ROUTES[route](bare, previous)

    with bare.connect() as connection:
        assert migrate.current_revision(connection) == previous
        after = keys(connection)
        assert triggers(connection) == expected_triggers
    assert set(after) <= set(before)
    for name, rows in after.items():
        kept = before[name] - DROPPED.get((revision, name), set())
        assert rows == kept, f"{revision} → {previous} lost rows of {name}"

    migrate.upgrade(bare, revision)
    with bare.connect() as connection:
        again = keys(connection)
        assert triggers(connection) == before_triggers
    for name, rows in after.items():
        assert again[name] == rows, f"{previous} → {revision} lost rows of {name}"


def test_a_sqlite_connection_in_a_transaction_with_foreign_keys_on_is_refused(
    tmp_path: Path,
) -> None:
    """SQLite ignores `PRAGMA foreign_keys` inside a transaction: such a connection cannot be
    migrated safely, so nothing is done and the error says what to use instead."""
    from alembic import command

    engine = make_engine(f"sqlite:///{tmp_path / 'host.db'}")
    migrate.upgrade(engine)
    with engine.begin() as connection:
        fill(connection)
        before = keys(connection)
    with pytest.raises(RuntimeError, match="foreign keys off"), engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0007")
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.HEAD_REVISION
        assert keys(connection) == before
    engine.dispose()
