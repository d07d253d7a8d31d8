"""``claimtrack claim status`` and ``claimtrack verdict status``: the editorial review."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli._common import command_session, say
from claimtrack.core.enums import ReviewStatus
from claimtrack.core.wording import plural

StatusArg = Annotated[
    ReviewStatus,
    typer.Argument(metavar="STATUS", help="draft, in-review or published.", case_sensitive=False,
                   show_default=False),
]


def claim_status(
    ctx: typer.Context,
    status: StatusArg,
    claim_ids: Annotated[list[str], typer.Argument(metavar="ID", help="Claim ids (one or more).")],
) -> None:
    """Move claims through review: draft → in-review → published (or back).

    Who moved them and when is in `claimtrack history ID`.

    Examples:
        claimtrack claim status in-review c-7f3a
        claimtrack --user editor claim status published c-7f3a c-9k2m
    """
    from claimtrack.services import claims, review

    with command_session(ctx) as session:
        chosen = [claims.get_claim(session, ref, changing="move") for ref in claim_ids]
        moved = [claim.public_id for claim in chosen if review.move(claim, status)]
    _report(moved, len(claim_ids), "claim", status)


def verdict_status(
    ctx: typer.Context,
    status: StatusArg,
    verdict_ids: Annotated[
        list[str], typer.Argument(metavar="ID", help="Verdict ids (one or more).")
    ],
) -> None:
    """Move verdicts through review: draft → in-review → published (or back).

    Examples:
        claimtrack verdict status published v-9k2m1xab4c5d
    """
    from claimtrack.services import review, verdicts

    with command_session(ctx) as session:
        moved = [verdict.public_id
                 for verdict in (verdicts.get_verdict(session, ref) for ref in verdict_ids)
                 if review.move(verdict, status)]
    _report(moved, len(verdict_ids), "verdict", status)


def _report(moved: list[str], asked: int, noun: str, status: ReviewStatus) -> None:
    if moved:
        say(f"Moved {plural(len(moved), noun)} to {status}: {', '.join(moved)}.")
    if len(moved) < asked:
        already = asked - len(moved)
        say(f"{plural(already, noun)} {'was' if already == 1 else 'were'} already {status}.")
