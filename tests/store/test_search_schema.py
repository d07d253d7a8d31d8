"""Migration 0005 and the full-text index: upgrade with data, downgrade, drift, repair."""

from __future__ import annotations

import json

from sqlalchemy import text

from claimtrack.store import migrate
from claimtrack.store.db import make_engine
from tests.helpers import Cli


def test_db_check_ignores_the_index_but_notices_a_missing_trigger(cli: Cli) -> None:
    cli.add("Anything")
    checks = {c["check"]: c for c in json.loads(cli.ok("db", "check", "-f", "json").stdout)}
    assert checks["search index"]["problems"] == 0 and checks["schema"]["ok"]
    engine = make_engine(cli.url)
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER claim_search_claim_insert")
        else:
            connection.exec_driver_sql("DROP TRIGGER claim_search_claim_changed ON claims")
    engine.dispose()
    failed = cli.fails("db", "check").stderr
    assert "search index: " in failed and "claim_search_claim_" in failed
    assert "schema:" not in failed  # the model comparison leaves the index alone
    cli.ok("init")  # puts it back
    cli.ok("db", "check")
    new = cli.add("Freshly indexed words")
    assert [h["id"] for h in json.loads(cli.ok("search", "freshly", "-f", "json").stdout)] == [new]


def test_upgrade_from_0001_indexes_existing_claims_and_keeps_links(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO claims (id, public_id, text, created_at, updated_at) VALUES "
            "(1, 'c-000000000001', 'Operatives were deployed', :now, :now), "
            "(2, 'c-000000000002', 'Total disinformation', :now, :now)"), {"now": "2022-01-17"})
        connection.execute(text(
            "INSERT INTO sources (id, url, created_at) VALUES (1, 'https://example.com/a', :now)"),
            {"now": "2022-01-17"})
        connection.execute(text(
            "INSERT INTO appearances (claim_id, source_id, quote, created_at) "
            "VALUES (2, 1, 'a falsified pretext', :now)"), {"now": "2022-01-17"})
        connection.execute(text(
            "INSERT INTO links (from_claim_id, relation, to_claim_id, created_at) "
            "VALUES (2, 'denies', 1, :now)"), {"now": "2022-01-17"})
        connection.execute(text("UPDATE claims SET challenge_count = 1 WHERE id = 1"))
    migrate.upgrade(engine)
    engine.dispose()
    cli = Cli(empty_database_url)
    cli.ok("db", "check")
    found = json.loads(cli.ok("search", "pretext", "-f", "json").stdout)
    assert [hit["id"] for hit in found] == ["c-000000000002"]
    assert [li["status"] for li in json.loads(cli.ok("link", "list", "-f", "json").stdout)] == [
        "confirmed"]
    report = json.loads(cli.ok("report", "contested", "-f", "json").stdout)
    assert [d["claim"]["id"] for d in report] == ["c-000000000001"]


def test_downgrade_keeps_only_confirmed_links_and_upgrade_reindexes(cli: Cli) -> None:
    claim = cli.add("The claim itself")
    denial = cli.add("A denial of the claim")
    cli.ok("link", "add", denial, "denies", claim)
    rejected = cli.ok("link", "add", denial, "contradicts", claim).stdout.strip()
    cli.ok("link", "reject", rejected)
    engine = make_engine(cli.url)
    migrate.downgrade(engine, "0001")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT relation FROM links")).scalars().all() == ["denies"]
        tables = set(migrate.inspect(connection).get_table_names())
        assert "claim_search" not in tables and "claim_merges" not in tables
    migrate.upgrade(engine)
    engine.dispose()
    cli.ok("db", "check")
    assert len(json.loads(cli.ok("search", "denial", "-f", "json").stdout)) == 1
