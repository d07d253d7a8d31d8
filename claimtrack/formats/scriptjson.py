"""The JSON of a page's ``<script type="application/ld+json">`` block, read as Google's and
extruct's readers read it, since publishers' pages hold what strict JSON refuses:

- raw newlines and tabs inside strings (``json.loads(strict=False)``, as extruct does);
- a block wrapped in ``<!-- … -->``, ``//<![CDATA[ … //]]>`` or ``/*<![CDATA[*/ … /*]]>*/``,
  and ``//`` or ``/* */`` comments;
- a comma before a closing ``}`` or ``]``.

A block is parsed strictly first (the fast path, and every well-formed block). Only when that
fails is it read again: the wrappers and comments outside strings are blanked (newlines kept,
so an error's line and column are still the block's own), then the commas before a closing
bracket. Each pass is one regular expression that steps over whole strings and never goes
back, so it is linear in the block (which the page reader caps); nesting is JSON's own, as
deep as ``json.loads`` reads it.
"""

from __future__ import annotations

import json
import re
from typing import Any

# A string, escapes included; one never closed runs to the end of the block (so it is read
# once, not once per quote inside it), a lone backslash at the end included.
_STRING = r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)'
_WRAPPERS = re.compile(
    _STRING
    + r"|/\*(?:[^*]++|\*(?!/))*+(?:\*/|\Z)"  # /* … */ (and /*<![CDATA[*/), to the end if open
    + r"|//[^\n]*+"  # // … (and //<![CDATA[, //]]>, //-->)
    + r"|<!--|-->|<!\[CDATA\[|\]\]>",
    re.DOTALL,
)
_TRAILING_COMMA = re.compile(_STRING + r"|,(?=\s*+[\]}])", re.DOTALL)
_COMMA_BEFORE_CLOSING = re.compile(r",\s*+[\]}]")


def _blank(match: re.Match[str]) -> str:
    found = match.group()
    if found[0] == '"':
        return found
    return "\n".join(" " * len(line) for line in found.split("\n"))


def _uncomma(match: re.Match[str]) -> str:
    found = match.group()
    return " " if found == "," else found


def loads(text: str) -> tuple[Any, str | None]:
    """(the block's value, None) when it is JSON once its wrappers and comments are left
    out; (value, why strict JSON refuses it) when it needed more (raw control characters in
    strings, trailing commas). Raises ValueError with the lenient reading's error when even
    that fails, and RecursionError for absurdly deep nesting."""
    try:
        return json.loads(text), None
    except ValueError as error:
        why = str(error)
    uncommented = _WRAPPERS.sub(_blank, text)
    if uncommented != text:  # wrappers or comments left out: strict JSON now, as a rule
        try:
            return json.loads(uncommented), None
        except ValueError as error:
            why = str(error)
    if _COMMA_BEFORE_CLOSING.search(uncommented):
        uncommented = _TRAILING_COMMA.sub(_uncomma, uncommented)
    return json.loads(uncommented, strict=False), why
