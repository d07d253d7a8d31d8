"""Pages given by URL (``import URL``, ``extract URL``, ``source add URL --fetch``, ``source
archive URL``): fetched before the command's transaction opens, archived inside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtrack.cli._common import fail, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from claimtrack.fetch import Page
    from claimtrack.models import SourceArchive


def fetch(url: str) -> Page:
    """The page at ``url``, or ``Error:`` and exit 1 (a network failure, or an answer other
    than 2xx: nothing is archived from an error page)."""
    from claimtrack.core.errors import ClaimtrackError
    from claimtrack.core.values import url as checked_url
    from claimtrack.fetch import fetch_ok

    try:
        checked_url(url)
        return fetch_ok(url)
    except ClaimtrackError as error:  # FetchFailed, or InvalidInput for a malformed URL
        fail(str(error))


def archive(session: Session, url: str, page: Page) -> SourceArchive:
    """Keep ``page`` as an archived copy of the source ``url`` (created if new)."""
    from claimtrack.services import archives, sources

    source = sources.ensure_source(session, url)
    before = archives.archives_of(session, source)
    stored = archives.archive_page(session, source, page)
    same = next((a for a in before if a.sha256 == stored.sha256), None)
    unchanged = f"; unchanged since {same.retrieved_at:%Y-%m-%d %H:%M} UTC" if same else ""
    moved = f", redirected to {page.final_url}" if page.final_url != page.requested_url else ""
    say(f"Archived {source.url} (HTTP {page.status}, {page.media_type or 'no content type'}, "
        f"{len(page.body):,} bytes, sha256 {stored.sha256[:12]}…{moved}{unchanged}).")
    return stored
