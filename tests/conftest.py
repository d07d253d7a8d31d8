"""Fixtures: a fresh database per test (a SQLite file, or a PostgreSQL schema) and a CLI on it.

With CLAIMTRACK_TEST_DATABASE_URL set, every test that uses ``database_url`` runs on
PostgreSQL in a schema of its own; schema names carry a random id per run, so runs never see
each other's rows, and every one is dropped at the end. An unreachable server is a failure,
never a skip.

``database_url`` is migrated to head: the migrations run once per process (per worker), and
each test gets a copy (SQLite: the file; PostgreSQL: a schema emptied after the test before,
or the migrations' statements replayed; tests/helpers/schemas.py). ``empty_database_url`` is a
database with no tables at all, for the tests of migrations and of what a brand-new database
does. Helpers are in tests/helpers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from claimtrack.store.db import make_engine
from claimtrack.store.history.tracking import TrackedSession
from claimtrack.store.migrate import ensure_current
from tests.helpers import FIXTURES, ROOT, Cli
from tests.helpers.schemas import Schemas

ENV_TEST_URL = "CLAIMTRACK_TEST_DATABASE_URL"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that touches a database "db", so the PostgreSQL pass selects them."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "database_url" in names or "empty_database_url" in names:
            item.add_marker(pytest.mark.db)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "db: uses a test database (runs on PostgreSQL too)")


@pytest.fixture(scope="session")
def postgres() -> Iterator[Schemas | None]:
    """This process's PostgreSQL test schemas, or None when testing SQLite only."""
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
    schemas = Schemas(engine)
    yield schemas
    schemas.close()
    engine.dispose()


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory, postgres: Schemas | None) -> Path | None:
    """The migrations, run once per process: a SQLite file to copy, or (PostgreSQL) the
    statements they ran, kept by ``postgres`` to replay."""
    if postgres is not None:
        postgres.record(_migrate)
        return None
    sqlite_file = tmp_path_factory.mktemp("template") / "template.db"
    _migrate(f"sqlite:///{sqlite_file}")
    return sqlite_file


def _migrate(url: str) -> None:
    engine = make_engine(url)
    try:
        ensure_current(engine)
    finally:
        engine.dispose()


@pytest.fixture
def database_url(tmp_path: Path, postgres: Schemas | None, template: Path | None) -> Iterator[str]:
    """A URL to a brand-new database of this test's own, migrated to head, with no rows."""
    with _migrated_database(tmp_path / "claims.db", postgres, template) as url:
        yield url


@pytest.fixture(scope="session")
def new_database(
    postgres: Schemas | None, template: Path | None
) -> Callable[[Path], AbstractContextManager[str]]:
    """For fixtures wider than one test: ``with new_database(folder) as url`` gives a migrated
    database (a SQLite file in ``folder``, or a PostgreSQL schema) dropped at the end."""
    return lambda folder: _migrated_database(folder / "claims.db", postgres, template)


@pytest.fixture
def empty_database_url(tmp_path: Path, postgres: Schemas | None) -> Iterator[str]:
    """A URL to a brand-new database with no tables at all."""
    if postgres is None:
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    with postgres.empty() as url:
        yield url


@pytest.fixture
def second_database_url(
    database_url: str, tmp_path: Path, postgres: Schemas | None, template: Path | None
) -> Iterator[str]:
    """Another migrated database on the same backend as ``database_url`` (for round trips and
    restores; it depends on ``database_url`` so that its tests run on PostgreSQL too)."""
    with _migrated_database(tmp_path / "second.db", postgres, template) as url:
        yield url


@contextmanager
def _migrated_database(
    sqlite_file: Path, postgres: Schemas | None, template: Path | None
) -> Iterator[str]:
    if postgres is not None:
        with postgres.migrated() as url:
            yield url
        return
    assert template is not None
    shutil.copyfile(template, sqlite_file)
    yield f"sqlite:///{sqlite_file}"


@pytest.fixture(autouse=True)
def one_engine_per_database(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Within a test, in-process commands on one database share its Engine, so SQL is compiled
    once per test rather than once per command. Each command still disposes of the engine's
    connections when it ends (a later command connects afresh, as a new process would);
    engines made with options (migrations, lock timeouts) are never shared."""
    from claimtrack.store import db

    real = db.make_engine
    engines: dict[str, Engine] = {}

    def shared(url: str, **options: Any) -> Engine:
        if options:
            return real(url, **options)
        if url not in engines:
            engines[url] = real(url)
        return engines[url]

    monkeypatch.setattr(db, "make_engine", shared)
    yield
    for engine in engines.values():
        engine.dispose()


@pytest.fixture
def site() -> Iterator[Any]:
    """A local web site on 127.0.0.1 (tests.helpers.site): pages to fetch without the network."""
    from tests.helpers.site import local_site

    with local_site() as running:
        yield running


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a migrated, empty database."""
    engine = make_engine(database_url)
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


@pytest.fixture
def cli(database_url: str) -> Cli:
    return Cli(database_url)


@pytest.fixture
def seeded(cli: Cli) -> Cli:
    """A CLI whose database holds the seed article's disputes."""
    cli.ok("import", str(FIXTURES / "seed.json"))
    return cli


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
