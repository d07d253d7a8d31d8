"""Migration 0013 on both backends: stored challenge counters count challenging claims, and
the downgrade counts links again."""

from __future__ import annotations

from claimtrack.store.db import make_engine
from claimtrack.store.migrate import HEAD_REVISION, downgrade, drift, upgrade
from tests.helpers import Cli, query


def test_counters_are_recounted_both_ways(empty_database_url: str) -> None:
    cli = Cli(empty_database_url)
    claim = cli.add("Crime fell by 20% last year", "--speaker", "Mayor")
    answer = cli.add("Crime did not fall", "--speaker", "Police union")
    other = cli.add("Crime rose", "--speaker", "Opposition")
    cli.ok("link", "add", answer, "contradicts", claim)
    cli.ok("link", "add", answer, "denies", claim)
    cli.ok("link", "add", other, "denies", claim)
    counted = "SELECT challenge_count FROM claims WHERE public_id = :id"
    assert query(cli.url, counted, id=claim) == [(2,)]
    engine = make_engine(empty_database_url, for_migration=True)
    try:
        downgrade(engine, "0012")
        assert query(cli.url, counted, id=claim) == [(3,)]  # one per link, as before 0013
        upgrade(engine)
        assert drift(engine) == []
    finally:
        engine.dispose()
    assert query(cli.url, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert query(cli.url, counted, id=claim) == [(2,)]
    assert "Error" not in cli.ok("db", "check").output
