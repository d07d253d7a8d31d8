"""claimtrack backup JSON: reading and checking a dump written by ``claimtrack.backup``.

A dump looks like::

    {"format": "claimtrack-backup", "version": 1, "schema": "0007", "dialect": "postgresql",
     "created_at": "…", "tables": {"actors": {"columns": ["id", …], "rows": [[1, …], …]}, …}}

It is hostile input like any file: everything is checked before a row is written, and a problem
is reported with the table and row it is in.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, Integer, Table

from claimtrack import values
from claimtrack.errors import InvalidInput
from claimtrack.models import Base
from claimtrack.models.base import UTCDateTime

FORMAT_NAME = "claimtrack-backup"
FORMAT_VERSION = 1


def read_dump(
    path: Path, check_schema: Callable[[str | None, Path], None]
) -> Iterator[tuple[Table, list[str], list[Any]]]:
    """Yield (table, column names, rows) from a dump, parents first. Raises InvalidInput."""
    document = _load(path)
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise InvalidInput(f"{path} is neither a SQLite file nor a claimtrack backup JSON; give "
                           "a file written by `claimtrack backup`.")
    if document.get("version") != FORMAT_VERSION:
        raise InvalidInput(f"{path} is backup format version {document.get('version')!r}; this "
                           f"claimtrack reads version {FORMAT_VERSION}.")
    schema = document.get("schema")
    check_schema(schema if isinstance(schema, str) else None, path)
    sections = document.get("tables")
    if not isinstance(sections, dict):
        raise InvalidInput(f"{path}: 'tables' must be an object of tables.")
    known = Base.metadata.tables
    unknown = set(sections) - set(known)
    if unknown:
        raise InvalidInput(f"{path}: unknown tables {', '.join(sorted(unknown))}.")
    checked = []
    for table in Base.metadata.sorted_tables:
        section = sections.get(table.name, {"columns": [c.name for c in table.columns],
                                            "rows": []})
        columns, rows = _section(path, table, section)
        checked.append((table, columns, rows))
    yield from checked


def _load(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror}. Check the path.") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{path} is not UTF-8 (byte {error.start}); it is not a claimtrack "
                           "backup.") from None
    except json.JSONDecodeError as error:
        raise InvalidInput(f"{path} is not valid JSON ({error.msg} at line {error.lineno}, "
                           f"column {error.colno}); the backup is damaged or truncated.") from None
    except (RecursionError, ValueError) as error:
        raise InvalidInput(f"{path} cannot be read as JSON ({error}).") from None


def _section(path: Path, table: Table, section: Any) -> tuple[list[str], list[Any]]:
    where = f"{path}: table {table.name}"
    if not isinstance(section, dict):
        raise InvalidInput(f"{where} must be an object with columns and rows.")
    columns, rows = section.get("columns"), section.get("rows")
    expected = [column.name for column in table.columns]
    if not isinstance(columns, list) or sorted(map(str, columns)) != sorted(expected):
        raise InvalidInput(f"{where} has columns {columns!r:.200}; this claimtrack expects "
                           f"{', '.join(expected)}.")
    if not isinstance(rows, list):
        raise InvalidInput(f"{where}: 'rows' must be a list.")
    return columns, rows


def convert_row(table: Table, columns: list[str], row: Any, where: str) -> dict[str, Any]:
    """One row of a dump (or of another database) as values for ``table.insert()``."""
    if not isinstance(row, (list, tuple)) and not hasattr(row, "_fields"):
        raise InvalidInput(f"{where}: expected a list of {len(columns)} values.")
    cells = list(row)
    if len(cells) != len(columns):
        raise InvalidInput(f"{where}: has {len(cells)} values for {len(columns)} columns.")
    return {name: _value(table.c[name], cell, f"{where}, {name}")
            for name, cell in zip(columns, cells, strict=True)}


def _value(column: Any, value: Any, where: str) -> Any:
    if value is None:
        return None
    kind = column.type
    try:
        if isinstance(kind, UTCDateTime):
            return values.timestamp(value if isinstance(value, (str, dt.datetime)) else str(value))
        if isinstance(kind, Date) and isinstance(value, str):
            return dt.date.fromisoformat(value)
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
