"""The local test site with two more pages for ``extract URL`` (CLI and web): a binary body
and a plain text one character longer than the extractor reads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from claimtrack.services.articles import TEXT_LIMIT
from tests.helpers import site as local

LONG = "The mayor said the bridge would reopen. " * (TEXT_LIMIT // 40) + "!"


class _Handler(local._Handler):
    def do_GET(self) -> None:
        if self.path == "/bin.bin":
            self._send(200, bytes(range(256)) * 4, "application/octet-stream")
        elif self.path == "/long.txt":
            self._send(200, LONG.encode(), "text/plain; charset=utf-8")
        else:
            super().do_GET()


@contextmanager
def odd_site(monkeypatch: pytest.MonkeyPatch) -> Iterator[local.Site]:
    monkeypatch.setattr(local, "_Handler", _Handler)
    with local.local_site() as running:
        yield running
