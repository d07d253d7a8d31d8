"""The trust commands have help, are documented, and keep `claimtrack --help` light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app

DOCS = (Path(__file__).resolve().parent.parent / "docs" / "trust.md").read_text(encoding="utf-8")
COMMANDS = [["history"], ["backup"], ["restore"], ["claim", "status"], ["claim", "restore"],
            ["verdict", "status"], ["db", "check"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_command_has_help_and_is_documented(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and len(result.stdout) > 200
    assert f"claimtrack {' '.join(command)}" in DOCS or f"`{' '.join(command)}" in DOCS


def test_help_does_not_load_the_database_layer() -> None:
    code = ("import sys; from claimtrack.cli import app; "
            "print(sorted(m for m in ('sqlalchemy', 'alembic', 'ijson') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"
