"""Writing a native document as a stream: the same text ``json.dumps(document, indent=2)``
gives for the whole document, one record at a time, so an export of any size needs the memory
of one record."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import IO, Any

from claimtrack.core.serial import plain
from claimtrack.formats.native import SECTIONS


def write_document(
    stream: IO[str], header: Mapping[str, Any], records: Iterable[tuple[str, Mapping[str, Any]]]
) -> int:
    """Write ``header`` then every (section, record) pair, sections in ``SECTIONS`` order as
    the records come (each section's records together); returns the number of records."""
    stream.write("{")
    for key, value in header.items():
        stream.write(f"\n  {_dumps(key)}: {_dumps(value)},")
    count, section_at = 0, -1
    for section, record in records:
        position = SECTIONS.index(section)
        if position != section_at:
            if position < section_at:
                raise ValueError(f"section {section!r} came after later sections")
            _open(stream, section_at, position)
            section_at = position
        else:
            stream.write(",")
        stream.write("\n    " + _dumps(plain(record), indent=2).replace("\n", "\n    "))
        count += 1
    _open(stream, section_at, len(SECTIONS))
    stream.write("\n}")
    return count


def _open(stream: IO[str], done: int, upto: int) -> None:
    """Close the section at ``done`` (if any), write the empty ones before ``upto``, and open
    ``upto`` (when it is a section)."""
    last = len(SECTIONS) - 1
    if done >= 0:
        stream.write("\n  ]" + ("," if done < last else ""))
    for empty in range(done + 1, upto):
        stream.write(f"\n  {_dumps(SECTIONS[empty])}: []" + ("," if empty < last else ""))
    if upto < len(SECTIONS):
        stream.write(f"\n  {_dumps(SECTIONS[upto])}: [")


def _dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)
