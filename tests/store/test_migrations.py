"""Schema versions: upgrade from empty, downgrade, rows survive upgrades, no drift, refusal."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from claimtrack.services import claims
from claimtrack.store import migrate
from claimtrack.store.db import make_engine, session_scope
from tests.helpers import Cli

TABLES = {
    "actors",
    "actor_aliases",
    "sources",
    "claims",
    "claim_tags",
    "appearances",
    "links",
    "verdicts",
}


def tables(engine: Engine) -> set[str]:
    from sqlalchemy import inspect

    with engine.connect() as connection:
        return set(inspect(connection).get_table_names()) - {"alembic_version"}


def revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return migrate.current_revision(connection)


@pytest.fixture
def bare(empty_database_url: str) -> Engine:
    engine = make_engine(empty_database_url)
    yield engine  # type: ignore[misc]
    engine.dispose()


def test_head_constant_matches_the_scripts() -> None:
    revisions = migrate.known_revisions()
    assert revisions[-1] == migrate.HEAD_REVISION, "bump HEAD_REVISION in claimtrack/migrate.py"
    assert revisions[0] == "0001"


def test_upgrade_from_empty_then_downgrade_to_base(bare: Engine) -> None:
    migrate.upgrade(bare)
    assert revision(bare) == migrate.HEAD_REVISION
    assert tables(bare) >= TABLES
    assert migrate.drift(bare) == []
    migrate.downgrade(bare, "base")
    assert tables(bare) == set()
    assert revision(bare) is None
    migrate.upgrade(bare)
    assert revision(bare) == migrate.HEAD_REVISION


def test_every_step_keeps_existing_rows(bare: Engine) -> None:
    """Walk the revisions one by one with a claim present since the first: it survives each."""
    revisions = migrate.known_revisions()
    migrate.upgrade(bare, revisions[0])
    with bare.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO actors (name, name_key, kind, created_at) "
                "VALUES ('Sergey Lavrov', 'sergey lavrov', 'person', :now)"
            ),
            {"now": dt.datetime(2022, 1, 17)},
        )
        connection.execute(
            text(
                "INSERT INTO claims (public_id, text, speaker_id, said_on, language,"
                " challenge_count, verdicts_disagree, created_at, updated_at)"
                " VALUES ('c-0000000000aa', 'total disinformation', 1, '2022-01-17', 'en', 0,"
                " false, :now, :now)"
            ),
            {"now": dt.datetime(2022, 1, 17)},
        )
    for step in revisions[1:]:
        migrate.upgrade(bare, step)
        with bare.connect() as connection:
            assert connection.execute(text("SELECT text FROM claims")).scalars().all() == [
                "total disinformation"
            ], step
    with session_scope(bare) as session:
        assert claims.get_claim(session, "c-0000000000aa").speaker.name == "Sergey Lavrov"


def test_downgrade_one_step_and_back_keeps_rows(bare: Engine) -> None:
    revisions = migrate.known_revisions()
    if len(revisions) < 2:
        pytest.skip("only one revision so far: downgrading it drops every table by design")
    migrate.upgrade(bare)
    with session_scope(bare) as session:
        claim_id = claims.add_claim(session, text="kept", speaker="A").public_id
    migrate.downgrade(bare, revisions[-2])
    migrate.upgrade(bare)
    with session_scope(bare) as session:
        assert claims.get_claim(session, claim_id).text == "kept"


def test_drift_is_detected(bare: Engine) -> None:
    migrate.upgrade(bare)
    with bare.begin() as connection:
        connection.execute(text("CREATE TABLE stray (id INTEGER PRIMARY KEY)"))
    assert any("stray" in str(diff) for diff in migrate.drift(bare))


def test_init_is_idempotent_and_db_commands_report(empty_database_url: str) -> None:
    cli = Cli(empty_database_url)
    assert "ready" in cli.ok("init").stderr
    assert "up to date" in cli.ok("init").stderr
    current = cli.ok("db", "current", "--format", "json").stdout
    assert f'"revision": "{migrate.HEAD_REVISION}"' in current
    assert '"up_to_date": true' in current
    cli.ok("db", "check")
    cli.ok("db", "upgrade")


def test_out_of_date_schema_is_refused_until_init(
    empty_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = Cli(empty_database_url)
    revisions = migrate.known_revisions()
    engine = make_engine(empty_database_url)
    if len(revisions) >= 2:
        migrate.upgrade(engine, revisions[-2])
    else:  # one revision so far: pretend this claimtrack needs a newer one
        migrate.upgrade(engine)
        monkeypatch.setattr(migrate, "HEAD_REVISION", "0002")
        monkeypatch.setattr(migrate, "known_revisions", lambda: [*revisions, "0002"])
    engine.dispose()
    result = cli.fails("claim", "list")
    assert "run `claimtrack init` to upgrade" in result.stderr
    assert "claimtrack init" in cli.fails("db", "check").stderr
    assert "claimtrack init" in cli.fails("claim", "add", "not written").stderr
    if len(revisions) >= 2:
        cli.ok("init")
        cli.ok("claim", "list")


def test_newer_schema_is_refused_with_upgrade_hint(cli: Cli, database_url: str) -> None:
    cli.ok("init")
    engine = make_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    assert "Upgrade claimtrack" in cli.fails("claim", "list").stderr


def test_foreign_database_is_refused(empty_database_url: str) -> None:
    cli = Cli(empty_database_url)
    engine = make_engine(empty_database_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    assert "not made by claimtrack" in cli.fails("claim", "list").stderr


def old_sqlite_file(path: Path) -> str:
    """A SQLite file at the first revision holding one claim, as an old release left it."""
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, migrate.known_revisions()[0])
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO claims (public_id, text, language, challenge_count, verdicts_disagree,"
                " created_at, updated_at) VALUES ('c-0000000000ab', 'survivor', 'en', 0, false,"
                " :now, :now)"
            ),
            {"now": dt.datetime(2022, 1, 17)},
        )
    engine.dispose()
    return "c-0000000000ab"


def test_sqlite_upgrade_backs_up_first_and_rows_survive(tmp_path: Path) -> None:
    """An existing SQLite file that needs migrating is copied to a timestamped backup."""
    if len(migrate.known_revisions()) < 2:
        pytest.skip("only one revision: nothing to upgrade from")
    path = tmp_path / "old.db"
    claim_id = old_sqlite_file(path)
    cli = Cli(f"sqlite:///{path}")
    assert "claimtrack init" in cli.fails("claim", "list").stderr
    result = cli.ok("init")
    assert "Backed up" in result.stderr
    (backup,) = tmp_path.glob("old.db.*.bak")
    assert re.fullmatch(r"old\.db\.\d{8}T\d{12}Z\.bak", backup.name)
    assert claim_id in cli.ok("claim", "list").stdout
    with sqlite3.connect(backup) as copy:  # the backup is the old file, untouched
        assert (
            copy.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            == (migrate.known_revisions()[0])
        )
        assert copy.execute("SELECT text FROM claims").fetchall() == [("survivor",)]
    assert "up to date" in cli.ok("init").stderr
    assert len(list(tmp_path.glob("old.db.*.bak"))) == 1  # no backup when nothing to do


def test_failed_sqlite_migration_restores_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if len(migrate.known_revisions()) < 2:
        pytest.skip("only one revision: nothing to upgrade from")
    path = tmp_path / "claims.db"
    old_sqlite_file(path)

    def broken(config: object, target: str) -> None:
        with sqlite3.connect(path) as damage:  # a half-done migration…
            damage.execute("DROP TABLE links")
        raise RuntimeError("disk on fire")  # …then a crash

    monkeypatch.setattr("alembic.command.upgrade", broken)
    engine = make_engine(f"sqlite:///{path}")
    with pytest.raises(Exception, match="left unchanged"):
        migrate.upgrade(engine)
    engine.dispose()
    with sqlite3.connect(path) as restored:
        assert restored.execute("SELECT text FROM claims").fetchall() == [("survivor",)]
        assert restored.execute("SELECT count(*) FROM links").fetchone() == (0,)
    assert list(tmp_path.glob("claims.db.*.bak"))
