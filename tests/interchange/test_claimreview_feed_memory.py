"""Issue 12, point 10: a DataFeed (Google's DataCommons fact-check feed: ``dataFeedElement``
items, each with its ClaimReview) is streamed, in constant memory.

The feed is generated from the real dpa item in fixtures/claimreview/real and imported by
``claimtrack import`` in a child process that reports its own peak RSS (VmHWM: the address
space made by exec, not the forking test runner's), plus the peak of the process that reads
the feed ahead for it (claimtrack/formats/readahead.py).
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.claimreview import REAL

# Big enough that holding the whole feed costs well over the limit (about 210 MB here for
# 10,000 items of ~2 KB), small enough to run in seconds; the real feed has over 100,000.
# Streamed (measured with the same items as a top-level array, which is streamed today):
# about 120 MB, the same for 2,500 items as for 10,000.
ITEMS = 10_000
FEW_ITEMS = 2_500  # more than one import batch (2,000), so both runs hold a full batch
PADDING = 800  # characters of reviewBody per item
LIMIT_MB = 150  # docs/interop.md, "Speed and memory": the import's memory target
GROWTH_MB = 25  # four times the items may not cost more than this

CHILD = """
import atexit, resource, sys
from pathlib import Path

def report():
    from claimtrack.formats import readahead

    reader = readahead.reader_peak_kb or 0  # the process that read the feed ahead, if any
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                print(f"peak-rss-kb: {int(line.split()[1]) + reader}", file=sys.stderr,
                      flush=True)
                return
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak-rss-kb: {peak // 1024 if sys.platform == 'darwin' else peak}", file=sys.stderr)

atexit.register(report)
from claimtrack.cli import main
sys.argv = ["claimtrack", *sys.argv[1:]]
main()
"""


def write_feed(path: Path, items: int) -> None:
    """A DataFeed of ``items`` copies of dpa's real item, each with its own url and claim."""
    feed: dict[str, Any] = json.loads((REAL / "dpa-datacommons-de.json").read_text("utf-8"))
    element = feed["dataFeedElement"][0]
    body = ("Reker hat diesen Satz nie gesagt. " * (PADDING // 30 + 1))[:PADDING]
    with path.open("w", encoding="utf-8") as out:
        out.write('{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [\n')
        for number in range(items):
            item = copy.deepcopy(element)
            review = item["item"][0]
            review["url"] = item["url"] = f"https://www.presseportal.de/pm/133833/{number}"
            review["claimReviewed"] = f"{review['claimReviewed']} ({number})"
            review["reviewBody"] = body
            out.write(("," if number else "") + json.dumps(item, ensure_ascii=False) + "\n")
        out.write("]}\n")


def import_feed(tmp_path: Path, items: int) -> tuple[str, int]:
    """(stderr, peak RSS in MB) of importing a generated feed into a fresh SQLite file."""
    feed = tmp_path / f"feed-{items}.json"
    write_feed(feed, items)
    child = subprocess.run(
        [sys.executable, "-c", CHILD, "--db", f"sqlite:///{tmp_path}/feed-{items}.db",
         "import", str(feed)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "CLAIMTRACK_READ_AHEAD": "1"},  # both sizes alike, on any machine
    )
    assert child.returncode == 0, child.stderr[-2000:]
    (peak,) = [line for line in child.stderr.splitlines() if line.startswith("peak-rss-kb:")]
    return child.stderr, int(peak.split()[1]) // 1024


@pytest.mark.slow
def test_datafeed_is_streamed_in_constant_memory(tmp_path: Path) -> None:
    stderr, peak_mb = import_feed(tmp_path, ITEMS)
    assert f"verdicts {ITEMS}" in stderr and "rejected 0" in stderr, stderr[-500:]
    _few, few_peak_mb = import_feed(tmp_path, FEW_ITEMS)
    assert peak_mb < LIMIT_MB, f"peak RSS {peak_mb} MB for {ITEMS} feed items"
    assert peak_mb - few_peak_mb < GROWTH_MB, (
        f"peak RSS {few_peak_mb} MB for {FEW_ITEMS} items, {peak_mb} MB for {ITEMS}"
    )
