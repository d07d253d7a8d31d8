"""``claimtrack appearance``: where a claim was seen, with the passage quoted verbatim."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli._common import (
    AllByDefault,
    FormatOption,
    at_most,
    command_session,
    emit_rows,
    quiet_typer,
    say,
)
from claimtrack.core.enums import OutputFormat

app = quiet_typer(
    "Record where a claim was seen, with the passage quoted verbatim.\n\n"
    "Examples:\n"
    "  claimtrack appearance add c-7f3a https://example.com/a --quote 'false flag'\n"
    "  claimtrack appearance list c-7f3a\n",
)

ClaimArg = Annotated[
    str, typer.Argument(metavar="CLAIM", help="Claim id (a unique prefix will do).")
]
UrlArg = Annotated[
    str, typer.Argument(metavar="URL", help="URL of the page where the claim appears.")
]


@app.command("add")
def add(
    ctx: typer.Context,
    claim_id: ClaimArg,
    url: UrlArg,
    quote: Annotated[str | None, typer.Option("--quote", help="The passage, verbatim.")] = None,
    seen: Annotated[
        str | None, typer.Option("--seen", help="When you saw it there, YYYY-MM-DD.")
    ] = None,
    replace_quote: Annotated[
        bool,
        typer.Option("--replace-quote",
                     help="Replace the quote already recorded for this claim at this URL."),
    ] = False,
) -> None:
    """Record that a claim appears in a source, with the passage quoted there.

    A different quote already recorded at that URL is kept (an error says so) unless
    --replace-quote is given; the replaced quote is then shown.

    Examples:
        claimtrack appearance add c-7f3a https://example.com/article --quote 'false-flag operation'
        claimtrack appearance add c-7f3a https://example.com/article --quote 'fixed' --replace-quote
    """
    from claimtrack.services import claims

    with command_session(ctx) as session:
        claim = claims.get_claim(session, claim_id)
        before = {a.source_id: (a.quote, a.seen_on) for a in claim.appearances}
        appearance = claims.add_appearance(session, claim, url, quote=quote, seen_on=seen,
                                           replace_quote=replace_quote)
        where = appearance.source.url
        unchanged = before.get(appearance.source_id) == (appearance.quote, appearance.seen_on)
    if unchanged:
        say(f"Claim {claim.public_id} was already recorded at {where}"
            f"{' with this quote' if quote else ''}; nothing changed.")
    else:
        say(f"Recorded claim {claim.public_id} at {where}.")


@app.command("list")
def list_(
    ctx: typer.Context,
    claim_id: ClaimArg,
    limit: AllByDefault = 0,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """List the sources a claim appeared in.

    Examples:
        claimtrack appearance list c-7f3a
    """
    from claimtrack.services import claims

    with command_session(ctx, write=False) as session:
        view = claims.claim_view(claims.get_claim(session, claim_id))
    shown = at_most(view.sources, limit, "appearance")
    rows = [
        {"url": a.url, "outlet": a.outlet, "title": a.title, "quote": a.quote, "seen": a.seen}
        for a in shown
    ]
    emit_rows(
        rows,
        fmt,
        records=list(shown),
        columns=["url", "outlet", "title", "quote", "seen"],
        empty=f"Claim {view.id} has no recorded appearances; add one with "
        "`claimtrack appearance add`.",
    )


@app.command("rm")
def remove(ctx: typer.Context, claim_id: ClaimArg, url: UrlArg) -> None:
    """Forget that a claim appeared in a source.

    Examples:
        claimtrack appearance rm c-7f3a https://example.com/article
    """
    from claimtrack.services import claims

    with command_session(ctx) as session:
        claim = claims.get_claim(session, claim_id)
        claims.remove_appearance(session, claim, url)
    say(f"Removed the appearance of {claim.public_id} at {url}.")
