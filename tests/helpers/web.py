"""The web app in tests: a TestClient on a test database, forms sent with their CSRF token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from starlette.testclient import TestClient

from claimtrack.core.enums import Role
from claimtrack.services import users
from claimtrack.store.db import make_engine, session_scope
from claimtrack.web.app import create_app
from claimtrack.web.settings import WebSettings

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Browser(TestClient):
    """A TestClient that keeps its cookie and sends forms as a page would: with its token."""

    def token(self, path: str = "/claims/new") -> str:
        found = CSRF.search(self.get(path).text)
        assert found, f"no CSRF token on {path}"
        return found.group(1)

    def submit(self, path: str, data: dict[str, Any] | None = None, *, page: str = "/claims/new",
               files: Any = None, follow: bool = False) -> Any:
        """POST ``data`` to ``path`` with the token of ``page``."""
        return self.post(path, data={"csrf": self.token(page), **(data or {})}, files=files,
                         follow_redirects=follow)

    def sign_in(self, name: str, password: str = PASSWORD) -> Any:
        return self.submit("/signin", {"name": name, "password": password}, page="/signin")


@contextmanager
def web_client(url: str, *, local_user: str | None = "tester",
               **settings: Any) -> Iterator[Browser]:
    """A client on the app for ``url``; the local user acts while no user exists."""
    engine = make_engine(url)
    app = create_app(engine, WebSettings(local_user=local_user, **settings))
    try:
        with Browser(app, base_url="http://127.0.0.1") as client:
            yield client
    finally:
        engine.dispose()


def add_users(url: str, *roles: Role) -> None:
    """One user per role, named after it (``viewer``, ``checker``, ``editor``)."""
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            for role in roles:
                users.add_user(session, role.value, role, PASSWORD)
    finally:
        engine.dispose()


def claim_json(cli: Any, claim_id: str) -> dict[str, Any]:
    import json

    return dict(json.loads(cli.ok("claim", "show", claim_id, "-f", "json").stdout))


def location(response: Any) -> str:
    return str(response.headers["location"])
