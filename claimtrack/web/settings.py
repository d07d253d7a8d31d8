"""What ``claimtrack serve`` is started with: who the local user is, the signing secret, limits."""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass, field, replace

from claimtrack.web.hosts import LOOPBACK_HOSTS

ENV_SECRET = "CLAIMTRACK_WEB_SECRET"
ENV_HOSTS = "CLAIMTRACK_WEB_HOSTS"
DEFAULT_MAX_UPLOAD = 16 * 1024 * 1024
FORM_LIMIT = 2 * 1024 * 1024  # a claim text is at most 100,000 characters: 400 kB of UTF-8
SESSION_HOURS = 12


@dataclass(frozen=True)
class WebSettings:
    """``local_user``: who acts while no user exists (None: nobody, every request is refused).
    ``secret``: signs session cookies; a random one per process signs everyone out at restart.
    ``dot``: the Graphviz program for SVG graphs, when installed. ``allowed_hosts``: the
    host names (``name`` or ``name:port``) requests may name in Host (``web.hosts``)."""

    local_user: str | None = None
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    max_upload: int = DEFAULT_MAX_UPLOAD
    max_form: int = FORM_LIMIT
    session_hours: int = SESSION_HOURS
    dot: str | None = field(default_factory=lambda: shutil.which("dot"))
    sign_in_attempts: int = 5
    sign_in_window: float = 300.0
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS

    @classmethod
    def from_environment(cls, *, local_user: str | None, max_upload: int,
                         hosts: tuple[str, ...] = ()) -> WebSettings:
        """Settings for ``serve``: the secret from $CLAIMTRACK_WEB_SECRET when set; the
        loopback names, ``hosts`` and those in $CLAIMTRACK_WEB_HOSTS (comma- or
        space-separated) allowed."""
        allowed = tuple(dict.fromkeys(
            [*LOOPBACK_HOSTS, *hosts, *os.environ.get(ENV_HOSTS, "").replace(",", " ").split()]))
        settings = cls(local_user=local_user, max_upload=max_upload, allowed_hosts=allowed)
        secret = os.environ.get(ENV_SECRET, "").strip()
        return replace(settings, secret=secret) if secret else settings
