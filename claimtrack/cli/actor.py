"""``claimtrack actor``: the people and bodies who make claims and verdicts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli._common import (
    AllByDefault,
    FormatOption,
    at_most,
    command_session,
    emit,
    emit_record,
    emit_rows,
    quiet_typer,
    say,
)
from claimtrack.cli._documents import OutputFileOption, deliver
from claimtrack.core.enums import ActorKind, OutputFormat

if TYPE_CHECKING:
    from claimtrack.core.views import ActorView

app = quiet_typer(
    "Keep the people, organisations, governments and media who make and review claims.\n\n"
    "Examples:\n"
    "  claimtrack actor edit 'Sergey Lavrov' --kind person --alias 'Sergei Lavrov'\n"
    "  claimtrack actor record 'Sergey Lavrov'\n",
)

NameArg = Annotated[
    str, typer.Argument(metavar="NAME", help="The actor's name or one of its aliases (any case).")
]
KindOption = Annotated[
    ActorKind | None, typer.Option("--kind", help="What the actor is.", case_sensitive=False)
]
AliasOption = Annotated[
    list[str] | None,
    typer.Option("--alias", help="Another name it goes by, e.g. a transliteration (repeatable)."),
]
DescriptionOption = Annotated[
    str | None, typer.Option("--description", help="A short description: role, country.")
]


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="Full name, e.g. 'Sergey Lavrov'.")],
    kind: KindOption = None,
    alias: AliasOption = None,
    description: DescriptionOption = None,
) -> None:
    """Add a person, organisation, government or media outlet. Prints its name.

    Examples:
        claimtrack actor add 'Sergey Lavrov' --kind person --description 'Russian foreign minister'
    """
    from claimtrack.services import actors

    with command_session(ctx) as session:
        actor = actors.add_actor(
            session,
            name,
            kind=kind or ActorKind.UNKNOWN,
            aliases=alias or (),
            description=description,
        )
    emit(actor.name)
    say(f"Added actor '{actor.name}' ({actor.kind}).")


@app.command("list")
def list_(
    ctx: typer.Context,
    kind: KindOption = None,
    named: Annotated[
        str | None,
        typer.Option("--named", help="Only actors whose name or an alias contains this text "
                     "(any case).", show_default=False),
    ] = None,
    limit: AllByDefault = 0,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """List actors by name with how many claims each made.

    Examples:
        claimtrack actor list --kind government
        claimtrack actor list --named lavrov
    """
    from claimtrack.services import actors

    with command_session(ctx, write=False) as session:
        found = at_most(actors.list_actors(session, kind=kind, named=named,
                                           limit=limit + 1 if limit else None), limit, "actor")
    rows = [_row(view) for view in found]
    emit_rows(rows, fmt, records=found, columns=["name", "kind", "aliases", "claims"],
              empty=("No actors match --kind or --named; drop them to see every actor."
                     if named or kind else "No actors yet; add one with `claimtrack actor add`."))


@app.command("show")
def show(ctx: typer.Context, name: NameArg, fmt: FormatOption = OutputFormat.TABLE) -> None:
    """Show one actor, found by name or alias.

    Examples:
        claimtrack actor show 'Sergei Lavrov'
    """
    from claimtrack.services import actors

    with command_session(ctx, write=False) as session:
        view = actors.describe_actor(session, name)
    emit_record(_row(view, description=True), fmt, record=view)


@app.command("record")
def record(
    ctx: typer.Context,
    name: NameArg,
    fmt: FormatOption = OutputFormat.TABLE,
    output: OutputFileOption = None,
) -> None:
    """Show a speaker's track record: claims made, how many contested, by whom, verdicts.

    Examples:
        claimtrack actor record 'Sergey Lavrov'
        claimtrack actor record 'White House' --format markdown -o record.md
    """
    from claimtrack.render.track_record import RECORD
    from claimtrack.services.track_record import speaker_record

    with command_session(ctx, write=False) as session:
        found = speaker_record(session, name)
    deliver(RECORD[fmt](found), output, description=f"the track record of {found.actor.name}")


@app.command("edit")
def edit(
    ctx: typer.Context,
    name: NameArg,
    new_name: Annotated[
        str | None, typer.Option("--name", help="Rename; the old name is kept as an alias.")
    ] = None,
    kind: KindOption = None,
    description: DescriptionOption = None,
    alias: AliasOption = None,
    remove_alias: Annotated[
        list[str] | None, typer.Option("--remove-alias", help="Drop an alias (repeatable).")
    ] = None,
) -> None:
    """Rename an actor or change its kind, description or aliases.

    Examples:
        claimtrack actor edit 'Sergey Lavrov' --kind person --alias 'Sergei Lavrov'
        claimtrack actor edit 'White House' --name 'The White House'
    """
    from claimtrack.services import actors

    with command_session(ctx) as session:
        actor = actors.edit_actor(
            session,
            actors.get_actor(session, name),
            name=new_name,
            kind=kind,
            description=description,
            add_aliases=alias or (),
            remove_aliases=remove_alias or (),
        )
    say(f"Updated actor '{actor.name}'.")


@app.command("rm")
def remove(ctx: typer.Context, name: NameArg) -> None:
    """Delete an actor who is nobody's speaker or reviewer.

    Examples:
        claimtrack actor rm 'Misspelt Name'
    """
    from claimtrack.services import actors

    with command_session(ctx) as session:
        actor = actors.get_actor(session, name)
        removed = actor.name
        actors.remove_actor(session, actor)
    say(f"Removed actor '{removed}'.")


def _row(view: ActorView, *, description: bool = False) -> dict[str, object]:
    row: dict[str, object] = {
        "name": view.name,
        "kind": view.kind,
        "aliases": list(view.aliases),
        "claims": view.claims,
    }
    if description:
        row["description"] = view.description
    return row
