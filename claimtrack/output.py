"""Rendering rows and documents as table, markdown, JSON or CSV.

Queries never know the output format, so every read command supports every format. Text is
escaped where it is rendered: markdown cells escape ``|`` and turn newlines into ``<br>``;
CSV cells that a spreadsheet would run as a formula are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import enum
import io
import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from claimtrack.enums import OutputFormat

# A spreadsheet treats a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TABLE_WIDTH = 60
_SCALARS = frozenset({str, int, float, bool})


def plain(value: Any) -> Any:
    """Dataclasses, dates, enums and tuples as JSON-ready values."""
    if value is None or type(value) in _SCALARS:  # most values: skip the checks below
        return value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def to_json(value: Any) -> str:
    """Pretty JSON, Unicode kept as is."""
    return json.dumps(plain(value), ensure_ascii=False, indent=2)


# Shown as escapes at a terminal and in markdown: control characters (a claim could carry
# ESC sequences that recolour or retitle the terminal) and the bidi overrides and isolates
# that can make text display in another order than it is stored ("Trojan Source"). Tabs and
# newlines stay; so do zero-width joiners and marks, which scripts and emoji need.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with control and bidi-override characters written as escapes (\\x1b, \\u202e)."""
    return _INVISIBLE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
        else f"\\u{ord(m.group()):04x}",
        text,
    )


def cell_text(value: Any) -> str:
    """A scalar as display text ("" for None, lists joined by ", ")."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(cell_text(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def csv_safe(text: str) -> str:
    """Neutralise a cell a spreadsheet would execute (=, +, -, @, tab, CR) with a leading '."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def markdown_cell(text: str) -> str:
    """Escape a cell for a GitHub-flavoured markdown table (no raw HTML gets through)."""
    return (
        visible(text).replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("\r\n", "<br>")
        .replace("\n", "<br>")
        .replace("\r", "<br>")
    )


def render_rows(
    rows: Sequence[Mapping[str, Any]],
    fmt: OutputFormat,
    *,
    columns: Sequence[str] | None = None,
    records: Sequence[Any] | None = None,
    empty: str = "",
) -> str:
    """Render flat rows. ``records`` (default: the rows) is what JSON prints, unflattened."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt is OutputFormat.JSON:
        return to_json(list(records if records is not None else rows))
    if fmt is OutputFormat.CSV:
        buffer = io.StringIO()
        # RFC 4180 line ends: with "\n" alone the csv module would leave a bare "\r" unquoted.
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_safe(cell_text(row.get(c))) for c in columns])
        return buffer.getvalue().removesuffix("\r\n")
    if not rows:
        return empty
    from tabulate import tabulate

    if fmt is OutputFormat.MARKDOWN:
        body = [[markdown_cell(cell_text(row.get(c))) for c in columns] for row in rows]
        return tabulate(body, headers=columns, tablefmt="github", disable_numparse=True)
    body = [[wrap(visible(cell_text(row.get(c)))) for c in columns] for row in rows]
    return tabulate(body, headers=columns, tablefmt="simple", disable_numparse=True)


def wrap(text: str, width: int = TABLE_WIDTH) -> str:
    """A table cell's lines wrapped at ``width`` (blank lines dropped). Not tabulate's
    ``maxcolwidths``: it re-types cells before wrapping, so a verdict "False" printed True."""
    wrapper = textwrap.TextWrapper(width=width)
    return "\n".join(
        "\n".join(wrapper.wrap(line)) for line in text.splitlines() if line.strip()
    )
