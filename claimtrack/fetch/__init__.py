"""Fetching a web page, bounded: the network I/O behind ``import URL``, ``extract URL`` and
``source add URL --fetch``, and the web app's extract page. No database here (archiving the
page is claimtrack.services.archives).

Bounds, each with its own ``FetchFailed`` message that says what to do: http and https only, at
most 5 redirects (each hop checked again), a connect/read timeout and an overall deadline, and
a size limit enforced while streaming (a page is never read past it). ``public_only`` (the web
app fetching for a signed-in team) also refuses hosts on private, loopback or link-local
addresses, on every hop (claimtrack.fetch.addresses). httpx is imported on use.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from claimtrack import __version__
from claimtrack.core import values
from claimtrack.core.errors import FetchFailed
from claimtrack.fetch.addresses import public_address

if TYPE_CHECKING:
    from contextlib import AbstractContextManager as ContextManager

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
        return values.media_type(self.content_type)

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
    try:
        return urlsplit(text.strip()).scheme.lower() in ("http", "https")
    except ValueError:  # "http://[bad": not an address at all
        return False


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

    current, where = _checked(url, url), url
    started = time.monotonic()
    try:
        with httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=False,
            headers={"User-Agent": USER_AGENT,
                     "Accept": "text/html,application/json;q=0.9,*/*;q=0.5"},
        ) as client:
            for _hop in range(max_redirects + 1):
                with _get(client, current, where, public_only) as response:
                    location = response.headers.get("location")
                    if response.status_code in REDIRECTS and location:
                        hop = urljoin(str(current), location)
                        where = f"{url} (it redirects to {hop})"
                        current = _checked(hop, where)
                        continue
                    body = _read_bounded(response, url, max_bytes, started, deadline)
                    return Page(
                        requested_url=url,
                        final_url=str(current),
                        status=response.status_code,
                        content_type=response.headers.get("content-type"),
                        body=body,
                        retrieved_at=dt.datetime.now(dt.UTC),
                    )
    except FetchFailed:
        raise
    except (UnicodeError, ValueError):  # a host name no lookup can take ("a..b")
        raise FetchFailed(f"Cannot fetch {url}: it is not a valid web address.") from None
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


def _checked(target: str, where: str) -> httpx.URL:
    """``target`` as httpx reads it, when it is a valid http(s) address; else FetchFailed
    naming ``where`` (the URL asked, and where it redirected)."""
    import httpx

    try:
        urlsplit(target)  # both readings must accept it ("http://[bad" only httpx would)
        parsed = httpx.URL(target)
        valid = bool(parsed.host)
    except (httpx.InvalidURL, ValueError, UnicodeError):  # IDNAError is a UnicodeError
        valid = False
    if not valid:
        raise FetchFailed(f"Cannot fetch {where}: it is not a valid web address.")
    if parsed.scheme not in ("http", "https"):
        raise FetchFailed(f"Cannot fetch {where}: only http and https addresses are "
                          "fetched.")
    return parsed


def _get(client: httpx.Client, target: httpx.URL, where: str,
         public_only: bool) -> ContextManager[httpx.Response]:
    """The streamed GET of ``target``; with ``public_only``, sent to the public address its
    host was checked to have, under the host's own name."""
    if not public_only:
        return client.stream("GET", target)
    host = target.raw_host.decode("ascii")  # as httpx would look it up (IDNA)
    address = public_address(host, target.port or (443 if target.scheme == "https" else 80),
                             where)
    return client.stream("GET", target.copy_with(host=address),
                         headers={"Host": target.netloc.decode("ascii")},
                         extensions={"sni_hostname": host})


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
