"""Issue 14, points 3 to 5: no input makes claimtrack hold more than a record's worth, or read
longer than linearly. Each file is imported by a real process under a 1 GB address-space
limit (a reader that held or rebuilt the nesting would die under it) and must end with one
`Error:` line."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

DEPTH = 200_000
LIMIT = 1 << 30


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def run_import(
    database: Path, *args: str, stdin: Path | None = None
) -> subprocess.CompletedProcess[str]:
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as given:
        return subprocess.run(
            [sys.executable, "-m", "claimtrack", "--db", str(database), "import", *args],
            stdin=given, capture_output=True, text=True, timeout=120, preexec_fn=_limited,
            check=False,
        )


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1, result.stderr[-2000:]
    assert lines[0].startswith("Error: ") and all(w in lines[0] for w in words), lines[0]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {
        "deep-native.json": '{"format": "claimtrack", "version": 1, "claims": ['
        + '{"text": ' * DEPTH + "1" + "}" * DEPTH + "]}",
        "deep-review.json": "[" + '{"a": ' * DEPTH + "1" + "}" * DEPTH + "]",
        "long-native.json": '{"format": "claimtrack", "version": 1, "claims": [{"text": "'
        + "x" * (50 << 20) + '"}]}',
        "long-review.json": '[{"@type": "ClaimReview", "claimReviewed": "' + "x" * (50 << 20)
        + '"}]',
        "long-line.jsonl": '{"type": "claim", "text": "' + "x" * (20 << 20) + '"}\n',
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {name: folder / name for name in files}


@pytest.mark.slow
@pytest.mark.parametrize("name", ["deep-native.json", "deep-review.json"])
def test_a_value_nested_200000_deep_is_refused_from_a_file_and_from_stdin(
    hostile: dict[str, Path], tmp_path: Path, name: str
) -> None:
    assert_refused(run_import(tmp_path / "a.db", str(hostile[name])), "64 levels")
    fmt = "native" if "native" in name else "claimreview"
    assert_refused(run_import(tmp_path / "b.db", "-", "--format", fmt, stdin=hostile[name]),
                   "64 levels")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["long-native.json", "long-review.json", "long-line.jsonl"])
def test_one_enormous_value_is_refused(hostile: dict[str, Path], tmp_path: Path,
                                       name: str) -> None:
    assert_refused(run_import(tmp_path / "a.db", str(hostile[name])), "16 MB")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["auto", "native", "claimreview", "jsonl", "csv"])
def test_an_endless_stream_is_refused(tmp_path: Path, fmt: str) -> None:
    result = run_import(tmp_path / "a.db", "/dev/zero", "--format", fmt)
    assert_refused(result)
