"""``claimtrack dedupe`` and ``claimtrack review``: find likely duplicates, then decide."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claimtrack.cli._common import (
    FormatOption,
    command_session,
    emit,
    emit_rows,
    limit_option,
    say,
)
from claimtrack.core.enums import OutputFormat
from claimtrack.core.wording import plural

TABLE_TEXT = 50


def dedupe(
    ctx: typer.Context,
    threshold: Annotated[
        float,
        typer.Option("--threshold", min=0.01, max=1.0,
                     help="Suggest pairs scoring at least this (0–1); lower finds more."),
    ] = 0.8,
    logged_since: Annotated[
        str | None,
        typer.Option("--logged-since", help="Only scan claims logged on or after this date "
                     "(YYYY-MM-DD), against all others: for nightly runs on large databases."),
    ] = None,
) -> None:
    """Scan all claims for likely duplicates and record them as suggested same_as links.

    Nothing is linked for real: review the suggestions with `claimtrack review`, then
    `claimtrack link confirm ID`, `link reject ID` or `claim merge KEEP DROP`. Pairs already
    linked (a rejected suggestion included) are never suggested; nor are claims under 8 words,
    or a negated claim and one that is not.

    Examples:
        claimtrack dedupe
        claimtrack dedupe --threshold 0.9
    """
    from claimtrack.cli._progress import progress
    from claimtrack.services import dedupe as dedupe_service

    with command_session(ctx) as session:
        # Counted only for the bar, which only a terminal shows.
        total = dedupe_service.count_claims(session, logged_since) if sys.stderr.isatty() else 0
        with progress(total, "Looking for duplicates", minimum=1000) as advance:
            result = dedupe_service.dedupe(session, threshold=threshold,
                                           logged_since=logged_since, progress=advance)
    emit("\n".join(str(link_id) for link_id in result.link_ids))
    say(f"Scanned {plural(result.scanned, 'claim')}; recorded "
        f"{plural(result.suggested, 'new suggestion')}."
        + (" Review them with `claimtrack review`." if result.suggested else ""))


def review(
    ctx: typer.Context,
    limit: Annotated[int, limit_option("At most this many (0: all).")] = 0,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """List suggested duplicates waiting for a decision, the most likely first.

    Examples:
        claimtrack review
        claimtrack link confirm 12
    """
    from claimtrack.render.wording import brief
    from claimtrack.services import dedupe as dedupe_service

    with command_session(ctx, write=False) as session:
        found = dedupe_service.pending(session, limit=limit or None)
    rows: list[dict[str, object]] = [
        {"link": s.link, "score": s.score, "claim": s.claim.id,
         "text": brief(s.claim.text, TABLE_TEXT), "same_as": s.same_as.id,
         "same_as_text": brief(s.same_as.text, TABLE_TEXT)}
        for s in found
    ]
    emit_rows(rows, fmt, records=list[object](found),
              columns=["link", "score", "claim", "text", "same_as", "same_as_text"],
              empty="No suggestions are waiting; run `claimtrack dedupe` to look for duplicates.")
    if found:
        say("Decide with `claimtrack link confirm LINK`, `claimtrack link reject LINK`, or "
            "`claimtrack claim merge KEEP DROP`.")
