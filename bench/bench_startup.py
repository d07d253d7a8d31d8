"""Start-up: `claimtrack --help` against `python -c "import typer"`, in the same run.

Heavy modules (SQLAlchemy, Alembic, tabulate) are imported only by the commands that need
them; target: --help within 1.5x of importing Typer alone.
"""

from __future__ import annotations

import sys

from bench.common import claimtrack_command, median_time, ratio_line, run_command


def main(quick: bool) -> None:
    repeat = 5 if quick else 15
    baseline = median_time(lambda: run_command(sys.executable, "-c", "import typer"), repeat)
    helped = median_time(lambda: run_command(*claimtrack_command(), "--help"), repeat)
    version = median_time(lambda: run_command(*claimtrack_command(), "--version"), repeat)
    bare = median_time(lambda: run_command(sys.executable, "-c", "pass"), repeat)
    print(f"bare interpreter: {bare * 1000:.0f} ms")
    print(ratio_line("claimtrack --help", helped, baseline, "<= 1.5x"))
    print(ratio_line("claimtrack --version", version, baseline, "<= 1.5x"))
