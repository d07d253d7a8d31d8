"""Native export and import: the whole database as claimtrack JSON, losslessly.

Import merges: records are matched by their identity (an actor by name or alias, a source by
URL, a claim or verdict by id, a link by its two ends and relation), added when new, updated
when the file differs, and nothing is ever deleted. Importing the same file twice changes
nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

from claimtrack.formats import native
from claimtrack.formats.native import (
    ActorRecord,
    AppearanceRecord,
    ClaimRecord,
    LinkRecord,
    Record,
    SourceRecord,
    VerdictRecord,
)
from claimtrack.models import Actor, Appearance, Claim, Link, Source, Verdict
from claimtrack.models.base import utcnow
from claimtrack.services.bulk import ImportSummary

__all__ = ["ImportSummary", "export_document", "import_document", "import_records"]


# ---- export -------------------------------------------------------------------------------


def export_document(session: Session, *, exported_at: dt.datetime | None = None) -> dict[str, Any]:
    """The whole database as a native document (deterministic order, ids kept)."""
    document: dict[str, Any] = {
        "format": native.FORMAT_NAME,
        "version": native.FORMAT_VERSION,
        "exported_at": native.iso_time(exported_at or utcnow()),
    }
    dumpers = {
        "actors": (export_actors, native.actor_dict),
        "sources": (export_sources, native.source_dict),
        "claims": (export_claims, native.claim_dict),
        "links": (export_links, native.link_dict),
        "verdicts": (export_verdicts, native.verdict_dict),
    }
    for section, (records, to_dict) in dumpers.items():
        document[section] = [to_dict(record) for record in records(session)]  # type: ignore[operator]
    return document


def export_actors(session: Session) -> Iterator[ActorRecord]:
    query = select(Actor).options(selectinload(Actor.aliases)).order_by(Actor.name_key)
    for actor in session.scalars(query):
        yield ActorRecord(
            name=actor.name,
            kind=actor.kind,
            aliases=tuple(alias.alias for alias in actor.aliases),
            description=actor.description,
            created_at=actor.created_at,
        )


def export_sources(session: Session) -> Iterator[SourceRecord]:
    for source in session.scalars(select(Source).order_by(Source.url)):
        yield SourceRecord(
            url=source.url,
            title=source.title,
            outlet=source.outlet,
            published=source.published_on,
            retrieved_at=source.retrieved_at,
            archive_url=source.archive_url,
            created_at=source.created_at,
        )


def export_claims(session: Session) -> Iterator[ClaimRecord]:
    query = (
        select(Claim)
        .options(
            selectinload(Claim.speaker),
            selectinload(Claim.tags),
            selectinload(Claim.appearances).selectinload(Appearance.source),
        )
        .order_by(Claim.public_id)
        .execution_options(yield_per=1000)
    )
    for claim in session.scalars(query):
        yield claim_record(claim)


def claim_record(claim: Claim) -> ClaimRecord:
    return ClaimRecord(
        id=claim.public_id,
        text=claim.text,
        speaker=claim.speaker.name if claim.speaker else None,
        date=claim.said_on,
        summary=claim.summary,
        language=claim.language,
        tags=tuple(claim.tag_names),
        appearances=tuple(
            AppearanceRecord(
                source=a.source.url, quote=a.quote, seen=a.seen_on, created_at=a.created_at
            )
            for a in sorted(claim.appearances, key=lambda a: a.source.url)
        ),
        created_at=claim.created_at,
        updated_at=claim.updated_at,
    )


def export_links(session: Session) -> Iterator[LinkRecord]:
    source_claim, target_claim = aliased(Claim), aliased(Claim)
    query = (
        select(Link, source_claim.public_id, target_claim.public_id)
        .join(source_claim, Link.from_claim_id == source_claim.id)
        .join(target_claim, Link.to_claim_id == target_claim.id)
        .options(selectinload(Link.source))
        .order_by(source_claim.public_id, Link.relation, target_claim.public_id)
    )
    for link, from_id, to_id in session.execute(query):
        yield LinkRecord(
            from_claim=from_id,
            relation=link.relation,
            to_claim=to_id,
            note=link.note,
            source=link.source.url if link.source else None,
            created_at=link.created_at,
        )


def export_verdicts(session: Session) -> Iterator[VerdictRecord]:
    query = (
        select(Verdict)
        .options(selectinload(Verdict.claim), selectinload(Verdict.reviewer))
        .order_by(Verdict.public_id)
    )
    for verdict in session.scalars(query):
        yield VerdictRecord(
            id=verdict.public_id,
            claim=verdict.claim.public_id,
            rating=verdict.rating,
            normalized=verdict.normalized,
            by=verdict.reviewer.name,
            date=verdict.reviewed_on,
            url=verdict.url,
            explanation=verdict.explanation,
            created_at=verdict.created_at,
        )


# ---- import -------------------------------------------------------------------------------


def import_document(session: Session, document: Any) -> ImportSummary:
    """Validate and merge a native document. Raises InvalidInput on the first bad record, and
    the caller's transaction then writes nothing."""
    return import_records(session, native.iter_document(document))


def import_records(session: Session, records: Iterable[Record]) -> ImportSummary:
    """Merge native records into the database (see services.importer for the rules)."""
    from claimtrack.formats.records import Parsed
    from claimtrack.services.importer import Importer

    importer = Importer(session, strict=True)
    importer.feed((Parsed(f"record {n}", item=r) for n, r in enumerate(records, 1)), "input")
    return importer.finish()
