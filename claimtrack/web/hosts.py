"""Which host names the app answers to, and where a change may come from.

DNS rebinding: a page on ``attacker.example`` whose name then resolves to 127.0.0.1 is
same-origin with itself, so it could read a form of a loopback server (with its CSRF token)
and post it back. The browser still sends ``Host: attacker.example``: a request naming a host
the server was not started for is answered 400 before anything runs. A change (POST) whose
``Origin`` names another host, or that the browser says comes from another site
(``Sec-Fetch-Site``), is refused 403. ``Origin: null`` (what browsers send for a form on a
page with ``Referrer-Policy: no-referrer``, as every page here is) says nothing and is left
to the CSRF token.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
_DEFAULT_PORTS = (80, 443)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
OTHER_SITES = {"cross-site", "same-site"}
_NAME = re.compile(r"[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?")
Host = tuple[str, int | None]


def parse_host(value: str) -> Host | None:
    """``name``, ``name:port``, ``[v6]`` or ``[v6]:port`` (a bare IPv6 address too) as
    (lower-case name, port or None); None for anything else."""
    text = value.strip().lower()
    port = ""
    if text.startswith("["):
        name, _, rest = text[1:].partition("]")
        if rest and not rest.startswith(":"):
            return None
        port = rest[1:]
        if not _is_ipv6(name) or (rest and not port):
            return None
        name = f"[{name}]"
    elif text.count(":") > 1:
        return (f"[{text}]", None) if _is_ipv6(text) else None
    else:
        name, colon, port = text.partition(":")
        name = name.removesuffix(".")  # "localhost." is localhost
        if not _NAME.fullmatch(name) or (colon and not port):
            return None
    if port and not (port.isascii() and port.isdigit() and 0 < int(port) < 65536):
        return None
    return name, int(port) if port else None


def _is_ipv6(text: str) -> bool:
    try:
        return ipaddress.ip_address(text).version == 6
    except ValueError:
        return False


def _plain(host: Host | None) -> Host | None:
    """A host with a default port as no port, as browsers write it."""
    return None if host is None else (host[0], None if host[1] in _DEFAULT_PORTS else host[1])


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def unusable(entries: Iterable[str]) -> list[str]:
    """The entries that are not a host name or address (with or without a port)."""
    return [entry for entry in entries if parse_host(entry) is None]


class AllowedHosts:
    """ASGI middleware: 400 for a Host not in ``allowed`` (a name without a port allows
    every port), 403 for a change sent from another origin or site."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = [host for host in map(parse_host, allowed) if host is not None]

    def allows(self, value: str) -> bool:
        """Whether a Host (or an Origin's host) is one this server answers to: a listed name,
        or any IP address (a rebinding page is always reached by a name, and a team server
        started with --host 0.0.0.0 is reached by its machine's addresses)."""
        host = _plain(parse_host(value))
        return host is not None and (_is_address(host[0]) or any(
            name == host[0] and (port is None or _plain((name, port)) == host)
            for name, port in self.allowed))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan; the app has no websockets
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = None
        if not self.allows(headers.get("host", "")):
            refusal = PlainTextResponse(
                "Error: this server does not answer to that host name. Open it by an address "
                "it was started for, or start it with --allowed-host NAME.\n", status_code=400)
        elif scope.get("method", "GET") not in SAFE_METHODS and self._from_elsewhere(headers):
            refusal = PlainTextResponse(
                "Error: this change was sent from another site, so nothing was changed. Use "
                "the form on this server's own page.\n", status_code=403)
        await (self.app if refusal is None else refusal)(scope, receive, send)

    def _from_elsewhere(self, headers: Headers) -> bool:
        if headers.get("sec-fetch-site", "").lower() in OTHER_SITES:
            return True
        origin = headers.get("origin", "null").strip()
        if origin == "null":
            return False
        try:
            parts = urlsplit(origin)
        except ValueError:  # "http://[bad"
            return True
        if parts.scheme not in ("http", "https"):
            return True
        sender, own = _plain(parse_host(parts.netloc)), _plain(parse_host(headers.get("host", "")))
        if sender is None or sender == own:  # the same origin (the page this server sent)
            return sender is None
        # a name given with --allowed-host (a proxy may pass on another Host): not a loopback
        # name or an address, whose other ports are other origins ("localhost:3000")
        return sender[0] in LOOPBACK_HOSTS or _is_address(sender[0]) or not self.allows(
            parts.netloc)
