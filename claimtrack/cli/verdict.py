"""``claimtrack verdict``: what fact-checkers concluded, their label kept verbatim."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli._common import (
    AllByDefault,
    FormatOption,
    at_most,
    command_session,
    emit,
    emit_rows,
    quiet_typer,
    say,
)
from claimtrack.core.enums import OutputFormat, Rating, ReviewStatus

app = quiet_typer(
    "Record fact-checkers' verdicts on claims.\n\n"
    "Examples:\n"
    "  claimtrack verdict add c-7f3a --rating Unproven --by 'Some Fact Checker'\n"
    "  claimtrack verdict list c-7f3a\n",
)


@app.command("add")
def add(
    ctx: typer.Context,
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM", help="The claim reviewed.")],
    rating: Annotated[
        str, typer.Option("--rating", help="The publisher's label, verbatim: 'Pants on Fire'.")
    ],
    by: Annotated[str, typer.Option("--by", help="The reviewer (actor name or alias).")],
    normalized: Annotated[
        Rating | None,
        typer.Option(
            "--normalized",
            help="The rating on claimtrack's scale (default: read from the label).",
            case_sensitive=False,
        ),
    ] = None,
    url: Annotated[str | None, typer.Option("--url", help="URL of the fact-check.")] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Date of the review, YYYY-MM-DD.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A short explanation.")] = None,
    allow_duplicate: Annotated[
        bool,
        typer.Option("--allow-duplicate",
                     help="Add it even though the claim has a verdict with the same --url (or, "
                     "without one, the same reviewer, rating and date): it is a distinct one."),
    ] = False,
) -> None:
    """Record a verdict on a claim. Prints the verdict's id.

    A verdict the claim has already (the same review URL, in any spelling; without a URL, the
    same reviewer, rating and date) is refused, naming it, unless --allow-duplicate is given.

    Examples:
        claimtrack verdict add c-7f3a --rating 'Pants on Fire' --by PolitiFact --url https://example.org/c
        claimtrack verdict add c-7f3a --rating Unproven --by Checker --normalized unverifiable
    """
    from claimtrack.services import claims, verdicts

    with command_session(ctx) as session:
        verdict = verdicts.add_verdict(
            session,
            claims.get_claim(session, claim_id),
            rating=rating,
            by=by,
            normalized=normalized,
            url=url,
            reviewed_on=date,
            explanation=note,
            allow_duplicate=allow_duplicate,
        )
    emit(verdict.public_id)
    say(f"Added verdict {verdict.public_id}: {verdict.rating} ({verdict.normalized}).")


@app.command("list")
def list_(
    ctx: typer.Context,
    claim_id: Annotated[
        str | None,
        typer.Argument(metavar="CLAIM", help="Only verdicts on this claim.", show_default=False),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Only this reviewer's (actor name or alias).",
                     show_default=False),
    ] = None,
    normalized: Annotated[
        Rating | None,
        typer.Option("--normalized", help="Only verdicts with this rating on claimtrack's scale.",
                     case_sensitive=False, show_default=False),
    ] = None,
    status: Annotated[
        ReviewStatus | None,
        typer.Option("--status", help="Only verdicts at this review stage.",
                     case_sensitive=False, show_default=False),
    ] = None,
    limit: AllByDefault = 0,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """List verdicts, newest review first.

    Examples:
        claimtrack verdict list
        claimtrack verdict list c-7f3a --format csv
        claimtrack verdict list --by PolitiFact --normalized false --limit 20
    """
    from claimtrack.services import claims, verdicts

    with command_session(ctx, write=False) as session:
        claim = claims.get_claim(session, claim_id) if claim_id else None
        found = at_most(verdicts.list_verdicts(
            session, claim, by=by, normalized=normalized, status=status,
            limit=limit + 1 if limit else None), limit, "verdict")
    rows = [
        {
            "id": v.id,
            "claim": v.claim,
            "rating": v.rating,
            "normalized": v.normalized,
            "by": v.by,
            "date": v.date,
            "url": v.url,
        }
        for v in found
    ]
    emit_rows(
        rows,
        fmt,
        records=found,
        columns=["id", "claim", "rating", "normalized", "by", "date", "url"],
        empty=("No verdicts match --by, --normalized or --status; drop them to see every "
               "verdict." if by or normalized or status
               else "No verdicts; add one with `claimtrack verdict add`."),
    )


@app.command("rm")
def remove(
    ctx: typer.Context,
    verdict_id: Annotated[
        str, typer.Argument(metavar="ID", help="Verdict id, e.g. v-7f3a9k2m1xab.")
    ],
) -> None:
    """Delete a verdict.

    Examples:
        claimtrack verdict rm v-9k2m1xab4c5d
    """
    from claimtrack.services import verdicts

    with command_session(ctx) as session:
        verdict = verdicts.get_verdict(session, verdict_id)
        removed = verdict.public_id
        verdicts.remove_verdict(session, verdict)
    say(f"Removed verdict {removed}.")


from claimtrack.cli import status  # noqa: E402  (the review status, next to claim status)

app.command("status")(status.verdict_status)
