"""Sources: web pages (or urn: identifiers) where claims appear: one row per page, its URL as
first given; other spellings of that URL (core.values.url_key) find the same row."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.errors import Conflict, NotFound
from claimtrack.core.views import QuotedClaim, SourceDetails, SourceView
from claimtrack.models import Appearance, Source
from claimtrack.services.notices import notify
from claimtrack.store.sql import chunked, create_or_find


def find_source(session: Session, url: str) -> Source | None:
    """The source stored for the page ``url`` names (any spelling of it), or None.
    Raises InvalidInput for a URL that is no web address."""
    return session.scalar(
        select(Source).where(Source.url_key == values.url_key(values.url(url)))
    )


def source_views(session: Session, urls: Iterable[str]) -> dict[str, SourceView]:
    """The stored record of each page these URLs name (any spelling), by URL as given, in
    one query per 500 pages; pages not stored and URLs that are no web address are left out."""
    keys = values.url_keys(urls)
    stored = {
        source.url_key: source
        for chunk in chunked(sorted(set(keys.values())))
        for source in session.scalars(select(Source).where(Source.url_key.in_(chunk)))
    }
    return {url: source_view(stored[key]) for url, key in sorted(keys.items()) if key in stored}


def get_source(session: Session, url: str) -> Source:
    """Like ``find_source`` but raises NotFound."""
    source = find_source(session, url)
    if source is None:
        raise NotFound(f"No source has the URL {url}; list sources with `claimtrack source list`.")
    return source


def ensure_source(session: Session, url: str) -> Source:
    """Find a source by URL, creating it (and saying so) when it is new."""
    existing = find_source(session, url)
    if existing is not None:
        return existing
    source, created = create_or_find(
        session, partial(_new_source, session, url), partial(find_source, session, url)
    )
    if created:
        notify(session, f"Created source {source.url}.")
    return source


def _new_source(session: Session, url: str) -> Source:
    source = Source(url=values.url(url))
    session.add(source)
    session.flush()
    return source


@dataclass(frozen=True)
class SourceFields:
    """A source's details as given: None leaves a field as it is; "" clears it."""

    title: str | None = None
    outlet: str | None = None
    published: str | dt.date | None = None
    archive_url: str | None = None
    retrieved_at: str | dt.datetime | None = None

    def apply_to(self, source: Source) -> None:
        """Set the given fields on ``source``. Raises InvalidInput for a bad value."""
        if self.title is not None:
            source.title = values.optional_text(self.title, "title")
        if self.outlet is not None:
            source.outlet = values.optional_text(self.outlet, "outlet", max_length=values.NAME_MAX)
        if self.published is not None:
            source.published_on = values.date(self.published, "published date")
        if self.archive_url is not None:
            source.archive_url = values.optional_url(self.archive_url, "archive URL")
        if self.retrieved_at is not None:
            source.retrieved_at = values.timestamp(self.retrieved_at, "retrieval time")


def add_source(session: Session, url: str, fields: SourceFields = SourceFields()) -> Source:
    """Add a source, its URL as given. Raises Conflict when the page is already stored (under
    this or another spelling of its URL)."""
    given = values.url(url)
    existing = find_source(session, given)
    if existing is not None:
        raise Conflict(
            f"The page {given} is already recorded as {existing.url}; change it with "
            "`claimtrack source edit`."
        )
    source = Source(url=given)
    fields.apply_to(source)
    session.add(source)
    session.flush()
    return source


def edit_source(session: Session, source: Source, fields: SourceFields = SourceFields()) -> Source:
    """Change the given fields of a source; None leaves a field as it is."""
    fields.apply_to(source)
    session.flush()
    return source


def list_sources(
    session: Session, *, outlet: str | None = None, limit: int | None = None
) -> list[SourceView]:
    """Every source (the first ``limit``) with how many claims appear in it, newest
    publication first."""
    counts = (
        select(Appearance.source_id, func.count().label("claims"))
        .group_by(Appearance.source_id)
        .subquery()
    )
    query = (
        select(Source, func.coalesce(counts.c.claims, 0))
        .outerjoin(counts, counts.c.source_id == Source.id)
        .order_by(Source.published_on.desc().nulls_last(), Source.url)
    )
    wanted = values.optional_text(outlet, "--outlet", max_length=values.NAME_MAX)
    if wanted:
        query = query.where(func.lower(Source.outlet) == wanted.lower())
    return [source_view(source, count) for source, count in session.execute(query.limit(limit))]


def describe_source(session: Session, url: str) -> SourceDetails:
    """One source, the claims seen in it (each with its quote) and its archived copies.
    Raises NotFound."""
    from claimtrack.services import archives, reading

    source = get_source(session, url)
    appearances = session.execute(
        select(Appearance.claim_id, Appearance.quote)
        .where(Appearance.source_id == source.id)
        .order_by(Appearance.id)
    ).all()
    views = reading.claim_views(session, [claim_id for claim_id, _ in appearances])
    quoted = tuple(QuotedClaim(views[claim_id], quote) for claim_id, quote in appearances)
    copies = tuple(archives.archives_of(session, source))
    view = source_view(source, len(quoted))
    if copies:  # newest first
        view = dataclasses.replace(view, archived_at=copies[0].retrieved_at)
    return SourceDetails(view, quoted, copies)


def source_view(source: Source, claims: int = 0) -> SourceView:
    return SourceView(
        url=source.url,
        title=source.title,
        outlet=source.outlet,
        published=source.published_on,
        retrieved_at=source.retrieved_at,
        archive_url=source.archive_url,
        claims=claims,
    )
