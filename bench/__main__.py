"""Run the benchmarks: ``python -m bench [NAME ...] [--quick]``.

Every module ``bench/bench_<name>.py`` exposes ``main(quick: bool) -> None`` and prints its own
figures, always as ratios against a baseline measured in the same run (machines here are small
and noisy; absolute times mean little). ``--quick`` shrinks the data for a smoke run.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import pkgutil
import sys
import time
from pathlib import Path


def available() -> list[str]:
    here = Path(__file__).resolve().parent
    return sorted(
        info.name.removeprefix("bench_")
        for info in pkgutil.iter_modules([str(here)])
        if info.name.startswith("bench_")
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"which to run (default: all of {available()})")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args = parser.parse_args()
    names = args.names or available()
    unknown = set(names) - set(available())
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    # Bytecode as an installed copy has it (pip compiles at install): where
    # PYTHONDONTWRITEBYTECODE is set, every process would otherwise compile claimtrack again.
    root = Path(__file__).resolve().parent.parent
    for package in ("claimtrack", "bench"):
        compileall.compile_dir(root / package, quiet=1)
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"bench.bench_{name}")
        module.main(quick=args.quick)
        print(f"({name}: {time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
