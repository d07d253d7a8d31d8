"""Where a command meets the machine: a backup folder that is missing, a file a failed restore
created, a busy port, a password with no terminal to type it at, a time copied from history."""

from __future__ import annotations

import csv
import io
import socket
import subprocess
import sys
from pathlib import Path

from tests.helpers import Cli, snapshot, write


def test_backup_into_a_missing_folder_is_one_error_line(cli: Cli, tmp_path: Path) -> None:
    for extra in ([], ["--json"]):
        error = cli.fails("backup", str(tmp_path / "missing" / "copy.db"), *extra).stderr
        assert f"The folder {tmp_path / 'missing'} does not exist" in error
    assert not (tmp_path / "missing").exists()


def test_a_failed_restore_leaves_no_new_database_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    cli = Cli(f"sqlite:///{fresh}")
    for backup in (write(tmp_path / "bad.json", "{}"), write(tmp_path / "empty.json", ""),
                   str(tmp_path / "missing.json")):
        cli.fails("restore", backup)
        assert sorted(tmp_path.glob("fresh.db*")) == [], backup


def test_a_failed_restore_keeps_a_database_that_was_there(cli: Cli, tmp_path: Path) -> None:
    before = snapshot(cli.url)
    cli.fails("restore", write(tmp_path / "bad.json", "{}"))
    assert snapshot(cli.url) == before


def test_serve_on_a_busy_port_says_so_before_serving(cli: Cli) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = cli.fails("serve", "--port", str(port))
    assert result.stderr.strip() == f"Error: Port {port} is in use; choose another with --port."


def test_serve_on_a_host_that_does_not_resolve_says_so(cli: Cli) -> None:
    cli.ok("user", "add", "ed", "--role", "editor", "--password-stdin", input="long enough pw\n")
    result = cli.fails("serve", "--host", "no-such-host.invalid", "--port", "8999")
    assert "Cannot resolve the host no-such-host.invalid" in result.stderr
    assert "Serving" not in result.output


def test_user_add_without_a_terminal_asks_for_password_stdin(database_url: str) -> None:
    """A real process with no controlling terminal and stdin at end of file."""
    result = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", database_url, "user", "add", "ed",
         "--role", "editor"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
        start_new_session=True, check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == (
        'Error: No terminal to ask for a password; pipe it in with --password-stdin: echo '
        '"$PASSWORD" | claimtrack user add NAME --role ROLE --password-stdin.')


def test_restore_at_a_time_copied_from_the_history_table(cli: Cli) -> None:
    claim = cli.add("Words as first logged")
    listed = csv.DictReader(io.StringIO(cli.ok("history", claim, "-f", "csv").stdout))
    shown_at = next(listed)["at"]  # cut to the second, as the table shows it
    assert len(shown_at) == len("2026-12-05 15:31:29")
    assert cli.ok("claim", "restore", claim, "--at", shown_at).stdout.strip() == claim
