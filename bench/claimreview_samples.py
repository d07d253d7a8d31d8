"""Characterise how claimtrack handles real publishers' ClaimReview (issue 12).

``python -m bench.claimreview_samples [--in-process] [--details] [FILE...]``

Each sample of fixtures/claimreview/real (see manifest.json there) is imported into a fresh
SQLite database by ``claimtrack --db X import FILE`` (a subprocess per command, as a user runs
it; ``--in-process`` uses Typer's CliRunner instead, much faster), then read back with
``verdict list``, ``claim list``, ``actor list`` and ``export --format claimreview``. One row
per sample: exit status, reviews imported of those published, review URLs kept as published,
labels read as expected, reviewer and date, claimant and language, and whether the export
passes a ClaimReview consumer's checks (issue 12, point 7), else which of them fail.
This is a characterisation, not a benchmark: it is not part of ``make bench``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.common import ROOT, claimtrack_command

sys.path.insert(0, str(ROOT))  # tests/ is a folder of the checkout, not an installed package
from tests.helpers.claimreview import (
    MANIFEST,
    ImportedSample,
    Runner,
    claim_problems,
    cli_runner,
    export_problems,
    import_samples,
    label_problems,
    missing_reviews,
    reviewer_problems,
    url_problems,
)

# The start of each point-7 problem message, and the column word for it.
EXPORT_CHECKS = {
    "no reviewRating": "rating",
    "no ratingValue": "rating",
    "no bestRating": "rating",
    "no worstRating": "rating",
    "ratingValue": "rating",
    "bestRating": "rating",
    "worstRating": "rating",
    "one URL under": "url-twice",
    "firstAppearance": "firstAppearance",
    "claimant @type": "claimant-type",
    "inLanguage": "inLanguage",
}


def subprocess_runner(database: Path) -> Runner:
    command = [*claimtrack_command(), "--db", f"sqlite:///{database}"]

    def run(args: list[str]) -> tuple[int, str, str]:
        done = subprocess.run([*command, *args], capture_output=True, text=True, check=False)
        return done.returncode, done.stdout, done.stderr

    return run


def in_process_runner(database: Path) -> Runner:
    return cli_runner(f"sqlite:///{database}")


@contextmanager
def fresh_database() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="claimtrack-samples-") as folder:
        yield Path(folder) / "sample.db"


def export_failures(problems: list[str]) -> list[str]:
    """Which point-7 checks the problems belong to, in a stable order."""
    kinds = []
    for problem in problems:
        kind = next(
            (word for start, word in EXPORT_CHECKS.items() if problem.startswith(start)),
            "missing" if problem[0].isdigit() else "other",
        )
        if kind not in kinds:
            kinds.append(kind)
    return kinds


def row(imported: ImportedSample) -> dict[str, Any]:
    sample = imported.sample
    reviews = sample["reviews"]
    missing = missing_reviews(imported)
    found = len(reviews) - len(missing)
    urls_kept = sum(
        1
        for review in reviews
        for verdict in imported.verdicts_for(review)
        if verdict["url"] == review["url"]
    )
    export = export_problems(imported)
    stored = [
        (verdict["url"], review["url"])
        for review in reviews
        for verdict in imported.verdicts_for(review)
        if verdict["url"] is not None
    ]
    return {
        "stored_urls": len(stored),
        "altered": sum(1 for got, published in stored if got != published),
        "file": sample["file"],
        "language": sample["language"],
        "exit": imported.exit_code,
        "reviews": f"{found}/{len(reviews)}",
        "fully": not missing and imported.exit_code == 0,
        "urls": f"{urls_kept}/{len(reviews)}",
        "appearances": "ok" if not any(
            p.startswith("appearances") for p in url_problems(imported)
        ) and not missing else "no",
        "labels": f"{found - len(label_problems(imported))}/{len(reviews)}",
        "reviewer": "ok" if not reviewer_problems(imported) and not missing else "no",
        "claimant": "ok" if not claim_problems(imported) and not missing else "no",
        "export": "ok" if not export and not missing else ",".join(export_failures(export)),
        "problems": [
            *(f"lost: {text}" for text in missing),
            *url_problems(imported),
            *label_problems(imported),
            *reviewer_problems(imported),
            *claim_problems(imported),
            *export,
        ],
        "stderr": imported.stderr,
    }


def print_table(rows: list[dict[str, Any]], *, details: bool) -> None:
    header = ("sample", "lang", "exit", "reviews", "url kept", "appear.", "labels", "reviewer",
              "claim", "export (point 7)")
    widths = (30, 7, 4, 7, 8, 7, 6, 8, 5, 40)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for r in rows:
        cells = (r["file"], r["language"], str(r["exit"]), r["reviews"], r["urls"],
                 r["appearances"], r["labels"], r["reviewer"], r["claimant"], r["export"] or "-")
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
        if details:
            for problem in r["problems"]:
                print(f"    - {problem}")
    real = [r for r in rows if not r["file"].startswith("handmade/")]
    counts = Counter(
        ("lost" if r["reviews"].startswith("0/") else "partly" if not r["fully"] else "fully")
        for r in real
    )
    altered = sum(r["altered"] for r in real)
    stored = sum(r["stored_urls"] for r in real)
    exports = sum(1 for r in real if r["export"] == "ok")
    print()
    print(f"real samples: {len(real)}; imported fully {counts['fully']}, partly "
          f"{counts['partly']}, lost entirely {counts['lost']}")
    print(f"review URLs stored altered: {altered} of {stored} stored (real samples)")
    print(f"exports passing every point-7 check: {exports} of {len(real)} (real samples)")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.claimreview_samples",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="only these samples (paths as in manifest.json)")
    parser.add_argument("--in-process", action="store_true", help="CliRunner, not subprocesses")
    parser.add_argument("--details", action="store_true", help="list every problem found")
    args = parser.parse_args()
    samples = [s for s in MANIFEST if not args.files or s["file"] in args.files]
    make_runner = in_process_runner if args.in_process else subprocess_runner
    rows = []
    for sample in samples:
        with fresh_database() as database:
            (imported,) = import_samples([sample], make_runner(database)).values()
        rows.append(row(imported))
    print_table(rows, details=args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
