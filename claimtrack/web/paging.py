"""Numbered pages of a list (the library's lists have no cursor): which page was asked for, and
the links around it. A list reads one row more than it shows, to know whether a next page
exists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

LAST_PAGE = 400  # the deepest page served


def page_number(value: str, deepest: int | None = LAST_PAGE) -> int:
    """The page asked for (1 when the value is none: "", "²", 5,000 digits), at most
    ``deepest`` (None: any)."""
    typed = asked(value)
    number = max(int(typed), 1) if typed else 1
    return number if deepest is None else min(number, deepest)


def asked(value: str) -> str:
    """The page number asked for, as typed (when it is one)."""
    return value if value.isascii() and value.isdigit() and len(value) <= 6 else ""


def wanted(number: int, size: int) -> int:
    """How many rows to read for page ``number``: one more than it shows."""
    return number * size + 1


def page(path: str, kept: Mapping[str, str], number: int, rows: Sequence[Any] | None,
         size: int, typed: str, *, start: int = 0, total: int | None = None) -> dict[str, Any]:
    """The template's view of page ``number`` of ``rows`` (read with ``wanted``, or, from row
    ``start`` on, one more than a page): the rows shown, the position of the first, and links
    to the first, previous, next and, past the end, last page, each keeping the query ``kept``.
    ``total``: how many rows there are, when ``rows`` cannot tell (read from ``start``)."""
    begin = (number - 1) * size - start
    shown = rows[begin:begin + size] if rows is not None else None
    more = rows is not None and start + len(rows) > number * size and number < LAST_PAGE
    # Past the last page (a page number typed or kept from before): say so, and where it is.
    count = total if total is not None else start + len(rows or ())
    last = (count - 1) // size + 1 if rows is not None and count and not shown else None

    def link(**extra: Any) -> str:
        return f"{path}?{urlencode({**kept, **extra})}" if {**kept, **extra} else path

    return {
        "rows": shown, "first": (number - 1) * size + 1, "asked": asked(typed), "last": last,
        "last_page": link(page=last) if last else None,
        "first_page": link(),
        "next_page": link(page=number + 1) if more else None,
        "previous_page": link(page=number - 1) if number > 1 and not last else None,
    }
