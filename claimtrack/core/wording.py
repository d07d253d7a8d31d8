"""Words for messages written by any layer: counts ("1 link", "2 links", never "1 link(s)"),
and a driver's message as one sentence."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """ "1 claim", "2 claims", "2 matches"."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {noun}{'es' if noun.endswith(('s', 'x', 'z', 'ch', 'sh')) else 's'}"


def clause(reason: object) -> str:
    """A driver's message as one sentence ending in a full stop (PostgreSQL's end in one, and
    run over several lines)."""
    text = " ".join(str(reason).split())
    return text if text.endswith((".", "?", "!")) else f"{text}."
