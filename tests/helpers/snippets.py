"""Search hits as JSON, their snippets read back with the matches [in brackets]."""

from __future__ import annotations

import json
from typing import Any

from tests.helpers import Cli


def search_hits(cli: Cli, *query: str, options: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """``claimtrack search`` as JSON, each snippet with its matches [in brackets]: JSON gives
    the passage as stored and the matches apart, as ``snippet_matches``."""
    found: list[dict[str, Any]] = json.loads(
        cli.ok("search", "-f", "json", *options, "--", *query).stdout)
    return [{**hit, "snippet": bracketed(hit)} for hit in found]


def bracketed(hit: dict[str, Any]) -> str:
    """A JSON hit's snippet with its matches [in brackets], from ``snippet_matches``."""
    snippet, done, parts = hit["snippet"], 0, []
    for start, end in hit["snippet_matches"]:
        parts += [snippet[done:start], "[", snippet[start:end], "]"]
        done = end
    return "".join([*parts, snippet[done:]])
