"""``claimtrack user`` and ``claimtrack serve`` from the command line."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from claimtrack.cli.serve import is_loopback
from tests.helpers import Cli, snapshot


def test_user_add_list_and_remove(cli: Cli) -> None:
    added = cli("user", "add", "Ana Reyes", "--role", "checker", input="long enough pw\n"
                "long enough pw\n")
    assert added.exit_code == 0, added.output
    assert "Added checker Ana Reyes" in added.stderr
    listed = json.loads(cli.ok("user", "list", "-f", "json").stdout)
    assert [(u["name"], u["role"]) for u in listed] == [("Ana Reyes", "checker")]
    stored = snapshot(cli.url)["users"][0]
    assert "long enough pw" not in repr(stored) and "$argon2id$" in repr(stored)
    cli.fails("user", "add", "ana reyes", "--role", "editor", "--password-stdin",
              input="another long pw\n")
    cli.ok("user", "rm", "ANA REYES")
    assert json.loads(cli.ok("user", "list", "-f", "json").stdout or "[]") == []
    cli.fails("user", "rm", "Ana Reyes")


def test_a_short_password_is_refused_with_what_to_do(cli: Cli) -> None:
    result = cli.fails("user", "add", "bob", "--role", "viewer", "--password-stdin",
                       input="short\n")
    assert "use at least 10" in result.stderr
    cli.fails("user", "add", "bob", "--role", "boss", "--password-stdin", input="x" * 12,
              code=2)


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("[::1]", True),
    ("localhost", True), ("0.0.0.0", False), ("192.168.1.4", False), ("::", False),
    ("example.org", False),
])
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_refuses_an_open_address_until_a_user_exists(cli: Cli) -> None:
    result = cli.fails("serve", "--host", "0.0.0.0", "--port", "1")
    assert "Refusing to listen on 0.0.0.0 while no user can sign in" in result.stderr
    assert "claimtrack user add" in result.stderr


@pytest.mark.slow
def test_serve_answers_on_loopback_as_the_local_user(database_url: str) -> None:
    """The real command in a subprocess: it starts, serves a page, and stops on a signal."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "--db", database_url, "--user", "Desk",
         "serve", "--port", str(port), "--allowed-host", "desk.example"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        page = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode()
            except OSError:
                time.sleep(0.2)
        assert "Contested claims" in page and "Desk" in page
        assert _status(port, "desk.example") == 200
        assert _status(port, f"attacker.example:{port}") == 400  # DNS rebinding
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert f"on http://127.0.0.1:{port}" in stderr and "local user Desk" in stderr


def _status(port: int, host: str) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
