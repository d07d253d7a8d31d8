"""Helpers shared by the benchmarks: timing, subprocess runs, a migrated scratch database."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


def median_time(action: Callable[[], Any], repeat: int) -> float:
    """Median wall time of ``action`` in seconds over ``repeat`` runs (after one warm-up)."""
    action()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def run_command(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command, failing loudly if it fails."""
    result = subprocess.run(args, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr}")
    return result


def claimtrack_command() -> list[str]:
    """How to start the installed claimtrack CLI from the current interpreter's venv."""
    script = Path(sys.executable).with_name("claimtrack")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimtrack"]


@contextmanager
def scratch_sqlite(name: str) -> Iterator[Path]:
    """A migrated, empty SQLite file in a temporary folder, removed with it afterwards."""
    from claimtrack.store.db import make_engine
    from claimtrack.store.migrate import ensure_current

    with tempfile.TemporaryDirectory(prefix=f"claimtrack-bench-{name}-") as folder:
        path = Path(folder) / f"{name}.db"
        engine = make_engine(f"sqlite:///{path}")
        ensure_current(engine)
        engine.dispose()
        yield path


def ratio_line(label: str, measured: float, baseline: float, target: str) -> str:
    """One result line: both times and their ratio."""
    return (f"{label}: {measured * 1000:.2f} ms vs baseline {baseline * 1000:.2f} ms "
            f"= {measured / baseline:.3f}x (target {target})")
