"""`-o FILE` (and `backup FILE`) onto something that is not a regular file: a FIFO or a device
is written in place and stays what it is; a symlink is followed and its target replaced, the
link kept. Only a regular file is written beside and renamed into place.

Run as root, the bug replaced /dev/null with a regular file; these tests use a FIFO and a
character device of their own (made with mknod: root only) so that a bug cannot."""

from __future__ import annotations

import os
import select
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, Cli

COMMANDS = {
    "export": ["export", "-f", "jsonl"],
    "show": ["show", "c-seed00000001", "-f", "markdown"],
    "report": ["report", "contested", "-f", "markdown"],
    "graph": ["graph", "-f", "mermaid"],
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """The seed disputes in a SQLite file shared by the module: where output goes does not
    depend on the database, and nothing here writes to it."""
    cli = Cli(f"sqlite:///{tmp_path_factory.mktemp('outputs') / 'seeded.db'}")
    cli.ok("import", str(FIXTURES / "seed.json"))
    return cli


def printed(cli: Cli, name: str) -> str:
    """What the command prints on stdout, to compare with what it writes to a file."""
    return str(cli.ok(*COMMANDS[name]).stdout)


@contextmanager
def fifo(path: Path) -> Iterator[list[bytes]]:
    """A FIFO at ``path`` with a reader draining it (no size limit, never blocking the
    writer's open); what was read is in the yielded list once the block ends."""
    os.mkfifo(path)
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    received: list[bytes] = []
    done = threading.Event()

    def read() -> bytes:
        try:
            return os.read(descriptor, 65536)
        except BlockingIOError:
            return b""

    def drain() -> None:
        while not done.is_set():  # keep the pipe from filling up while the command writes
            if select.select([descriptor], [], [], 0.05)[0]:
                received.append(read())
        while chunk := read():  # the command has finished: what is left in the pipe
            received.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        yield received
    finally:
        done.set()
        reader.join(timeout=10)
        os.close(descriptor)


@pytest.mark.parametrize("name", COMMANDS)
def test_output_to_a_fifo_is_written_in_place(
    seeded: Cli, tmp_path: Path, name: str
) -> None:
    pipe = tmp_path / "pipe"
    with fifo(pipe) as received:
        seeded.ok(*COMMANDS[name], "-o", str(pipe))
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert b"".join(received).decode("utf-8") == printed(seeded, name)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no .partial left


@pytest.mark.parametrize("name", COMMANDS)
def test_output_to_a_device_leaves_the_device(seeded: Cli, tmp_path: Path, name: str) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    except PermissionError:
        pytest.skip("making a device node needs root; the FIFO test covers writing in place")
    seeded.ok(*COMMANDS[name], "-o", str(device))
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert device.stat().st_rdev == os.makedev(1, 3)


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("target_exists", [True, False], ids=["to a file", "dangling"])
def test_output_through_a_symlink_replaces_its_target(
    seeded: Cli, tmp_path: Path, name: str, target_exists: bool
) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "report.out"
    if target_exists:
        target.write_text("old content", encoding="utf-8")
    link = tmp_path / "link.out"
    link.symlink_to(target)
    seeded.ok(*COMMANDS[name], "-o", str(link))
    assert link.is_symlink() and link.readlink() == target
    assert target.read_text(encoding="utf-8") == printed(seeded, name)
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.out"]


def test_a_json_backup_goes_into_a_fifo_and_restores(seeded: Cli, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    with fifo(pipe) as received:
        seeded.ok("backup", "--json", str(pipe))
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    copy = tmp_path / "copy.json"
    copy.write_bytes(b"".join(received))
    restored = Cli(f"sqlite:///{tmp_path / 'restored.db'}")
    restored.ok("restore", str(copy))
    assert printed(restored, "export") == printed(seeded, "export")


def test_a_sqlite_backup_onto_a_fifo_is_refused(seeded: Cli, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    with fifo(pipe):
        error = seeded.fails("backup", str(pipe)).stderr
    assert "--json" in error
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_a_backup_through_a_dangling_symlink_creates_its_target(
    seeded: Cli, tmp_path: Path
) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "backup.file"
    link = tmp_path / "backup.link"
    link.symlink_to(target)
    seeded.ok("backup", str(link))
    assert link.is_symlink() and target.stat().st_size > 0
    restored = Cli(f"sqlite:///{tmp_path / 'restored.db'}")
    restored.ok("restore", str(target))
    assert printed(restored, "export") == printed(seeded, "export")
    assert "already exists" in seeded.fails("backup", str(link)).stderr  # never overwritten


@pytest.mark.parametrize("stdout", ["pipe", "appended file"])
def test_output_to_dev_stdout_writes_to_what_the_shell_opened(
    seeded: Cli, tmp_path: Path, stdout: str
) -> None:
    """`-o /dev/stdout` names this process's descriptor 1 (a link into /proc): it is written
    in place, so `| gzip` works and `>> log` keeps the log. A real process: the test needs
    its own descriptor 1."""
    command = [sys.executable, "-m", "claimtrack", "--db", seeded.url, *COMMANDS["graph"],
               "-o", "/dev/stdout"]
    if stdout == "pipe":
        done = subprocess.run(command, capture_output=True, check=False, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.decode("utf-8") == printed(seeded, "graph")
        return
    log = tmp_path / "log.txt"
    log.write_text("previous line\n", encoding="utf-8")
    with log.open("a", encoding="utf-8") as appended:
        done = subprocess.run(command, stdout=appended, stderr=subprocess.PIPE, check=False,
                              timeout=60)
    assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8") == "previous line\n" + printed(seeded, "graph")
