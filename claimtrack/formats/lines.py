"""Reading a stream line by line with a bound: an endless line (``/dev/zero``, a file that is
not line-based) is refused before more of it is held than the bound."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, AnyStr

from claimtrack.core.errors import InvalidInput


def bounded_lines(
    stream: IO[AnyStr], limit: int, too_long: Callable[[int], str]
) -> Iterator[AnyStr]:
    """The stream's lines, each at most ``limit`` characters (bytes for a binary stream).
    Raises InvalidInput with ``too_long(line number)`` for a longer one."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit:
            raise InvalidInput(too_long(number))
        yield line
