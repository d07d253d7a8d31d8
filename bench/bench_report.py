"""Contested report at scale: claimtrack vs the naive hand-written SQL, in the same run.

Builds N claims and 2N links with raw sqlite3 inserts (then one set-based recount, as an
import would), and times:
- naive SQL: group the challenging links per claim, order by count (no maintained counters);
- claimtrack: `disputes.contested(limit=50)` — the query plus assembling 50 full disputes;
- the whole `claimtrack report contested --limit 50` command in a subprocess (start-up included).
It checks that claimtrack's top 50 (ids and counts) are identical to the naive SQL's.
Size: CLAIMTRACK_BENCH_CLAIMS (default 1,000,000; --quick: 20,000).
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from pathlib import Path

from bench.common import claimtrack_command, median_time, ratio_line, run_command, scratch_sqlite

RELATIONS = ["supports", "contradicts", "denies", "evades", "responds_to", "same_as"]
NAIVE_SQL = """
    SELECT to_claim_id, count(*) AS n FROM links
    WHERE relation IN ('contradicts', 'denies', 'evades')
    GROUP BY to_claim_id ORDER BY n DESC, to_claim_id DESC LIMIT 50
"""


def build(path: str, claims: int) -> int:
    rng = random.Random(7)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    now = "2026-01-01 00:00:00.000000"
    with connection:
        connection.executemany(
            "INSERT INTO claims (public_id, text, language, challenge_count, verdicts_disagree,"
            " created_at, updated_at) VALUES (?, ?, 'en', 0, 0, ?, ?)",
            ((f"c-{i:012d}", f"Synthetic claim number {i}", now, now) for i in range(claims)),
        )
        connection.executemany(
            "INSERT OR IGNORE INTO links (from_claim_id, relation, to_claim_id, created_at)"
            " VALUES (?, ?, ?, ?)",
            (
                (source, rng.choice(RELATIONS), target, now)
                for source, target in (
                    (rng.randint(1, claims), rng.randint(1, claims)) for _ in range(2 * claims)
                )
                if source != target
            ),
        )
        # What claimtrack.services.disputes.recount does, for every claim at once.
        connection.execute(
            "UPDATE claims SET challenge_count = (SELECT count(*) FROM links WHERE "
            "links.to_claim_id = claims.id AND relation IN ('contradicts','denies','evades'))"
        )
    links = connection.execute("SELECT count(*) FROM links").fetchone()[0]
    connection.execute("ANALYZE")
    connection.close()
    return int(links)


def main(quick: bool) -> None:
    claims = 20_000 if quick else int(os.environ.get("CLAIMTRACK_BENCH_CLAIMS", 1_000_000))
    with scratch_sqlite("report") as path:
        measure(path, claims, quick)


def measure(path: Path, claims: int, quick: bool) -> None:
    started = time.perf_counter()
    links = build(str(path), claims)
    print(f"built {claims:,} claims and {links:,} links in {time.perf_counter() - started:.1f} s")

    raw = sqlite3.connect(path)
    naive_rows = raw.execute(NAIVE_SQL).fetchall()
    naive = median_time(lambda: raw.execute(NAIVE_SQL).fetchall(), repeat=3 if not quick else 5)

    from claimtrack.services import disputes
    from claimtrack.store.db import make_engine, session_scope

    engine = make_engine(f"sqlite:///{path}")

    def report() -> list[tuple[str, int]]:
        with session_scope(engine, write=False) as session:
            return [(d.claim.id, d.claim.challenges) for d in disputes.contested(session, limit=50)]

    ours = median_time(report, repeat=10)
    ids = dict(
        raw.execute(
            "SELECT id, public_id FROM claims WHERE id IN "
            f"({','.join(str(r[0]) for r in naive_rows)})"
        ).fetchall()
    )
    expected = [(ids[claim_id], count) for claim_id, count in naive_rows]
    identical = report() == expected
    print(ratio_line("report contested --limit 50 (library)", ours, naive, "<= 0.1x"))
    print(f"top 50 identical to the naive SQL: {identical}")

    command = [*claimtrack_command(), "--db", str(path), "report", "contested", "--limit", "50"]
    whole = median_time(lambda: run_command(*command), repeat=3)
    print(ratio_line("whole command incl. interpreter start-up", whole, naive, "informational"))
    engine.dispose()
    raw.close()
    if not identical:
        raise SystemExit("claimtrack's contested order differs from the naive SQL")
