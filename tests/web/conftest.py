"""Fixtures for the web app: a client on the test database as the local user, and a team."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from claimtrack.core.enums import Role
from claimtrack.web.hosts import LOOPBACK_HOSTS
from tests.helpers import Cli
from tests.helpers.web import Browser, add_users, web_client


@pytest.fixture
def web(database_url: str) -> Iterator[Browser]:
    """The app as a loopback server with no users runs it: the local user, an editor. It
    answers to the loopback names only, as `claimtrack serve` does (the client sends
    Host: 127.0.0.1)."""
    with web_client(database_url, allowed_hosts=LOOPBACK_HOSTS) as client:
        yield client


@pytest.fixture
def team(database_url: str) -> str:
    """The test database with a viewer, a checker and an editor (password PASSWORD)."""
    add_users(database_url, Role.VIEWER, Role.CHECKER, Role.EDITOR)
    return database_url


@pytest.fixture
def hostile(cli: Cli) -> tuple[str, str]:
    from tests.helpers.reports import add_hostile_dispute

    return add_hostile_dispute(cli)


@pytest.fixture(autouse=True)
def quick_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 with the smallest cost: the tests check who signs in, not how hard hashing is."""
    from argon2 import PasswordHasher

    from claimtrack.services import users

    quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(users, "_hasher", lambda: quick)
    monkeypatch.setattr(users, "_decoy_hash", lambda: quick.hash("decoy"))
