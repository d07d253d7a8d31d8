"""Run `claimtrack` and report this process's own peak RSS (VmHWM) on stderr at exit.

``--history-off`` (first argument) runs it with the edit history switched off, to show what
the history costs.

getrusage's ru_maxrss of a child is not enough: Linux carries the forking parent's high-water
mark across exec, so a bench that holds the raw baseline's rows would be charged for them.
VmHWM belongs to the address space made by exec, so it is claimtrack's alone. A large import
reads its files in a second process (claimtrack/formats/readahead.py): that process's own
VmHWM is reported too.
"""

from __future__ import annotations

import atexit
import sys


def _report() -> None:
    from claimtrack.formats import readahead

    print(f"peak-rss-kb: {readahead.peak_kb()}", file=sys.stderr, flush=True)
    if readahead.reader_peak_kb is not None:  # the process that read the files ahead
        print(f"reader-peak-rss-kb: {readahead.reader_peak_kb}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    atexit.register(_report)
    from claimtrack.cli import main

    sys.argv[0] = "claimtrack"
    if sys.argv[1:2] == ["--history-off"]:
        from bench.history_off import history_off

        del sys.argv[1]
        with history_off():
            main()
    else:
        main()
