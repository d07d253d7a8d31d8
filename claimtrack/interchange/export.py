"""``write_export``: the library call behind ``claimtrack export``, in every ExportFormat.

Everything is streamed, a chunk of claims at a time: the native document and JSON Lines from
claimtrack.interchange.native's records, ClaimReview JSON-LD (one per verdict) and CSV rows
from here.

``published_only`` keeps what readers may see, in every format: published claims, and of their
verdicts the published ones (a ClaimReview is written for a published verdict of a published
claim: its ``claimReviewed`` is the claim's text).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import islice
from typing import IO, Any

from sqlalchemy import func, null, or_, select
from sqlalchemy.orm import Session

from claimtrack.core.enums import ActorKind, ExportFormat, ReviewStatus
from claimtrack.formats import csvio, jsonl, native, native_out
from claimtrack.formats.claimreview_out import ReviewExport, review_document
from claimtrack.formats.native import ClaimRecord, SourceRecord, VerdictRecord
from claimtrack.interchange.native import (
    Scope,
    export_claims,
    export_links,
    export_sections,
    published_verdicts,
)
from claimtrack.models import Actor, Claim, Source, Verdict, VerdictOriginal
from claimtrack.models.base import utcnow
from claimtrack.services import merges
from claimtrack.services.filters import ClaimFilter

CHUNK = 500


def write_export(
    session: Session,
    stream: IO[str],
    *,
    fmt: ExportFormat = ExportFormat.NATIVE,
    where: ClaimFilter = ClaimFilter(),
    published_only: bool = False,
) -> int:
    """Write the database (or the claims ``where`` selects, with what they refer to) to
    ``stream`` in ``fmt``; returns how many records (reviews for ClaimReview) were written.
    ``published_only``: only published claims and their published verdicts."""
    return WRITERS[fmt](session, stream, claim_scope(where, published_only=published_only),
                        published_only)


def unpublished_reviews(session: Session, where: ClaimFilter = ClaimFilter()) -> int:
    """How many of the reviews a ClaimReview export of ``where`` writes are not published: their
    verdict, or the claim it reviews, is a draft or in review (``published_only`` leaves them
    out)."""
    published = ReviewStatus.PUBLISHED
    query = (
        select(func.count(Verdict.id))
        .join(Claim, Claim.id == Verdict.claim_id)
        .where(or_(Verdict.status != published, Claim.status != published))
    )
    scope = claim_scope(where)
    if scope is not None:
        query = query.where(Verdict.claim_id.in_(scope))
    return int(session.scalar(query) or 0)


def left_out_of_csv(
    session: Session, where: ClaimFilter = ClaimFilter(), *, published_only: bool = False
) -> tuple[int, int]:
    """How many links and merges the native export of ``where`` holds that a CSV export
    cannot (it has no columns for them): (links, merges)."""
    scope = claim_scope(where, published_only=published_only)
    links = sum(1 for _ in export_links(session, scope, confirmed_only=published_only))
    merged = 0 if published_only else sum(1 for _ in merges.export_merges(session, scope))
    return links, merged


def _native(session: Session, stream: IO[str], scope: Scope, published_only: bool) -> int:
    header = {"format": native.FORMAT_NAME, "version": native.FORMAT_VERSION,
              "exported_at": native.iso_time(utcnow())}
    sections = export_sections(session, scope, published_only=published_only)
    count = native_out.write_document(stream, header, sections)
    stream.write("\n")
    return count


def _jsonl(session: Session, stream: IO[str], scope: Scope, published_only: bool) -> int:
    return jsonl.write_jsonl(stream, export_sections(session, scope, published_only=published_only))


def _csv(session: Session, stream: IO[str], scope: Scope, published_only: bool) -> int:
    return csvio.write_csv(stream, csv_rows(session, scope, published_only=published_only))


def _claimreview(session: Session, stream: IO[str], scope: Scope, published_only: bool) -> int:
    """A JSON array, one review at a time."""
    count = 0
    stream.write("[")
    for review in claim_reviews(session, scope, published_only=published_only):
        text = json.dumps(review, ensure_ascii=False, indent=2)
        stream.write(("," if count else "") + "\n" + text)
        count += 1
    stream.write("\n]\n")
    return count


WRITERS: dict[ExportFormat, Callable[[Session, IO[str], Scope, bool], int]] = {
    ExportFormat.NATIVE: _native,
    ExportFormat.JSONL: _jsonl,
    ExportFormat.CSV: _csv,
    ExportFormat.CLAIMREVIEW: _claimreview,
}


def claim_scope(where: ClaimFilter = ClaimFilter(), *, published_only: bool = False) -> Scope:
    """The claims an export covers, filtered as in ``claim list`` (``published_only``: the
    published ones); None when unfiltered."""
    if where.is_empty and not published_only:
        return None
    claims = select(Claim).where(Claim.status == ReviewStatus.PUBLISHED) if published_only \
        else select(Claim)
    return where.apply(claims).with_only_columns(Claim.id)


def _chunks(records: Iterator[ClaimRecord]) -> Iterator[list[ClaimRecord]]:
    while chunk := list(islice(records, CHUNK)):
        yield chunk


def _verdicts_by_claim(
    session: Session, chunk: list[ClaimRecord], *, originals: bool = False,
    published_only: bool = False,
) -> dict[str, list[tuple[Any, ...]]]:
    """(verdict, reviewer kind, original ClaimReview or None) by claim id; the originals (whole
    documents) are read only when asked for."""
    query = (
        select(Claim.public_id, Verdict, Actor.name, Actor.kind,
               VerdictOriginal.document if originals else null())
        .join(Claim, Claim.id == Verdict.claim_id)
        .join(Actor, Actor.id == Verdict.reviewer_id)
        .where(Claim.public_id.in_([c.id for c in chunk]), *published_verdicts(published_only))
        .order_by(Verdict.public_id)
    )
    if originals:
        query = query.outerjoin(VerdictOriginal, VerdictOriginal.verdict_id == Verdict.id)
    found: dict[str, list[tuple[Any, ...]]] = {}
    for public_id, verdict, name, kind, original in session.execute(query):
        record = VerdictRecord(
            id=verdict.public_id,
            claim=public_id,
            rating=verdict.rating,
            normalized=verdict.normalized,
            by=name,
            date=verdict.reviewed_on,
            url=verdict.url,
            explanation=verdict.explanation,
            author=verdict.author,
            status=verdict.status,
        )
        found.setdefault(public_id, []).append((record, ActorKind(kind), original))
    return found


def _sources(session: Session, chunk: list[ClaimRecord]) -> dict[str, SourceRecord]:
    """The sources these claims appear in (title and date published), by URL."""
    urls = {a.source for c in chunk for a in c.appearances}
    return {
        url: SourceRecord(url=url, title=title, published=published)
        for url, title, published in session.execute(
            select(Source.url, Source.title, Source.published_on).where(Source.url.in_(urls))
        )
    }


def _titles(sources: dict[str, SourceRecord]) -> dict[str, str]:
    return {url: source.title for url, source in sources.items() if source.title}


def _speaker_kinds(session: Session, chunk: list[ClaimRecord]) -> dict[str, ActorKind]:
    names = {c.speaker for c in chunk if c.speaker}
    return {
        name: ActorKind(kind)
        for name, kind in session.execute(
            select(Actor.name, Actor.kind).where(Actor.name.in_(names))
        )
    }


def claim_reviews(
    session: Session, scope: Scope = None, *, published_only: bool = False
) -> Iterator[dict[str, Any]]:
    """One ClaimReview per verdict (``published_only``: per published verdict) on the claims in
    scope, by claim id then verdict id."""
    for chunk in _chunks(export_claims(session, scope)):
        verdicts = _verdicts_by_claim(session, chunk, originals=True,
                                      published_only=published_only)
        titles, kinds = _titles(_sources(session, chunk)), _speaker_kinds(session, chunk)
        for claim in chunk:
            for verdict, reviewer_kind, original in verdicts.get(claim.id or "", []):
                yield review_document(
                    ReviewExport(
                        verdict=verdict,
                        claim=claim,
                        reviewer_kind=reviewer_kind,
                        speaker_kind=kinds.get(claim.speaker or "", ActorKind.UNKNOWN),
                        source_titles=titles,
                        original=original,
                    )
                )


def csv_rows(
    session: Session, scope: Scope = None, *, published_only: bool = False
) -> Iterator[dict[str, Any]]:
    """Spreadsheet rows: each claim on as many rows as it has appearances or verdicts."""
    for chunk in _chunks(export_claims(session, scope)):
        verdicts = _verdicts_by_claim(session, chunk, published_only=published_only)
        sources, kinds = _sources(session, chunk), _speaker_kinds(session, chunk)
        for claim in chunk:
            reviews = [v for v, _, _ in verdicts.get(claim.id or "", [])]
            kind = kinds.get(claim.speaker or "", ActorKind.UNKNOWN)
            base = {
                "id": claim.id,
                "claim": claim.text,
                "speaker": claim.speaker,
                "speaker_kind": None if kind == ActorKind.UNKNOWN else kind.value,
                "date": claim.date,
                "language": claim.language,
                "summary": claim.summary,
                "tags": csvio.TAG_SEPARATOR.join(claim.tags),
                "claim_status": _stage(claim.status),
            }
            for k in range(max(1, len(claim.appearances), len(reviews))):
                row = dict(base)
                if k < len(claim.appearances):
                    place = claim.appearances[k]
                    source = sources.get(place.source, SourceRecord(url=place.source))
                    row |= {
                        "source_url": place.source,
                        "source_title": source.title,
                        "source_published": source.published,
                        "quote": place.quote,
                        "seen": place.seen,
                    }
                if k < len(reviews):
                    v = reviews[k]
                    row |= {
                        "verdict_id": v.id,
                        "verdict": v.rating,
                        "normalized": v.normalized.value,
                        "reviewer": v.by,
                        "verdict_author": v.author,
                        "review_url": v.url,
                        "review_date": v.date,
                        "explanation": v.explanation,
                        "verdict_status": _stage(v.status),
                    }
                yield row


def _stage(status: ReviewStatus | None) -> str:
    """A review stage as `claim list` shows it, drafts included (a CSV is read by people;
    native files leave drafts out for older claimtrack versions: native.stage)."""
    return (status or ReviewStatus.DRAFT).value
