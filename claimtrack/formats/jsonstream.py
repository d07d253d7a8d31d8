"""Streaming JSON: walk a large document with ijson, building one record at a time.

Memory stays flat: only the record being built is held, never the whole file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import ijson

from claimtrack.core.errors import InvalidInput

Events = Iterator[tuple[str, str, Any]]

# No claimtrack record nests deeper than this; a deeper document is hostile or broken.
MAX_NESTING = 64
# ijson's C parser builds every event's prefix ("item.item.…") for a whole buffer before it
# yields: with 64 KB of "[" that is quadratic (seconds, gigabytes). Small buffers bound the
# work done before the nesting check below sees the events.
BUFFER = 4096


def events(stream: IO[bytes]) -> Events:
    """ijson parser events; numbers with a fraction come back as float, not Decimal."""
    return iter(ijson.parse(stream, use_float=True, buf_size=BUFFER))


def items(stream: IO[bytes], prefix: str) -> Iterator[Any]:
    """The values at ``prefix`` ("claims.item"), built by ijson's C backend."""
    return iter(ijson.items(stream, prefix, use_float=True, buf_size=BUFFER))


def leading_scalars(stream: IO[bytes]) -> dict[str, Any] | None:
    """The top-level object's scalar keys before its first list or object (a document's
    header); None when the document is not an object."""
    found: dict[str, Any] = {}
    rest = events(stream)
    first = next(rest, None)
    if first is None or first[1] != "start_map":
        return None
    for prefix, event, value in rest:
        if prefix == "" and event == "map_key":
            continue
        if event in ("start_map", "start_array", "end_map"):
            return found
        found[prefix] = value
    return found


def build(event: str, value: Any, rest: Events) -> Any:
    """The value that starts with ``event`` (a scalar, or a whole object or array)."""
    if event not in ("start_map", "start_array"):
        return value
    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth = 1
    for _prefix, inner_event, inner_value in rest:
        builder.event(inner_event, inner_value)
        if inner_event in ("start_map", "start_array"):
            depth += 1
            if depth > MAX_NESTING:
                raise InvalidInput(
                    f"The JSON nests more than {MAX_NESTING} levels deep; it is not claimtrack, "
                    "ClaimReview or JSON Lines data."
                )
        elif inner_event in ("end_map", "end_array"):
            depth -= 1
            if depth == 0:
                return builder.value
    raise InvalidInput("The JSON ends in the middle of a value; the file looks truncated.")


def array_items(rest: Events) -> Iterator[Any]:
    """The items of the array whose ``start_array`` was just read, one by one."""
    for _prefix, event, value in rest:
        if event == "end_array":
            return
        yield build(event, value, rest)
