"""Public addresses only: how the web app fetches a page for a signed-in team without letting
a URL reach the server's own network (loopback, private ranges, link-local cloud metadata…).

The host is looked up once, every address it has must be public, and the request then goes
to the address that was checked, under the page's own name (Host header and TLS server name):
no second lookup that could answer differently (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket

from claimtrack.core.errors import FetchFailed

# IPv6 prefixes that carry an IPv4 address inside, which is what they really reach.
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_SITE_LOCAL = ipaddress.ip_network("fec0::/10")  # deprecated, still routed on some networks


def public_address(host: str, port: int, shown: str) -> str:
    """An address of ``host`` to connect to, when every address it has is public; else
    FetchFailed naming ``shown`` (the URL as asked)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        found = [str(info[4][0]) for info in infos]
    except (OSError, UnicodeError):
        raise FetchFailed(f"Cannot fetch {shown}: the host {host} was not found. Check the "
                          "URL, or paste the article's text instead.") from None
    if not found or not all(is_public(address) for address in found):
        raise FetchFailed(f"Cannot fetch {shown}: {host} is not a public address, and the web "
                          "app fetches only public pages for a team. Paste the article's text "
                          "instead.")
    return found[0]


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet, judging an IPv6 address that wraps
    an IPv4 one (mapped, 6to4, NAT64, the old compatible form) by the IPv4 address."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour
        if inner is None and (any(ip in net for net in _NAT64) or int(ip) >> 32 == 0):
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            return inner.is_global
        if ip in _SITE_LOCAL:
            return False
    return ip.is_global
