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

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from claimtrack.core.enums import LinkStatus, ReviewStatus
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
from claimtrack.interchange.state import ImportSummary
from claimtrack.models import Actor, Appearance, Claim, Link, Source, Verdict
from claimtrack.models.base import utcnow
from claimtrack.services import merges

# A select of claim row ids that narrows an export; None exports everything.
Scope = Select[tuple[int]] | None

__all__ = ["ImportSummary", "export_document", "import_document", "import_records"]


# ---- export -------------------------------------------------------------------------------


def export_document(
    session: Session, *, exported_at: dt.datetime | None = None, scope: Scope = None
) -> dict[str, Any]:
    """The whole database as a native document (deterministic order, ids kept).

    ``scope`` (a select of claim row ids) narrows it to those claims, the links between them,
    their verdicts, and the actors and sources these refer to.
    """
    document: dict[str, Any] = {
        "format": native.FORMAT_NAME,
        "version": native.FORMAT_VERSION,
        "exported_at": native.iso_time(exported_at or utcnow()),
    }
    document.update({section: [] for section in native.SECTIONS})
    for section, record in export_sections(session, scope):
        document[section].append(record)
    return document


def export_sections(
    session: Session, scope: Scope = None, *, published_only: bool = False
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(section, record dict) for every record, section by section, streamed.
    ``published_only``: of the verdicts, only the published ones (and the actors they name);
    of the links, only confirmed ones (a suggestion and its note are the desk's own); no
    merges (each carries the text of a claim merged away, never published); the claims are
    those of ``scope``."""
    only = published_only
    yield from (("actors", native.actor_dict(r))
                for r in export_actors(session, scope, published_only=only))
    yield from (("sources", native.source_dict(r)) for r in export_sources(session, scope))
    yield from (("claims", native.claim_dict(r)) for r in export_claims(session, scope))
    yield from (("links", native.link_dict(r))
                for r in export_links(session, scope, confirmed_only=only))
    yield from (("verdicts", native.verdict_dict(r))
                for r in export_verdicts(session, scope, published_only=only))
    if not only:
        yield from (("merges", native.merge_dict(r))
                    for r in merges.export_merges(session, scope))


def published_verdicts(published_only: bool) -> list[ColumnElement[bool]]:
    """The condition on verdicts that ``published_only`` adds (none without it)."""
    return [Verdict.status == ReviewStatus.PUBLISHED] if published_only else []


def export_actors(
    session: Session, scope: Scope = None, *, published_only: bool = False
) -> Iterator[ActorRecord]:
    query = select(Actor).options(selectinload(Actor.aliases)).order_by(Actor.name_key)
    if scope is not None:
        speakers = select(Claim.speaker_id).where(Claim.id.in_(scope))
        reviewers = select(Verdict.reviewer_id).where(Verdict.claim_id.in_(scope),
                                                      *published_verdicts(published_only))
        query = query.where(or_(Actor.id.in_(speakers), Actor.id.in_(reviewers)))
    for actor in session.scalars(query):
        yield ActorRecord(
            name=actor.name,
            kind=actor.kind,
            aliases=tuple(alias.alias for alias in actor.aliases),
            description=actor.description,
            created_at=actor.created_at,
        )


def export_sources(session: Session, scope: Scope = None) -> Iterator[SourceRecord]:
    query = select(Source).order_by(Source.url).execution_options(yield_per=1000)
    if scope is not None:
        seen = select(Appearance.source_id).where(Appearance.claim_id.in_(scope))
        cited = select(Link.source_id).where(Link.from_claim_id.in_(scope),
                                             Link.to_claim_id.in_(scope))
        query = query.where(or_(Source.id.in_(seen), Source.id.in_(cited)))
    for source in session.scalars(query):
        yield SourceRecord(
            url=source.url,
            title=source.title,
            outlet=source.outlet,
            published=source.published_on,
            retrieved_at=source.retrieved_at,
            archive_url=source.archive_url,
            created_at=source.created_at,
        )


def export_claims(session: Session, scope: Scope = None) -> Iterator[ClaimRecord]:
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
    if scope is not None:
        query = query.where(Claim.id.in_(scope))
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
        status=claim.status,
    )


def export_links(
    session: Session, scope: Scope = None, *, confirmed_only: bool = False
) -> Iterator[LinkRecord]:
    source_claim, target_claim = aliased(Claim), aliased(Claim)
    query = (
        select(Link, source_claim.public_id, target_claim.public_id)
        .join(source_claim, Link.from_claim_id == source_claim.id)
        .join(target_claim, Link.to_claim_id == target_claim.id)
        .options(selectinload(Link.source))
        .order_by(source_claim.public_id, Link.relation, target_claim.public_id)
        .execution_options(yield_per=1000)
    )
    if scope is not None:
        query = query.where(Link.from_claim_id.in_(scope), Link.to_claim_id.in_(scope))
    if confirmed_only:
        query = query.where(Link.status == LinkStatus.CONFIRMED)
    for link, from_id, to_id in session.execute(query):
        yield LinkRecord(
            from_claim=from_id,
            relation=link.relation,
            to_claim=to_id,
            note=link.note,
            source=link.source.url if link.source else None,
            created_at=link.created_at,
            status=link.status,
        )


def export_verdicts(
    session: Session, scope: Scope = None, *, published_only: bool = False
) -> Iterator[VerdictRecord]:
    query = (
        select(Verdict)
        .options(selectinload(Verdict.claim), selectinload(Verdict.reviewer))
        .where(*published_verdicts(published_only))
        .order_by(Verdict.public_id)
        .execution_options(yield_per=1000)
    )
    if scope is not None:
        query = query.where(Verdict.claim_id.in_(scope))
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
            author=verdict.author,
            status=verdict.status,
        )


# ---- import -------------------------------------------------------------------------------


def import_document(session: Session, document: Any) -> ImportSummary:
    """Validate and merge a native document. Raises InvalidInput on the first bad record, and
    the caller's transaction then writes nothing."""
    return import_records(session, native.iter_document(document))


def import_records(session: Session, records: Iterable[Record]) -> ImportSummary:
    """Merge native records into the database (see services.importer for the rules)."""
    from claimtrack.formats.records import Parsed
    from claimtrack.interchange.importer import Importer

    importer = Importer(session, strict=True)
    importer.feed((Parsed(f"record {n}", item=r) for n, r in enumerate(records, 1)), "input")
    return importer.finish()
