"""Progress bars: drawn on stderr when it is a terminal (a pseudo-terminal here), never else."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.helpers import FIXTURES


def run_with_terminal_stderr(database: Path, *args: str) -> tuple[int, str]:
    master, slave = pty.openpty()
    environment = {**os.environ, "CLAIMTRACK_DATABASE_URL": f"sqlite:///{database}",
                   "COLUMNS": "100"}
    result = subprocess.run([sys.executable, "-m", "claimtrack", *args], env=environment,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave,
                            timeout=120)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed: everything is read
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return result.returncode, seen.decode("utf-8", "replace")


def test_import_draws_a_byte_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    code, stderr = run_with_terminal_stderr(tmp_path / "t.db", "import",
                                            str(FIXTURES / "seed.json"))
    assert code == 0
    assert "Importing" in stderr and "kB" in stderr and "Imported" in stderr


def test_no_bar_when_stderr_is_not_a_terminal_or_the_scan_is_small(tmp_path: Path) -> None:
    database = tmp_path / "t.db"
    environment = {**os.environ, "CLAIMTRACK_DATABASE_URL": f"sqlite:///{database}"}
    piped = subprocess.run([sys.executable, "-m", "claimtrack", "import",
                            str(FIXTURES / "seed.json")], env=environment, capture_output=True,
                           text=True, timeout=120)
    assert piped.returncode == 0 and "Importing" not in piped.stderr
    code, stderr = run_with_terminal_stderr(database, "dedupe")
    assert code == 0 and "Looking for duplicates" not in stderr and "Scanned 13" in stderr
