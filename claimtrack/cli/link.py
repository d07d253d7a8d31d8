"""``claimtrack link``: how claims answer each other ("A denies B")."""

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
    fail,
    quiet_typer,
    say,
)
from claimtrack.core.enums import LinkStatus, OutputFormat, Relation

app = quiet_typer(
    "Link claims: denies, contradicts, evades, supports…\n\n"
    "Examples:\n"
    "  claimtrack link add c-9k2m denies c-7f3a\n"
    "  claimtrack link list c-7f3a\n",
)

RelationArg = Annotated[
    Relation,
    typer.Argument(
        metavar="RELATION",
        help="supports, contradicts, denies, evades (a non-denial such as 'neither confirm nor "
        "exclude'), responds_to or same_as.",
        case_sensitive=False,
        show_default=False,
    ),
]


@app.command("add")
def add(
    ctx: typer.Context,
    from_id: Annotated[str, typer.Argument(metavar="FROM", help="The answering claim's id.")],
    relation: RelationArg,
    to_id: Annotated[str, typer.Argument(metavar="TO", help="The id of the claim it answers.")],
    note: Annotated[str | None, typer.Option("--note", help="Why you linked them.")] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="URL of the page that reports the answer.")
    ] = None,
) -> None:
    """Link two claims: FROM RELATION TO reads "FROM denies TO". Prints the link's number.

    Examples:
        claimtrack link add c-9k2m denies c-7f3a
        claimtrack link add c-9k2m evades c-7f3a --note 'neither confirmed nor denied'
    """
    from claimtrack.services import claims, links

    with command_session(ctx) as session:
        link = links.add_link(
            session,
            claims.get_claim(session, from_id),
            relation,
            claims.get_claim(session, to_id),
            note=note,
            source_url=source,
        )
        description = f"{link.from_claim.public_id} {relation} {link.to_claim.public_id}"
    emit(str(link.id))
    say(f"Linked {description} (link {link.id}).")


@app.command("list")
def list_(
    ctx: typer.Context,
    claim_id: Annotated[
        str | None,
        typer.Argument(metavar="CLAIM", help="Only links touching this claim.", show_default=False),
    ] = None,
    relation: Annotated[
        Relation | None,
        typer.Option("--relation", help="Only this relation.", case_sensitive=False),
    ] = None,
    status: Annotated[
        LinkStatus | None,
        typer.Option(
            "--status",
            help="Only links with this status (suggested: see `claimtrack review`).",
            case_sensitive=False,
        ),
    ] = None,
    limit: AllByDefault = 0,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """List links, oldest first. Only confirmed links count in disputes.

    Examples:
        claimtrack link list c-7f3a
        claimtrack link list --relation denies --format json
    """
    from claimtrack.services import claims, links

    with command_session(ctx, write=False) as session:
        claim = claims.get_claim(session, claim_id) if claim_id else None
        found = at_most(links.list_links(session, claim, relation=relation, status=status,
                                         limit=limit + 1 if limit else None), limit, "link")
    rows = [
        {
            "id": v.id,
            "from": v.from_claim,
            "relation": v.relation,
            "to": v.to_claim,
            "status": v.status,
            "note": v.note,
            "source": v.source,
            "created_at": v.created_at,
        }
        for v in found
    ]
    columns = ["id", "from", "relation", "to", "status", "note", "source"]
    emit_rows(
        rows,
        fmt,
        terminal_columns=columns,
        empty="No links; add one with `claimtrack link add FROM denies TO`.",
    )


@app.command("rm")
def remove(
    ctx: typer.Context,
    link: Annotated[
        list[str],
        typer.Argument(
            metavar="LINK",
            help="The links: their numbers (see `claimtrack link list`), or the three words "
            "FROM RELATION TO as given to `link add`.",
        ),
    ],
) -> None:
    """Delete links: one or more by number, or one as FROM RELATION TO.

    Examples:
        claimtrack link rm 12 14
        claimtrack link rm c-9k2m denies c-7f3a
    """
    from claimtrack.services import claims, links

    with command_session(ctx) as session:
        if all(word.isascii() and word.isdigit() for word in link):
            found = [links.get_link(session, int(number)) for number in dict.fromkeys(link)]
        elif len(link) == 3:
            try:
                relation = Relation(link[1].lower())
            except ValueError:
                from claimtrack.core.values import not_a_choice

                fail(not_a_choice(link[1], Relation, "a relation"))
            found = [links.find_link(
                session,
                claims.get_claim(session, link[0]),
                relation,
                claims.get_claim(session, link[2]),
            )]
        else:
            fail("Give link numbers, or FROM RELATION TO (e.g. c-1a2b denies c-3c4d).")
        numbers = [str(each.id) for each in found]
        for each in found:
            links.remove_link(session, each)
    say(f"Removed {'link' if len(numbers) == 1 else 'links'} {', '.join(numbers)}.")


LinkIdArg = Annotated[
    int,
    typer.Argument(
        metavar="LINK_ID", help="The link's number (see `claimtrack review` or `link list`)."
    ),
]


@app.command("confirm")
def confirm(ctx: typer.Context, link_id: LinkIdArg) -> None:
    """Confirm a suggested link: from now on it counts.

    Suggestions come from `claimtrack dedupe`; `claimtrack review` lists them.

    Examples:
        claimtrack review
        claimtrack link confirm 12
    """
    _decide(ctx, link_id, LinkStatus.CONFIRMED)


@app.command("reject")
def reject(ctx: typer.Context, link_id: LinkIdArg) -> None:
    """Reject a suggested link: it stops counting, and the pair is never suggested again.

    Examples:
        claimtrack link reject 12
    """
    _decide(ctx, link_id, LinkStatus.REJECTED)


def _decide(ctx: typer.Context, link_id: int, status: LinkStatus) -> None:
    from claimtrack.services import links

    with command_session(ctx) as session:
        link = links.get_link(session, link_id)
        before = link.status
        links.set_link_status(session, link, status)
        description = links.reads(link)
    if before == status:
        say(f"Link {link_id} ({description}) was already {status}.")
    else:
        say(f"Link {link_id} ({description}) is now {status} (was {before}).")
