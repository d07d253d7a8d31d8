"""Search snippets per output format: a snippet carries its matches between markers that are
no part of any text (claimtrack.store.snippets); each format shows them its own way, so a
claim's own brackets always read as brackets.

- table and markdown (people at a terminal): each match [in brackets], in the snippet column;
- CSV: the snippet's text alone, and ``snippet_matches``: where the matches are in it, as
  ``start-end`` offsets separated by ``;`` (``18-32;40-45``);
- JSON (``snippet_fields``): the text alone, and ``snippet_matches`` as [start, end] pairs.

Offsets count characters (Unicode code points, as Python counts them); end is exclusive.
The web page marks matches with ``<mark>`` around escaped text (claims.html.j2).
"""

from __future__ import annotations

from collections.abc import Callable

from claimtrack.core.enums import OutputFormat
from claimtrack.store import snippets


def _terminal(snippet: str) -> dict[str, object]:
    return {"snippet": snippets.bracketed(snippet)}


def _spreadsheet(snippet: str) -> dict[str, object]:
    return {"snippet": snippets.plain(snippet),
            "snippet_matches": ";".join(f"{start}-{end}"
                                        for start, end in snippets.spans(snippet))}


def snippet_fields(snippet: str) -> dict[str, object]:
    """A snippet for JSON: its text as stored and where the matches are in it."""
    return {"snippet": snippets.plain(snippet),
            "snippet_matches": [[start, end] for start, end in snippets.spans(snippet)]}


# The cells a snippet gives in each format's rows (JSON prints records: ``snippet_fields``).
SNIPPET_CELLS: dict[OutputFormat, Callable[[str], dict[str, object]]] = {
    OutputFormat.TABLE: _terminal,
    OutputFormat.MARKDOWN: _terminal,
    OutputFormat.JSON: snippet_fields,
    OutputFormat.CSV: _spreadsheet,
}
SNIPPET_COLUMNS: dict[OutputFormat, tuple[str, ...]] = {
    OutputFormat.TABLE: ("snippet",),
    OutputFormat.MARKDOWN: ("snippet",),
    OutputFormat.JSON: ("snippet", "snippet_matches"),
    OutputFormat.CSV: ("snippet", "snippet_matches"),
}
