"""The contested counters after an import: right whether a claim's verdicts come in one batch
or several, and whether they agree (the import skips recounting a new claim's only verdict)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from claimtrack.models import Claim
from claimtrack.services.integrity import run_checks
from claimtrack.store.db import session_scope
from tests.helpers import import_in_batches


def review(claim: str, rating: str, by: str, n: int) -> dict[str, object]:
    return {"@context": "https://schema.org", "@type": "ClaimReview",
            "url": f"https://checks.example.org/{by.lower()}/{n}",
            "claimReviewed": claim, "itemReviewed": {"@type": "Claim", "author": {
                "@type": "Person", "name": "Harbour Master"}},
            "author": {"@type": "Organization", "name": by},
            "reviewRating": {"@type": "Rating", "alternateName": rating}}


@pytest.mark.parametrize("batch_size", [1, 2, 3, 500])
def test_verdicts_over_batches_leave_the_counters_right(
    engine: Engine, tmp_path: Path, batch_size: int
) -> None:
    feed = [
        review("The harbour lost a ferry a week", "False", "Alpha", 1),  # alone: not contested
        review("The harbour dredged the channel twice", "True", "Alpha", 2),
        review("The harbour dredged the channel twice", "False", "Beta", 3),  # disagree
        review("The tide gauge was moved", "True", "Alpha", 4),
        review("The tide gauge was moved", "Mostly true", "Beta", 5),  # agree
        review("The lighthouse keeper retired", "Pants on fire", "Alpha", 6),
    ]
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed))
    import_in_batches(engine, path, "claimreview", batch_size)
    with session_scope(engine, write=False) as session:
        disagree = dict(session.execute(select(Claim.text, Claim.verdicts_disagree)).all())
        assert disagree == {
            "The harbour lost a ferry a week": False,
            "The harbour dredged the channel twice": True,
            "The tide gauge was moved": False,
            "The lighthouse keeper retired": False,
        }
    with engine.connect() as connection:
        assert [r.name for r in run_checks(connection) if not r.ok] == []


@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_verdicts_sections_after_their_claims_leave_the_counters_right(
    engine: Engine, tmp_path: Path, batch_size: int
) -> None:
    """A claimtrack export lists every claim before any verdict: a claim created batches earlier
    by the same import gets its first verdict without a recount, its second with one; a merge
    between them (an export's last section) moves verdicts, and the counters stay right."""
    claims = [{"id": f"c-00000000000{n}", "text": f"Claim number {n}", "speaker": "Ann"}
              for n in range(1, 6)]
    verdicts = [
        {"id": "v-000000000001", "claim": "c-000000000001", "rating": "False",
         "normalized": "false", "by": "Alpha"},  # alone
        {"id": "v-000000000002", "claim": "c-000000000002", "rating": "True",
         "normalized": "true", "by": "Alpha"},
        {"id": "v-000000000003", "claim": "c-000000000003", "rating": "False",
         "normalized": "false", "by": "Beta"},
        {"id": "v-000000000004", "claim": "c-000000000002", "rating": "False",
         "normalized": "false", "by": "Beta"},  # disagrees with v-2, a few records later
        {"id": "v-000000000005", "claim": "c-000000000004", "rating": "True",
         "normalized": "true", "by": "Alpha"},
        {"id": "v-000000000006", "claim": "c-000000000005", "rating": "False",
         "normalized": "false", "by": "Beta"},
    ]
    merges = [{"id": "c-000000000005", "into": "c-000000000004", "text": "Claim number 5"}]
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "claimtrack", "version": 1, "claims": claims,
                                "verdicts": verdicts, "merges": merges}))
    import_in_batches(engine, path, "native", batch_size)
    with session_scope(engine, write=False) as session:
        disagree = dict(session.execute(select(Claim.public_id, Claim.verdicts_disagree)).all())
    assert disagree["c-000000000001"] is False and disagree["c-000000000003"] is False
    assert disagree["c-000000000002"] is True
    with engine.connect() as connection:
        assert [r.name for r in run_checks(connection) if not r.ok] == []


def test_row_bits_hold_ids_from_the_first_and_never_guess() -> None:
    from claimtrack.interchange.state import RowBits

    bits = RowBits()
    assert 7 not in bits
    for row_id in (1000, 1001, 1007, 1000 + 5000):
        bits.add(row_id)
    bits.add(999)  # before the first: left out
    bits.add(1000 + RowBits.SPAN)  # too far: left out
    assert [i for i in range(990, 7000) if i in bits] == [1000, 1001, 1007, 6000]
    assert 999 not in bits and 1000 + RowBits.SPAN not in bits and len(bits.bits) < 2000
    bits.discard(1001)
    bits.discard(5)
    assert 1001 not in bits and 1000 in bits and 1007 in bits
    bits.clear()
    assert 1000 not in bits
