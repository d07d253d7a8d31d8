"""Reading the extractor's suggestions in tests: (speaker, kind, text) triples."""

from __future__ import annotations

from claimtrack.extract import extract


def found(text: str) -> list[tuple[str | None, str, str]]:
    return [(s.speaker, s.kind.value, s.text) for s in extract(text)]


def one(text: str, words: str) -> tuple[str | None, str, str]:
    """The suggestion whose text contains ``words`` (fails when there is none)."""
    matches = [s for s in found(text) if words in s[2]]
    assert matches, f"no suggestion with {words!r} in {found(text)}"
    return matches[0]
