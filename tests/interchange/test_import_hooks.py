"""The importer's extension points, used by features that change claim identity (merges)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.core.enums import Relation
from claimtrack.formats.native import AppearanceRecord, ClaimRecord, LinkRecord
from claimtrack.formats.records import Parsed
from claimtrack.interchange.importer import Importer, Rejection
from claimtrack.models import Appearance, Claim, Link
from claimtrack.services import claims

GONE = "c-00000000000z"


def feed(importer: Importer, *records: Any) -> None:
    importer.feed((Parsed(f"record {n}", item=r) for n, r in enumerate(records, 1)), "file")


def test_a_claim_merged_away_since_the_export_resolves_to_the_claim_kept(session: Session) -> None:
    kept = claims.add_claim(session, text="Kept claim")
    other = claims.add_claim(session, text="Other claim")
    asked: list[list[str]] = []

    def redirect(_session: Session, public_ids: list[str]) -> dict[str, int]:
        asked.append(sorted(public_ids))
        return {GONE: kept.id} if GONE in public_ids else {}

    importer = Importer(session, redirect=redirect)
    feed(
        importer,
        ClaimRecord(
            id=GONE,
            text="Words of the merged claim",
            appearances=(AppearanceRecord("https://example.org/seen"),),
        ),
        LinkRecord(GONE, Relation.DENIES, other.public_id),
        LinkRecord(GONE, Relation.SUPPORTS, kept.public_id),
    )
    summary = importer.finish()
    assert session.scalar(select(Claim).where(Claim.public_id == GONE)) is None
    urls = session.scalars(select(Appearance.claim_id).where(Appearance.claim_id == kept.id)).all()
    assert urls == [kept.id]  # the merged claim's appearance joined the claim kept
    links = session.execute(select(Link.from_claim_id, Link.relation, Link.to_claim_id)).all()
    assert links == [(kept.id, Relation.DENIES, other.id)]  # kept→kept is skipped
    assert summary.updated["claims"] == 1 and summary.unchanged["links"] == 1
    assert asked and all(ids == [GONE] for ids in asked)


@dataclass(frozen=True)
class Thing:
    name: str


def test_extra_record_kinds_go_to_their_handler_and_unknown_ones_are_rejected(
    session: Session,
) -> None:
    handled: list[str] = []
    rejected: list[Rejection] = []

    def handle(_session: Session, record: Thing) -> dict[str, bool]:
        handled.append(record.name)
        return {"is_new": True, "changed": True}

    importer = Importer(session, extra={Thing: ("things", handle)}, on_reject=rejected.append)
    feed(importer, Thing("one"), object())
    summary = importer.finish()
    assert handled == ["one"] and summary.added["things"] == 1
    assert [r.reason for r in rejected] == ["this claimtrack cannot import object records."]
