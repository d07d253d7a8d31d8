"""Native export and import: the whole database as claimtrack JSON, losslessly.

Import merges: records are matched by their identity (an actor by name or alias, a source by
URL, a claim or verdict by id, a link by its two ends and relation), added when new, updated
when the file differs, and nothing is ever deleted. Importing the same file twice changes
nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

from claimtrack.errors import InvalidInput
from claimtrack.formats import native
from claimtrack.formats.native import (
    ActorRecord,
    AppearanceRecord,
    ClaimRecord,
    LinkRecord,
    MergeRecord,
    Record,
    SourceRecord,
    VerdictRecord,
)
from claimtrack.models import Actor, Appearance, Claim, ClaimTag, Link, Source, Verdict
from claimtrack.models.base import utcnow
from claimtrack.services import actors, disputes, merges, sources


@dataclass
class ImportSummary:
    """How many records of each kind were added, updated or already present."""

    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        """One line for people: "added 12 (claims 8, links 4), updated 0, unchanged 3"."""
        def part(label: str, counts: Counter[str]) -> str:
            total = sum(counts.values())
            detail = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()) if n)
            return f"{label} {total}" + (f" ({detail})" if detail else "")

        return "; ".join(
            part(label, counts)
            for label, counts in (("added", self.added), ("updated", self.updated),
                                  ("unchanged", self.unchanged))
        )


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
        "merges": (merges.export_merges, native.merge_dict),
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
            status=link.status,
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
    """Validate and merge a native document. Raises InvalidInput before writing anything bad."""
    return import_records(session, list(native.iter_document(document)))


def import_records(session: Session, records: Iterable[Record]) -> ImportSummary:
    """Merge records into the database (actors and sources before the claims that use them)."""
    summary = ImportSummary()
    touched: set[int] = set()
    # The summary replaces per-record notices ("Created actor …"), which would flood the screen.
    queued = len(session.info.get("notices", []))
    for record in records:
        if isinstance(record, ActorRecord):
            _import_actor(session, record, summary)
        elif isinstance(record, SourceRecord):
            _import_source(session, record, summary)
        elif isinstance(record, ClaimRecord):
            _import_claim(session, record, summary)
        elif isinstance(record, LinkRecord):
            touched.add(_import_link(session, record, summary))
        elif isinstance(record, MergeRecord):
            _count(summary, "merges", **merges.import_merge(session, record))
        else:
            touched.add(_import_verdict(session, record, summary))
    session.flush()
    disputes.recount(session, touched)
    del session.info.setdefault("notices", [])[queued:]
    return summary


def _count(summary: ImportSummary, kind: str, *, is_new: bool, changed: bool) -> None:
    target = summary.added if is_new else summary.updated if changed else summary.unchanged
    target[kind] += 1


def _import_actor(session: Session, record: ActorRecord, summary: ImportSummary) -> None:
    actor = actors.find_actor(session, record.name)
    if actor is None:
        actor = actors.add_actor(
            session, record.name, kind=record.kind, aliases=record.aliases,
            description=record.description,
        )
        actor.created_at = record.created_at or actor.created_at
        _count(summary, "actors", is_new=True, changed=True)
        return
    before = (actor.kind, actor.description, {a.alias_key for a in actor.aliases})
    if record.kind != actor.kind and record.kind != "unknown":
        actor.kind = record.kind
    if record.description is not None:
        actor.description = record.description
    for alias in record.aliases:
        actors.add_alias(session, actor, alias)
    after = (actor.kind, actor.description, {a.alias_key for a in actor.aliases})
    _count(summary, "actors", is_new=False, changed=before != after)


def _import_source(session: Session, record: SourceRecord, summary: ImportSummary) -> None:
    source = sources.find_source(session, record.url)
    is_new = source is None
    if source is None:
        source = Source(url=record.url, created_at=record.created_at or utcnow())
        session.add(source)
    fields = {
        "title": record.title,
        "outlet": record.outlet,
        "published_on": record.published,
        "retrieved_at": record.retrieved_at,
        "archive_url": record.archive_url,
    }
    changed = _assign(source, fields)
    session.flush()
    _count(summary, "sources", is_new=is_new, changed=changed)


def _import_claim(session: Session, record: ClaimRecord, summary: ImportSummary) -> None:
    speaker = actors.ensure_actor(session, record.speaker) if record.speaker else None
    fields = {
        "text": record.text,
        "summary": record.summary,
        "said_on": record.date,
        "language": record.language,
        "speaker_id": speaker.id if speaker else None,
    }
    claim = session.scalar(select(Claim).where(Claim.public_id == record.id))
    kept = merges.merged_into(session, record.id) if claim is None else None
    if kept is not None:
        # Merged here since that export: its appearances join the claim kept; nothing else.
        changed = False
        for appearance in record.appearances:
            changed |= _import_appearance(session, kept, appearance)
        _count(summary, "claims", is_new=False, changed=changed)
        return
    is_new = claim is None
    if claim is None:
        claim = Claim(public_id=record.id, created_at=record.created_at or utcnow(), **fields)
        session.add(claim)
    changed = _assign(claim, fields)
    known_tags = set(claim.tag_names) if not is_new else set()
    for tag in record.tags:
        if tag not in known_tags:
            claim.tags.append(ClaimTag(tag=tag))
            changed = True
    session.flush()
    for appearance in record.appearances:
        changed |= _import_appearance(session, claim, appearance)
    if is_new or changed:
        claim.updated_at = record.updated_at or utcnow()
    session.flush()
    _count(summary, "claims", is_new=is_new, changed=changed)


def _import_appearance(session: Session, claim: Claim, record: AppearanceRecord) -> bool:
    source = sources.ensure_source(session, record.source)
    appearance = session.scalar(
        select(Appearance).where(
            Appearance.claim_id == claim.id, Appearance.source_id == source.id
        )
    )
    if appearance is None:
        session.add(
            Appearance(
                claim_id=claim.id,
                source_id=source.id,
                quote=record.quote,
                seen_on=record.seen,
                created_at=record.created_at or utcnow(),
            )
        )
        return True
    return _assign(appearance, {"quote": record.quote, "seen_on": record.seen})


def _claim_row_id(session: Session, public_id: str, where: str) -> int:
    row_id = session.scalar(select(Claim.id).where(Claim.public_id == public_id))
    if row_id is None:
        kept = merges.merged_into(session, public_id)
        row_id = kept.id if kept is not None else None
    if row_id is None:
        raise InvalidInput(
            f"{where} refers to claim {public_id}, which is neither in the file nor in the "
            "database."
        )
    return row_id


def _import_link(session: Session, record: LinkRecord, summary: ImportSummary) -> int:
    where = f"The link {record.from_claim} {record.relation} {record.to_claim}"
    from_id = _claim_row_id(session, record.from_claim, where)
    to_id = _claim_row_id(session, record.to_claim, where)
    if from_id == to_id:  # both ends were merged into one claim since the export
        _count(summary, "links", is_new=False, changed=False)
        return to_id
    link = session.scalar(
        select(Link).where(
            Link.from_claim_id == from_id,
            Link.relation == record.relation,
            Link.to_claim_id == to_id,
        )
    )
    is_new = link is None
    if link is None:
        link = Link(
            from_claim_id=from_id,
            relation=record.relation,
            to_claim_id=to_id,
            created_at=record.created_at or utcnow(),
        )
        session.add(link)
    source_id = sources.ensure_source(session, record.source).id if record.source else None
    changed = _assign(link, {"note": record.note, "source_id": source_id,
                             "status": record.status})
    session.flush()
    _count(summary, "links", is_new=is_new, changed=changed)
    return to_id


def _import_verdict(session: Session, record: VerdictRecord, summary: ImportSummary) -> int:
    fields = {
        "claim_id": _claim_row_id(session, record.claim, f"Verdict {record.id}"),
        "rating": record.rating,
        "normalized": record.normalized,
        "reviewer_id": actors.ensure_actor(session, record.by).id,
        "reviewed_on": record.date,
        "url": record.url,
        "explanation": record.explanation,
    }
    verdict = session.scalar(select(Verdict).where(Verdict.public_id == record.id))
    is_new = verdict is None
    if verdict is None:
        verdict = Verdict(public_id=record.id, created_at=record.created_at or utcnow(), **fields)
        session.add(verdict)
    changed = _assign(verdict, fields)
    session.flush()
    _count(summary, "verdicts", is_new=is_new, changed=changed)
    return fields["claim_id"]  # type: ignore[return-value]


def _assign(row: Any, fields: dict[str, Any]) -> bool:
    """Set the fields that differ; True when any did."""
    changed = False
    for name, value in fields.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed
