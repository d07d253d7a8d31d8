"""Several writers at once, as real processes (multiprocessing "spawn"), on SQLite and PostgreSQL.

Figures (writers, rows written, rows found, errors) are printed with -s and asserted exactly.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claimtrack.core.errors import DatabaseBusy
from claimtrack.models import Claim, HistoryEntry, Link
from claimtrack.services import claims
from claimtrack.store.db import make_engine, session_scope
from claimtrack.store.migrate import ensure_current
from tests.helpers import Cli
from tests.helpers import concurrency as helpers

WRITERS = 8
CLAIMS_EACH = 75  # 600 transactions from 8 processes: enough to interleave every step
SPAWN = multiprocessing.get_context("spawn")


def _root_claim(url: str) -> str:
    engine = make_engine(url)
    ensure_current(engine)
    with session_scope(engine) as session:
        root = claims.add_claim(session, text="The claim every writer denies").public_id
    engine.dispose()
    return root


def test_eight_processes_write_every_row(
    database_url: str, capfd: pytest.CaptureFixture[str]
) -> None:
    root = _root_claim(database_url)
    started = time.perf_counter()
    with ProcessPoolExecutor(WRITERS, mp_context=SPAWN) as pool:
        futures = [pool.submit(helpers.add_claims_and_links, database_url, writer, CLAIMS_EACH,
                               root) for writer in range(WRITERS)]
        results = [future.result(timeout=900) for future in futures]
    elapsed = time.perf_counter() - started
    errors = [error for result in results for error in result["errors"]]
    written = sum(result["written"] for result in results)
    engine = make_engine(database_url)
    with session_scope(engine, write=False) as session:
        found_claims = session.scalar(select(func.count()).select_from(Claim)) - 1
        found_links = session.scalar(select(func.count()).select_from(Link))
        history = dict(session.execute(
            select(HistoryEntry.entity, func.count()).group_by(HistoryEntry.entity)).all())
        per_writer = dict(session.execute(
            select(HistoryEntry.user_name, func.count())
            .where(HistoryEntry.entity == "claim", HistoryEntry.user_name.startswith("writer-"))
            .group_by(HistoryEntry.user_name)).all())
        root_row = session.scalar(select(Claim).where(Claim.public_id == root))
        root_challenges = root_row.challenge_count if root_row else -1
    engine.dispose()
    stderr = capfd.readouterr().err
    print(f"\n{engine.dialect.name}: {WRITERS} writers, {written} claims+links written, "
          f"{found_claims} claims and {found_links} links found, {len(errors)} errors, "
          f"{elapsed:.1f} s")
    assert errors == []
    assert "database is locked" not in stderr
    assert written == WRITERS * CLAIMS_EACH
    assert found_claims == found_links == WRITERS * CLAIMS_EACH
    assert root_challenges == WRITERS  # each writer's first claim denies the root
    assert per_writer == {f"writer-{w}": CLAIMS_EACH for w in range(WRITERS)}
    # 3 shared speakers, created once each although eight writers raced to create them.
    assert history == {"claim": WRITERS * CLAIMS_EACH + 1, "link": WRITERS * CLAIMS_EACH,
                       "actor": 3}


IMPORTED_EACH = 300


def test_concurrent_imports_sharing_new_speakers_and_sources_all_land(
    database_url: str, tmp_path: Path
) -> None:
    """Eight `claimtrack import` processes whose files create the same new speakers and
    source pages at once: every one succeeds, every claim lands, each speaker and page once."""
    _root_claim(database_url)  # the schema exists before the writers start
    files = []
    for writer in range(WRITERS):
        ids = [f"c-{writer:02d}{n:010d}" for n in range(IMPORTED_EACH)]
        document = {
            "format": "claimtrack", "version": 1,
            "claims": [{"id": claim_id, "text": f"import {writer} claim {n}",
                        "speaker": f"Shared speaker {n % 7}",
                        "appearances": [{"source": f"https://shared.example.org/page/{n % 11}/"}]}
                       for n, claim_id in enumerate(ids)],
            "links": [{"from": later, "relation": "contradicts", "to": earlier}
                      for earlier, later in itertools.pairwise(ids)],
        }
        files.append(tmp_path / f"writer{writer}.json")
        files[-1].write_text(json.dumps(document), encoding="utf-8")
    environment = {**os.environ, "CLAIMTRACK_DATABASE_URL": database_url}
    processes = [
        subprocess.Popen([sys.executable, "-m", "claimtrack", "--user", f"importer-{n}", "import",
                          str(path)], env=environment, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for n, path in enumerate(files)
    ]
    outcomes = [(process.wait(timeout=600), process.stderr.read()) for process in processes]  # type: ignore[union-attr]
    print(f"\n{database_url.split(':')[0]}: {WRITERS} imports x {IMPORTED_EACH} claims, exit "
          f"codes {[code for code, _ in outcomes]}")
    assert [code for code, _ in outcomes] == [0] * WRITERS, outcomes
    assert not any("locked" in stderr or "Traceback" in stderr for _, stderr in outcomes)
    cli = Cli(database_url)
    listed = json.loads(cli.ok("claim", "list", "--limit", "0", "-f", "json").stdout)
    assert len(listed) == WRITERS * IMPORTED_EACH + 1
    actors = json.loads(cli.ok("actor", "list", "-f", "json").stdout)
    assert sorted(a["name"] for a in actors) == [f"Shared speaker {n}" for n in range(7)]
    sources = json.loads(cli.ok("source", "list", "-f", "json").stdout)
    assert len(sources) == 11 and sum(s["claims"] for s in sources) == WRITERS * IMPORTED_EACH
    users = {row["user"] for row in json.loads(
        cli.ok("history", "--entity", "link", "--limit", "0", "-f", "json").stdout)}
    assert users == {f"importer-{n}" for n in range(WRITERS)}


def test_second_of_two_concurrent_edits_is_refused_not_lost(cli: Cli) -> None:
    claim_id = cli.add("Original text", "--summary", "original")
    with SPAWN.Manager() as manager:
        events = {name: manager.Event() for name in ("first_wrote", "second_read",
                                                      "first_committed")}
        with ProcessPoolExecutor(2, mp_context=SPAWN) as pool:
            futures = [pool.submit(helpers.edit_in_step, cli.url, claim_id, role, events)
                       for role in ("first", "second")]
            first, second = (future.result(timeout=120) for future in futures)
    shown = json.loads(cli.ok("claim", "show", claim_id, "-f", "json").stdout)
    changes = json.loads(cli.ok("history", claim_id, "-f", "json").stdout)
    assert first["exit_code"] == 0, first
    if cli.url.startswith("sqlite"):
        # SQLite lets one writer in at a time: the second edit starts from the first's result.
        assert second["exit_code"] == 0, second
        assert (shown["text"], shown["summary"]) == ("second text", "second summary")
        assert changes[0]["before"]["text"] == "first text"
        assert [c["user"] for c in changes[:2]] == ["second", "first"]
    else:
        assert second["exit_code"] == 1, second
        lines = second["stderr"].strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: Someone else changed"), lines
        assert (shown["text"], shown["summary"]) == ("first text", "first summary")
        assert [c["user"] for c in changes if c["action"] == "update"] == ["first"]


def test_begin_retries_past_the_busy_timeout(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    engine = make_engine(url, busy_timeout_ms=50, lock_retry_seconds=30)
    ensure_current(engine)
    blocker = sqlite3.connect(tmp_path / "busy.db", isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")  # another process's long write, held for 1.5 s
    threading.Timer(1.5, blocker.execute, ["COMMIT"]).start()
    started = time.monotonic()
    with session_scope(engine) as session:
        claims.add_claim(session, text="Written once the lock was free")
    assert time.monotonic() - started >= 1.4  # it waited, through many 50 ms busy timeouts
    with session_scope(engine, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Claim)) == 1
    blocker.close()
    engine.dispose()


def test_a_lock_held_too_long_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    engine = make_engine(f"sqlite:///{path}", busy_timeout_ms=20, lock_retry_seconds=0.3)
    ensure_current(engine)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    with pytest.raises(DatabaseBusy) as raised, session_scope(engine) as session:
        claims.add_claim(session, text="Never written")
    assert "locked" not in str(raised.value)
    assert "Run the command again" in str(raised.value)
    blocker.execute("ROLLBACK")
    blocker.close()
    engine.dispose()
