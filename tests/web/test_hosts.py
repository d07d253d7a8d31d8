"""DNS rebinding and changes from elsewhere: the app answers only to the host names it was
started for, and refuses a change whose Origin (or Sec-Fetch-Site) says another site."""

from __future__ import annotations

import pytest

from claimtrack.web.hosts import parse_host
from claimtrack.web.settings import ENV_HOSTS, WebSettings
from tests.helpers import Cli, snapshot
from tests.helpers.web import Browser

REBOUND = {"host": "attacker.example:8000", "origin": "http://attacker.example:8000"}


def post_claim(web: Browser, text: str, **headers: str) -> int:
    token = web.token()
    response = web.post("/claims/new", data={"csrf": token, "text": text}, headers=headers,
                        follow_redirects=False)
    return int(response.status_code)


def test_a_rebound_host_name_gets_400_and_no_form(web: Browser, database_url: str) -> None:
    """The probe's repro: a page on attacker.example (resolving to 127.0.0.1) asks for a form
    and posts it back; neither gets through and nothing is written."""
    page = web.get("/claims/new", headers={"host": REBOUND["host"]})
    assert page.status_code == 400 and 'name="csrf"' not in page.text
    assert page.headers["content-type"].startswith("text/plain")
    assert page.text.startswith("Error: ") and "--allowed-host" in page.text
    assert page.headers["x-content-type-options"] == "nosniff"
    before = snapshot(database_url)
    assert post_claim(web, "Rebound", **REBOUND) == 400
    assert snapshot(database_url) == before


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:18933",
                                  "LOCALHOST", "[::1]:8000", "[::1]"])
def test_the_loopback_names_work_on_any_port(web: Browser, host: str) -> None:
    assert web.get("/", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["", "localhost.attacker.example", "attacker.example:8000",
                                  "127.0.0.1.nip.io", "127.0.0.1:x", "evil@127.0.0.1"])
def test_other_hosts_are_refused(web: Browser, host: str) -> None:
    assert web.get("/", headers={"host": host}).status_code == 400


@pytest.mark.parametrize("host", ["192.168.1.20:8080", "127.0.0.2", "[::2]", "[fe80::1]:80"])
def test_any_ip_address_is_served(web: Browser, host: str) -> None:
    """A team server started with --host 0.0.0.0 is reached by its machine's addresses; a
    rebinding page is always reached by a name, never by an address."""
    assert web.get("/", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(("headers", "status"), [
    ({"origin": "http://attacker.example"}, 403),
    ({"origin": "http://127.0.0.1.attacker.example"}, 403),
    ({"origin": "file://"}, 403),
    ({"sec-fetch-site": "cross-site"}, 403),
    ({"sec-fetch-site": "same-site"}, 403),
    ({"origin": "http://127.0.0.1", "sec-fetch-site": "same-origin"}, 303),  # its own Host
    ({"origin": "http://127.0.0.1:3000"}, 403),  # another port is another origin
    ({"origin": "http://localhost:3000"}, 403),
    ({"origin": "http://192.168.1.20"}, 403),
    ({"origin": "null"}, 303),  # a form on a no-referrer page: the CSRF token decides
    ({}, 303),
])
def test_a_change_from_another_origin_is_refused(
    web: Browser, database_url: str, headers: dict[str, str], status: int
) -> None:
    before = snapshot(database_url)
    assert post_claim(web, "From somewhere", **headers) == status
    assert (snapshot(database_url) == before) is (status == 403)


def test_a_team_server_answers_to_the_names_it_is_given(database_url: str) -> None:
    from claimtrack.store.db import make_engine
    from claimtrack.web.app import create_app

    engine = make_engine(database_url)
    settings = WebSettings(local_user="tester",
                           allowed_hosts=("claims.example.org", "desk.example.org:8443"))
    try:
        with Browser(create_app(engine, settings), base_url="https://claims.example.org") as web:
            assert web.get("/", headers={"host": "desk.example.org:8443"}).status_code == 200
            assert web.get("/", headers={"host": "desk.example.org:8444"}).status_code == 400
            assert web.get("/", headers={"host": "localhost"}).status_code == 400  # not given
            assert post_claim(web, "Behind a proxy",
                              origin="https://claims.example.org") == 303
            assert post_claim(web, "From the desk", origin="https://desk.example.org") == 403
    finally:
        engine.dispose()


def test_serve_allows_loopback_its_host_and_the_names_given(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_HOSTS, "a.example, b.example:8080")
    settings = WebSettings.from_environment(local_user=None, max_upload=1,
                                            hosts=("::1", "team.example"))
    assert [parse_host(h) for h in settings.allowed_hosts] == [
        ("localhost", None), ("127.0.0.1", None), ("[::1]", None), ("[::1]", None),
        ("team.example", None), ("a.example", None), ("b.example", 8080)]


def test_serve_refuses_an_allowed_host_that_is_no_host_name(cli: Cli) -> None:
    result = cli.fails("serve", "--allowed-host", "*", "--port", "1")
    assert "'*' is not a host name or address" in result.stderr


def test_a_default_port_given_with_a_name_matches_what_browsers_send() -> None:
    """Browsers leave :443 and :80 out of Host and Origin."""
    from claimtrack.web.hosts import AllowedHosts

    hosts = AllowedHosts(app=None, allowed=["claims.example.org:443"])  # type: ignore[arg-type]
    assert hosts.allows("claims.example.org") and not hosts.allows("claims.example.org:8443")
