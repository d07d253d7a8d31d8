"""``write_export``: the library call behind ``claimtrack export``, in every ExportFormat.

Everything is streamed, a chunk of claims at a time: the native document and JSON Lines from
claimtrack.interchange.native's records, ClaimReview JSON-LD (one per verdict) and CSV rows
from here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import islice
from typing import IO, Any

from sqlalchemy import null, select
from sqlalchemy.orm import Session

from claimtrack.core.enums import ActorKind, ExportFormat
from claimtrack.formats import csvio, jsonl, native, native_out
from claimtrack.formats.claimreview_out import ReviewExport, review_document
from claimtrack.formats.native import ClaimRecord, VerdictRecord
from claimtrack.interchange.native import Scope, export_claims, export_sections
from claimtrack.models import Actor, Claim, Source, Verdict, VerdictOriginal
from claimtrack.models.base import utcnow
from claimtrack.services.filters import ClaimFilter

CHUNK = 500


def write_export(
    session: Session,
    stream: IO[str],
    *,
    fmt: ExportFormat = ExportFormat.NATIVE,
    where: ClaimFilter = ClaimFilter(),
) -> int:
    """Write the database (or the claims ``where`` selects, with what they refer to) to
    ``stream`` in ``fmt``; returns how many records (reviews for ClaimReview) were written."""
    return WRITERS[fmt](session, stream, claim_scope(where))


def _native(session: Session, stream: IO[str], scope: Scope) -> int:
    header = {"format": native.FORMAT_NAME, "version": native.FORMAT_VERSION,
              "exported_at": native.iso_time(utcnow())}
    count = native_out.write_document(stream, header, export_sections(session, scope))
    stream.write("\n")
    return count


def _jsonl(session: Session, stream: IO[str], scope: Scope) -> int:
    return jsonl.write_jsonl(stream, export_sections(session, scope))


def _csv(session: Session, stream: IO[str], scope: Scope) -> int:
    return csvio.write_csv(stream, csv_rows(session, scope))


def _claimreview(session: Session, stream: IO[str], scope: Scope) -> int:
    """A JSON array, one review at a time."""
    count = 0
    stream.write("[")
    for review in claim_reviews(session, scope):
        text = json.dumps(review, ensure_ascii=False, indent=2)
        stream.write(("," if count else "") + "\n" + text)
        count += 1
    stream.write("\n]\n")
    return count


WRITERS: dict[ExportFormat, Callable[[Session, IO[str], Scope], int]] = {
    ExportFormat.NATIVE: _native,
    ExportFormat.JSONL: _jsonl,
    ExportFormat.CSV: _csv,
    ExportFormat.CLAIMREVIEW: _claimreview,
}


def claim_scope(where: ClaimFilter = ClaimFilter()) -> Scope:
    """The claims an export covers, filtered as in ``claim list``; None when unfiltered."""
    if where.is_empty:
        return None
    return where.apply(select(Claim)).with_only_columns(Claim.id)


def _chunks(records: Iterator[ClaimRecord]) -> Iterator[list[ClaimRecord]]:
    while chunk := list(islice(records, CHUNK)):
        yield chunk


def _verdicts_by_claim(
    session: Session, chunk: list[ClaimRecord], *, originals: bool = False
) -> dict[str, list[tuple[Any, ...]]]:
    """(verdict, reviewer kind, original ClaimReview or None) by claim id; the originals (whole
    documents) are read only when asked for."""
    query = (
        select(Claim.public_id, Verdict, Actor.name, Actor.kind,
               VerdictOriginal.document if originals else null())
        .join(Claim, Claim.id == Verdict.claim_id)
        .join(Actor, Actor.id == Verdict.reviewer_id)
        .where(Claim.public_id.in_([c.id for c in chunk]))
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
        )
        found.setdefault(public_id, []).append((record, ActorKind(kind), original))
    return found


def _titles(session: Session, chunk: list[ClaimRecord]) -> dict[str, str]:
    """The titles of the sources these claims appear in, by URL."""
    urls = {a.source for c in chunk for a in c.appearances}
    return {
        url: str(title)
        for url, title in session.execute(
            select(Source.url, Source.title).where(Source.url.in_(urls), Source.title.is_not(None))
        )
    }


def _speaker_kinds(session: Session, chunk: list[ClaimRecord]) -> dict[str, ActorKind]:
    names = {c.speaker for c in chunk if c.speaker}
    return {
        name: ActorKind(kind)
        for name, kind in session.execute(
            select(Actor.name, Actor.kind).where(Actor.name.in_(names))
        )
    }


def claim_reviews(session: Session, scope: Scope = None) -> Iterator[dict[str, Any]]:
    """One ClaimReview per verdict on the claims in scope, by claim id then verdict id."""
    for chunk in _chunks(export_claims(session, scope)):
        verdicts = _verdicts_by_claim(session, chunk, originals=True)
        titles, kinds = _titles(session, chunk), _speaker_kinds(session, chunk)
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


def csv_rows(session: Session, scope: Scope = None) -> Iterator[dict[str, Any]]:
    """Spreadsheet rows: each claim on as many rows as it has appearances or verdicts."""
    for chunk in _chunks(export_claims(session, scope)):
        verdicts = _verdicts_by_claim(session, chunk)
        titles = _titles(session, chunk)
        for claim in chunk:
            reviews = [v for v, _, _ in verdicts.get(claim.id or "", [])]
            base = {
                "id": claim.id,
                "claim": claim.text,
                "speaker": claim.speaker,
                "date": claim.date,
                "language": claim.language,
                "summary": claim.summary,
                "tags": ";".join(claim.tags),
            }
            for k in range(max(1, len(claim.appearances), len(reviews))):
                row = dict(base)
                if k < len(claim.appearances):
                    place = claim.appearances[k]
                    row |= {
                        "source_url": place.source,
                        "source_title": titles.get(place.source),
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
                        "review_url": v.url,
                        "review_date": v.date,
                        "explanation": v.explanation,
                    }
                yield row
