"""The one CSV-injection policy, for every CSV claimtrack writes (read commands and exports).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or CR as a formula
(OWASP "CSV injection"). Such a cell gets a leading ``'``, which spreadsheets show as text. The
guard is reversible: a cell already starting with quotes before a trigger gets one more, so
``restore(neutralise(text)) == text`` for every text and CSV exports re-import exactly.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text`` as a cell a spreadsheet shows as text, never runs."""
    return "'" + text if text.lstrip("'").startswith(FORMULA_TRIGGERS) else text


def restore(cell: str) -> str:
    """Undo ``neutralise``."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_TRIGGERS):
        return cell[1:]
    return cell
