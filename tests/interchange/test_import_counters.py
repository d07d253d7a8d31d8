"""The contested counters after an import: right whether a claim's verdicts come in one batch
or several, and whether they agree (the import skips recounting a new claim's only verdict)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from claimtrack.formats import inputs
from claimtrack.interchange.importer import Importer
from claimtrack.models import Claim
from claimtrack.services.integrity import run_checks
from claimtrack.store.db import session_scope


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
    with session_scope(engine) as session:
        importer = Importer(session, batch_size=batch_size)
        stream, _counter, _size = inputs.open_input(str(path))
        with stream:
            importer.feed(inputs.read(stream, "claimreview"), "feed.json")
        importer.finish()
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
