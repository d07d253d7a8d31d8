"""Counts in words, for messages written by any layer: "1 link", "2 links", never "1 link(s)"."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """ "1 claim", "2 claims", "2 matches"."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {noun}{'es' if noun.endswith(('s', 'x', 'z', 'ch', 'sh')) else 's'}"
