"""Fixtures: a fresh database per test (a SQLite file, or a PostgreSQL schema) and a CLI on it.

With CLAIMTRACK_TEST_DATABASE_URL set, every test that uses ``database_url`` runs on
PostgreSQL in a schema of its own, dropped afterwards; schema names carry a random id per run,
so runs never see each other's rows. An unreachable server is a failure, never a skip.

``database_url`` is migrated to head: the migrations run once per run (per worker), and each
test gets a copy (SQLite: the file; PostgreSQL: the statements the migration ran, replayed in
a new schema). ``empty_database_url`` is a database with no tables at all, for the tests of
migrations and of what a brand-new database does. Helpers are in tests/helpers.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.orm import Session

from claimtrack.store.db import make_engine
from claimtrack.store.history.tracking import TrackedSession
from claimtrack.store.migrate import ensure_current
from tests.helpers import FIXTURES, ROOT, Cli

ENV_TEST_URL = "CLAIMTRACK_TEST_DATABASE_URL"
RUN_ID = uuid.uuid4().hex[:8]
_schemas = itertools.count(1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that touches a database "db", so the PostgreSQL pass selects them."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "database_url" in names or "empty_database_url" in names:
            item.add_marker(pytest.mark.db)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "db: uses a test database (runs on PostgreSQL too)")


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


@dataclass
class Template:
    """A migrated database to copy: a SQLite file, or the statements a PostgreSQL migration ran."""

    sqlite_file: Path | None = None
    statements: list[tuple[str, Any, bool]] = field(default_factory=list)


@pytest.fixture(scope="session")
def template(
    tmp_path_factory: pytest.TempPathFactory, postgres_admin: Engine | None
) -> Iterator[Template]:
    """The migrations, run once for the whole session."""
    folder = tmp_path_factory.mktemp("template")
    with _empty_database(folder / "template.db", postgres_admin) as url:
        if postgres_admin is None:
            _migrate(url)
            yield Template(sqlite_file=folder / "template.db")
            return
        found = Template()

        def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                   executemany: bool) -> None:
            found.statements.append((statement, parameters, executemany))

        event.listen(Engine, "before_cursor_execute", record)
        try:
            _migrate(url)
        finally:
            event.remove(Engine, "before_cursor_execute", record)
        yield found


def _migrate(url: str) -> None:
    engine = make_engine(url)
    try:
        ensure_current(engine)
    finally:
        engine.dispose()


@pytest.fixture
def database_url(
    tmp_path: Path, postgres_admin: Engine | None, template: Template
) -> Iterator[str]:
    """A URL to a brand-new database of this test's own, migrated to head, with no rows."""
    with _migrated_database(tmp_path / "claims.db", postgres_admin, template) as url:
        yield url


@pytest.fixture(scope="session")
def new_database(
    postgres_admin: Engine | None, template: Template
) -> Callable[[Path], AbstractContextManager[str]]:
    """For fixtures wider than one test: ``with new_database(folder) as url`` gives a migrated
    database (a SQLite file in ``folder``, or a PostgreSQL schema) dropped at the end."""
    return lambda folder: _migrated_database(folder / "claims.db", postgres_admin, template)


@pytest.fixture
def empty_database_url(tmp_path: Path, postgres_admin: Engine | None) -> Iterator[str]:
    """A URL to a brand-new database with no tables at all."""
    with _empty_database(tmp_path / "empty.db", postgres_admin) as url:
        yield url


@pytest.fixture
def second_database_url(
    database_url: str, tmp_path: Path, postgres_admin: Engine | None, template: Template
) -> Iterator[str]:
    """Another migrated database on the same backend as ``database_url`` (for round trips and
    restores; it depends on ``database_url`` so that its tests run on PostgreSQL too)."""
    with _migrated_database(tmp_path / "second.db", postgres_admin, template) as url:
        yield url


@contextmanager
def _migrated_database(
    sqlite_file: Path, postgres_admin: Engine | None, template: Template
) -> Iterator[str]:
    if template.sqlite_file is not None:
        shutil.copyfile(template.sqlite_file, sqlite_file)
        yield f"sqlite:///{sqlite_file}"
        return
    with _empty_database(sqlite_file, postgres_admin) as url:
        engine = create_engine(url)
        try:
            with engine.begin() as connection:
                cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
                for statement, parameters, executemany in template.statements:
                    if executemany:
                        cursor.executemany(statement, parameters)
                    else:
                        cursor.execute(statement, parameters or None)
        finally:
            engine.dispose()
        yield url


@contextmanager
def _empty_database(sqlite_file: Path, postgres_admin: Engine | None) -> Iterator[str]:
    """A SQLite file, or a PostgreSQL schema of this run's own, dropped afterwards."""
    if postgres_admin is None:
        yield f"sqlite:///{sqlite_file}"
        return
    schema = f"ct_{RUN_ID}_{os.getpid()}_{next(_schemas)}"
    with postgres_admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(postgres_admin.url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with postgres_admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


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
