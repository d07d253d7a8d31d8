"""Counts in words, for messages written by any layer: "1 link", "2 links", never "1 link(s)"."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """ "1 claim", "2 claims"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
