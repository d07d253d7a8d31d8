"""Fetching a web page, bounded: the network I/O behind ``import URL``, ``extract URL`` and
``source add URL --fetch``, and the web app's extract page. No database here (archiving the
page is claimtrack.services.archives).

Bounds, each with its own ``FetchFailed`` message that says what to do: http and https only, at
most 5 redirects (each hop checked again), a connect/read timeout and an overall deadline, and
a size limit enforced while streaming (a page is never read past it). ``public_only`` (the web
app fetching for a signed-in team) also refuses hosts on private, loopback or link-local
addresses, on every hop. httpx is imported on use.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from claimtrack import __version__
from claimtrack.core.errors import FetchFailed

if TYPE_CHECKING:
    import httpx

MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 15.0  # to connect, and between two chunks of the answer
DEADLINE_SECONDS = 60.0  # for the whole page, however slowly it trickles in
REDIRECTS = frozenset({301, 302, 303, 307, 308})
USER_AGENT = f"claimtrack/{__version__} (archiving a source for fact-checking)"


@dataclass(frozen=True)
class Page:
    """A fetched page: the body as received and what the server said about it."""

    requested_url: str
    final_url: str
    status: int
    content_type: str | None
    body: bytes
    retrieved_at: dt.datetime

    @property
    def sha256(self) -> str:
        """The SHA-256 of the body, in hex: the page's name in the archive."""
        return hashlib.sha256(self.body).hexdigest()

    @property
    def media_type(self) -> str:
        """The content type without parameters, lower case ("text/html"); "" when unknown."""
        return (self.content_type or "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset the server declared, if any."""
        for part in (self.content_type or "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"').lower()
        return None


def is_web_address(text: str) -> bool:
    """True for an http(s) URL (what the commands fetch), False for a file path or '-'."""
    return urlsplit(text.strip()).scheme.lower() in ("http", "https")


def fetch_page(
    url: str,
    *,
    max_bytes: int | None = None,
    timeout: float | None = None,
    deadline: float | None = None,
    max_redirects: int = MAX_REDIRECTS,
    public_only: bool = False,
) -> Page:
    """GET ``url`` and return the page (any status: the caller decides what a 404 means).
    Limits left out are the module's (MAX_BYTES, TIMEOUT_SECONDS, DEADLINE_SECONDS).

    Raises FetchFailed for a scheme other than http/https (on any hop), too many redirects,
    a timeout, a page larger than ``max_bytes``, any network or protocol failure, and with
    ``public_only`` a host that is not on a public address (on any hop).
    """
    import httpx

    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    timeout = TIMEOUT_SECONDS if timeout is None else timeout
    deadline = DEADLINE_SECONDS if deadline is None else deadline

    _check_target(url, url, public_only)
    started = time.monotonic()
    current = url
    try:
        with httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=False,
            headers={"User-Agent": USER_AGENT,
                     "Accept": "text/html,application/json;q=0.9,*/*;q=0.5"},
        ) as client:
            for _hop in range(max_redirects + 1):
                with client.stream("GET", current) as response:
                    location = response.headers.get("location")
                    if response.status_code in REDIRECTS and location:
                        current = urljoin(str(response.url), location)
                        _check_target(current, url, public_only)
                        continue
                    body = _read_bounded(response, url, max_bytes, started, deadline)
                    return Page(
                        requested_url=url,
                        final_url=str(response.url),
                        status=response.status_code,
                        content_type=response.headers.get("content-type"),
                        body=body,
                        retrieved_at=dt.datetime.now(dt.UTC),
                    )
    except FetchFailed:
        raise
    except httpx.TimeoutException:
        raise FetchFailed(f"{url} did not answer within {timeout:g} seconds; try again later, "
                          "or save the page and give its file instead.") from None
    except httpx.HTTPError as error:
        raise FetchFailed(f"Cannot fetch {url}: {_reason(error)}. Check the URL and your "
                          "network, or save the page and give its file instead.") from None
    raise FetchFailed(f"{url} redirects more than {max_redirects} times (last to {current}); "
                      "open it in a browser and give the final URL.")


def fetch_ok(url: str, *, public_only: bool = False) -> Page:
    """The page at ``url`` when the server answers 2xx; FetchFailed for anything else (nothing
    is archived or read from an error page)."""
    from http import HTTPStatus

    page = fetch_page(url, public_only=public_only)
    if not 200 <= page.status < 300:
        try:
            phrase = HTTPStatus(page.status).phrase
        except ValueError:
            phrase = "an unknown status"
        raise FetchFailed(f"{url} answered HTTP {page.status} ({phrase}); nothing was archived "
                          "or read. Check the URL; copies archived before are kept "
                          "(`claimtrack source show URL`).")
    return page


def _check_target(target: str, asked: str, public_only: bool) -> None:
    parts = urlsplit(target)
    where = "" if target == asked else f" (it redirects to {target})"
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchFailed(f"Cannot fetch {asked}{where}: only http and https addresses are "
                          "fetched.")
    if public_only and not _is_public(parts.hostname or ""):
        raise FetchFailed(f"Cannot fetch {asked}{where}: {parts.hostname} is not a public "
                          "address, and the web app fetches only public pages for a team. "
                          "Paste the article's text instead.")


def _is_public(host: str) -> bool:
    """Whether every address ``host`` resolves to is a public one (not private, loopback,
    link-local, reserved…). An unknown host is left to the fetch, which then fails."""
    try:
        found = {str(info[4][0]) for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return True
    return all(ipaddress.ip_address(address.split("%")[0]).is_global for address in found)


def _read_bounded(
    response: httpx.Response, url: str, max_bytes: int, started: float, deadline: float
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailed(_too_large(url, max_bytes))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchFailed(_too_large(url, max_bytes))
        if time.monotonic() > started + deadline:
            raise FetchFailed(f"{url} took longer than {deadline:g} seconds to send the page; "
                              "try again later, or save the page and give its file instead.")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, max_bytes: int) -> str:
    return (f"{url} is larger than {_size(max_bytes)}, the most claimtrack fetches; save the "
            "part you need and give its file instead.")


def _size(count: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if count >= scale:
            return f"{count / scale:g} {unit}"
    return f"{count} bytes"


def _reason(error: Any) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text.rstrip(".")
