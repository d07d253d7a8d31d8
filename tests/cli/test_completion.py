"""Shell completion: the script claimtrack prints, run by a real bash, completes commands and
closed choices; zsh and fish are answered through the same protocol."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent  # the installed `claimtrack` command lives beside python


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("_CLAIMTRACK")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **extra}


def bash_completes(typed: str) -> list[str]:
    """What bash offers after typing ``typed`` and pressing Tab, with the script that
    `claimtrack --show-completion` printed (run from bash, so bash is the detected shell)."""
    words = [*typed.split(), ""] if typed.endswith(" ") else typed.split()
    script = (
        'eval "$(claimtrack --show-completion)"\n'
        f"COMP_WORDS=({' '.join(shlex.quote(word) for word in words)})\n"
        f"COMP_CWORD={len(words) - 1}\n"
        "_claimtrack_completion claimtrack\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True,
                          env=_env(), timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_a_command_name_and_a_relation() -> None:
    assert bash_completes("claimtrack cla") == ["claim"]
    assert bash_completes("claimtrack link add c-1 de") == ["denies"]
    assert sorted(bash_completes("claimtrack link add c-1 ")) == sorted(
        ["supports", "contradicts", "denies", "evades", "responds_to", "same_as"]
    )


def test_zsh_and_fish_are_answered_too() -> None:
    zsh = subprocess.run(
        ["claimtrack"], capture_output=True, text=True, timeout=60,
        env=_env(_CLAIMTRACK_COMPLETE="complete_zsh",
                 _TYPER_COMPLETE_ARGS="claimtrack report contested --format ht"),
    )
    assert '"html"' in zsh.stdout
    fish = subprocess.run(
        ["claimtrack"], capture_output=True, text=True, timeout=60,
        env=_env(_CLAIMTRACK_COMPLETE="complete_fish", _TYPER_COMPLETE_FISH_ACTION="get-args",
                 _TYPER_COMPLETE_ARGS="claimtrack ver"),
    )
    assert fish.stdout.split()[0] == "verdict"


def test_the_completion_options_are_offered_in_help() -> None:
    from typer.testing import CliRunner

    from claimtrack.cli import app

    shown = CliRunner().invoke(app, ["--help"]).stdout
    assert "--install-completion" in shown and "--show-completion" in shown
