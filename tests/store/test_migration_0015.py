"""Migration 0015 on both backends: suggestions recorded before it get the score dedupe wrote
in their note, the others none (the queue lists those last); the downgrade drops the column
and keeps every link and the readable views."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import text

from claimtrack.store.db import make_engine
from claimtrack.store.migrate import HEAD_REVISION, downgrade, drift, upgrade
from tests.helpers import Cli, query

NOTES = {
    "suggested": "Suggested by `claimtrack dedupe` (score 0.87).",
    "better": "Suggested by `claimtrack dedupe` (score 0.93).",
    "edited": "Same wire copy, says the desk",
    "confirmed": "Suggested by `claimtrack dedupe` (score 0.91).",
}


def test_old_suggestions_get_their_note_score(empty_database_url: str) -> None:
    url = empty_database_url
    cli = Cli(url)
    ids = [cli.add(f"Claim number {n} about the harbour bridge") for n in range(8)]
    engine = make_engine(url, for_migration=True)
    try:
        downgrade(engine, "0014")
        # Recorded after the claims (a suggestion whose claim was edited since is scored again).
        later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(seconds=1)
        with engine.begin() as connection:
            for number, (kind, note) in enumerate(NOTES.items()):
                connection.execute(text(
                    "INSERT INTO links (from_claim_id, relation, to_claim_id, status, note, "
                    "created_at) SELECT f.id, 'same_as', t.id, :status, :note, :now "
                    "FROM claims f, claims t WHERE f.public_id = :f AND t.public_id = :t"),
                    {"status": "confirmed" if kind == "confirmed" else "suggested",
                     "note": note, "now": later,
                     "f": ids[2 * number + 1], "t": ids[2 * number]})
        upgrade(engine)
        assert drift(engine) == []
    finally:
        engine.dispose()
    assert query(url, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert query(url, "SELECT note, score FROM links ORDER BY id") == [
        (NOTES["suggested"], 0.87), (NOTES["better"], 0.93), (NOTES["edited"], None),
        (NOTES["confirmed"], None)]
    # The queue: the stored scores first, best first; the one without a score after them.
    first = json.loads(cli.ok("review", "-f", "json", "--limit", "2").stdout)
    assert [(s["claim"]["id"], s["same_as"]["id"], s["score"]) for s in first] == [
        (ids[3], ids[2], 0.93), (ids[1], ids[0], 0.87)]
    queue = json.loads(cli.ok("review", "-f", "json").stdout)
    assert {(s["claim"]["id"], s["same_as"]["id"]) for s in queue} == {
        (ids[3], ids[2]), (ids[1], ids[0]), (ids[5], ids[4])}

    engine = make_engine(url, for_migration=True)
    try:
        downgrade(engine, "0014")
        assert query(url, "SELECT count(*) FROM links") == [(4,)]
        assert query(url, "SELECT count(*) FROM link_list") == [(4,)]  # the views are back
        upgrade(engine)
    finally:
        engine.dispose()
    assert query(url, "SELECT score FROM links ORDER BY id") == [(0.87,), (0.93,), (None,),
                                                                 (None,)]
    cli.ok("db", "check")
