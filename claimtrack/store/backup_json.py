"""claimtrack backup JSON: reading and checking a dump written by ``claimtrack.store.backup``.

A dump looks like::

    {"format": "claimtrack-backup", "version": 1, "schema": "0007", "dialect": "postgresql",
     "created_at": "…", "tables": {"actors": {"columns": ["id", …], "rows": [[1, …], …]}, …}}

It is hostile input like any file: everything is checked before a row is written, and a problem
is reported with the table and row it is in. Columns the commands check on the way in are checked
with the same rules (``RULES``): a backup cannot bring in what no command would store, such as a
``javascript:`` archive URL that a page or a report would turn into a link.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import ijson
from sqlalchemy import Boolean, Date, Integer, LargeBinary, Table

from claimtrack.core import values
from claimtrack.core.errors import InvalidInput
from claimtrack.formats.native import full_id
from claimtrack.models import Base
from claimtrack.models.base import UTCDateTime

FORMAT_NAME = "claimtrack-backup"
FORMAT_VERSION = 1


MAX_DEPTH = 32
HEADER = ("format", "version", "schema", "dialect", "created_at")
SCALARS = ("string", "number", "boolean", "null")
# How ijson's backends say the file ended inside a value (yajl2_c; the pure-Python one).
TRUNCATED = ("premature EOF", "Incomplete JSON content", "Incomplete string lexeme")
Rows = Iterator[list[Any]]


def _fetched(value: str, field: str = "URL") -> str:
    """An address claimtrack fetched (an archived copy's): http(s), as every fetch is."""
    if urlsplit(value).scheme.lower() not in ("http", "https"):
        raise InvalidInput(f"The {field} is not an http(s) URL.")
    return value


# (table, column): the check the commands make before storing a value there (None: not
# given); a refusal gives the check's own reason.
URLS: dict[tuple[str, str], Callable[[str], object]] = {
    ("sources", "url"): values.url,
    ("sources", "archive_url"): values.url,
    ("verdicts", "url"): values.url,
    ("source_archives", "requested_url"): _fetched,
    ("source_archives", "final_url"): _fetched,
}
RULES: dict[tuple[str, str], Callable[[str], object]] = {
    **URLS,
    ("claims", "public_id"): partial(full_id, prefix="c", noun="claim"),
    ("verdicts", "public_id"): partial(full_id, prefix="v", noun="verdict"),
    ("claims", "language"): values.language,
}
_RULES_OF = {table: [(column, check) for (of, column), check in RULES.items() if of == table]
             for table, _column in RULES}


def read_dump(
    path: Path, check_schema: Callable[[str | None, Path], None]
) -> Iterator[tuple[Table, list[str], Rows]]:
    """Yield (table, column names, rows) from a dump, in file order. Raises InvalidInput.

    The file is parsed as a stream (ijson): a dump larger than memory restores. Each table's
    rows must be consumed before the next table is read. The header must come before
    "tables" and a table's columns before its rows, as ``claimtrack backup`` writes them.
    """
    try:
        with path.open("rb") as stream:
            yield from _tables(path, _events(stream, path), check_schema)
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror}. Check the path.") from None


def _events(stream: Any, path: Path) -> Iterator[tuple[str, str, Any]]:
    """The file's parse events; a file that is not whole JSON is InvalidInput wherever it is
    read: the rows of a table are read by whoever consumes them, after ``read_dump`` yields."""
    try:
        yield from _prefixed(ijson.basic_parse(stream, use_float=True))
    except ijson.IncompleteJSONError as error:
        if not any(words in str(error) for words in TRUNCATED):
            raise _not_json(path, error) from None
        raise InvalidInput(f"{path} ends too early: the backup is truncated (an interrupted "
                           "copy or a full disk?). Restore a whole backup.") from None
    except ijson.JSONError as error:
        raise _not_json(path, error) from None
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{path} is not UTF-8 (byte {error.start}); it is not a claimtrack "
                           "backup.") from None
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror}. Check the path.") from None


def _not_json(path: Path, error: Exception) -> InvalidInput:
    reason = " ".join(str(error).split())
    return InvalidInput(f"{path} is not valid JSON ({reason:.200}); the backup is damaged, "
                        "truncated or not a claimtrack backup.")


def _prefixed(events: Iterator[tuple[str, Any]]) -> Iterator[tuple[str, str, Any]]:
    """ijson.parse's (prefix, event, value), refusing nesting deeper than a backup ever has:
    ijson builds each prefix as a string, so 100,000 nested brackets would take hours."""
    path: list[str] = []
    for event, value in events:
        if event == "map_key":
            prefix = ".".join(path[:-1])
            path[-1] = value
        elif event in ("start_map", "start_array"):
            prefix = ".".join(path)
            path.append("item" if event == "start_array" else "")
            if len(path) > MAX_DEPTH:
                raise InvalidInput(f"The file nests deeper than {MAX_DEPTH} levels; it is not a "
                                   "claimtrack backup.")
        elif event in ("end_map", "end_array"):
            path.pop()
            prefix = ".".join(path)
        else:
            prefix = ".".join(path)
        yield prefix, event, value


def _tables(
    path: Path,
    events: Iterator[tuple[str, str, Any]],
    check_schema: Callable[[str | None, Path], None],
) -> Iterator[tuple[Table, list[str], Rows]]:
    header: dict[str, Any] = {}
    for prefix, event, value in events:
        if prefix in HEADER and event in SCALARS:
            header[prefix] = value
        elif prefix == "tables" and event == "start_map":
            break
    if header.get("format") != FORMAT_NAME:
        raise InvalidInput(f"{path} is neither a SQLite file nor a claimtrack backup JSON; give "
                           "a file written by `claimtrack backup`.")
    if header.get("version") != FORMAT_VERSION:
        raise InvalidInput(f"{path} is backup format version {header.get('version')!r}; this "
                           f"claimtrack reads version {FORMAT_VERSION}.")
    schema = header.get("schema")
    check_schema(schema if isinstance(schema, str) else None, path)
    columns: list[str] = []
    table: Table | None = None
    for prefix, event, value in events:
        if prefix == "tables" and event == "map_key":
            table = Base.metadata.tables.get(value)
            if table is None:
                raise InvalidInput(f"{path}: unknown table {value!r:.80}.")
            columns = []
        elif table is None or event != "start_array":
            continue
        elif prefix == f"tables.{table.name}.columns":
            columns = _build(events, "start_array")
            _check_columns(path, table, columns)
        elif prefix == f"tables.{table.name}.rows":
            if not columns:
                raise InvalidInput(f"{path}: table {table.name} gives rows before its columns.")
            yield table, columns, _rows(events, prefix)


def _rows(events: Iterator[tuple[str, str, Any]], prefix: str) -> Rows:
    item = f"{prefix}.item"
    for event_prefix, event, value in events:
        if event_prefix == prefix and event == "end_array":
            return
        if event_prefix == item and event in ("start_array", "start_map"):
            yield _build(events, event)
        elif event_prefix == item:
            yield value  # a scalar where a row should be: convert_row says so


def _build(events: Iterator[tuple[str, str, Any]], first: str) -> Any:
    """The value whose opening event was just read, built from the events that follow."""
    builder = ijson.ObjectBuilder()
    builder.event(first, None)
    depth = 1
    for _prefix, event, value in events:
        builder.event(event, value)
        depth += event in ("start_array", "start_map")
        depth -= event in ("end_array", "end_map")
        if depth == 0:
            return builder.value
    raise InvalidInput("The backup ends in the middle of a value: it is truncated. Restore a "
                       "whole backup.")


def _check_columns(path: Path, table: Table, columns: Any) -> None:
    expected = [column.name for column in table.columns]
    if not isinstance(columns, list) or sorted(map(str, columns)) != sorted(expected):
        raise InvalidInput(f"{path}: table {table.name} has columns {columns!r:.200}; this "
                           f"claimtrack expects {', '.join(expected)}.")


def convert_row(table: Table, columns: list[str], row: Any, where: str) -> dict[str, Any]:
    """One row of a dump (or of another database) as values for ``table.insert()``."""
    if not isinstance(row, (list, tuple)) and not hasattr(row, "_fields"):
        raise InvalidInput(f"{where}: expected a list of {len(columns)} values.")
    cells = list(row)
    if len(cells) != len(columns):
        raise InvalidInput(f"{where}: has {len(cells)} values for {len(columns)} columns.")
    converted = {name: _value(table.c[name], cell, f"{where}, {name}")
                 for name, cell in zip(columns, cells, strict=True)}
    check_row(table.name, converted, where)
    return converted


def check_row(table: str, row: Mapping[str, Any], where: str) -> None:
    """The values of ``RULES`` columns pass the commands' checks, else InvalidInput."""
    for name, check in _RULES_OF.get(table, ()):
        value = row.get(name)
        if value is None:
            continue
        try:
            if not isinstance(value, str):
                raise InvalidInput(f"{value!r:.40} is not text.")
            check(value)
        except (InvalidInput, ValueError) as error:
            reason = f"is refused ({' '.join(str(error).split())})"
            raise InvalidInput(f"{where}: {name} {reason}: {value!r:.80}. The backup was "
                               "edited or is damaged; nothing was written. Restore another "
                               "backup.") from None


def _value(column: Any, value: Any, where: str) -> Any:
    if value is None:
        return None
    kind = column.type
    try:
        if isinstance(kind, UTCDateTime):
            return values.timestamp(value if isinstance(value, (str, dt.datetime)) else str(value))
        if isinstance(kind, Date) and isinstance(value, str):
            return dt.date.fromisoformat(value)
        if isinstance(kind, LargeBinary):
            return base64.b64decode(value, validate=True) if isinstance(value, str) else value
        enum_class = getattr(kind, "enum_class", None)
        if enum_class is not None:
            return enum_class(value)
        if isinstance(kind, Boolean | Integer) and not isinstance(value, (bool, int)):
            raise ValueError(f"{value!r:.40} is not a number")
        if isinstance(value, str):
            values.optional_text(value, where)
    except (InvalidInput, ValueError, TypeError) as error:
        raise InvalidInput(f"{where}: {error}") from None
    return value
