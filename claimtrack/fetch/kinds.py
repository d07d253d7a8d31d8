"""Whether a document is a web page, for the commands that read a page or a file alike
(``claimtrack extract``): by its content type, its file name or its first bytes."""

from __future__ import annotations

import re

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# A byte-order mark, blank space and comments may come first; then a doctype or a tag that
# only a page opens with.
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL,
)


def is_html(body: bytes, *, media_type: str = "", name: str = "") -> bool:
    """True for an HTML page: served as one (``media_type``, lower case without parameters),
    named as one ("page.html") or starting like one ("<!doctype html>", "<html>")."""
    return media_type in HTML_TYPES or name.lower().endswith(HTML_SUFFIXES) or (
        _HTML_START.match(body[:4096]) is not None
    )
