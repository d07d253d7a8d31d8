"""Migration 0007 (history, review status, versions) on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys

from sqlalchemy import inspect, text

from claimtrack.store import migrate
from claimtrack.store.db import make_engine
from tests.helpers import Cli

OLD_ROWS = [
    "INSERT INTO actors (id, name, name_key, kind, created_at) "
    "VALUES (1, 'Checker', 'checker', 'media', '2022-01-01 00:00:00')",
    "INSERT INTO claims (id, public_id, text, challenge_count, verdicts_disagree, created_at, "
    "updated_at) VALUES (1, 'c-0000000000ab', 'Old claim', 0, false, '2022-01-01 00:00:00', "
    "'2022-01-01 00:00:00')",
    "INSERT INTO verdicts (id, public_id, claim_id, rating, normalized, reviewer_id, created_at) "
    "VALUES (1, 'v-0000000000ab', 1, 'False', 'false', 1, '2022-01-01 00:00:00')",
]


def test_rows_survive_upgrade_and_downgrade(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        for statement in OLD_ROWS:
            connection.execute(text(statement))
    migrate.upgrade(engine)
    assert migrate.drift(engine) == []
    with engine.connect() as connection:
        claim = connection.execute(text("SELECT status, version FROM claims")).one()
        verdict = connection.execute(text("SELECT status, version FROM verdicts")).one()
        assert tuple(claim) == tuple(verdict) == ("draft", 1)
        assert connection.execute(text("SELECT count(*) FROM history")).scalar() == 0
    cli = Cli(empty_database_url)
    cli.ok("claim", "status", "in-review", "c-0000000000ab")
    cli.ok("verdict", "status", "in-review", "v-0000000000ab")
    assert '"status": "in-review"' in cli.ok("claim", "show", "c-0000000000ab", "-f", "json").stdout
    migrate.downgrade(engine, "0001")
    with engine.connect() as connection:
        assert "history" not in inspect(connection).get_table_names()
        assert "status" not in {c["name"] for c in inspect(connection).get_columns("claims")}
        assert connection.execute(text("SELECT text FROM claims")).scalar() == "Old claim"
        assert connection.execute(text("SELECT rating FROM verdicts")).scalar() == "False"
    migrate.upgrade(engine)
    assert migrate.drift(engine) == []
    engine.dispose()


def test_the_status_check_constraint_is_in_the_database(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    migrate.upgrade(engine)
    with engine.connect() as connection:
        names = {c["name"] for c in inspect(connection).get_check_constraints("claims")}
    assert "ck_claims_review_status" in names
    engine.dispose()
    cli = Cli(empty_database_url)
    claim = cli.add("x")
    with make_engine(empty_database_url).begin() as connection:
        try:
            connection.execute(text(f"UPDATE claims SET status = 'approved' WHERE public_id = "
                                    f"'{claim}'"))
        except Exception as error:  # the database itself refuses an unknown status
            assert "ck_claims_review_status" in str(error)
        else:
            raise AssertionError("an unknown status was accepted")


def test_several_commands_meeting_a_brand_new_database_all_succeed(empty_database_url: str) -> None:
    environment = {**os.environ, "CLAIMTRACK_DATABASE_URL": empty_database_url}
    processes = [
        subprocess.Popen([sys.executable, "-m", "claimtrack", "claim", "add", f"claim {n}"],
                         env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for n in range(4)
    ]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in processes]  # type: ignore[union-attr]
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    assert len(Cli(empty_database_url).ok("claim", "list", "-f", "json").stdout.split('"id"')) == 5
