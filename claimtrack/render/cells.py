"""Text measured in terminal cells, not characters: a Chinese or Japanese character takes two
cells, a combining mark none. Terminal tables (tabulate measures with wcwidth too) and trees
wrap and shorten text by the width a reader sees, so columns line up in every script.

Only ``wcwidth.wcwidth`` is used: it is in every wcwidth release since 0.1."""

from __future__ import annotations

import re
import textwrap

from wcwidth import wcwidth


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes (a character the terminal does not print:
    none)."""
    return sum(max(wcwidth(character), 0) for character in text)


def fit(text: str, width: int) -> str:
    """The longest start of ``text`` that takes at most ``width`` cells (one character at
    least, so that cutting always moves on)."""
    used = 0
    for position, character in enumerate(text):
        used += max(wcwidth(character), 0)
        if used > width:
            return text[: max(position, 1)]
    return text


def wrap(
    text: str, width: int, *, initial_indent: str = "", subsequent_indent: str = ""
) -> list[str]:
    """``textwrap.wrap`` (long words broken) by cells: text in characters one cell wide goes
    to textwrap itself (which also breaks after hyphens); other text breaks between words,
    and inside a word wider than the line (Chinese has no spaces). A web address is never
    broken (a line may then be wider), so that it can still be copied whole."""
    # room for one character after either indent (textwrap never ends without it)
    width = max(width, cells(initial_indent) + 1, cells(subsequent_indent) + 1)
    if "://" not in text and all(wcwidth(character) == 1 for character in text):
        return textwrap.wrap(text, width, initial_indent=initial_indent,
                             subsequent_indent=subsequent_indent, break_long_words=True)
    lines: list[str] = []
    indent, line = initial_indent, ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if cells(indent + joined) <= width:
            line = joined
            continue
        if line:
            lines.append(indent + line)
            indent = subsequent_indent
        while cells(indent + word) > width and not _ADDRESS.match(word):
            head = fit(word, width - cells(indent))
            lines.append(indent + head)
            indent, word = subsequent_indent, word[len(head):]
        line = word
    return [*lines, indent + line] if line else lines


_ADDRESS = re.compile(r"\W*https?://", re.IGNORECASE)  # a word that is a web address ("(https://…")
