"""Each document type has one renderer table (format -> function); nothing else branches on the
output format (docs/architecture.md)."""

from __future__ import annotations

import ast
from enum import Enum
from pathlib import Path

import pytest

from claimtrack.core.enums import DocumentFormat, ExportFormat, GraphFormat, OutputFormat
from claimtrack.interchange.export import WRITERS
from claimtrack.render.claims import CLAIM, SOURCE
from claimtrack.render.disputes import CONTESTED, DISPUTE
from claimtrack.render.rows import LISTING, SINGLE
from claimtrack.render.timeline import TIMELINE
from claimtrack.render.track_record import RECORD
from tests.helpers import ROOT

TABLES: list[tuple[str, dict[Enum, object], type[Enum]]] = [
    ("LISTING", LISTING, OutputFormat),  # type: ignore[list-item]
    ("SINGLE", SINGLE, OutputFormat),  # type: ignore[list-item]
    ("CLAIM", CLAIM, OutputFormat),  # type: ignore[list-item]
    ("SOURCE", SOURCE, OutputFormat),  # type: ignore[list-item]
    ("RECORD", RECORD, OutputFormat),  # type: ignore[list-item]
    ("TIMELINE", TIMELINE, OutputFormat),  # type: ignore[list-item]
    ("DISPUTE", DISPUTE, DocumentFormat),  # type: ignore[list-item]
    ("CONTESTED", CONTESTED, DocumentFormat),  # type: ignore[list-item]
    ("export WRITERS", WRITERS, ExportFormat),  # type: ignore[list-item]
]
FORMATS = {OutputFormat, DocumentFormat, GraphFormat}


@pytest.mark.parametrize(("name", "table", "formats"), TABLES, ids=[t[0] for t in TABLES])
def test_every_table_writes_every_format(name: str, table: dict[Enum, object],
                                         formats: type[Enum]) -> None:
    assert set(table) == set(formats), f"{name} lacks {set(formats) - set(table)}"
    assert all(callable(write) for write in table.values())


def format_branches(path: Path) -> list[str]:
    """Comparisons against an output format member (``fmt is OutputFormat.TABLE``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        for operand in [node.left, *node.comparators]:
            members = operand.elts if isinstance(operand, ast.Tuple) else [operand]
            for member in members:
                if (isinstance(member, ast.Attribute) and isinstance(member.value, ast.Name)
                        and member.value.id in {f.__name__ for f in FORMATS}):
                    found.append(f"{path}:{node.lineno}")
    return found


def test_no_module_branches_on_the_output_format() -> None:
    branches = [line for path in sorted((ROOT / "claimtrack").rglob("*.py"))
                for line in format_branches(path)]
    assert branches == [], "look the format up in a renderer table instead:\n" + "\n".join(branches)


def test_the_branch_check_sees_a_branch(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("short = fmt is OutputFormat.TABLE or fmt in (DocumentFormat.HTML,)\n")
    assert len(format_branches(sample)) == 2
