"""Synthetic claims with links for bench_import, as native records and as table rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from claimtrack.core.identity import claim_fingerprint

SPEAKERS = 1000
RELATIONS = ("denies", "contradicts", "supports", "responds_to", "evades")
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def claim_id(number: int) -> str:
    digits = []
    for _ in range(12):
        number, rest = divmod(number, 32)
        digits.append(ALPHABET[rest])
    return "c-" + "".join(reversed(digits))


def _claim(i: int) -> dict[str, Any]:
    day = dt.date(2020, 1, 1) + dt.timedelta(days=i % 1500)
    return {
        "id": claim_id(i),
        "text": f"Claim number {i}: the figure rose by {i % 97} percent.",
        "speaker": f"Speaker {i % SPEAKERS}",
        "date": day.isoformat(),
        "language": "en",
        "tags": [f"topic-{i % 50}"],
    }


def _link(i: int) -> dict[str, Any]:
    return {"from": claim_id(i), "relation": RELATIONS[i % len(RELATIONS)], "to": claim_id(i // 2)}


def synthetic_records(n: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """Actors, then n claims, then n-1 links (claim i answers claim i//2)."""
    for s in range(SPEAKERS):
        yield "actor", {"name": f"Speaker {s}", "kind": "person"}
    for i in range(n):
        yield "claim", _claim(i)
    for i in range(1, n):
        yield "link", _link(i)


def rows_for(n: int) -> list[tuple[str, list[str], list[tuple[Any, ...]]]]:
    """The rows an import of ``synthetic_records(n)`` writes, ready for executemany/COPY."""
    now = NOW.replace(tzinfo=None).isoformat(sep=" ")
    actors = [(s + 1, f"Speaker {s}", f"speaker {s}", "person", now) for s in range(SPEAKERS)]
    challenged = [0] * n
    for i in range(1, n):
        if RELATIONS[i % len(RELATIONS)] in ("denies", "contradicts", "evades"):
            challenged[i // 2] += 1
    claims, tags = [], []
    for i in range(n):
        c = _claim(i)
        speaker = i % SPEAKERS + 1
        day = dt.date.fromisoformat(c["date"])
        claims.append(
            (
                i + 1,
                c["id"],
                c["text"],
                speaker,
                c["date"],
                "en",
                challenged[i],
                False,
                claim_fingerprint(c["text"], speaker, day),
                now,
                now,
            )
        )
        tags.append((i + 1, c["tags"][0]))
    links = [(i, i + 1, RELATIONS[i % len(RELATIONS)], i // 2 + 1, now) for i in range(1, n)]
    return [
        ("actors", ["id", "name", "name_key", "kind", "created_at"], actors),
        (
            "claims",
            [
                "id",
                "public_id",
                "text",
                "speaker_id",
                "said_on",
                "language",
                "challenge_count",
                "verdicts_disagree",
                "fingerprint",
                "created_at",
                "updated_at",
            ],
            claims,
        ),
        ("claim_tags", ["claim_id", "tag"], tags),
        ("links", ["id", "from_claim_id", "relation", "to_claim_id", "created_at"], links),
    ]
