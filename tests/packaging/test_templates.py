"""The HTML templates ship inside the wheel, and an installed copy renders from them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT


@pytest.mark.slow
def test_wheel_ships_the_templates_and_renders_a_report(tmp_path: Path, wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name.removeprefix("claimtrack/render/templates/") for name in archive.namelist()
                   if name.startswith("claimtrack/render/templates/")}
        archive.extractall(tmp_path / "site")
    templates = ROOT / "claimtrack" / "render" / "templates"
    assert shipped == {path.name for path in templates.iterdir()}

    # The unpacked wheel comes first on the path, before the editable checkout; and the working
    # folder is not the checkout, which `python -m` would put first.
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    database = f"sqlite:///{tmp_path / 'claims.db'}"

    def claimtrack(*args: str) -> str:
        run = subprocess.run([sys.executable, "-m", "claimtrack", "--db", database, *args],
                             capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
                             check=False)
        assert run.returncode == 0, run.stderr
        return run.stdout

    claimtrack("import", str(ROOT / "fixtures" / "seed.json"))
    page = claimtrack("report", "contested", "--format", "html")
    assert page.startswith("<!DOCTYPE html>") and page.count('<article class="dispute"') == 4
    where = subprocess.run([sys.executable, "-c", "import claimtrack; print(claimtrack.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path,
                           check=True).stdout
    assert where.startswith(str(tmp_path / "site"))
