"""import_files and write_export as library calls, without the CLI: what a script or the web
app gets, in the caller's transaction."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

import claimtrack
from claimtrack.models import Claim
from claimtrack.services import claims, verdicts
from claimtrack.store.db import session_scope
from tests.helpers import FIXTURES


def count_claims(engine: Engine) -> int:
    with session_scope(engine, write=False) as session:
        return int(session.scalar(select(func.count()).select_from(Claim)) or 0)


def test_import_files_counts_and_export_streams_every_format(engine: Engine) -> None:
    with session_scope(engine) as session:
        result = claimtrack.import_files(session, [FIXTURES / "seed.json"])
        some_claim = claims.list_claims(session)[0]
        verdicts.add_verdict(session, claims.get_claim(session, some_claim.id), rating="False",
                             by="A Checker", url="https://example.org/check")
    assert result.files == [str(FIXTURES / "seed.json")]
    assert result.summary.added["claims"] == 13 and result.summary.rejected == 0
    assert result.rejections == [] and result.warnings == []
    for fmt in claimtrack.ExportFormat:
        stream = io.StringIO()
        with session_scope(engine, write=False) as session:
            count = claimtrack.write_export(session, stream, fmt=fmt)
        assert count > 0 and stream.getvalue(), fmt
    stream = io.StringIO()
    with session_scope(engine, write=False) as session:
        claimtrack.write_export(session, stream, fmt=claimtrack.ExportFormat.CSV,
                                where=claimtrack.ClaimFilter(speaker="Sergey Lavrov"))
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert rows and {row["speaker"] for row in rows} == {"Sergey Lavrov"}


def test_the_native_export_is_the_same_document_streamed(engine: Engine) -> None:
    from claimtrack.interchange.native import export_document

    with session_scope(engine) as session:
        claimtrack.import_files(session, [FIXTURES / "seed.json"])
    stream = io.StringIO()
    with session_scope(engine, write=False) as session:
        claimtrack.write_export(session, stream)
        whole = export_document(session)
    streamed = json.loads(stream.getvalue())
    assert {k: v for k, v in streamed.items() if k != "exported_at"} == {
        k: v for k, v in whole.items() if k != "exported_at"
    }


def test_rejections_are_kept_and_written_and_the_rest_goes_in(
    engine: Engine, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("claim,date\nFine claim,2022-01-01\nBad date,not a date\n", encoding="utf-8")
    rejects = io.StringIO()
    seen: list[Any] = []
    with session_scope(engine) as session:
        result = claimtrack.import_files(session, [sheet], rejects=rejects, on_reject=seen.append)
    assert result.summary.added["claims"] == 1 and result.summary.rejected == 1
    assert [r.where for r in result.rejections] == [r.where for r in seen]
    assert "row 2" in result.rejections[0].where
    assert json.loads(rejects.getvalue())["record"]["claim"] == "Bad date"
    assert count_claims(engine) == 1


def test_a_dry_run_is_a_transaction_that_is_not_committed(engine: Engine) -> None:
    with session_scope(engine, commit=False) as session:
        result = claimtrack.import_files(session, [FIXTURES / "seed.json"])
    assert result.summary.added["claims"] == 13
    assert count_claims(engine) == 0


def test_an_unreadable_file_raises_and_nothing_is_written(engine: Engine, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[{"@type": "ClaimReview", "claimReviewed": "x"', encoding="utf-8")
    with pytest.raises(claimtrack.InvalidInput, match="not valid JSON"), \
            session_scope(engine) as session:
        claimtrack.import_files(session, [FIXTURES / "seed.json", broken])
    assert count_claims(engine) == 0
    with pytest.raises(claimtrack.InvalidInput, match="Check the path"), \
            session_scope(engine) as session:
        claimtrack.import_files(session, [tmp_path / "missing.json"])


def test_an_import_leaves_the_hosts_garbage_collector_as_it_found_it(
    engine: Engine, tmp_path: Path
) -> None:
    """import_files spaces out Python's cyclic collector while it runs (for speed), and puts
    the host's setting back afterwards, also when the import fails."""
    import gc

    seen: list[tuple[int, int, int]] = []
    before = gc.get_threshold()
    with session_scope(engine) as session:
        claimtrack.import_files(session, [FIXTURES / "seed.json"],
                                on_progress=lambda _: seen.append(gc.get_threshold()))
    assert seen and seen[0][0] > before[0]
    assert gc.get_threshold() == before
    broken = tmp_path / "broken.json"
    broken.write_text('{"claims": [')
    with pytest.raises(claimtrack.InvalidInput), session_scope(engine) as session:
        claimtrack.import_files(session, [broken])
    assert gc.get_threshold() == before


def test_postgresql_plans_an_import_with_statistics_of_its_own_rows(engine: Engine) -> None:
    """Inside the import's one transaction autovacuum cannot see its rows; the import
    ANALYZEs what it writes after the 1st, 2nd, 4th… batch, so look-ups use their indexes
    (docs/interop.md, Speed). SQLite needs nothing of the kind."""
    from sqlalchemy import text

    from claimtrack.formats import inputs
    from claimtrack.interchange.importer import Importer

    with session_scope(engine) as session:
        importer = Importer(session, batch_size=4)
        stream, _counter, _size = inputs.open_input(str(FIXTURES / "seed.json"))
        with stream:
            importer.feed(inputs.read(stream, "native"), "seed.json", whole=True)
        importer.finish()
        assert importer.batches >= 4
        if engine.dialect.name == "postgresql":
            counted = session.scalar(text(
                "SELECT reltuples FROM pg_class WHERE oid = to_regclass('claims')"))
            assert counted == 13  # the statistics of the claims this transaction wrote
    assert count_claims(engine) == 13
