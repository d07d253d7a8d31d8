"""Reports people share: how much the HTML page and the graphs cost on top of the query.

Data: PERSPECTRUM claims and their supporting/undermining perspectives (CC BY-SA 4.0, read from
/work/shared/data/perspectrum when present; otherwise generated text, and this says so).
Every figure is a ratio against a baseline measured in the same run:
- rendering: against the floor for the same text (html.escape of every field, joined);
- the whole report: HTML rendering against the query that assembles the disputes;
- memory: peak allocation while rendering, against the size of the page produced.
"""

from __future__ import annotations

import html
import json
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

PERSPECTRUM = Path("/work/shared/data/perspectrum/perspectrum_with_answers_v1.0.json")
POOL = PERSPECTRUM.with_name("perspective_pool_v1.0.json")
STANCE = {"SUPPORT": "supports", "UNDERMINE": "contradicts"}


def seed_document(claim_count: int) -> dict[str, Any]:
    """A claimtrack native document: claims and their perspectives, linked by stance."""
    if PERSPECTRUM.exists():
        claims = json.loads(PERSPECTRUM.read_text(encoding="utf-8"))[:claim_count]
        pool = {p["pId"]: p["text"] for p in json.loads(POOL.read_text(encoding="utf-8"))}
        print(f"data: PERSPECTRUM, {len(claims)} claims ({PERSPECTRUM.parent})")
    else:
        print(f"data: {PERSPECTRUM} is absent; generated text instead")
        claims = [{"cId": n, "text": f"Generated claim {n} <with> \"markup\" & more " * 3,
                   "source": "generated",
                   "perspectives": [{"pids": [n * 100 + k], "stance_label_3":
                                     "UNDERMINE" if k % 2 else "SUPPORT"} for k in range(12)]}
                  for n in range(claim_count)]
        pool = {n * 100 + k: f"Perspective {k} on claim {n}: it is not so." * 2
                for n in range(claim_count) for k in range(12)}
    records: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for claim in claims:
        center = f"c-{claim['cId']:012d}"
        records.append({"id": center, "text": claim["text"], "speaker": claim["source"]})
        for cluster in claim["perspectives"]:
            for pid in cluster["pids"]:
                answer = f"c-{claim['cId']:06d}{pid:06d}"
                records.append({"id": answer, "text": pool[pid], "speaker": f"debater {pid % 40}"})
                links.append({"from": answer, "relation": STANCE[cluster["stance_label_3"]],
                              "to": center})
    return {"format": "claimtrack", "version": 1, "claims": records, "links": links}


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The best of ``repeat`` runs (noise only ever adds time), and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def escaped_floor(disputes: list[Any]) -> str:
    """The least work an HTML page of these disputes needs: every field escaped and joined."""
    parts = []
    for dispute in disputes:
        for claim in [dispute.claim, *(r.claim for r in dispute.responses)]:
            parts.append(f"<p>{html.escape(claim.speaker or '')}: {html.escape(claim.text)}</p>")
    return "\n".join(parts)


def main(quick: bool) -> None:
    from claimtrack.core.enums import DocumentFormat, GraphFormat
    from claimtrack.interchange import native as exchange
    from claimtrack.render.disputes import CONTESTED, ContestedReport
    from claimtrack.render.graph import dispute_graph, render_graph
    from claimtrack.services import disputes
    from claimtrack.store.db import make_engine, session_scope
    from claimtrack.store.migrate import ensure_current

    repeat = 2 if quick else 5
    document = seed_document(60 if quick else 900)
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/bench.db")
        ensure_current(engine)
        with session_scope(engine) as session:
            exchange.import_document(session, document)

        def query() -> list[Any]:
            with session_scope(engine, write=False) as session:
                return disputes.contested(session)

        query_time, found = timed(query, repeat)
        engine.dispose()
    responses = sum(len(d.responses) for d in found)
    print(f"{len(found)} disputes, {responses} responses")
    floor_time, floor = timed(lambda: escaped_floor(found), repeat)
    print(f"baseline: query {query_time * 1000:.0f} ms; escaped floor {floor_time * 1000:.1f} ms "
          f"({len(floor) / 1e6:.1f} MB)")
    filters = {"tag": None}
    jobs: dict[str, Callable[[], str]] = {
        "html": lambda: CONTESTED[DocumentFormat.HTML](ContestedReport(found, filters)),
        "markdown": lambda: CONTESTED[DocumentFormat.MARKDOWN](ContestedReport(found, filters)),
        **{f"graph {fmt}": (lambda fmt=fmt: render_graph(dispute_graph(found), fmt))
           for fmt in GraphFormat},
    }
    print(f"{'output':14} {'x floor':>8} {'x query':>8} {'MB out':>7} {'peak/out':>9}")
    for name, job in jobs.items():
        seconds, text = timed(job, repeat)
        tracemalloc.start()
        job()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        size = len(text.encode("utf-8"))
        print(f"{name:14} {seconds / floor_time:8.1f} {seconds / query_time:8.2f} "
              f"{size / 1e6:7.2f} {peak / size:9.1f}")
