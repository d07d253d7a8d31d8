"""The trust commands have help, are documented, and keep `claimtrack --help` light."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from tests.helpers import ROOT

DOCS = (ROOT / "docs" / "trust.md").read_text(encoding="utf-8")
COMMANDS = [["history"], ["backup"], ["restore"], ["claim", "status"], ["claim", "restore"],
            ["verdict", "status"], ["db", "check"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_command_has_help_and_is_documented(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and len(result.stdout) > 200
    assert f"claimtrack {' '.join(command)}" in DOCS or f"`{' '.join(command)}" in DOCS
