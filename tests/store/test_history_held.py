"""The history of bulk-created records is built from the rows the writer held, not read back:
it must be exactly what reading them back gives."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, select

import claimtrack
from claimtrack.models import HistoryEntry
from claimtrack.store.db import session_scope
from claimtrack.store.history.snapshots import ENTITIES, capture
from tests.helpers import CLAIMREVIEW, FIXTURES


def test_snapshots_of_imported_records_are_what_the_database_holds(
    engine: Engine, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "claim,speaker,date,tags,source_url,quote,verdict,reviewer,review_url\n"
        "Taxes rose,Jane Roe,2024-01-30,economy;tax,https://news.example.com/a,she said,"
        "False,Desk,https://desk.example.org/1\n"
        "Taxes rose,Jane Roe,2024-01-30,,https://news.example.com/b,,,,\n", encoding="utf-8")
    with session_scope(engine) as session:
        claimtrack.import_files(session, [FIXTURES / "seed.json", sheet,
                                          CLAIMREVIEW / "page.html", CLAIMREVIEW / "graph.jsonld"])
    with session_scope(engine, write=False) as session:
        entries = session.scalars(select(HistoryEntry).order_by(HistoryEntry.id)).all()
        latest = {(e.entity, e.entity_key): e.after for e in entries}
        connection = session.connection()
        checked = 0
        for name, entity in ENTITIES.items():
            ids = list(connection.execute(select(entity.table.c.id)).scalars())
            for found in capture(connection, entity, ids).values():
                assert json.dumps(latest[(name, found.key)], sort_keys=True) == json.dumps(
                    found.snapshot, sort_keys=True), (name, found.key)
                checked += 1
    assert checked > 40
