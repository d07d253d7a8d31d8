"""The options that choose claims (--speaker, --tag, --since, --until) and the ClaimFilter
they ask for: shared by ``claim list``, ``report contested``, ``graph``, ``search`` and ``export``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from claimtrack.services.filters import ClaimFilter

SpeakerFilter = Annotated[
    str | None, typer.Option("--speaker", help="Only claims by this actor (name or alias).")
]
TagFilter = Annotated[
    list[str] | None, typer.Option("--tag", help="Only claims with this tag (repeat: all of them).")
]
SinceFilter = Annotated[
    str | None, typer.Option("--since", help="Only claims said on or after this date (YYYY-MM-DD).")
]
UntilFilter = Annotated[
    str | None,
    typer.Option("--until", help="Only claims said on or before this date (YYYY-MM-DD)."),
]


def claim_filter(
    speaker: str | None,
    tag: list[str] | None,
    since: str | None,
    until: str | None,
    session: Session | None = None,
) -> ClaimFilter:
    """The claims that --speaker, --tag, --since and --until select (checked when applied).
    With ``session``, a --speaker that names no actor, or a --tag no claim has, is an error (a
    typo), not "no claims" (``check_filter``)."""
    from claimtrack.services.filters import ClaimFilter

    chosen = ClaimFilter(speaker=speaker, tags=tuple(tag or ()), since=since, until=until)
    if session is not None:
        check_filter(chosen, session)
    return chosen


def check_filter(chosen: ClaimFilter, session: Session) -> None:
    """Refuse a --speaker that names no actor and a --tag that no claim has."""
    chosen.check(session)
    chosen.check_tags(session)

