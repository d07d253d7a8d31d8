"""On SQLite the history entries of created records are written by the database itself
(``store.history.created``): their text must be exactly what the Python snapshots give
(``snapshots.capture`` + ``serial.compact_json``), fields in order and parts sorted alike,
whatever the text holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

import claimtrack
from claimtrack.core.serial import compact_json
from claimtrack.store.db import session_scope
from claimtrack.store.history import created
from claimtrack.store.history.snapshots import ENTITIES, capture
from tests.helpers import FIXTURES

# Text a desk meets: quotes, backslashes, control characters, accents, RTL, emoji, lookalikes.
WORDS = st.text(
    alphabet=st.sampled_from(list('aAzZ09 "\\\n\t\x01\x1f\x7f/é—’«»\u2028\u202eשלום😀')),
    min_size=1, max_size=12,
).filter(lambda value: value.strip())
TIMES = st.sampled_from(["2024-01-30T10:00:00Z", "2024-01-30T10:00:00.000001Z",
                         "2024-01-30T12:00:00+02:00", "2023-12-31T23:59:59.5Z"])


def _sqlite(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the database writes created records' history itself on SQLite only")


def _compare(engine: Engine) -> int:
    """Check every create entry of the latest batch against the Python snapshot; return how
    many were checked."""
    with session_scope(engine, write=False) as session:
        connection = session.connection()
        entries = connection.execute(text(
            "SELECT entity, entity_key, claim_ref, other_claim_ref, after FROM history "
            "WHERE action = 'create' AND batch = (SELECT batch FROM history "
            "ORDER BY id DESC LIMIT 1)")).all()
        for name, entity in ENTITIES.items():
            ids = list(connection.execute(text(f"SELECT id FROM {entity.table.name}")).scalars())
            found = {f.key: f for f in capture(connection, entity, ids).values()}
            for entry in (e for e in entries if e.entity == name):
                python = found[entry.entity_key]
                assert entry.after == compact_json(python.snapshot), (name, entry.entity_key)
                assert (entry.claim_ref, entry.other_claim_ref) == (
                    python.claim_ref, python.other_claim_ref)
    return len(entries)


def test_every_kind_of_record_is_written_by_the_database() -> None:
    assert all(created.writes(entity) for entity in ENTITIES.values())


def test_seed_history_is_the_python_snapshots_to_the_character(engine: Engine) -> None:
    _sqlite(engine)
    with session_scope(engine) as session:
        claimtrack.import_files(session, [FIXTURES / "seed.json"])
    assert _compare(engine) == 30


def test_a_long_url_is_cut_in_the_key_as_in_python(engine: Engine, tmp_path: Path) -> None:
    _sqlite(engine)
    url = "https://news.example.com/" + "é" * 1200
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"type": "source", "url": url}) + "\n", encoding="utf-8")
    with session_scope(engine) as session:
        claimtrack.import_files(session, [path])
    assert _compare(engine) == 1
    with session_scope(engine, write=False) as session:
        key = session.execute(text("SELECT entity_key FROM history")).scalar_one()
    assert len(key) == 1000 and key.endswith("…")


@st.composite
def _documents(draw: Any) -> list[dict[str, Any]]:
    speakers = draw(st.lists(WORDS, min_size=1, max_size=3, unique_by=str.casefold))
    pages = [f"https://news.example.com/{n}" for n in range(draw(st.integers(1, 4)))]
    lines: list[dict[str, Any]] = [
        {"type": "actor", "name": name, "aliases": draw(st.lists(WORDS, max_size=3)),
         "description": draw(st.none() | WORDS)} for name in speakers]
    lines += [{"type": "source", "url": url, "title": draw(st.none() | WORDS),
               "created_at": draw(TIMES)} for url in pages]
    for n in range(draw(st.integers(1, 4))):
        claim_id = f"c-{n:012d}"
        lines.append({
            "type": "claim", "id": claim_id, "text": draw(WORDS) + f" {n}",
            "speaker": draw(st.sampled_from(speakers)), "created_at": draw(TIMES),
            "tags": draw(st.lists(WORDS, max_size=4)),
            "appearances": [{"source": url, "quote": draw(st.none() | WORDS),
                             "seen": draw(st.none() | st.just("2024-02-01"))}
                            for url in draw(st.lists(st.sampled_from(pages), unique=True))],
        })
        if draw(st.booleans()):
            lines.append({"type": "verdict", "id": f"v-{n:012d}", "claim": claim_id,
                          "rating": draw(WORDS), "normalized": "false",
                          "by": draw(st.sampled_from(speakers)),
                          "explanation": draw(st.none() | WORDS)})
        if n:
            lines.append({"type": "link", "from": claim_id, "relation": "denies",
                          "to": "c-000000000000", "note": draw(st.none() | WORDS)})
    return lines


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=_documents())
def test_hostile_text_is_written_as_python_writes_it(
    engine: Engine, tmp_path: Path, lines: list[dict[str, Any]]
) -> None:
    _sqlite(engine)
    with session_scope(engine) as session:  # a clean slate for each example
        for table in ("history", "links", "verdicts", "claim_tags", "appearances", "claims",
                      "actor_aliases", "actors", "sources"):
            session.execute(text(f"DELETE FROM {table}"))
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with session_scope(engine) as session:
        claimtrack.import_files(session, [path])
    assert _compare(engine) > 0
