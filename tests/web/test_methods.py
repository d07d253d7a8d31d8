"""A request in a method an address does not take is answered 405 with the methods it does
take in ``Allow`` (RFC 9110, 15.5.6)."""

from __future__ import annotations

import pytest

from tests.helpers import Cli
from tests.helpers.web import Browser


@pytest.mark.parametrize(("method", "path", "allowed"), [
    ("PUT", "/claims", "GET, HEAD"),
    ("DELETE", "/", "GET, HEAD"),
    ("POST", "/downloads", "GET, HEAD"),
    ("OPTIONS", "/claims", "GET, HEAD"),
    ("PUT", "/extract", "GET, HEAD, POST"),  # the page's GET and its form's POST
    ("OPTIONS", "/claims/new", "GET, HEAD, POST"),
    ("GET", "/extract/apply", "POST"),
    ("GET", "/signout", "POST"),
    ("PUT", "/static/claimtrack.js", "GET, HEAD"),
])
def test_a_405_says_which_methods_the_address_takes(
    web: Browser, method: str, path: str, allowed: str
) -> None:
    answer = web.request(method, path, follow_redirects=False)
    assert answer.status_code == 405
    assert answer.headers["allow"] == allowed


def test_a_405_on_a_page_with_an_id_lists_its_methods(web: Browser, cli: Cli) -> None:
    claim = cli.add("A claim")
    assert web.delete(f"/claims/{claim}/edit").headers["allow"] == "GET, HEAD, POST"
    assert web.get(f"/claims/{claim}/verdicts").headers["allow"] == "POST"
