"""`--db` (and CLAIMTRACK_DATABASE_URL) with a path that is not valid UTF-8: refused before
anything is created. Undecodable bytes in argv or the environment reach Python as lone
surrogates (os.fsdecode), which is what these tests pass."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from tests.helpers import Cli


@pytest.mark.parametrize("spelling", ["path", "url", "environment"])
@pytest.mark.parametrize("command", [["claim", "list"], ["claim", "add", "x"], ["init"]])
def test_a_database_path_that_is_not_utf8_is_refused_and_nothing_is_created(
    tmp_path: Path, spelling: str, command: list[str]
) -> None:
    folder = tmp_path / "checks"
    folder.mkdir()
    path = os.fsdecode(bytes(folder) + b"/claims-\xff.db")
    if spelling == "environment":
        result = CliRunner().invoke(app, command, env={"CLAIMTRACK_DATABASE_URL": path})
        assert result.exit_code == 1, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
        error = lines[0]
    else:
        error = Cli(path if spelling == "path" else f"sqlite:///{path}").fails(*command).stderr
    assert "UTF-8" in error and "claims-\\xff.db" in error
    assert os.listdir(folder) == []
