"""Rendering rows and documents as table, markdown, JSON or CSV.

Queries never know the output format, so every read command supports every format. Text is
escaped where it is rendered: markdown cells escape ``|`` and turn newlines into ``<br>``;
CSV cells that a spreadsheet would run as a formula are guarded (claimtrack.core.spreadsheet).
"""

from __future__ import annotations

import csv
import io
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from claimtrack.core.enums import OutputFormat
from claimtrack.core.serial import plain, to_json
from claimtrack.core.spreadsheet import neutralise

TABLE_WIDTH = 60


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
            writer.writerow([neutralise(cell_text(row.get(c))) for c in columns])
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
