"""What ``claimtrack serve`` is started with: who the local user is, the signing secret, limits."""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass, field

ENV_SECRET = "CLAIMTRACK_WEB_SECRET"
DEFAULT_MAX_UPLOAD = 16 * 1024 * 1024
FORM_LIMIT = 2 * 1024 * 1024  # a claim text is at most 100,000 characters: 400 kB of UTF-8
SESSION_HOURS = 12


@dataclass(frozen=True)
class WebSettings:
    """``local_user``: who acts while no user exists (None: nobody, every request is refused).
    ``secret``: signs session cookies; a random one per process signs everyone out at restart.
    ``dot``: the Graphviz program for SVG graphs, when installed."""

    local_user: str | None = None
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    max_upload: int = DEFAULT_MAX_UPLOAD
    max_form: int = FORM_LIMIT
    session_hours: int = SESSION_HOURS
    dot: str | None = field(default_factory=lambda: shutil.which("dot"))
    sign_in_attempts: int = 5
    sign_in_window: float = 300.0

    @classmethod
    def from_environment(cls, *, local_user: str | None, max_upload: int) -> WebSettings:
        """Settings for ``serve``: the secret from $CLAIMTRACK_WEB_SECRET when set."""
        secret = os.environ.get(ENV_SECRET, "").strip()
        if secret:
            return cls(local_user=local_user, max_upload=max_upload, secret=secret)
        return cls(local_user=local_user, max_upload=max_upload)
