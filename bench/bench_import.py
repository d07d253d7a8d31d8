"""Import speed and memory: `claimtrack import` against a raw writer of exactly the rows it
writes (bench/raw_writer.py), for every input format, on SQLite and on PostgreSQL.

For each format the same reviews (bench/feeds.py: shaped like real publishers' ClaimReview)
are written as that format: a ClaimReview array, a DataFeed, saved pages, and the native
document, JSON Lines and CSV that `claimtrack export` makes of them. `claimtrack import` runs
as a process on a fresh `claimtrack init` database (created before the timer); its rows are
then dumped, and the raw writer writes the same rows, as a process too, into another fresh
database: with the full-text triggers on (``raw, row index``) and with the index filled
set-based (``raw, set index``). Three interleaved rounds; the median time and the range of the
ratios are printed, with each process's own peak RSS (VmHWM).

A ratio is raw time / claimtrack time: 1.0 means as fast as the raw writer. Goals (issue 13):
≥ 0.8 against the row-index writer and ≥ 0.5 against the set-index writer on SQLite, ≥ 0.5
against COPY on PostgreSQL, peak RSS under 100 MB.

N reviews: 50,000 by default (BENCH_IMPORT_N), --quick for 2,000; BENCH_IMPORT_FORMATS to
choose formats (comma-separated), BENCH_IMPORT_ROUNDS the number of rounds,
BENCH_IMPORT_DATABASES the databases (``sqlite,postgresql``). PostgreSQL when
CLAIMTRACK_BENCH_PG_URL or CLAIMTRACK_TEST_DATABASE_URL is set.
"""

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

from bench import feeds
from bench.common import ROOT
from bench.raw_writer import dump

FORMATS = ("claimreview", "datafeed", "pages", "native", "jsonl", "csv")
ROUNDS = int(os.environ.get("BENCH_IMPORT_ROUNDS", "3"))  # 1 for a quick look at a million


def _run(*command: str) -> tuple[float, int, str]:
    """(seconds, peak RSS MB, stderr) of one process (with the process that read its files
    ahead, when there was one: the peak of each is in stderr)."""
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(command[:6])} failed:\n{result.stderr[-3000:]}"
                         f"{result.stdout[-2000:]}")
    report = result.stderr + result.stdout
    peak = next(int(line.split()[1]) for line in report.splitlines()
                if line.startswith("peak-rss-kb:"))
    return seconds, peak // 1024, result.stderr


def claimtrack(url: str, path: Path) -> tuple[float, int, str]:
    return _run(sys.executable, "-m", "bench.import_child", "--db", url, "import", str(path))


def raw(url: str, rows: Path, index: str) -> tuple[float, int, str]:
    return _run(sys.executable, "-m", "bench.raw_writer", "--db", url, "--rows", str(rows),
                "--index", index)


def init(url: str) -> None:
    subprocess.run([sys.executable, "-m", "claimtrack", "--db", url, "init"], check=True,
                   capture_output=True, cwd=ROOT)


def inputs(folder: Path, n: int, wanted: tuple[str, ...]) -> dict[str, Path]:
    """Each format's input file (or folder of pages)."""
    made = {
        "claimreview": lambda: feeds.write_array(folder / "reviews.json", n),
        "datafeed": lambda: feeds.write_datafeed(folder / "feed.json", n),
        "pages": lambda: feeds.write_pages(folder / "pages", n),
    }
    found = {name: made[name]() for name in made if name in wanted}
    exported = [name for name in ("native", "jsonl", "csv") if name in wanted]
    if exported:
        source = folder / "source.db"
        init(f"sqlite:///{source}")
        claimtrack(f"sqlite:///{source}", feeds.write_array(folder / "for-export.json", n))
        for name in exported:
            path = folder / f"export.{'json' if name == 'native' else name}"
            subprocess.run([sys.executable, "-m", "claimtrack", "--db", f"sqlite:///{source}",
                            "export", "--format", name, "-o", str(path)], check=True,
                           capture_output=True, cwd=ROOT)
            found[name] = path
    return found


def bench(name: str, path: Path, fresh: Callable[[str], Iterator[str]], rows_from: Path,
          kind: str) -> None:
    times: dict[str, list[float]] = {"claimtrack": [], "row": [], "set": []}
    peaks: dict[str, int] = {}
    rows = rows_from / f"{name}.rows.json"
    summary = ""
    for round_ in range(ROUNDS):
        with fresh(f"{name}-ours-{round_}") as url:
            seconds, peak, stderr = claimtrack(url, path)
            times["claimtrack"].append(seconds)
            peaks["claimtrack"] = max(peaks.get("claimtrack", 0), peak)
            peaks["reader"] = max(peaks.get("reader", 0), _reader_peak(stderr))
            summary = next((line for line in reversed(stderr.splitlines())
                            if line.startswith(("Imported", "Partly imported"))), "")
            if round_ == 0:
                counted = _dump(url, rows, rows_from)
        for index in ("row", "set"):
            with fresh(f"{name}-raw-{index}-{round_}") as url:
                seconds, peak, _ = raw(url, rows, index)
                times[index].append(seconds)
                peaks[index] = max(peaks.get(index, 0), peak)
    ours = statistics.median(times["claimtrack"])
    print(f"  {name:<12} {counted:>9,} rows  claimtrack {ours:7.1f} s  "
          f"{peaks['claimtrack']:>4} MB (reader {peaks['reader']:>3} MB)", end="")
    for index in ("row", "set"):
        ratios = [raw_time / our_time for raw_time, our_time in
                  zip(times[index], times["claimtrack"], strict=True)]
        print(f"  | raw {index} index {statistics.median(times[index]):6.1f} s: "
              f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})", end="")
    print(f"\n               {summary.split(': ', 1)[-1]}", flush=True)


def _reader_peak(stderr: str) -> int:
    """The peak RSS in MB of the process that read the import's files ahead (0: none)."""
    return next((int(line.split()[1]) // 1024 for line in stderr.splitlines()
                 if line.startswith("reader-peak-rss-kb:")), 0)


def _dump(url: str, rows: Path, folder: Path) -> int:
    """The rows claimtrack wrote (from SQLite; on PostgreSQL from a SQLite import of the same
    file, the same rows)."""
    if url.startswith("sqlite:///"):
        return dump(Path(url.removeprefix("sqlite:///")), rows)
    return dump(folder / "sqlite-twin.db", rows)


@contextmanager
def sqlite_database(folder: Path, name: str) -> Iterator[str]:
    path = folder / f"{name}.db"
    init(f"sqlite:///{path}")
    try:
        yield f"sqlite:///{path}"
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def main(quick: bool = False) -> None:
    n = 2_000 if quick else int(os.environ.get("BENCH_IMPORT_N", "50000"))
    wanted = tuple(os.environ.get("BENCH_IMPORT_FORMATS", ",".join(FORMATS)).split(","))
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        made = inputs(folder, n, wanted)
        print(f"{n:,} reviews; ratio = raw time / claimtrack time (1.0: as fast as raw), "
              f"median of {ROUNDS} interleaved rounds (range)")
        databases = os.environ.get("BENCH_IMPORT_DATABASES", "sqlite,postgresql").split(",")
        if "sqlite" in databases:
            print("SQLite:")
            for name, path in made.items():
                bench(name, path, lambda label: sqlite_database(folder, label), folder, "sqlite")
        pg = os.environ.get("CLAIMTRACK_BENCH_PG_URL") or os.environ.get(
            "CLAIMTRACK_TEST_DATABASE_URL")
        if "postgresql" not in databases:
            return
        if not pg:
            print("PostgreSQL: set CLAIMTRACK_BENCH_PG_URL (or CLAIMTRACK_TEST_DATABASE_URL).")
            return
        from bench.import_pg import schema_url

        @contextmanager
        def pg_database(label: str) -> Iterator[str]:
            with schema_url(pg, label.replace("-", "_")) as url:
                init(url)
                yield url

        print("PostgreSQL (raw: psycopg COPY of the same rows):")
        for name, path in made.items():
            with sqlite_database(folder, "sqlite-twin") as twin:
                claimtrack(twin, path)
                bench(name, path, pg_database, folder, "postgresql")
