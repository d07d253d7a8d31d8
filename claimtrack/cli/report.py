"""``claimtrack show`` and ``claimtrack report``: disputes, both sides at once."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli._common import PublishedOnly, command_session, limit_option, quiet_typer
from claimtrack.cli._documents import DocumentFormatOption, OutputFileOption, deliver
from claimtrack.cli._filters import SinceFilter, SpeakerFilter, TagFilter, UntilFilter, claim_filter
from claimtrack.core.enums import DocumentFormat, GroupBy

app = quiet_typer(
    "Write reports on disputes for editors and readers.\n\n"
    "Examples:\n"
    "  claimtrack report contested\n"
    "  claimtrack report contested --format html -o report.html\n",
)


def show(
    ctx: typer.Context,
    claim_id: Annotated[
        str, typer.Argument(metavar="ID", help="Claim id (a unique prefix will do).")
    ],
    fmt: DocumentFormatOption = DocumentFormat.TABLE,
    output: OutputFileOption = None,
) -> None:
    """Show a claim's dispute as a tree (or a page: --format html).

    Who said it; who denied, contradicted, evaded or supported it; the verdicts and sources.

    Examples:
        claimtrack show c-7f3a
        claimtrack show c-7f3a --format html -o dispute.html
    """
    from claimtrack.render.disputes import DISPUTE
    from claimtrack.services import claims, disputes

    with command_session(ctx, write=False) as session:
        dispute = disputes.dispute_of(session, claims.get_claim(session, claim_id))
    deliver(DISPUTE[fmt](dispute), output, description=f"dispute {dispute.claim.id}")


@app.command("contested")
def contested(
    ctx: typer.Context,
    tag: TagFilter = None,
    speaker: SpeakerFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    limit: Annotated[int, limit_option("At most this many disputes (0: all).")] = 0,
    published_only: PublishedOnly = False,
    group_by: Annotated[
        GroupBy | None,
        typer.Option("--group-by", case_sensitive=False, show_default=False,
                     help="Group the disputes by the claim's tag (a claim with two tags is "
                     "under both) or its speaker."),
    ] = None,
    fmt: DocumentFormatOption = DocumentFormat.TABLE,
    output: OutputFileOption = None,
) -> None:
    """List every contested claim with both sides, most challenged first.

    --format html -o report.html writes one self-contained page for editors and readers.

    Examples:
        claimtrack report contested --tag ukraine --limit 10
        claimtrack report contested --format html --group-by speaker -o report.html
    """
    from claimtrack.render.disputes import CONTESTED, ContestedReport
    from claimtrack.render.wording import plural
    from claimtrack.services import disputes, review

    filters = {"tag": tag, "speaker": speaker, "since": since, "until": until, "limit": limit}
    if published_only:
        filters["status"] = "published"
    report = review.published_contested if published_only else disputes.contested
    with command_session(ctx, write=False) as session:
        where = claim_filter(speaker, tag, since, until, session)
        found = report(session, where=where, limit=limit or None)
    deliver(
        CONTESTED[fmt](ContestedReport(found, filters, group_by)),
        output,
        description=f"the contested report ({plural(len(found), 'dispute')})",
    )
