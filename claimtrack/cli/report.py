"""``claimtrack show`` and ``claimtrack report``: disputes, both sides at once."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli._common import (
    FormatOption,
    PublishedOnly,
    SinceFilter,
    SpeakerFilter,
    TagFilter,
    UntilFilter,
    command_session,
    emit,
)
from claimtrack.enums import OutputFormat

app = typer.Typer(no_args_is_help=True)


def show(
    ctx: typer.Context,
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="Claim id (a unique prefix will do).")],
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Show a claim's dispute as a tree.

    Who said it; who denied, contradicted, evaded or supported it; the verdicts and sources.
    """
    from claimtrack.render import render_dispute
    from claimtrack.services import claims, disputes

    with command_session(ctx, write=False) as session:
        dispute = disputes.dispute_of(session, claims.get_claim(session, claim_id))
    emit(render_dispute(dispute, fmt))


@app.command("contested")
def contested(
    ctx: typer.Context,
    tag: TagFilter = None,
    speaker: SpeakerFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    limit: Annotated[
        int, typer.Option("--limit", min=0, help="At most this many disputes (0: all).")
    ] = 0,
    published_only: PublishedOnly = False,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Every contested claim with both sides, most challenged first."""
    from claimtrack.render import render_contested
    from claimtrack.services import disputes, review

    filters = {"tag": tag, "speaker": speaker, "since": since, "until": until, "limit": limit}
    if published_only:
        filters["status"] = "published"
    report = review.published_contested if published_only else disputes.contested
    with command_session(ctx, write=False) as session:
        found = report(
            session, speaker=speaker, tags=tag or (), since=since, until=until, limit=limit or None
        )
    emit(render_contested(found, fmt, filters=filters))
