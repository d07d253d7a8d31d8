"""``claimtrack history`` and ``claimtrack claim restore``: who changed what, and undoing it."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli._common import (
    FormatOption,
    at_most,
    command_session,
    emit,
    emit_rows,
    limit_option,
    say,
)
from claimtrack.core.enums import HistoryEntity, OutputFormat
from claimtrack.core.wording import plural

HISTORY_COLUMNS = ["id", "at", "user", "command", "action", "entity", "key", "changes"]


def history(
    ctx: typer.Context,
    ref: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="A claim id (its changes, its verdicts' and the links "
                       "touching it), a verdict id, or a link number.", show_default=False),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Only changes made by this person: the name recorded for them "
                     "(set with the global `claimtrack --user NAME`, which says who is acting)."),
    ] = None,
    old_user_filter: Annotated[
        str | None, typer.Option("--user", hidden=True, help="The old name of --by.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only changes at or after this time (YYYY-MM-DD or ISO time, "
                     "UTC unless an offset is given)."),
    ] = None,
    entity: Annotated[
        HistoryEntity | None,
        typer.Option("--entity", case_sensitive=False,
                     help="Only changes to claim, verdict, link, actor or source."),
    ] = None,
    limit: Annotated[int, limit_option()] = 100,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Show the edit history, newest first: who changed what, when, before and after.

    Examples:
        claimtrack history c-7f3a
        claimtrack history --by alice --since 2022-01-01 --entity claim
    """
    from claimtrack.store.history import changes

    with command_session(ctx, write=False) as session:
        found = changes.history(session, ref, user=by or old_user_filter, since=since,
                                 entity=entity, limit=limit + 1 if limit else None)
    found = at_most(found, limit, "change", "latest")
    rows = [
        {"id": v.id, "at": v.at.strftime("%Y-%m-%d %H:%M:%S"), "user": v.user,
         "command": v.command, "action": v.action, "entity": v.entity, "key": v.key,
         "changes": v.changes}
        for v in found
    ]
    emit_rows(rows, fmt, records=found, columns=HISTORY_COLUMNS,
              empty="No changes recorded that match; see `claimtrack history --help`.")


def restore(
    ctx: typer.Context,
    claim_id: Annotated[
        str, typer.Argument(metavar="ID", help="The claim's id (it may have been deleted).")
    ],
    at: Annotated[
        str,
        typer.Option("--at", help="Bring it back as it was at this time (ISO time such as "
                     "2022-01-17T09:30:00Z, or a date, today or yesterday for its start; UTC "
                     "unless an offset is given). See `claimtrack history ID`."),
    ],
) -> None:
    """Restore a deleted or edited claim from its history (tags and appearances included).

    A deleted claim also gets back the links and verdicts removed with it.

    Examples:
        claimtrack history c-7f3a
        claimtrack claim restore c-7f3a --at 2022-01-17T09:30:00Z
    """
    from claimtrack.services import claim_restore as restoring

    with command_session(ctx) as session:
        result = restoring.restore_claim(session, claim_id, at)
        restored = result.claim.public_id
        recorded = f"{result.entry.at:%Y-%m-%d %H:%M:%S} UTC by {result.entry.user_name}"
    emit(restored)
    what = "Re-created" if result.recreated else "Restored"
    extra = (f", with {plural(result.links, 'link')} and {plural(result.verdicts, 'verdict')}"
             if result.recreated else "")
    say(f"{what} claim {restored} as recorded {recorded}{extra}.")
