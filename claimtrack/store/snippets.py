"""Search snippets: a short passage of a claim around what matched, never splitting a letter
from its vowel sign or accent (a grapheme cluster), for the backends' own snippets
(``readable``) and for substring hits, whose passage is cut here (``passage``). Text only: no
database.

A snippet carries its matches between OPEN and CLOSE: Unicode noncharacters, reserved for a
program's internal use, so never taken for anything of the claim's own text (a claim may well
hold brackets: in a quotation they mean an editorial insertion). Each output renders them its
own way from ``segments``: the web page as ``<mark>`` around escaped text, a terminal as
[brackets] (``bracketed``), JSON and CSV as the text alone (``plain``) with the matches'
offsets (``spans``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Where a snippet's matches begin and end, from the backend's snippet to the output that
# renders it (see above).
OPEN, CLOSE = "\ufdd0", "\ufdd1"
# How a terminal shows a match (the snippet has a column of its own there).
BRACKETS = ("[", "]")
# A mark followed by a character that is not ASCII: only there can a mark split a letter, or
# touch the next mark.
_RISK = re.compile(f"[{OPEN}{CLOSE}][^\x00-\x7f]")
# Zero-width non-joiner and joiner: they belong to the letter before them.
_JOINERS = "\u200c\u200d"
# A substring hit's snippet: about this many characters, the first match this far in.
PASSAGE, LEAD = 64, 20


def readable(snippet: str, pieces: Sequence[str] = ()) -> str:
    """A snippet as the backend made it (matches between OPEN and CLOSE), with ``pieces``
    (substring terms) marked too, and every match widened to whole letters."""
    if not pieces and (
        snippet.isascii() or snippet.replace("…", "").isascii()  # the usual case, at once
        or not any(_splits(snippet, found.start()) for found in _RISK.finditer(snippet))
    ):
        return snippet  # nothing to widen, merge or add
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
    # OPEN and CLOSE have no business in a claim: were one stored, it would read as a mark
    present = [_unmarked(text) for text in texts if text]
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
    """``text`` with each span (start, end) between OPEN and CLOSE.

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
        parts += [text[done:start], OPEN, text[start:end], CLOSE]
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


def _unmarked(text: str) -> str:
    """``text`` with any OPEN or CLOSE of its own written as U+FFFD (never a mark)."""
    if OPEN in text or CLOSE in text:
        return text.replace(OPEN, "\ufffd").replace(CLOSE, "\ufffd")
    return text


def segments(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, is_match) pieces, in order: what each output renders its own way.
    A mark left open runs to the end; an empty piece is left out."""
    pieces: list[tuple[str, bool]] = []
    is_match = False
    for part in re.split(f"([{OPEN}{CLOSE}])", snippet):
        if part in (OPEN, CLOSE):
            is_match = part == OPEN
        elif part:
            pieces.append((part, is_match))
    return pieces


def plain(snippet: str) -> str:
    """The snippet's text alone: the claim's own characters (and "…" where it is cut)."""
    return snippet.replace(OPEN, "").replace(CLOSE, "")


def spans(snippet: str) -> list[tuple[int, int]]:
    """Where the matches are in ``plain(snippet)``: (start, end) offsets in characters
    (Unicode code points, as Python counts them)."""
    found, at = [], 0
    for text, is_match in segments(snippet):
        if is_match:
            found.append((at, at + len(text)))
        at += len(text)
    return found


def bracketed(snippet: str) -> str:
    """The snippet as a terminal shows it: each match [in brackets]."""
    start, end = BRACKETS
    return "".join(f"{start}{text}{end}" if is_match else text
                   for text, is_match in segments(snippet))
