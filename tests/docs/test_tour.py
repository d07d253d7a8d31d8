"""The README's tour works as written: its shell blocks, pasted into a fresh bash in a clean
clone (a new HOME, a bare PATH, no claimtrack variables), succeed line by line.

`make demo` would create the clone's .venv with pip, which takes minutes; the clone's .venv is
this test run's own virtualenv instead (a symlink), holding the same claimtrack at the same
commit, so the tour's `. .venv/bin/activate` does what it does after `make demo`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow


def tour(readme: str) -> str:
    """The shell blocks of the README's tour section, in order."""
    section = readme.split("## A two-minute tour", 1)[1].split("\n## ", 1)[0]
    return "\n".join(re.findall(r"```sh\n(.*?)```", section, re.DOTALL))


def test_the_tour_runs_from_a_clean_clone_in_a_fresh_shell(tmp_path: Path) -> None:
    clone = tmp_path / "claimtrack"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, timeout=120)
    (clone / ".venv").symlink_to(sys.prefix, target_is_directory=True)
    script = tour((clone / "README.md").read_text(encoding="utf-8"))
    assert script.startswith(". .venv/bin/activate")
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
           "TERM": "dumb", "CLAIMTRACK_USER": "newcomer"}
    assert not any(name.startswith("CLAIMTRACK_DATABASE") for name in env)
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-x", "-c", script],
        cwd=clone, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert "denied by Sergey Lavrov" in out  # claimtrack show: the dispute as a tree
    assert "quote: “\"false-flag operation\"”" in out  # the quote given with --quote
    assert "| White House" in out or "White House" in out.split("#", 1)[-1]  # the markdown
    assert re.search(r"^v-[0-9a-z]{12}$", out, re.MULTILINE)  # the verdict's id
    assert "command not found" not in done.stderr
    created = home / ".local" / "share" / "claimtrack" / "claimtrack.db"
    assert created.is_file(), os.listdir(home)
