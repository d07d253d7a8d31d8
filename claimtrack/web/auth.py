"""Who is asking: signed session cookies, CSRF tokens, the sign-in rate limit, safe redirects.

The session is a cookie signed with itsdangerous (HMAC-SHA1 over a timestamped JSON body): it
holds the signed-in user's name and the CSRF token of every form, nothing secret. The user is
looked up again on every request, so removing a user or changing their role takes effect at
once. Forms carry the CSRF token in a hidden field and every POST is checked against the
cookie's (synchronizer token pattern); cookies are HttpOnly and SameSite=Lax on top.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from itsdangerous import BadSignature, URLSafeTimedSerializer

from claimtrack.core.enums import Role

COOKIE = "claimtrack_session"
SALT = "claimtrack.web.session"
VERIFIED_KEPT = 4096
ENDED_KEPT = 100_000  # sessions signed out and remembered (a few MB at most)


@dataclass(frozen=True)
class WebUser:
    """The person a request acts for. ``is_local``: the unsigned local user of a loopback
    server with no users."""

    name: str
    role: Role
    is_local: bool = False

    @property
    def is_known(self) -> bool:
        """False for the nobody of a sign-in page seen before signing in."""
        return bool(self.name)

    def may(self, needed: Role) -> bool:
        return self.is_known and self.role.allows(needed)


@dataclass
class WebSession:
    """What the cookie carries: who signed in, the CSRF token, messages for the next page."""

    user: str | None = None
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    flash: list[str] = field(default_factory=list)
    changed: bool = False

    def dump(self) -> dict[str, Any]:
        return {"u": self.user, "c": self.csrf, "f": self.flash[-5:]}

    def sign_in(self, name: str) -> None:
        """A new token at sign-in, so a token planted before it is worthless (fixation)."""
        self.user, self.csrf, self.changed = name, secrets.token_urlsafe(24), True

    def sign_out(self) -> None:
        self.user, self.csrf, self.changed = None, secrets.token_urlsafe(24), True

    def say(self, message: str) -> None:
        """A message shown once, on the next page."""
        self.flash.append(message[:500])
        self.changed = True

    def take_flash(self) -> list[str]:
        messages, self.flash = self.flash, []
        if messages:
            self.changed = True
        return messages

    def csrf_matches(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf.encode(), str(token).encode())


class SessionCodec:
    """Signs and reads session cookies; a bad or expired one is a fresh, empty session."""

    def __init__(self, secret: str, max_age: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt=SALT)
        self.max_age = max_age
        # Cookies whose signature was checked, with their body and when they were signed: a
        # browser sends the same cookie on every request until it changes.
        self._verified: dict[str, tuple[Any, float]] = {}
        # Sessions signed out (by their token) until their cookies would have expired anyway:
        # a copy of the cookie kept from before signing out no longer signs anyone in.
        self._ended: dict[str, float] = {}
        self._lock = threading.Lock()

    def end(self, session: WebSession) -> None:
        """Sign ``session`` out for good: its cookie, wherever a copy of it is, stops counting
        (in this server process; a restart forgets, and the cookie still expires)."""
        now = time.time()
        with self._lock:
            if len(self._ended) >= ENDED_KEPT:  # the oldest first: they expire first
                for token in [t for t, until in self._ended.items() if until < now]:
                    del self._ended[token]
                while len(self._ended) >= ENDED_KEPT:
                    del self._ended[next(iter(self._ended))]
            self._ended[session.csrf] = now + self.max_age

    def load(self, cookie: str | None) -> WebSession:
        if not cookie:
            return WebSession(changed=True)
        body = self._verify(cookie)
        if not isinstance(body, dict) or not isinstance(body.get("c"), str):
            return WebSession(changed=True)
        if body["c"] in self._ended:
            return WebSession(changed=True)
        user = body.get("u")
        flash = [m for m in body.get("f") or [] if isinstance(m, str)]
        return WebSession(user=user if isinstance(user, str) else None, csrf=body["c"],
                          flash=flash)

    def dump(self, session: WebSession) -> str:
        return self._serializer.dumps(session.dump())

    def _verify(self, cookie: str) -> Any:
        """The cookie's body, or None when it is forged or older than ``max_age``."""
        known = self._verified.get(cookie)
        if known is None:
            try:
                body, signed = self._serializer.loads(cookie, max_age=self.max_age,
                                                      return_timestamp=True)
            except BadSignature:
                return None
            if len(self._verified) >= VERIFIED_KEPT:
                self._verified.clear()
            known = self._verified[cookie] = (body, signed.timestamp())
        body, signed_at = known
        return body if time.time() - signed_at <= self.max_age else None


class Throttle:
    """At most ``attempts`` failed sign-ins per ``window`` seconds for one key, times the key's
    share (a name from one address: 1; a name from anywhere, an address for any name: more).
    Kept in memory: ``serve`` is one process."""

    def __init__(self, attempts: int, window: float) -> None:
        self.attempts, self.window = attempts, window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def wait(self, *keys: tuple[str, int]) -> int:
        """Seconds until every key may try again (0: now); each key with its share."""
        now = time.monotonic()
        longest = 0.0
        with self._lock:
            for key, share in keys:
                failures = self._failures.get(key)
                if not failures:
                    continue
                while failures and failures[0] <= now - self.window:
                    failures.popleft()
                if len(failures) >= self.attempts * share:
                    longest = max(longest, failures[-self.attempts * share] + self.window - now)
        return int(longest) + 1 if longest else 0

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._failures[key].append(now)
                if len(self._failures) > 10_000:  # bounded memory under a spray of names
                    self._failures.pop(next(iter(self._failures)))

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


def safe_next(target: str | None, default: str = "/") -> str:
    """``target`` when it is a path on this site, else ``default``: never an open redirect.

    Refused: absolute URLs, scheme-relative ``//host``, backslashes (browsers read ``/\\host``
    as ``//host``), control characters and anything not starting with one ``/``.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target or any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target
