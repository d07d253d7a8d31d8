"""``claimtrack source``: the articles and pages where claims appear."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli import _pages
from claimtrack.cli._common import (
    AllByDefault,
    FormatOption,
    at_most,
    command_session,
    emit,
    emit_rows,
    fail,
    quiet_typer,
    say,
)
from claimtrack.core.enums import OutputFormat

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from claimtrack.services.sources import SourceFields

app = quiet_typer(
    "Keep the articles and pages where claims appear, with archived copies.\n\n"
    "Examples:\n"
    "  claimtrack source add https://example.com/article --fetch\n"
    "  claimtrack source show https://example.com/article\n",
)

UrlArg = Annotated[
    str,
    typer.Argument(
        metavar="URL", help="The page's URL, as published (any spelling of it finds the page)."
    ),
]
TitleOption = Annotated[str | None, typer.Option("--title", help="The headline.")]
OutletOption = Annotated[str | None, typer.Option("--outlet", help="Who published it, e.g. 'AP'.")]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date, YYYY-MM-DD.")
]
ArchiveOption = Annotated[
    str | None, typer.Option("--archive-url", help="An archived copy, e.g. on web.archive.org.")
]
RetrievedOption = Annotated[
    str | None,
    typer.Option("--retrieved", help="When you read it or --archive-url's copy was made (ISO "
                 "time; default: not set). claimtrack's own copies keep their time apart: "
                 "archived_at in `source show`."),
]


@app.command("add")
def add(
    ctx: typer.Context,
    url: UrlArg,
    title: TitleOption = None,
    outlet: OutletOption = None,
    published: PublishedOption = None,
    archive_url: ArchiveOption = None,
    retrieved: RetrievedOption = None,
    fetch: Annotated[
        bool,
        typer.Option("--fetch", help="Fetch the page now and keep an archived copy (the HTML as "
                     "received, with when, the final URL, HTTP status and SHA-256)."),
    ] = False,
) -> None:
    """Add a source. Prints its normalised URL.

    With --fetch the page is fetched first; if that fails, nothing is added.

    Examples:
        claimtrack source add https://example.com/article --title 'Lavrov dismisses it' --outlet AP
        claimtrack source add https://example.com/article --fetch
    """
    from claimtrack.services import sources

    page = _pages.fetch(url) if fetch else None
    with command_session(ctx) as session:
        _refuse_known(session, url, fetched=page is not None)
        source = sources.add_source(
            session, url, _fields(title, outlet, published, archive_url, retrieved)
        )
        if page is not None:
            _pages.archive(session, source.url, page)
    emit(source.url)
    say(f"Added source {source.url}.")


@app.command("edit")
def edit(
    ctx: typer.Context,
    url: UrlArg,
    title: TitleOption = None,
    outlet: OutletOption = None,
    published: PublishedOption = None,
    archive_url: ArchiveOption = None,
    retrieved: RetrievedOption = None,
) -> None:
    """Change a source's details; an empty value ('') clears a field.

    Examples:
        claimtrack source edit https://example.com/article --outlet Reuters --published 2022-01-17
    """
    from claimtrack.services import sources

    with command_session(ctx) as session:
        source = sources.edit_source(
            session,
            sources.get_source(session, url),
            _fields(title, outlet, published, archive_url, retrieved),
        )
    say(f"Updated source {source.url}.")


@app.command("list")
def list_(
    ctx: typer.Context,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")] = None,
    limit: AllByDefault = 0,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """List sources, newest publication first, with how many claims appear in each.

    Examples:
        claimtrack source list --outlet AP
    """
    from claimtrack.render.claims import source_row
    from claimtrack.services import sources

    with command_session(ctx, write=False) as session:
        found = at_most(
            sources.list_sources(session, outlet=outlet, limit=limit + 1 if limit else None),
            limit, "source")
    emit_rows(
        [source_row(view) for view in found],
        fmt,
        records=found,
        columns=["url", "title", "outlet", "published", "claims"],
        empty="No sources yet; add one with `claimtrack source add`.",
    )


@app.command("show")
def show(ctx: typer.Context, url: UrlArg, fmt: FormatOption = OutputFormat.TABLE) -> None:
    """Show one source and the claims that appear in it.

    Examples:
        claimtrack source show https://example.com/article
    """
    from claimtrack.render.claims import SOURCE
    from claimtrack.services import sources

    with command_session(ctx, write=False) as session:
        details = sources.describe_source(session, url)
    emit(SOURCE[fmt](details))
    if not details.claims:
        say("No claims appear in this source yet.")
    if details.archives:
        latest = details.archives[0]
        say(f"Archived {len(details.archives)} time{'s' if len(details.archives) > 1 else ''}; "
            f"last on {latest.retrieved_at:%Y-%m-%d %H:%M} UTC (HTTP {latest.status}).")
    else:
        say(f"No archived copy; keep one with `claimtrack source archive {details.source.url}`.")


@app.command("archive")
def archive(ctx: typer.Context, url: UrlArg) -> None:
    """Fetch the page again and keep an archived copy of it (earlier copies are kept).

    The copy holds the HTML as received, when it was fetched, the final URL after redirects,
    the HTTP status, the content type and the SHA-256 of the body, so the evidence survives
    the page's deletion. A new URL becomes a source. See docs/archives.md.

    Examples:
        claimtrack source archive https://example.com/article
        claimtrack source show https://example.com/article
    """
    page = _pages.fetch(url)
    with command_session(ctx) as session:
        _pages.archive(session, url, page)


def _refuse_known(session: Session, url: str, *, fetched: bool) -> None:
    """`source add` of a page already recorded (its URL named once when spelt as recorded):
    change its details instead, or (``fetched``, with --fetch) keep a new copy of it."""
    from claimtrack.core import values
    from claimtrack.services import sources

    known = sources.find_source(session, url)
    if known is None:
        return
    given = values.url(url)
    spelt = "" if known.url == given else f" as {known.url}"
    advice = (f"keep a new copy of it with `claimtrack source archive {known.url}` (change its "
              "details with `claimtrack source edit`)" if fetched
              else f"change its details with `claimtrack source edit {known.url}`")
    fail(f"The page {given} is already recorded{spelt}; {advice}.")


def _fields(
    title: str | None,
    outlet: str | None,
    published: str | None,
    archive_url: str | None,
    retrieved: str | None,
) -> SourceFields:
    from claimtrack.services.sources import SourceFields

    return SourceFields(
        title=title,
        outlet=outlet,
        published=published,
        archive_url=archive_url,
        retrieved_at=retrieved,
    )
