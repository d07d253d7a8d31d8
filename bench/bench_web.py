"""claimtrack serve at scale: pages against the library calls they wrap, and writers at once.

1. Server time (the app's own Server-Timing: cookie, form, who is asking, the transaction,
   the template) of the contested list and of the most challenged claim's dispute page, served
   by a real ``claimtrack serve`` process, against the library call each wraps
   (``disputes.contested_page`` and ``disputes.dispute_record``) timed in this process, on
   N claims and 2N links built as bench_report builds them. Targets: within 1.5x and under
   50 ms. (An in-process test client would charge the server for the client's own work: both
   share one interpreter and its caches.)
2. 8 clients add claims through the real server (``claimtrack serve`` in a subprocess) for
   30 s: every write answered 303 must be in the database, and no answer is a 5xx.
Size: CLAIMTRACK_BENCH_CLAIMS (default 1,000,000; --quick: 20,000 and 3 s of writing).
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.bench_report import build
from bench.common import claimtrack_command, median_time, scratch_sqlite

CLIENTS = 8
ROUNDS = 3
LIMIT = 25


def main(quick: bool) -> None:
    claims = 20_000 if quick else int(os.environ.get("CLAIMTRACK_BENCH_CLAIMS", 1_000_000))
    with scratch_sqlite("web") as path:
        pages(path, claims)
    with scratch_sqlite("web-writes") as path:
        writers(path, seconds=3 if quick else 30)


def interleaved(call: object, client: object, path: str, repeat: int) -> tuple[float, float]:
    """Median times of the library call and of the page's server time, taken in turns so
    that the machine's load weighs on both alike."""
    library, served = [], []
    for _ in range(repeat):
        library.append(median_time(call, repeat=1))  # type: ignore[arg-type]
        served.append(server_ms(client, path, repeat=1))
    return statistics.median(library), statistics.median(served)


def server_ms(client: object, path: str, repeat: int) -> float:
    """Median server time of ``path`` in seconds, read from the Server-Timing header."""
    samples = []
    for _ in range(repeat + 1):
        response = client.get(path)  # type: ignore[attr-defined]
        assert response.status_code == 200, (path, response.status_code)
        samples.append(float(response.headers["server-timing"].split("dur=")[1]) / 1000)
    return statistics.median(samples[1:])


def pages(path: Path, claims: int) -> None:
    started = time.perf_counter()
    links = build(str(path), claims)
    print(f"built {claims:,} claims and {links:,} links in {time.perf_counter() - started:.1f} s")

    from claimtrack.services import claims as claim_service
    from claimtrack.services import disputes
    from claimtrack.store.db import make_engine, session_scope
    from claimtrack.web.disputes import HISTORY_SHOWN

    engine = make_engine(f"sqlite:///{path}")

    def contested() -> disputes.ContestedPage:
        with session_scope(engine, write=False) as session:
            return disputes.contested_page(session, limit=LIMIT)

    top = contested().disputes[0].claim.id

    def dispute() -> object:
        with session_scope(engine, write=False) as session:
            return disputes.dispute_of(session, claim_service.get_claim(session, top))

    def dispute_record() -> object:
        """What the page reads: the dispute, its pages' records and the edit history."""
        with session_scope(engine, write=False) as session:
            claim = claim_service.get_claim(session, top)
            return disputes.dispute_record(session, claim, history=HISTORY_SHOWN)

    import httpx2

    with serving(path) as base, httpx2.Client(base_url=base, timeout=60) as client:
        for label, call, page, target in [
            ("contested list", contested, "/", True),
            ("dispute page", dispute_record, f"/claims/{top}", True),
            ("for reference, the dispute page vs dispute_of alone", dispute, f"/claims/{top}",
             False),
        ]:
            rounds = [interleaved(call, client, page, repeat=50) for _ in range(ROUNDS)]
            library = statistics.median(r[0] for r in rounds)
            served = statistics.median(r[1] for r in rounds)
            ratios = sorted(r[1] / r[0] for r in rounds)
            line = (f"{label}: server {served * 1000:.2f} ms vs library {library * 1000:.2f} ms "
                    f"= {served / library:.2f}x (rounds {ratios[0]:.2f}-{ratios[-1]:.2f}x)")
            if target:
                verdict = "ok" if served <= 1.5 * library and served < 0.050 else "OVER TARGET"
                line += f" (target <= 1.5x and < 50 ms): {verdict}"
            print(line)
    engine.dispose()


def writers(path: Path, seconds: float) -> None:
    import httpx2

    statuses: Counter[int] = Counter()
    written: list[str] = []
    lock = threading.Lock()
    with serving(path) as base:
        deadline = time.monotonic() + seconds

        def client(number: int) -> None:
            with httpx2.Client(base_url=base, follow_redirects=False, timeout=60) as http:
                page = http.get("/claims/new").text
                token = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
                count = 0
                while time.monotonic() < deadline:
                    text = f"Bench claim {number}-{count}"
                    answer = http.post("/claims/new", data={"csrf": token, "text": text})
                    with lock:
                        statuses[answer.status_code] += 1
                        if answer.status_code == 303:
                            written.append(text)
                    count += 1

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    stored = _stored_texts(path)
    missing = [text for text in written if text not in stored]
    errors = sum(n for status, n in statuses.items() if status >= 500)
    print(f"{CLIENTS} clients writing for {elapsed:.0f} s: {sum(statuses.values())} requests, "
          f"{len(written)} claims added ({len(written) / elapsed:.0f}/s), statuses "
          f"{dict(sorted(statuses.items()))}; missing from the database: {len(missing)}; "
          f"5xx: {errors}: {'ok' if not missing and not errors else 'FAILED'}")
    if missing or errors:
        raise SystemExit("writes were lost or refused by the web app")


@contextmanager
def serving(path: Path) -> Iterator[str]:
    """``claimtrack serve`` on the database at ``path``, as the local user: its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*claimtrack_command(), "--db", str(path), "--user", "bench", "serve", "--port",
         str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(base: str) -> None:
    import httpx2

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx2.get(base + "/", timeout=2).status_code == 200:
                return
        except httpx2.HTTPError:
            time.sleep(0.2)
    raise SystemExit("claimtrack serve did not start")


def _stored_texts(path: Path) -> set[str]:
    from claimtrack.services import claims
    from claimtrack.store.db import make_engine, session_scope

    engine = make_engine(f"sqlite:///{path}")
    with session_scope(engine, write=False) as session:
        found = {view.text for view in claims.list_claims(session)}
    engine.dispose()
    return found
