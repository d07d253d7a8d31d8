"""Reading a native document as a stream, record by record, without loading the file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from claimtrack.core.errors import InvalidInput
from claimtrack.formats import jsonstream
from claimtrack.formats.native import NOT_NATIVE, SECTIONS, check_header, parse_record
from claimtrack.formats.records import Parsed


def stream_document(stream: IO[bytes]) -> Iterator[Parsed]:
    """Read a native document record by record, in the order the file has them.

    A bad record is yielded with its error; a file that is not a claimtrack export raises
    InvalidInput (checked when the header keys are read, wherever they stand).
    """
    header: dict[str, Any] = {}
    counts = dict.fromkeys(SECTIONS, 0)
    for event in jsonstream.events(stream, frozenset(SECTIONS)):
        key = str(event.key)
        if event.kind == "element":
            yield parse_positioned(key, event.value, f"{key}[{counts[key]}]")
            counts[key] += 1
        elif event.kind != "member":
            raise InvalidInput(NOT_NATIVE)
        elif key in SECTIONS:  # a section whose value is not a list
            raise InvalidInput(f"'{key}' must be a list of records.")
        else:
            header[key] = event.value
            check_header(header, final=False)
    check_header(header, final=True)


def parse_positioned(section: str, data: Any, where: str) -> Parsed:
    """``parse_record`` as a Parsed: the record, or why it is bad (without the position)."""
    try:
        return Parsed(where, item=parse_record(section, data, where), raw=data)
    except InvalidInput as error:
        return Parsed(where, error=str(error).removeprefix(f"{where}: "), raw=data)
