"""Bulk import speed and memory: `claimtrack import` against raw inserts of the same rows.

N synthetic claims (1,000 speakers, one tag each) with N-1 links are written as JSON Lines and
as a native document, then imported into a fresh database by `claimtrack import` in a
subprocess (start-up, parsing, validation, matching and counters included; peak RSS is that
process's own). The baseline inserts the same rows (actors, claims, tags, links, counters
precomputed) with raw sqlite3 executemany in one transaction — and on PostgreSQL, when
CLAIMTRACK_TEST_DATABASE_URL or CLAIMTRACK_BENCH_PG_URL is set, with psycopg COPY. The JSONL
import runs once more with the edit history switched off, to show what the history costs (the
raw baseline writes no history).

N: 100,000 by default, BENCH_IMPORT_N=1000000 for a million, --quick for 5,000.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.import_rows import rows_for, synthetic_records


def write_inputs(folder: Path, n: int) -> tuple[Path, Path]:
    jsonl, native = folder / "claims.jsonl", folder / "claims.json"
    with jsonl.open("w", encoding="utf-8") as out:
        for kind, record in synthetic_records(n):
            out.write(json.dumps({"type": kind, **record}) + "\n")
    with native.open("w", encoding="utf-8") as out:
        out.write('{"format": "claimtrack", "version": 1')
        section = None
        for kind, record in synthetic_records(n):
            if kind != section:
                out.write(("]" if section else "") + f', "{kind}s": [')
                section, first = kind, True
            out.write(("" if first else ",") + json.dumps(record))
            first = False
        out.write("]}\n")
    return jsonl, native


def run_import(url: str, path: Path, *, history: bool = True) -> tuple[float, int, str]:
    """(seconds, peak RSS in MB, summary line) of one `claimtrack import` subprocess."""
    switch = [] if history else ["--history-off"]
    command = [sys.executable, "-m", "bench.import_child", *switch, "--db", url, "import",
               str(path)]
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, cwd=Path(__file__).resolve().parent.parent)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"claimtrack import failed:\n{result.stderr}")
    lines = result.stderr.strip().splitlines()
    peak = next(int(line.split()[1]) for line in lines if line.startswith("peak-rss-kb:"))
    summary = next(line for line in reversed(lines) if line.startswith("Imported"))
    return elapsed, peak // 1024, summary


def init(url: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", url, "init"], check=True, capture_output=True
    )


def raw_sqlite(path: Path, n: int) -> tuple[float, int]:
    tables = rows_for(n)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    started = time.perf_counter()
    connection.execute("BEGIN IMMEDIATE")
    for table, columns, rows in tables:
        marks = ", ".join("?" * len(columns))
        connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed, sum(len(rows) for _, _, rows in tables)


def report(label: str, rows: int, seconds: float, baseline: float, rss: int | None = None) -> None:
    ratio = baseline / seconds
    memory = f", peak RSS {rss} MB" if rss is not None else ""
    print(f"  {label:<34} {rows / seconds:>10,.0f} rows/s  {ratio:5.2f}x raw{memory}", flush=True)


def bench_sqlite(folder: Path, n: int, inputs: list[Path]) -> None:
    raw_seconds, rows = raw_sqlite(_fresh_sqlite(folder, "raw"), n)
    print(f"SQLite, {n:,} claims, {rows:,} rows (actors, claims, tags, links):", flush=True)
    report("raw sqlite3 executemany", rows, raw_seconds, raw_seconds)
    for path in inputs:
        url = f"sqlite:///{_fresh_sqlite(folder, path.suffix[1:])}"
        seconds, rss, summary = run_import(url, path)
        report(f"claimtrack import ({path.suffix[1:]})", rows, seconds, raw_seconds, rss)
        print(f"    first import: {summary.split(': ', 1)[1]}")
        again, _, again_summary = run_import(url, path)
        print(f"    re-import: {again:.1f} s; {again_summary.split(': ', 1)[1]}")
    history_off(rows, raw_seconds, [f"sqlite:///{_fresh_sqlite(folder, 'off')}"], inputs[0])


def history_off(rows: int, raw_seconds: float, urls: list[str], path: Path) -> None:
    """The same import with the edit history switched off: what the history costs."""
    for url in urls:
        seconds, rss, _summary = run_import(url, path, history=False)
        report(f"  history off ({path.suffix[1:]})", rows, seconds, raw_seconds, rss)


def _fresh_sqlite(folder: Path, name: str) -> Path:
    path = folder / f"{name}.db"
    init(f"sqlite:///{path}")
    return path


def bench_postgres(url: str, n: int, inputs: list[Path]) -> None:
    from bench.import_pg import copy_rows, schema_url

    with schema_url(url, "raw") as raw_url:
        init(raw_url)
        raw_seconds, rows = copy_rows(raw_url, rows_for(n))
    print(f"PostgreSQL, {n:,} claims, {rows:,} rows:", flush=True)
    report("psycopg COPY", rows, raw_seconds, raw_seconds)
    for path in inputs:
        with schema_url(url, "ours") as ours:
            init(ours)
            seconds, rss, _summary = run_import(ours, path)
        report(f"claimtrack import ({path.suffix[1:]})", rows, seconds, raw_seconds, rss)
    with schema_url(url, "off") as off:
        init(off)
        history_off(rows, raw_seconds, [off], inputs[0])


def main(quick: bool = False) -> None:
    n = 5_000 if quick else int(os.environ.get("BENCH_IMPORT_N", "100000"))
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        jsonl, native = write_inputs(folder, n)
        print(
            f"Input: {jsonl.stat().st_size / 1e6:.1f} MB JSONL, "
            f"{native.stat().st_size / 1e6:.1f} MB native JSON",
            flush=True,
        )
        bench_sqlite(folder, n, [jsonl, native])
        pg = os.environ.get("CLAIMTRACK_BENCH_PG_URL") or os.environ.get(
            "CLAIMTRACK_TEST_DATABASE_URL"
        )
        if pg:
            bench_postgres(pg, n, [jsonl, native])
        else:
            print(
                "PostgreSQL: set CLAIMTRACK_TEST_DATABASE_URL (or CLAIMTRACK_BENCH_PG_URL) "
                "to compare with COPY."
            )
