"""A claimtrack SQLite file in Datasette: the views read as disputes, the search box works on
claims and disputes, foreign keys show labels, and the canned queries answer. A real
`datasette serve` on a copy of the seeded file, on a free local port."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.helpers import FIXTURES, Cli

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def datasette(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed article's disputes served by Datasette with claimtrack's metadata."""
    folder = tmp_path_factory.mktemp("datasette")
    cli = Cli(f"sqlite:///{folder / 'work.db'}")
    cli.ok("import", str(FIXTURES / "seed.json"))
    cli.ok("verdict", "add", "c-seed00000001", "--rating", "Unproven", "--by", "Checker")
    for relation, text in (("same_as", "Lavrov's words again, copied by a wire service"),
                           ("supports", "A spokesman backed the minister's statement"),
                           ("denies", "The minister's statement was denied in a briefing")):
        cli.ok("link", "add", cli.add(text), relation, "c-seed00000002")
    cli.ok("backup", str(folder / "claims.db"))  # one consistent file, WAL folded in
    Cli(f"sqlite:///{folder / 'claims.db'}").ok(
        "datasette-metadata", "-o", str(folder / "metadata.json"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(BIN / "datasette"), "serve", str(folder / "claims.db"), "--metadata",
         str(folder / "metadata.json"), "--port", str(port), "--host", "127.0.0.1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                httpx.get(f"{base}/-/versions.json", timeout=1)
                break
            except httpx.HTTPError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def get(base: str, path: str) -> object:
    answer = httpx.get(f"{base}{path}", timeout=10)
    assert answer.status_code == 200, (path, answer.text[:500])
    return json.loads(answer.text) if ".json" in path else answer.text


def test_the_home_page_lists_the_views_first(datasette: str) -> None:
    home = str(get(datasette, "/claims"))
    assert "disputes" in home and "dispute_responses" in home and "Contested claims" in home
    assert "claim_search_data" not in home  # the index's shadow tables are hidden


def test_disputes_read_with_public_ids_speakers_and_verdicts(datasette: str) -> None:
    rows = get(datasette, "/claims/disputes.json?_shape=array&_sort_desc=challenges")
    assert isinstance(rows, list)
    first = {row["claim"]: row for row in rows}["c-seed00000001"]
    assert first["speaker"] == "White House"
    assert "denied by Sergey Lavrov (c-seed00000002)" in first["challenged_by"]
    assert first["verdicts"] == "Checker: Unproven (unverifiable)"
    responses = get(datasette, "/claims/dispute_responses.json?_shape=array&relation=denies")
    assert {"response": "c-seed00000002", "response_speaker": "Sergey Lavrov",
            "claim": "c-seed00000001", "claim_speaker": "White House"}.items() <= {
        k: v for row in responses for k, v in row.items()  # type: ignore[union-attr]
        if row["response"] == "c-seed00000002"}.items()  # type: ignore[index]


def test_the_search_box_finds_claims_and_disputes(datasette: str) -> None:
    found = get(datasette, "/claims/claims.json?_search=disinformation&_shape=array")
    assert [row["public_id"] for row in found] == ["c-seed00000002"]  # type: ignore[index]
    page = str(get(datasette, "/claims/disputes?_search=operatives"))
    assert 'name="_search"' in page and "c-seed00000001" in page


def test_foreign_keys_show_labels(datasette: str) -> None:
    links = get(datasette, "/claims/links.json?_shape=array&_labels=on&id=1")
    assert links[0]["from_claim_id"]["label"].startswith("The")  # type: ignore[index]


def test_canned_queries_contested_and_a_speakers_record(datasette: str) -> None:
    contested = get(datasette, "/claims/contested.json?_shape=array")
    assert contested[0]["challenges"] >= contested[-1]["challenges"]  # type: ignore[index]
    record = get(datasette, "/claims/speaker_record.json?speaker=Sergei+Lavrov&_shape=array")
    assert [row["claim"] for row in record] == ["c-seed00000002"]  # type: ignore[index]
    # As in `actor record`: only challenges; a duplicate (same_as) or a supporter is no answer.
    (row,) = record  # type: ignore[misc]
    assert row["challenged_by"].startswith("unattributed (denies, c-")
    assert "same_as" not in row["challenged_by"] and "supports" not in row["challenged_by"]
