"""Migration 0004 on both backends: claims made before it get their fingerprints, and it
downgrades cleanly."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import inspect, text

from claimtrack.core.identity import claim_fingerprint
from claimtrack.store.db import make_engine
from claimtrack.store.migrate import HEAD_REVISION, downgrade, drift, upgrade
from tests.helpers import Cli, query


def test_upgrade_fills_fingerprints_and_downgrade_removes_everything(
    empty_database_url: str,
) -> None:
    engine = make_engine(empty_database_url)
    try:
        upgrade(engine, "0001")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO actors (id, name, name_key, kind, created_at) "
                    "VALUES (1, 'Jane Roe', 'jane roe', 'person', :now)"
                ),
                {"now": dt.datetime(2024, 1, 1)},
            )
            connection.execute(
                text(
                    "INSERT INTO claims (id, public_id, text, speaker_id, said_on, "
                    "challenge_count, "
                    "verdicts_disagree, created_at, updated_at) VALUES "
                    "(1, 'c-000000000001', '“Taxes rose.”', 1, :day, 0, false, :now, :now), "
                    "(2, 'c-000000000002', 'No speaker', NULL, NULL, 0, false, :now, :now)"
                ),
                {"day": dt.date(2020, 5, 5), "now": dt.datetime(2024, 1, 1)},
            )
        upgrade(engine)
        assert drift(engine) == []
        with engine.connect() as connection:
            assert (
                connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
                == HEAD_REVISION
            )
            fingerprints = dict(
                connection.execute(text("SELECT id, fingerprint FROM claims")).all()
            )
        assert fingerprints == {
            1: claim_fingerprint('"Taxes rose."', 1, dt.date(2020, 5, 5)),
            2: claim_fingerprint("No speaker", None, None),
        }
        downgrade(engine, "0001")
        tables = set(inspect(engine).get_table_names())
        assert "rating_labels" not in tables and "verdict_originals" not in tables
        assert "fingerprint" not in {c["name"] for c in inspect(engine).get_columns("claims")}
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM claims")).scalar() == 2
    finally:
        engine.dispose()


def test_orm_writes_keep_the_fingerprint_current(cli: Cli) -> None:
    claim = cli.add("Old words", "--speaker", "Jane Roe", "--date", "2020-01-01")
    cli.ok("claim", "edit", claim, "--text", "New words")
    ((fingerprint, speaker_id),) = query(cli.url, "SELECT fingerprint, speaker_id FROM claims")
    assert fingerprint == claim_fingerprint("new words", speaker_id, dt.date(2020, 1, 1))
