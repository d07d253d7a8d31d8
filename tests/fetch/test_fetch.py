"""Fetching is bounded: http/https only, at most 5 redirects, timeouts, a size limit read while
streaming, and a clear FetchFailed for every network failure. A local site, no outside network."""

from __future__ import annotations

import hashlib
import socket

import pytest

from claimtrack.core.errors import FetchFailed
from claimtrack.fetch import fetch_ok, fetch_page, is_web_address
from claimtrack.formats.html_text import article_text
from tests.helpers.site import ARTICLE, Site


def test_a_page_comes_back_as_received_with_what_the_server_said(site: Site) -> None:
    page = fetch_page(site.url("/article"))
    assert page.body == ARTICLE.encode()
    assert page.sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert (page.status, page.media_type, page.charset) == (200, "text/html", "utf-8")
    assert page.final_url == page.requested_url == site.url("/article")
    assert page.retrieved_at.tzinfo is not None


def test_five_redirects_are_followed_and_the_final_url_kept(site: Site) -> None:
    page = fetch_page(site.url("/hop/4"))  # hop/4 → 3 → 2 → 1 → 0 → article: 5 redirects
    assert page.final_url == site.url("/article") and page.status == 200


def test_a_sixth_redirect_is_refused(site: Site) -> None:
    with pytest.raises(FetchFailed, match="redirects more than 5 times"):
        fetch_page(site.url("/hop/5"))


@pytest.mark.parametrize("path", ["/to-ftp", None])
def test_only_http_and_https_are_fetched(site: Site, path: str | None) -> None:
    url = site.url(path) if path else "ftp://127.0.0.1/article"
    with pytest.raises(FetchFailed, match="only http and https"):
        fetch_page(url)
    assert is_web_address("https://example.com") and not is_web_address("article.txt")


def test_the_size_limit_holds_while_streaming(site: Site) -> None:
    with pytest.raises(FetchFailed, match="larger than 100 KB"):
        fetch_page(site.url("/huge"), max_bytes=100 * 1024)
    assert len(fetch_page(site.url("/huge")).body) == 64 * 16_387  # under the default limit


def test_a_silent_server_times_out(site: Site) -> None:
    with pytest.raises(FetchFailed, match=r"did not answer within 0\.3 seconds"):
        fetch_page(site.url("/slow"), timeout=0.3)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "10.1.2.3", "169.254.169.254",
                                  "[::1]", "192.168.0.10"])
def test_public_only_refuses_private_and_local_hosts_before_sending(host: str) -> None:
    with pytest.raises(FetchFailed, match="is not a public address"):
        fetch_page(f"http://{host}:9/page", public_only=True)


def test_public_only_goes_to_the_checked_address_and_checks_every_redirect(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimtrack.fetch as fetching

    looked_up: list[str] = []

    def checked(host: str, port: int, shown: str) -> str:
        """Here "localhost" counts as a public name (its address: 127.0.0.1), 127.0.0.1 not."""
        looked_up.append(host)
        if host != "localhost":
            raise FetchFailed(f"Cannot fetch {shown}: {host} is not a public address")
        return "127.0.0.1"

    monkeypatch.setattr(fetching, "public_address", checked)
    named = site.url("/article").replace("127.0.0.1", "localhost")
    page = fetching.fetch_page(named, public_only=True)
    assert page.status == 200 and page.final_url == named  # sent to the address, named as asked
    with pytest.raises(FetchFailed, match=r"\(it redirects to http://127\.0\.0\.1.*not a public"):
        fetch_page(site.url("/to-loopback").replace("127.0.0.1", "localhost"), public_only=True)
    assert site.hits.get("/to-loopback") == 1 and site.hits.get("/article") == 1
    assert looked_up == ["localhost", "localhost", "127.0.0.1"]


@pytest.mark.parametrize("url", ["http://[bad", "http://a..b/", "http://xn--/",
                                 "http://exa\tmple.com/", "http://example.com:abc/", "http://"])
@pytest.mark.parametrize("public_only", [False, True])
def test_a_malformed_address_is_a_clear_error(url: str, public_only: bool) -> None:
    with pytest.raises(FetchFailed, match=r"not a valid web address|the host a\.\.b was not found"):
        fetch_page(url, public_only=public_only)


def test_fetch_ok_refuses_an_error_page(site: Site) -> None:
    with pytest.raises(FetchFailed, match=r"answered HTTP 404 \(Not Found\); nothing was"):
        fetch_ok(site.url("/gone"))
    assert fetch_ok(site.url("/article")).status == 200


def test_a_refused_connection_is_a_clear_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchFailed, match=rf"Cannot fetch http://127.0.0.1:{port}/x: .*network"):
        fetch_page(f"http://127.0.0.1:{port}/x")


def test_an_error_status_is_returned_for_the_caller_to_judge(site: Site) -> None:
    assert fetch_page(site.url("/gone")).status == 404


def test_the_article_text_leaves_out_scripts_menus_and_footers() -> None:
    text = article_text(ARTICLE.encode(), "utf-8")
    assert text.startswith("Russia accused of plotting a false-flag operation\n\n")
    assert 'dismissed the U.S. claim as "total disinformation."' in text
    assert "tracking" not in text and "Home" not in text and "footer" not in text
    assert article_text("<p>Caf\xe9</p>".encode("latin-1"), "latin-1") == "Café"
