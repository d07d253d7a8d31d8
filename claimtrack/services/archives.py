"""Archived copies of sources: keeping a fetched page as evidence, and reading it back.

The fetch itself is claimtrack.fetch (network, no database); here a fetched ``Page`` is stored
for a source: one ``source_archives`` row per fetch, the body once per SHA-256 in
``archive_bodies`` (see claimtrack.models.archive and docs/archives.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.errors import NotFound
from claimtrack.core.views import ArchiveView
from claimtrack.fetch import Page
from claimtrack.models import ArchiveBody, Source, SourceArchive
from claimtrack.store.sql import chunked, create_or_find


def archive_page(session: Session, source: Source, page: Page) -> SourceArchive:
    """Keep ``page`` as an archived copy of ``source``: the body as received (stored once per
    SHA-256), when it was fetched, the final URL, the HTTP status and the content type."""
    digest = page.sha256
    if session.get(ArchiveBody, digest) is None:
        create_or_find(session, partial(_new_body, session, digest, page.body),
                       partial(session.get, ArchiveBody, digest))
    archive = SourceArchive(
        source_id=source.id,
        retrieved_at=page.retrieved_at,
        requested_url=page.requested_url,
        final_url=page.final_url,
        status=page.status,
        content_type=page.content_type,
        sha256=digest,
        size=len(page.body),
    )
    session.add(archive)
    session.flush()
    return archive


def _new_body(session: Session, digest: str, body: bytes) -> ArchiveBody:
    row = ArchiveBody(sha256=digest, size=len(body), body=body)
    session.add(row)
    session.flush()
    return row


def archives_of(session: Session, source: Source) -> list[ArchiveView]:
    """Every archived copy of ``source``, newest first."""
    found = session.scalars(
        select(SourceArchive)
        .where(SourceArchive.source_id == source.id)
        .order_by(SourceArchive.retrieved_at.desc(), SourceArchive.id.desc())
    )
    return [archive_view(archive) for archive in found]


def newest_copies(session: Session, urls: Iterable[str]) -> dict[str, ArchiveView]:
    """The newest archived copy of each page these URLs name (any spelling), by URL as given;
    pages without one are left out. One query per 500 pages."""
    keys = values.url_keys(urls)
    newest: dict[str, ArchiveView] = {}
    for chunk in chunked(sorted(set(keys.values()))):
        found = session.execute(
            select(Source.url_key, SourceArchive).join(Source)
            .where(Source.url_key.in_(chunk))
            .order_by(SourceArchive.retrieved_at, SourceArchive.id)
        )
        newest.update((key, archive_view(archive)) for key, archive in found)
    return {url: newest[key] for url, key in sorted(keys.items()) if key in newest}


def archived_body(session: Session, source: Source) -> tuple[ArchiveView, bytes]:
    """The newest archived copy of ``source`` and its body as received. Raises NotFound."""
    latest = archives_of(session, source)
    if not latest:
        raise NotFound(f"{source.url} has no archived copy; make one with "
                       f"`claimtrack source archive {source.url}`.")
    body = session.get(ArchiveBody, latest[0].sha256)
    assert body is not None  # the foreign key keeps it
    return latest[0], body.body


def archive_view(archive: SourceArchive) -> ArchiveView:
    return ArchiveView(
        retrieved_at=archive.retrieved_at,
        requested_url=archive.requested_url,
        final_url=archive.final_url,
        status=archive.status,
        content_type=archive.content_type,
        sha256=archive.sha256,
        size=archive.size,
    )
