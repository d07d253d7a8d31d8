"""``claimtrack ratings``: how verdict labels are read, and your own mappings."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli._common import FormatOption, command_session, emit_rows, quiet_typer, say
from claimtrack.core.enums import OutputFormat, Rating
from claimtrack.core.wording import plural

app = quiet_typer(
    "Show how verdict labels read as ratings, and add your own.\n\n"
    "Examples:\n"
    "  claimtrack ratings\n"
    "  claimtrack ratings add Bogus false\n",
    no_args_is_help=False,
)


@app.callback(invoke_without_command=True)
def show(
    ctx: typer.Context,
    mine: Annotated[bool, typer.Option("--mine", help="Only the mappings you added.")] = False,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Show how publishers' labels map onto claimtrack's ratings (yours first, then built-in).

    Unknown labels are kept verbatim and read as unverifiable. Add your own with
    `claimtrack ratings add LABEL RATING`.

    Examples:
        claimtrack ratings --mine
    """
    if ctx.invoked_subcommand is not None:
        return
    from claimtrack.services import ratings

    with command_session(ctx, write=False) as session:
        rows = ratings.rating_rows(session, mine_only=mine)
    emit_rows(
        rows,
        fmt,
        columns=["label", "rating", "language", "origin"],
        empty="You have added no mappings; add one with `claimtrack ratings add`.",
    )


@app.command("add")
def add(
    ctx: typer.Context,
    label: Annotated[str, typer.Argument(help="The publisher's label, e.g. 'Bogus'.")],
    rating: Annotated[
        Rating,
        typer.Argument(
            metavar="RATING",
            help=f"What it means on claimtrack's scale: {', '.join(r.value for r in Rating)}.",
            case_sensitive=False,
            show_default=False,
        ),
    ],
    apply: Annotated[
        bool,
        typer.Option("--apply", help="Also re-read the verdicts already recorded with this label."),
    ] = False,
) -> None:
    """Read LABEL as RATING from now on (in this database; any case and spacing).

    Examples:
        claimtrack ratings add Bogus false --apply
    """
    from claimtrack.services import ratings

    with command_session(ctx) as session:
        changed = ratings.set_label(session, label, rating, apply=apply)
    say(
        f"'{label.strip()}' now reads as {rating}."
        + (f" Re-read {plural(changed, 'verdict')}." if apply else "")
    )


@app.command("rm")
def remove(
    ctx: typer.Context,
    label: Annotated[str, typer.Argument(help="A label you mapped.")],
) -> None:
    """Forget your mapping of LABEL (the built-in reading, if any, applies again).

    Examples:
        claimtrack ratings rm Bogus
    """
    from claimtrack.services import ratings

    with command_session(ctx) as session:
        ratings.remove_label(session, label)
    say(f"Removed your mapping of '{label.strip()}'.")
