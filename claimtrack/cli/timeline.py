"""``claimtrack timeline``: when a claim and its responses first appeared, and where."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli._common import FormatOption, command_session
from claimtrack.cli._documents import OutputFileOption, deliver
from claimtrack.core.enums import OutputFormat


def timeline(
    ctx: typer.Context,
    claim_id: Annotated[
        str, typer.Argument(metavar="ID", help="Claim id (a unique prefix will do).")
    ],
    fmt: FormatOption = OutputFormat.TABLE,
    output: OutputFileOption = None,
) -> None:
    """Show when a claim and its responses first appeared, and where.

    Oldest first. Uses the dates claims were said, their sources' publication dates and the
    dates they were seen; days_after counts from the claim's own first sighting.

    Examples:
        claimtrack timeline c-7f3a
        claimtrack timeline c-7f3a --format markdown -o timeline.md
    """
    from claimtrack.render.timeline import TIMELINE
    from claimtrack.services import claims
    from claimtrack.services.timeline import timeline_of

    with command_session(ctx, write=False) as session:
        found = timeline_of(session, claims.get_claim(session, claim_id))
    deliver(TIMELINE[fmt](found), output, description=f"the timeline of {found.claim.id}")
