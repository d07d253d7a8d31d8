"""``claimtrack source``: the articles and pages where claims appear."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli._common import FormatOption, command_session, emit, emit_rows, quiet_typer, say
from claimtrack.core.enums import OutputFormat

if TYPE_CHECKING:
    from claimtrack.services.sources import SourceFields

app = quiet_typer(
    "Keep the articles and pages where claims appear, with archived copies.\n\n"
    "Examples:\n"
    "  claimtrack source add https://example.com/article --fetch\n"
    "  claimtrack source show https://example.com/article\n",
)

UrlArg = Annotated[
    str, typer.Argument(metavar="URL", help="The page's URL (tracking parameters are dropped).")
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
    str | None, typer.Option("--retrieved", help="When you read it (ISO time; default: not set).")
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
) -> None:
    """Add a source. Prints its normalised URL.

    Examples:
        claimtrack source add https://example.com/article --title 'Lavrov dismisses it' --outlet AP
        claimtrack source add https://example.com/article --fetch
    """
    from claimtrack.services import sources

    with command_session(ctx) as session:
        source = sources.add_source(
            session, url, _fields(title, outlet, published, archive_url, retrieved)
        )
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
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """List sources, newest publication first, with how many claims appear in each.

    Examples:
        claimtrack source list --outlet AP
    """
    from claimtrack.render.claims import source_row
    from claimtrack.services import sources

    with command_session(ctx, write=False) as session:
        found = sources.list_sources(session, outlet=outlet)
    emit_rows(
        [source_row(view) for view in found],
        fmt,
        records=found,
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
