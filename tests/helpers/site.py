"""A local web site for the tests of pages given by URL: started by the test on 127.0.0.1 (a
free port), stopped after it; no outside network. Each path is one behaviour a real site can
have: an article, a ClaimReview page, redirects, a 404, a huge or a slow answer."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.helpers import CLAIMREVIEW, FIXTURES

SEED = (FIXTURES / "extract" / "seed_excerpt.txt").read_text(encoding="utf-8")
ARTICLE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Russia accused</title>"
    "<script>var tracking = 'Lavrov said nothing here.';</script></head><body>"
    "<nav><a href='/'>Home</a> · <a href='/world'>World</a></nav>"
    "<article><h1>Russia accused of plotting a false-flag operation</h1>"
    + "".join(f"<p>{html.escape(line)}</p>" for line in SEED.splitlines() if line.strip())
    + "</article><footer>© Example News. Sergey Lavrov said the footer is fake.</footer>"
    "</body></html>"
)
REVIEW = (
    "<html><head><title>Fact check</title><script type='application/ld+json'>"
    + (CLAIMREVIEW / "schemaorg" / "eg-0324.jsonld").read_text(encoding="utf-8")
    + "</script></head><body><p>Our verdict.</p></body></html>"
)


@dataclass
class Site:
    """The running site: ``url("/article")`` is an address on it; ``hits`` counts requests."""

    base: str
    hits: dict[str, int]

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int]
    slow_seconds = 1.5

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        route = self.path.split("?")[0]
        if route == "/article":
            self._send(200, ARTICLE.encode(), "text/html; charset=utf-8")
        elif route == "/review":
            self._send(200, REVIEW.encode(), "text/html; charset=utf-8")
        elif route.startswith("/hop/"):
            left = int(route.rsplit("/", 1)[1])
            self._redirect("/article" if left == 0 else f"/hop/{left - 1}")
        elif route == "/to-ftp":
            self._redirect("ftp://127.0.0.1/article")
        elif route == "/to-loopback":  # an absolute address on 127.0.0.1, whatever was asked
            self._redirect(f"http://127.0.0.1:{self.server.server_address[1]}/article")
        elif route == "/gone":
            self._send(404, b"<html><body>Gone</body></html>", "text/html")
        elif route == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the size only shows while streaming
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 16_380 + b"</p>")
        elif route == "/slow":
            time.sleep(self.slow_seconds)
            self._send(200, b"late", "text/plain")
        else:
            self._send(404, b"no such page", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (a timeout, a size limit) is what those tests want


@contextmanager
def local_site() -> Iterator[Site]:
    """Serve the site on 127.0.0.1 for the duration of the block."""
    hits: dict[str, int] = {}
    handler = type("Handler", (_Handler,), {"hits": hits})
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_address[1]}", hits)
    finally:
        server.shutdown()
        server.server_close()
