"""db check: names exactly what is wrong, exits 1, and is pluggable."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, text

from claimtrack.services import integrity
from claimtrack.store import migrate
from claimtrack.store.db import make_engine
from tests.helpers import Cli


def checks(cli: Cli, *args: str, code: int = 0) -> dict[str, dict[str, object]]:
    result = cli(*args, "db", "check", "-f", "json")
    assert result.exit_code == code, result.output
    return {row["check"]: row for row in json.loads(result.stdout)}


def raw(url: str, *statements: str) -> None:
    """Write behind claimtrack's back, with foreign keys off, as a damaged file would be."""
    engine = make_engine(url, for_migration=True)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


def test_a_healthy_database_passes_every_check(seeded: Cli) -> None:
    found = checks(seeded)
    assert set(found) >= {"schema", "foreign keys", "contested counters", "actor names"}
    # SQLite's own file check is listed on SQLite only: on PostgreSQL it would "pass" unrun.
    assert ("sqlite file" in found) == seeded.url.startswith("sqlite")
    assert all(row["ok"] for row in found.values())
    assert "checks passed" in seeded.ok("db", "check").stderr


def test_orphan_rows_and_wrong_counters_are_named(seeded: Cli) -> None:
    raw(seeded.url,
        "UPDATE claims SET challenge_count = 5 WHERE public_id = 'c-seed00000001'",
        "INSERT INTO claim_tags (claim_id, tag) VALUES (9999, 'orphan')",
        "UPDATE links SET to_claim_id = 8888 WHERE id = 1")
    result = seeded.fails("db", "check")
    message = result.stderr
    assert ("claim_tags row (claim_id 9999, tag orphan): claim_id 9999 points at no claims row"
            in message)
    assert "links row (id 1): to_claim_id 8888 points at no claims row" in message
    assert "claim c-seed00000001: challenge_count is 5 but" in message
    assert "claimtrack db check --repair" in message
    found = checks(seeded, code=1)
    assert found["foreign keys"]["problems"] == 2
    assert found["contested counters"]["ok"] is False


def test_repair_recomputes_the_counters(seeded: Cli) -> None:
    raw(seeded.url, "UPDATE claims SET challenge_count = 0, verdicts_disagree = true")
    failing = seeded.fails("db", "check").stderr
    assert "verdicts_disagree is True but its verdicts agree" in failing
    result = seeded.ok("db", "check", "--repair")
    assert "Recomputed" in result.stderr
    assert len(json.loads(seeded.ok("report", "contested", "-f", "json").stdout)) == 4


def test_an_alias_that_is_another_actors_name_is_found(seeded: Cli) -> None:
    raw(seeded.url, "UPDATE actor_aliases SET alias = 'White House', alias_key = 'white house' "
                    "WHERE alias_key = 'lavrov'")
    message = seeded.fails("db", "check").stderr
    assert "alias 'White House' of another actor is also the name of actor 'White House'" in message


def test_an_old_schema_is_reported(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    cli = Cli(empty_database_url)
    result = cli.fails("db", "check")
    assert "schema is at 0001" in result.stderr and "claimtrack init" in result.stderr


@pytest.fixture
def extra_check() -> Iterator[None]:
    @integrity.check("plug-in", "Rebuild it with `claimtrack plug-in reindex`.")
    def plug_in(connection: Connection) -> list[str]:
        count = connection.execute(text("SELECT count(*) FROM claims")).scalar()
        return [f"the index lacks {count} claims"] if count else []

    yield
    integrity.CHECKS.pop("plug-in")
    integrity.HINTS.pop("plug-in")


def test_other_modules_plug_in_their_own_checks(seeded: Cli, extra_check: None) -> None:
    result = seeded.fails("db", "check")
    assert "plug-in: the index lacks 13 claims. Rebuild it with" in result.stderr
