"""Trust features: what the edit history, backups, checks and lock retries cost.

Every figure is a ratio against a baseline measured in the same run on the same data:

- history: the same import (and the same one-claim transactions) with the history switched
  off (bench.history_off);
- backup: a plain file copy of the checkpointed database;
- db check: one ``SELECT count(*)`` per table;
- several writers: the same number of one-claim transactions written by one process.

SQLite files in a temporary folder; no outside data is needed.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bench.history_off import history_off
from claimtrack.core.enums import Relation
from claimtrack.interchange import native as exchange
from claimtrack.models import Base
from claimtrack.services import claims, integrity, links
from claimtrack.store import backup
from claimtrack.store.db import make_engine, session_scope
from claimtrack.store.migrate import ensure_current


def timed(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def document(count: int) -> dict[str, Any]:
    ids = [f"c-{n:012d}" for n in range(count)]
    return {
        "format": "claimtrack", "version": 1,
        "claims": [{"id": claim_id, "text": f"Claim number {n} " * 8,
                    "speaker": f"Speaker {n % 50}", "tags": ["bench", f"t{n % 7}"],
                    "appearances": [{"source": f"https://example.com/{n % 100}", "quote": "q"}]}
                   for n, claim_id in enumerate(ids)],
        "links": [{"from": b, "relation": "denies", "to": a} for a, b in itertools.pairwise(ids)],
    }


def fresh(folder: Path, name: str) -> str:
    url = f"sqlite:///{folder / name}"
    engine = make_engine(url)
    ensure_current(engine)
    engine.dispose()
    return url


def import_into(url: str, doc: dict[str, Any]) -> None:
    engine = make_engine(url)
    with session_scope(engine) as session:
        exchange.import_document(session, doc)
    engine.dispose()


def one_claim_transactions(url: str, count: int, tag: str = "w") -> int:
    engine = make_engine(url)
    previous = None
    for number in range(count):
        with session_scope(engine) as session:
            claim = claims.add_claim(session, text=f"{tag} {number}", speaker="Bench speaker")
            if previous is not None:
                links.add_link(session, claim, Relation.DENIES,
                               claims.get_claim(session, previous))
            previous = claim.public_id
    engine.dispose()
    return count


def bench_history(folder: Path, count: int) -> str:
    doc = document(count)
    # Every database is created before its timer starts: migrations are no part of the cost.
    plain_url, plain_tx = fresh(folder, "plain.db"), fresh(folder, "plain-tx.db")
    tracked_url, tracked_tx = fresh(folder, "tracked.db"), fresh(folder, "tracked-tx.db")
    with history_off():
        plain_import = timed(lambda: import_into(plain_url, doc))
        plain_small = timed(lambda: one_claim_transactions(plain_tx, count // 10))
    tracked_import = timed(lambda: import_into(tracked_url, doc))
    tracked_small = timed(lambda: one_claim_transactions(tracked_tx, count // 10))
    engine = make_engine(tracked_url)
    with engine.connect() as connection:
        rows = connection.scalar(select(func.count()).select_from(Base.metadata.tables["history"]))
    engine.dispose()
    print(f"history: import of {count} claims + links: {tracked_import / plain_import:.2f}x "
          f"the time without history ({rows} history rows)")
    print(f"history: {count // 10} one-claim+link transactions: "
          f"{tracked_small / plain_small:.2f}x the time without history")
    return tracked_url


def bench_backup(folder: Path, url: str) -> None:
    engine = make_engine(url)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    source = Path(url.removeprefix("sqlite:///"))
    copy = timed(lambda: shutil.copyfile(source, folder / "raw-copy.db"))
    api = timed(lambda: backup.backup(engine, folder / "api.db"))
    restore_api = timed(lambda: backup.restore(make_engine(f"sqlite:///{folder / 'r2.db'}"),
                                               folder / "api.db"))
    print(f"backup: SQLite backup API {api / copy:.1f}x a plain file copy; restoring it "
          f"{restore_api / copy:.1f}x")
    exported: dict[str, Any] = {}

    def export() -> None:
        with session_scope(engine, write=False) as session:
            exported.update(exchange.export_document(session))

    native_export = timed(export)
    dump = timed(lambda: backup.backup(engine, folder / "dump.json", as_json=True))
    import_url = fresh(folder, "r0.db")
    native_import = timed(lambda: import_into(import_url, exported))
    size = (folder / "dump.json").stat().st_size
    target = make_engine(fresh(folder, "r1.db"))
    backup.restore(make_engine(fresh(folder, "r-warm.db")), folder / "dump.json")
    restore_json = timed(lambda: backup.restore(target, folder / "dump.json"))
    tracemalloc.start()  # a run of its own: tracing slows everything it measures
    backup.restore(make_engine(fresh(folder, "r3.db")), folder / "dump.json")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"backup JSON ({size / 1e6:.1f} MB, history included): dump {dump / native_export:.2f}x "
          f"`claimtrack export`; restore {restore_json / native_import:.2f}x `claimtrack "
          f"import` of that export; restore peak memory {peak / size:.2f}x the file size")
    with engine.connect() as connection:
        baseline = timed(lambda: [connection.scalar(select(func.count()).select_from(t))
                                  for t in Base.metadata.sorted_tables])
    with engine.connect() as connection:
        checks = timed(lambda: integrity.run_checks(connection))
    print(f"db check: {checks / baseline:.1f}x counting every table's rows")
    engine.dispose()


def bench_writers(folder: Path, each: int, writers: int = 8) -> None:
    one_url, url = fresh(folder, "one.db"), fresh(folder, "many.db")
    single = timed(lambda: one_claim_transactions(one_url, each * writers))
    with ProcessPoolExecutor(writers, mp_context=get_context("spawn")) as pool:
        started = time.perf_counter()
        written = sum(pool.map(one_claim_transactions, [url] * writers, [each] * writers,
                               [f"w{n}" for n in range(writers)]))
        many = time.perf_counter() - started
    print(f"several writers: {writers} processes x {each} transactions ({written} in all) took "
          f"{many / single:.2f}x the time one process takes for the same {each * writers} "
          "(includes process start-up)")


def main(quick: bool) -> None:
    count = 300 if quick else 3000
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        with history_off():  # warm-up, so neither side pays for first imports and caches
            import_into(fresh(folder, "warm-up.db"), document(50))
        tracked = bench_history(folder, count)
        bench_backup(folder, tracked)
        bench_writers(folder, 20 if quick else 150)
