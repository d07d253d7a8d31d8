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
from tests.helpers import CLAIMREVIEW, FIXTURES, import_in_batches


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


def test_names_the_import_found_are_the_stored_ones(engine: Engine, tmp_path: Path) -> None:
    """A record written batches after what it points at names it from what the import found
    (no read): the stored URL, not the spelling in the file, a claim's own id, not the id of a
    claim merged into it; and it matches reading the record back."""
    def native(name: str, **sections: object) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps({"format": "claimtrack", "version": 1, **sections}))
        return path

    def claim(n: int, source: str) -> dict[str, object]:
        return {"id": f"c-00000000000{n}", "text": f"Claim number {n}", "speaker": "Ann",
                "appearances": [{"source": source, "quote": None}]}

    def verdict(n: int, claim_n: int, url: str) -> dict[str, object]:
        return {"id": f"v-00000000000{n}", "claim": f"c-00000000000{claim_n}",
                "rating": "False", "normalized": "false", "by": "Desk", "url": url}

    import_in_batches(engine, native("first.json", claims=[claim(1, "https://news.example.com/a")]),
                      "native", 1)
    later = native(
        "later.json",
        sources=[{"url": "https://desk.example.org/2"}],
        claims=[claim(2, "https://NEWS.example.com/a/"), claim(3, "https://news.example.com/b"),
                claim(4, "https://news.example.com/b?utm_source=x")],
        verdicts=[verdict(1, 1, "https://desk.example.org/2/"), verdict(2, 2, "https://news.example.com/a#top"),
                  verdict(3, 4, "https://Desk.example.org/2"), verdict(4, 3, "https://desk.example.org/3")],
        merges=[{"id": "c-000000000004", "into": "c-000000000003", "text": "Claim number 4"}],
    )
    import_in_batches(engine, later, "native", 1)
    with session_scope(engine, write=False) as session:
        entries = session.scalars(select(HistoryEntry).order_by(HistoryEntry.id)).all()
        connection = session.connection()
        read = {}
        for name in ("claim", "verdict"):
            entity = ENTITIES[name]
            ids = list(connection.execute(select(entity.table.c.id)).scalars())
            read.update({found.key: found.snapshot
                         for found in capture(connection, entity, ids).values()})
    created = {e.entity_key: e.after for e in entries if e.action == "create"}
    assert {key: created[key]["claim"] for key in read if key.startswith("v-")} == {
        "v-000000000001": "c-000000000001", "v-000000000002": "c-000000000002",
        "v-000000000003": "c-000000000004", "v-000000000004": "c-000000000003"}
    assert [[a["source"] for a in created[f"c-00000000000{n}"]["appearances"]]
            for n in (2, 3, 4)] == [["https://news.example.com/a"], ["https://news.example.com/b"],
                                    ["https://news.example.com/b"]]
    assert read["v-000000000003"]["claim"] == "c-000000000003"  # moved by the merge
    latest = {e.entity_key: e.after for e in entries if e.entity in ("claim", "verdict")}
    assert {key: snapshot for key, snapshot in latest.items() if snapshot} == read
