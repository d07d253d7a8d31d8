"""A SQLite database in a folder you cannot write to (a read-only share, someone else's
folder, a backup on a read-only disk): reading commands work, writing ones say why not and
what to do, and nothing is created beside the file.

Tests run as root here, and root ignores permission bits: as root the folder and file are made
immutable (`chattr +i`, honoured even for root on ext4 and most Linux file systems); as anyone
else they are chmod-ed. Either way the fixture first proves it cannot create a file there.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, Cli


class Lock:
    """Makes folders and everything in them read-only for this process; ``release`` undoes it
    (the fixture calls it at the end)."""

    def __init__(self) -> None:
        self.locked: list[Path] = []

    def __call__(self, folder: Path) -> None:
        paths = [*folder.iterdir(), folder]
        if os.geteuid() == 0:
            done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True,
                                  check=False)
            if done.returncode != 0:
                pytest.skip(f"root ignores permissions and chattr failed: {done.stderr!r}")
        else:
            for path in paths:
                path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        self.locked.extend(paths)
        with pytest.raises(OSError):  # the test is only worth something if this holds
            (folder / "probe").touch()

    def release(self) -> None:
        if os.geteuid() == 0 and self.locked:
            subprocess.run(["chattr", "-i", *map(str, self.locked)], check=True)
        else:
            for path in self.locked:
                path.chmod(path.stat().st_mode | stat.S_IWUSR)
        self.locked.clear()


@pytest.fixture
def lock() -> Iterator[Lock]:
    """Make a folder read-only: ``lock(folder)``."""
    made = Lock()
    yield made
    made.release()


def seeded_file(folder: Path, *, as_backup: bool = False) -> Path:
    """A claimtrack database in ``folder``: the file a checker uses (WAL mode), or a copy made
    by `claimtrack backup` (rollback journal, as a backup is handed around)."""
    folder.mkdir()
    work = folder.parent / f"work-{folder.name}.db"
    Cli(str(work)).ok("import", str(FIXTURES / "seed.json"))
    if not as_backup:
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{work}{suffix}").exists():
                os.replace(f"{work}{suffix}", folder / f"claims.db{suffix}")
        return folder / "claims.db"
    Cli(str(work)).ok("backup", str(folder / "claims.db"))
    return folder / "claims.db"


READS = [
    ["claim", "list", "-f", "json"],
    ["report", "contested", "-f", "json"],
    ["claim", "show", "c-seed00000001", "-f", "json"],
    ["search", "Belarus", "-f", "json"],
    ["db", "check"],
]


@pytest.mark.parametrize("kind", ["database", "backup copy"])
def test_reads_work_in_a_read_only_folder(tmp_path: Path, lock: Lock, kind: str) -> None:
    path = seeded_file(tmp_path / "share", as_backup=kind == "backup copy")
    cli = Cli(str(path))
    expected = [cli.ok(*command).stdout for command in READS]
    files = sorted(p.name for p in path.parent.iterdir())
    lock(path.parent)
    assert [cli.ok(*command).stdout for command in READS] == expected
    assert json.loads(expected[0])  # the reads did read something
    copy = tmp_path / "copy.json"
    cli.ok("backup", "--json", str(copy))  # a backup only reads the database
    Cli(str(tmp_path / "restored.db")).ok("restore", str(copy))
    assert sorted(p.name for p in path.parent.iterdir()) == files


def test_reads_see_what_a_writer_left_in_the_wal(tmp_path: Path, lock: Lock) -> None:
    """Another process still has the database open with a change only in the -wal file: a
    reader in the read-only folder sees it (the file is not treated as immutable then). The
    reader is a real process: connections in one process share SQLite's -shm mapping."""
    path = seeded_file(tmp_path / "share")
    writer = sqlite3.connect(path)
    try:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        with writer:
            writer.execute("UPDATE claims SET text = 'changed by the writer' WHERE id = 1")
        assert Path(f"{path}-wal").stat().st_size > 0
        lock(path.parent)
        shown = subprocess.run(
            [sys.executable, "-m", "claimtrack", "--db", str(path), "claim", "show",
             "c-seed00000001", "-f", "json"],
            capture_output=True, text=True, check=False, timeout=60,
        )
        assert shown.returncode == 0, shown.stderr
        assert json.loads(shown.stdout)["text"] == "changed by the writer"
    finally:
        lock.release()  # first: SQLite crashes (SIGBUS) if its own -shm turns immutable
        writer.close()


@pytest.mark.parametrize("command", [
    ["claim", "add", "A new claim"],
    ["import", str(FIXTURES / "seed.json")],
    ["init"],
])
def test_writes_in_a_read_only_folder_say_why_and_what_to_do(
    tmp_path: Path, lock: Lock, command: list[str]
) -> None:
    path = seeded_file(tmp_path / "share")
    cli = Cli(str(path))
    before = cli.ok("claim", "list", "-f", "json").stdout
    lock(path.parent)
    error = cli.fails(*command).stderr
    assert "read-only" in error and str(path.parent) in error and "copy" in error
    assert cli.ok("claim", "list", "-f", "json").stdout == before


def test_a_new_database_in_a_read_only_folder_is_refused_clearly(
    tmp_path: Path, lock: Lock
) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    lock(folder)
    error = Cli(str(folder / "new.db")).fails("claim", "add", "A claim").stderr
    assert "read-only" in error and str(folder) in error and "--db" in error
    assert list(folder.iterdir()) == []


def test_a_read_only_file_in_a_writable_folder(tmp_path: Path) -> None:
    """Only the file is protected: reads work, writes say the file is read-only."""
    path = seeded_file(tmp_path / "share")
    cli = Cli(str(path))
    before = cli.ok("claim", "list", "-f", "json").stdout
    immutable = os.geteuid() == 0
    if immutable:
        if subprocess.run(["chattr", "+i", str(path)], check=False).returncode != 0:
            pytest.skip("root ignores permissions and chattr failed")
    else:
        path.chmod(0o444)
    try:
        assert cli.ok("claim", "list", "-f", "json").stdout == before
        error = cli.fails("claim", "add", "x").stderr
        assert "read-only" in error and str(path) in error
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
