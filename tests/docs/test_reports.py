"""The report commands have help, are documented, and keep `claimtrack --help` light."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from tests.helpers import ROOT

DOCS = ROOT / "docs" / "reports.md"
COMMANDS = [["report", "contested"], ["show"], ["graph"], ["actor", "record"], ["timeline"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_report_commands_have_help_and_docs(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "--format" in result.output
    assert f"claimtrack {' '.join(command)}" in DOCS.read_text(encoding="utf-8")
