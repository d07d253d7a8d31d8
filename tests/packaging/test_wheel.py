"""The wheel carries the migrations; the console script works outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_repo(tmp_path: Path, wheel: Path) -> None:
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "claimtrack/_migrations/env.py" in names
    assert any(n.startswith("claimtrack/_migrations/versions/0001_") for n in names)
    assert not any(n.startswith("alembic/") for n in names)

    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {**os.environ, "CLAIMTRACK_DATABASE_URL": f"sqlite:///{outside / 'claims.db'}"}
    env.pop("PYTHONPATH", None)
    claimtrack = target / "bin" / "claimtrack"
    location = run(python, "-c", "import claimtrack, sys; print(claimtrack.__file__)", cwd=outside)
    assert str(target) in location
    run(claimtrack, "init", cwd=outside, env=env)
    claim_id = run(
        claimtrack,
        "claim",
        "add",
        "Installed and working",
        "--speaker",
        "Tester",
        cwd=outside,
        env=env,
    ).strip()
    assert claim_id.startswith("c-")
    assert claim_id in run(claimtrack, "claim", "list", cwd=outside, env=env)
    assert "up_to_date" in run(claimtrack, "db", "current", "-f", "json", cwd=outside, env=env)


def test_python_dash_m_and_version() -> None:
    from claimtrack import __version__

    assert (
        run(sys.executable, "-m", "claimtrack", "--version").strip() == f"claimtrack {__version__}"
    )
    assert "Usage" in run(sys.executable, "-m", "claimtrack", "--help")
