"""Search snippets as users read them: matches in [brackets], never splitting a letter from its
vowel sign or accent (a grapheme cluster), for the backends' own snippets (``readable``) and for
substring hits, whose passage is cut here (``passage``). Text only: no database."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Where a snippet's matches begin and end while the backend builds it: Unicode noncharacters,
# so never mistaken for a bracket of the claim's own text. ``readable`` turns them into
# MARK_START/MARK_END.
OPEN, CLOSE = "\ufdd0", "\ufdd1"
MARK_START, MARK_END = "[", "]"
# A mark followed by a character that is not ASCII: only there can a mark split a letter, or
# touch the next mark.
_RISK = re.compile(f"[{OPEN}{CLOSE}][^\x00-\x7f]")
# Zero-width non-joiner and joiner: they belong to the letter before them.
_JOINERS = "\u200c\u200d"
# A substring hit's snippet: about this many characters, the first match this far in.
PASSAGE, LEAD = 64, 20


def readable(snippet: str, pieces: Sequence[str] = ()) -> str:
    """A snippet as the backend made it (matches between OPEN and CLOSE) in [brackets],
    with ``pieces`` (substring terms) marked too, and every match widened to whole letters."""
    bracketed = snippet.replace(OPEN, MARK_START).replace(CLOSE, MARK_END)
    if not pieces and (
        bracketed.isascii() or bracketed.replace("…", "").isascii()  # the usual case, at once
        or not any(_splits(snippet, found.start()) for found in _RISK.finditer(snippet))
    ):
        return bracketed  # nothing to widen, merge or add
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    start = 0
    for character in snippet:
        if character == OPEN:
            start = len(plain)
        elif character == CLOSE:
            spans.append((start, len(plain)))
        else:
            plain.append(character)
    text = "".join(plain)
    return mark(text, [*spans, *occurrences(text, pieces)])


def _splits(snippet: str, at: int) -> bool:
    """Whether the mark at ``at`` touches another or splits a letter (see ``_continues``)."""
    following = snippet[at + 1]
    if following in (OPEN, CLOSE) or unicodedata.category(following)[0] == "M":
        return True
    return following in _JOINERS or (
        at > 0 and unicodedata.combining(snippet[at - 1]) == 9
        and unicodedata.category(following) == "Lo"
    )


def passage(texts: Sequence[str | None], pieces: Sequence[str]) -> str:
    """About PASSAGE characters of the first of ``texts`` (text, summary, quotes) holding one
    of ``pieces``, from LEAD characters before the first match, every match marked."""
    present = [text for text in texts if text]
    text = next((text for text in present if occurrences(text, pieces)), present[0])
    first, first_end = min(occurrences(text, pieces), default=(0, 0))
    start = max(0, min(first - LEAD, len(text) - PASSAGE))
    end = min(len(text), max(start + PASSAGE, first_end))
    # Not in the middle of a spaced word when a space is near; never inside a letter.
    space = text.find(" ", start, min(first, start + 12))
    start = space + 1 if start > 0 and space >= 0 else start
    space = text.rfind(" ", max(first_end, end - 12), end)
    end = space if end < len(text) and space >= 0 else end
    start, end = _cluster_start(text, start), _cluster_end(text, end)
    window = text[start:end]
    return ("…" if start > 0 else "") + mark(window, occurrences(window, pieces)) + (
        "…" if end < len(text) else "")


def occurrences(text: str, pieces: Sequence[str]) -> list[tuple[int, int]]:
    """Where each of ``pieces`` occurs in ``text``, ignoring case: (start, end) offsets."""
    folded = text.casefold()
    if len(folded) != len(text):  # a letter folds to two (ß → ss): offsets would drift
        folded = text
    found = []
    for piece in pieces:
        wanted = piece.casefold() if folded is not text else piece
        if not wanted:
            continue
        at = folded.find(wanted)
        while at >= 0:
            found.append((at, at + len(wanted)))
            at = folded.find(wanted, at + len(wanted))
    return found


def mark(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with each span (start, end) in [brackets].

    A span never ends or begins inside a letter as written (a grapheme cluster): it is widened
    over the combining marks after it (the ी of शादी, a Thai vowel sign, an accent typed apart)
    and back to the letter a mark at its start belongs to. Overlapping or touching spans merge.
    """
    widened = sorted(
        (_cluster_start(text, start), _cluster_end(text, end))
        for start, end in spans if 0 <= start < end <= len(text)
    )
    merged: list[list[int]] = []
    for start, end in widened:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts, done = [], 0
    for start, end in merged:
        parts += [text[done:start], MARK_START, text[start:end], MARK_END]
        done = end
    return "".join([*parts, text[done:]])


def _continues(text: str, at: int) -> bool:
    """Whether ``text[at]`` belongs to the same grapheme cluster as ``text[at - 1]``: a
    combining mark or a joiner, or a consonant after a virama (Unicode 15.1 makes क्ष one)."""
    if at <= 0 or at >= len(text):
        return False
    character = text[at]
    if unicodedata.category(character)[0] == "M" or character in _JOINERS:
        return True
    return unicodedata.combining(text[at - 1]) == 9 and unicodedata.category(character) == "Lo"


def _cluster_start(text: str, at: int) -> int:
    while _continues(text, at):
        at -= 1
    return at


def _cluster_end(text: str, at: int) -> int:
    while _continues(text, at):
        at += 1
    return at
