"""Reading a native document as a stream, record by record, without loading the file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from claimtrack.core.errors import InvalidInput
from claimtrack.formats import jsonstream
from claimtrack.formats.native import NOT_NATIVE, SECTIONS, check_header, parse_record
from claimtrack.formats.records import Parsed


def stream_document(stream: IO[bytes]) -> Iterator[Parsed]:
    """Read a native document record by record (ijson), without loading the file.

    A bad record is yielded with its error; a file that is not a claimtrack export raises
    InvalidInput (checked when the header keys are read, wherever they stand).
    """
    if stream.seekable():
        start = stream.tell()
        leading = jsonstream.leading_scalars(stream)
        stream.seek(start)
        if leading is not None and {"format", "version"} <= leading.keys():
            # The usual layout (header first): one fast C-level pass per section.
            check_header(leading, final=True)
            for section in SECTIONS:
                stream.seek(start)
                for index, item in enumerate(jsonstream.items(stream, f"{section}.item")):
                    yield parse_positioned(section, item, f"{section}[{index}]")
            return
    rest = jsonstream.events(stream)
    first = next(rest, None)
    if first is None or first[1] != "start_map":
        raise InvalidInput(NOT_NATIVE)
    header: dict[str, Any] = {}
    for _prefix, event, key in rest:
        if event == "end_map":
            break
        _prefix, event, value = next(rest)
        if key not in SECTIONS:
            header[key] = jsonstream.build(event, value, rest)
            check_header(header, final=False)
            continue
        if event != "start_array":
            raise InvalidInput(f"'{key}' must be a list of records.")
        for index, item in enumerate(jsonstream.array_items(rest)):
            yield parse_positioned(key, item, f"{key}[{index}]")
    check_header(header, final=True)


def parse_positioned(section: str, data: Any, where: str) -> Parsed:
    """``parse_record`` as a Parsed: the record, or why it is bad (without the position)."""
    try:
        return Parsed(where, item=parse_record(section, data, where), raw=data)
    except InvalidInput as error:
        return Parsed(where, error=str(error).removeprefix(f"{where}: "), raw=data)
