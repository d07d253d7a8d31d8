"""Rows for people and programs: a ``Listing`` in table, markdown, JSON or CSV.

Queries never know the output format, so every read command supports every format: a command
builds a Listing and ``LISTING[fmt]`` writes it (one function per format, no format checks
elsewhere). Text is escaped where it is rendered: terminal cells show control and bidi
characters as escapes, markdown cells escape ``|`` and markup and turn newlines into ``<br>``,
CSV cells that a spreadsheet would run as a formula are guarded (claimtrack.core.spreadsheet).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimtrack.core.enums import OutputFormat
from claimtrack.core.serial import plain, to_json
from claimtrack.core.spreadsheet import neutralise

TABLE_WIDTH = 60
Row = Mapping[str, Any]


@dataclass(frozen=True)
class Brief:
    """A cell shown as ``brief`` in terminal tables and as ``whole`` everywhere else (a claim's
    text shortened to fit a terminal)."""

    whole: Any
    brief: str


@dataclass(frozen=True)
class Listing:
    """Flat rows. ``columns`` (default: the first row's keys) in that order; the terminal table
    shows ``terminal_columns`` when given; JSON prints ``records`` (default: the rows) unflattened.
    A table with no rows is empty text; JSON still prints ``[]``, and CSV and markdown their
    header when ``columns`` are given (give them wherever a listing can be empty)."""

    rows: Sequence[Row]
    columns: Sequence[str] | None = None
    terminal_columns: Sequence[str] | None = None
    records: Sequence[Any] | None = None

    def names(self, *, terminal: bool = False) -> list[str]:
        chosen = self.terminal_columns if terminal and self.terminal_columns else self.columns
        return list(chosen or (self.rows[0].keys() if self.rows else []))


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
    if isinstance(value, Brief):
        value = value.whole
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(cell_text(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


_MD_SPECIAL = set("\\`*_[]|#~")


def markdown_text(text: str) -> str:
    """Escape free text for markdown: no markup (links, images, emphasis, code, headings),
    no raw HTML, no control characters; line breaks kept (as "  " and a newline). Shared by
    documents (``render.markdown``) and table cells (``markdown_cell``): claim text, names
    and labels are hostile input, escaped when rendered and stored verbatim."""
    escaped = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in escaped)
    # A line starting "- ", "+ " or "1. " would become a list item.
    lines = [
        re.sub(r"^(\s*)([-+]|\d+)([.]?\s)", _unlist, line)
        for line in escaped.replace("\r\n", "\n").split("\n")
    ]
    return "  \n".join(lines)


def _unlist(match: re.Match[str]) -> str:
    indent, marker, rest = match.groups()
    if marker.isdigit():
        return f"{indent}{marker}\\{rest}" if rest.startswith(".") else match.group(0)
    return f"{indent}\\{marker}{rest}"


def markdown_link(url: str) -> str:
    """An http(s) address as a markdown autolink (``<https://…>``: nothing in it is read as
    markup, so ``_`` and ``#`` stay as they are); anything else as escaped text."""
    if url.startswith(("http://", "https://")) and not any(ch.isspace() for ch in url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C") + ">"
    return markdown_text(url)


def markdown_cell(text: str) -> str:
    """Escape a cell for a GitHub-flavoured markdown table: a web address as a link
    (``markdown_link``), other text with ``markdown_text`` (so ``|`` is ``\\|`` and no link,
    image or raw HTML gets through), its line breaks as ``<br>``."""
    if text.startswith(("http://", "https://")):
        return markdown_link(text)
    return markdown_text(text).replace("  \n", "<br>")


def wrap(text: str, width: int = TABLE_WIDTH) -> str:
    """A table cell's lines wrapped at ``width`` terminal cells (blank lines dropped). Not
    tabulate's ``maxcolwidths``: it re-types cells before wrapping, so a verdict "False"
    printed True."""
    from claimtrack.render import cells

    return "\n".join(
        "\n".join(cells.wrap(line, width)) for line in text.splitlines() if line.strip()
    )


def _table(listing: Listing) -> str:
    if not listing.rows:
        return ""
    from tabulate import tabulate

    columns = listing.names(terminal=True)
    body = [[wrap(visible(_terminal_text(row.get(c)))) for c in columns] for row in listing.rows]
    return tabulate(body, headers=columns, tablefmt="simple", disable_numparse=True)


def _terminal_text(value: Any) -> str:
    return value.brief if isinstance(value, Brief) else cell_text(value)


def markdown_table(rows: Sequence[Row], columns: Sequence[str] | None = None) -> str:
    """Rows as a GitHub-flavoured markdown table, every cell escaped."""
    return _markdown(Listing(rows, columns))


def _markdown(listing: Listing) -> str:
    if not listing.rows and not listing.columns:
        return ""
    from tabulate import tabulate

    columns = listing.names()
    body = [[markdown_cell(cell_text(row.get(c))) for c in columns] for row in listing.rows]
    return tabulate(body, headers=columns, tablefmt="github", disable_numparse=True)


def _json(listing: Listing) -> str:
    records = listing.records if listing.records is not None else listing.rows
    return to_json([_whole(record) for record in records])


def _whole(record: Any) -> Any:
    if isinstance(record, Mapping):
        return {key: value.whole if isinstance(value, Brief) else value
                for key, value in record.items()}
    return record


def _csv(listing: Listing) -> str:
    columns = listing.names()
    buffer = io.StringIO()
    # RFC 4180 line ends: with "\n" alone the csv module would leave a bare "\r" unquoted.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in listing.rows:
        writer.writerow([neutralise(cell_text(row.get(c))) for c in columns])
    return buffer.getvalue().removesuffix("\r\n")


LISTING: dict[OutputFormat, Callable[[Listing], str]] = {
    OutputFormat.TABLE: _table,
    OutputFormat.MARKDOWN: _markdown,
    OutputFormat.JSON: _json,
    OutputFormat.CSV: _csv,
}



def _json_object(listing: Listing) -> str:
    (record,) = listing.records if listing.records is not None else listing.rows
    return to_json(_whole(record))


# One record (`actor show`, `db current`): a one-row table, but in JSON an object, as
# `claim show` and `source show` print.
SINGLE: dict[OutputFormat, Callable[[Listing], str]] = {**LISTING, OutputFormat.JSON: _json_object}

# How a titled table is headed, in the formats that show titles.
HEADINGS = {OutputFormat.TABLE: "{}:", OutputFormat.MARKDOWN: "## {}"}


def titled(parts: Sequence[tuple[str, Listing]], fmt: OutputFormat) -> list[str]:
    """Titled tables in a terminal or markdown document (``fmt`` TABLE or MARKDOWN), one
    string each; empty ones are left out."""
    heading, write = HEADINGS[fmt], LISTING[fmt]
    return [f"{heading.format(title)}\n\n{write(listing)}"
            for title, listing in parts if listing.rows]
