"""The full-text index after a bulk import: filled set-based batch by batch, right for every
row the import wrote, and kept by the triggers again afterwards."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from claimtrack.interchange.importer import Importer
from claimtrack.services import claims, search
from claimtrack.store import fulltext
from claimtrack.store.db import session_scope
from tests.helpers import Cli, write


def found(cli: Cli, query: str) -> list[str]:
    return sorted(c["text"] for c in json.loads(cli.ok("search", query, "-f", "json").stdout))


def test_every_imported_claim_and_quote_is_searchable_and_the_triggers_come_back(
    cli: Cli, tmp_path: Path
) -> None:
    lines = [{"type": "claim", "id": f"c-00000000{n:04d}", "text": f"Harbour tariff {n}",
              "appearances": [{"source": f"https://news.example.com/{n}",
                               "quote": f"quoted zebra{n}" if n % 2 else None}]}
             for n in range(1, 8)]
    path = write(tmp_path / "a.jsonl", "\n".join(json.dumps(line) for line in lines))
    cli.ok("import", path)
    assert len(found(cli, "harbour")) == 7
    assert found(cli, "zebra3") == ["Harbour tariff 3"] and found(cli, "zebra2") == []
    # Re-imported with another text: the index follows the update.
    lines[0]["text"] = "Ferry tariff 1"
    cli.ok("import", write(tmp_path / "b.jsonl", json.dumps(lines[0])))
    assert found(cli, "ferry") == ["Ferry tariff 1"] and len(found(cli, "harbour")) == 6
    # After the import the triggers index ordinary commands again.
    claim = cli.add("Lighthouse closed", "--source", "https://news.example.com/x",
                    "--quote", "a quoted gannet")
    assert found(cli, "gannet") == ["Lighthouse closed"]
    cli.ok("appearance", "rm", claim, "https://news.example.com/x")
    assert found(cli, "gannet") == []
    cli.ok("db", "check")


def test_an_importer_left_unfinished_cannot_commit_a_dead_index(engine: Engine) -> None:
    from claimtrack.formats.native import ClaimRecord
    from claimtrack.formats.records import Parsed

    with session_scope(engine) as session:
        importer = Importer(session, batch_size=1)
        importer.feed([Parsed("r", item=ClaimRecord(id=None, text="Puffin census"))], "input")
        assert fulltext.is_suspended(session)  # and finish() is never called
    with session_scope(engine) as session:
        claims.add_claim(session, text="Puffin colony grows")
    with session_scope(engine, write=False) as session:
        assert sorted(h.text for h in search.search(session, "puffin")) == [
            "Puffin census", "Puffin colony grows"
        ]
