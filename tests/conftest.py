"""Shared fixtures: a fresh database per test (SQLite file, or a PostgreSQL schema) and a CLI.

With CLAIMTRACK_TEST_DATABASE_URL set, every test that uses ``database_url`` runs on
PostgreSQL in a schema of its own, dropped afterwards. An unreachable server is a failure,
never a skip.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.store.db import make_engine, session_scope
from claimtrack.store.history.tracking import TrackedSession
from claimtrack.store.migrate import ensure_current

ENV_TEST_URL = "CLAIMTRACK_TEST_DATABASE_URL"
RUN_ID = uuid.uuid4().hex[:8]
_schemas = itertools.count(1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that touches a database "db", so the PostgreSQL pass selects them."""
    for item in items:
        if "database_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.db)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "db: uses the database_url fixture (runs on PostgreSQL too)")


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine | None]:
    """An engine on the PostgreSQL test server, or None when testing SQLite only."""
    url = os.environ.get(ENV_TEST_URL)
    if not url:
        yield None
        return
    engine = create_engine(
        url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        pytest.fail(f"{ENV_TEST_URL} is set but PostgreSQL is unreachable: {error}", pytrace=False)
    yield engine
    engine.dispose()


@pytest.fixture
def database_url(tmp_path: Path, postgres_admin: Engine | None) -> Iterator[str]:
    """A URL to a brand-new, empty database for this test."""
    with _fresh_database(tmp_path / "claims.db", postgres_admin) as url:
        yield url


@pytest.fixture
def second_database_url(
    database_url: str, tmp_path: Path, postgres_admin: Engine | None
) -> Iterator[str]:
    """Another empty database on the same backend as ``database_url`` (for round trips and
    restores; it depends on ``database_url`` so that its tests run on PostgreSQL too)."""
    with _fresh_database(tmp_path / "second.db", postgres_admin) as url:
        yield url


@contextmanager
def _fresh_database(sqlite_file: Path, postgres_admin: Engine | None) -> Iterator[str]:
    """A SQLite file, or a PostgreSQL schema of this run's own, dropped afterwards."""
    if postgres_admin is None:
        yield f"sqlite:///{sqlite_file}"
        return
    schema = f"ct_{RUN_ID}_{next(_schemas)}"
    with postgres_admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(postgres_admin.url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with postgres_admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a migrated, empty database."""
    engine = make_engine(database_url)
    ensure_current(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session for service tests; everything is rolled back at the end."""
    with engine.connect() as connection:
        transaction = connection.begin()
        with TrackedSession(
            connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
        ) as session:
            yield session
        transaction.rollback()


@dataclass
class Cli:
    """Runs claimtrack in-process against one database, as a user would type it."""

    url: str

    def __call__(
        self, *args: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> Any:
        return CliRunner().invoke(app, ["--db", self.url, *args], input=input, env=env)

    def ok(self, *args: str, input: str | None = None) -> Any:
        """Run and insist on success; returns the result (stdout in ``.stdout``)."""
        result = self(*args, input=input)
        assert result.exit_code == 0, (
            f"claimtrack {' '.join(args)} exited {result.exit_code}\n{result.output}"
        )
        return result

    def fails(self, *args: str, code: int = 1, input: str | None = None) -> Any:
        """Run and insist on a clean failure: the exit code, one Error line, no traceback."""
        result = self(*args, input=input)
        assert result.exit_code == code, (
            f"expected exit {code}, got {result.exit_code}\n{result.output}"
        )
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        if code == 1:
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
        return result

    def add(self, text: str, *options: str) -> str:
        """``claim add [options] -- TEXT`` and return the new id."""
        return str(self.ok("claim", "add", *options, "--", text).stdout.strip())


@pytest.fixture
def cli(database_url: str) -> Cli:
    return Cli(database_url)


@pytest.fixture
def seeded(cli: Cli) -> Cli:
    """A CLI whose database holds the seed article's disputes."""
    cli.ok("import", str(FIXTURES / "seed.json"))
    return cli


ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """claimtrack built as a wheel, once per run: the packaging tests share it."""
    dist = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (found,) = dist.glob("claimtrack-*.whl")
    return found


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every claimtrack table, to prove a failed command changed nothing."""
    from claimtrack.models import Base

    engine = make_engine(url)
    try:
        with session_scope(engine, write=False) as session:
            return {
                table.name: sorted(
                    (tuple(row) for row in session.execute(table.select())), key=repr
                )
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()
