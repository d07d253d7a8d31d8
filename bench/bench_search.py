"""Search and match latency on a large SQLite database, against the raw FTS5 query.

Builds N claims (1,000,000; --quick: 20,000) with raw inserts (the triggers index them), then
times 20 searches and 20 matches through the library (``services.search``, one read session,
as the CLI uses it) next to raw FTS5 statements run with the sqlite3 module in the same run:

    search: SELECT rowid FROM claim_search WHERE claim_search MATCH ? ORDER BY rank LIMIT 20
            (bare), and the one statement the library runs (snippets, claim text and speaker)
    match:  SELECT rowid, text, -rank FROM claim_search WHERE claim_search MATCH ?
            ORDER BY rank LIMIT 50   (what the library runs before the rapidfuzz re-scoring)

Target: median ≤ 2× raw. Claim texts are random sentences over the word
frequencies of the PERSPECTRUM perspectives when /work/shared/data is present (CC BY-SA 4.0,
only word counts are used), else over a synthetic Zipf vocabulary.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

POOL = Path(__file__).resolve().parents[2] / "shared/data/perspectrum/perspective_pool_v1.0.json"
POOL_FALLBACK = Path("/work/shared/data/perspectrum/perspective_pool_v1.0.json")
RUNS = 20
BARE_SEARCH = ("SELECT rowid FROM claim_search WHERE claim_search MATCH :expression "
               "ORDER BY rank LIMIT 20")
BARE_MATCH = ("SELECT rowid, text, -rank FROM claim_search WHERE claim_search MATCH :expression "
              "ORDER BY rank LIMIT 50")


def vocabulary() -> tuple[list[str], list[int], str]:
    """Words and their frequencies."""
    for path in (POOL, POOL_FALLBACK):
        if path.is_file():
            from claimtrack.core.search_syntax import _WORD

            counts = Counter(
                word.lower()
                for item in json.loads(path.read_text(encoding="utf-8"))
                for word in _WORD.findall(item["text"])
            )
            words, weights = zip(*counts.most_common(), strict=True)
            return list(words), list(weights), f"PERSPECTRUM word frequencies ({path})"
    rng = random.Random(7)
    words = ["".join(rng.choice("abcdefghijklmnoprstuvwy") for _ in range(rng.randint(3, 10)))
             for _ in range(30_000)]
    return words, [max(1, 100_000 // rank) for rank in range(1, 30_001)], (
        "a synthetic Zipf vocabulary (/work/shared/data is absent)")


def build(path: Path, count: int, rng: random.Random) -> list[str]:
    """A migrated database with ``count`` random claims; returns some of their texts."""
    from claimtrack.store.db import make_engine
    from claimtrack.store.migrate import ensure_current

    engine = make_engine(f"sqlite:///{path}")
    ensure_current(engine)
    engine.dispose()
    words, weights, origin = vocabulary()
    print(f"claim texts: random sentences over {origin}")
    samples: list[str] = []
    connection = sqlite3.connect(path)
    started = time.perf_counter()
    with connection:
        for start in range(0, count, 10_000):
            rows = []
            for number in range(start, min(start + 10_000, count)):
                text = " ".join(rng.choices(words, weights, k=rng.randint(8, 24))).capitalize()
                if len(samples) < 2000 and rng.random() < 0.01:
                    samples.append(text)
                rows.append((f"c-{number:012d}", text, "2026-01-01 00:00:00"))
            connection.executemany(
                "INSERT INTO claims (public_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)",
                [(pid, text, stamp, stamp) for pid, text, stamp in rows],
            )
    connection.close()
    print(f"built {count:,} claims in {time.perf_counter() - started:.0f} s")
    return samples


def best_of_3_ms(function: Callable[[], object]) -> float:
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return min(timings)


def main(quick: bool = False) -> None:
    from claimtrack.core import search_syntax
    from claimtrack.services import search
    from claimtrack.store import fulltext
    from claimtrack.store.db import make_engine, session_scope

    count = 20_000 if quick else 1_000_000
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        samples = build(path, count, rng)
        queries = [" ".join(rng.sample(words, 2)) for words in
                   (search_syntax.content_words(text) for text in samples) if len(words) >= 2]
        queries = rng.sample(queries, RUNS)
        texts = [_reword(text, rng) for text in rng.sample(samples, RUNS)]
        raw = sqlite3.connect(path)
        engine = make_engine(f"sqlite:///{path}")
        rows = []
        with session_scope(engine, write=False) as session:
            for label, items, library, statements, expression in (
                ("search", queries, lambda q: search.search(session, q),
                 [BARE_SEARCH, fulltext._SQLITE_HITS],
                 lambda q: search_syntax.parse(q).to_fts5()),
                ("match", texts, lambda t: search.match(session, t), [BARE_MATCH],
                 lambda t: search_syntax.any_word_fts5(search_syntax.content_words(t))),
            ):
                library_ms: list[float] = []
                raw_ms: list[list[float]] = [[] for _ in statements]
                for item in items:  # interleaved, each the best of 3: the machine is noisy
                    fts = {"expression": expression(item), "limit": 20}
                    for timings, sql in zip(raw_ms, statements, strict=True):
                        timings.append(best_of_3_ms(
                            lambda sql=sql, fts=fts: raw.execute(sql, fts).fetchall()))
                    library_ms.append(best_of_3_ms(lambda item=item, call=library: call(item)))
                rows.append((label, statistics.median(library_ms),
                             [statistics.median(timings) for timings in raw_ms]))
        raw.close()
        engine.dispose()
    print(f"\n{count:,} claims, median of {RUNS} queries (each the best of 3 runs), in ms:")
    print(f"{'':8}{'library':>9}{'raw (bare)':>12}{'ratio':>7}{'raw (same SQL)':>16}{'ratio':>7}")
    for label, lib, (bare, *same) in rows:
        line = f"{label:8}{lib:9.2f}{bare:12.2f}{lib / bare:7.2f}"
        if same:
            line += f"{same[0]:16.2f}{lib / same[0]:7.2f}"
        print(line)
    print("target: library ≤ 2× raw. bare search = ranked rowids only; same SQL = the statement "
          "the library runs (snippets, claim text and speaker joined)")


def _reword(text: str, rng: random.Random) -> str:
    """A sample text with two words dropped and one swapped, as a re-posted claim would be."""
    words = text.split()
    for _ in range(2):
        words.pop(rng.randrange(len(words)))
    first, second = rng.sample(range(len(words)), 2)
    words[first], words[second] = words[second], words[first]
    return " ".join(words)
