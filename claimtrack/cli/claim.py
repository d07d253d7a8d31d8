"""``claimtrack claim``: log, list, show, edit and remove claims."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli._common import (
    FormatOption,
    PublishedOnly,
    at_most,
    command_session,
    emit,
    emit_rows,
    fail,
    limit_option,
    quiet_typer,
    read_stdin,
    say,
)
from claimtrack.cli._filters import SinceFilter, SpeakerFilter, TagFilter, UntilFilter, claim_filter
from claimtrack.core.enums import OutputFormat, ReviewStatus
from claimtrack.core.wording import plural

if TYPE_CHECKING:
    from claimtrack.core.views import ClaimView

app = quiet_typer(
    "Log, list, edit and remove claims.\n\n"
    "Examples:\n"
    "  claimtrack claim add 'It is total disinformation.' --speaker 'Sergey Lavrov'\n"
    "  claimtrack claim list --speaker 'Sergey Lavrov'\n",
)

IdArg = Annotated[
    str,
    typer.Argument(metavar="ID", help="Claim id such as c-7f3a9k2m1xab (a unique prefix will do)."),
]
SpeakerOption = Annotated[
    str | None,
    typer.Option("--speaker", help="Who said it (name or alias; a new name creates the actor)."),
]
DateOption = Annotated[str | None, typer.Option("--date", help="When it was said, YYYY-MM-DD.")]
SummaryOption = Annotated[
    str | None, typer.Option("--summary", help="A headline of at most 75 characters.")
]
LanguageOption = Annotated[
    str | None,
    typer.Option("--language", help="Language of the text, a BCP 47 tag (en, ru, pt-BR)."),
]

TABLE_TEXT = 80
# A terminal shows each claim's headline (its summary, else its text) shortened to one line;
# markdown and CSV the text and the summary whole. Tags are joined as the CSV export joins them.
CLAIM_COLUMNS = ["id", "date", "speaker", "text", "summary", "tags", "challenges", "status"]
TERMINAL_COLUMNS = ["id", "date", "speaker", "headline", "tags", "challenges", "status"]


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT",
            help="The claim, verbatim as published ('-' reads it from stdin; text starting with "
            "'-' goes after --).",
        ),
    ],
    speaker: SpeakerOption = None,
    date: DateOption = None,
    source: Annotated[
        str | None, typer.Option("--source", help="URL of the page where it appeared.")
    ] = None,
    quote: Annotated[
        str | None, typer.Option("--quote", help="The passage from that source, verbatim.")
    ] = None,
    summary: SummaryOption = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeatable).")] = None,
    language: Annotated[
        str, typer.Option("--language", help="Language of the text, a BCP 47 tag (en, ru, "
                          "pt-BR).")
    ] = "en",
    allow_duplicate: Annotated[
        bool,
        typer.Option("--allow-duplicate",
                     help="Add it even though a claim with the same text, speaker and date is "
                     "recorded: it is a distinct claim."),
    ] = False,
) -> None:
    """Log a claim. Prints its id alone on stdout: ID=$(claimtrack claim add …).

    A claim with the same text, speaker and date as a recorded one (matched as `import`
    matches them) is refused, naming the recorded one, unless --allow-duplicate is given.

    Examples:
        ID=$(claimtrack claim add 'Russia deployed operatives' --speaker 'White House')
        claimtrack claim add --speaker "Some Blogger" -- '-5% is fake'
    """
    from claimtrack.services import claims

    if text == "-":
        text = read_stdin()
    with command_session(ctx) as session:
        claim = claims.add_claim(
            session,
            text=text,
            speaker=speaker,
            said_on=date,
            summary=summary,
            language=language,
            tags=tag or (),
            source_url=source,
            quote=quote,
            allow_duplicate=allow_duplicate,
        )
    emit(claim.public_id)
    say(f"Added claim {claim.public_id}.")


@app.command("list")
def list_(
    ctx: typer.Context,
    speaker: SpeakerFilter = None,
    tag: TagFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    limit: Annotated[int, limit_option()] = 100,
    status: Annotated[
        ReviewStatus | None,
        typer.Option("--status", help="Only claims at this review stage.", case_sensitive=False),
    ] = None,
    published_only: PublishedOnly = False,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """List claims, most recently said first.

    Examples:
        claimtrack claim list --speaker "Sergey Lavrov" --since 2022-01-01
        claimtrack claim list --tag ukraine --limit 0 --format csv > claims.csv
    """
    from claimtrack.services import claims

    with command_session(ctx, write=False) as session:
        found = claims.list_claims(
            session,
            where=claim_filter(speaker, tag, since, until, session),
            limit=limit + 1 if limit else None,
            status=ReviewStatus.PUBLISHED if published_only else status,
        )
    found = at_most(found, limit, "claim")
    emit_rows(
        [claim_row(view) for view in found],
        fmt,
        records=found,
        columns=CLAIM_COLUMNS,
        terminal_columns=TERMINAL_COLUMNS,
        empty="No claims match; add one with `claimtrack claim add`.",
    )


@app.command("show")
def show(ctx: typer.Context, claim_id: IdArg, fmt: FormatOption = OutputFormat.TABLE) -> None:
    """Show one claim with its sources, links and verdicts.

    Examples:
        claimtrack claim show c-7f3a
        claimtrack claim show c-7f3a --format json
    """
    from claimtrack.services import claims

    with command_session(ctx, write=False) as session:
        details = claims.describe_claim(session, claim_id)
    from claimtrack.render.claims import CLAIM

    emit(CLAIM[fmt](details))


@app.command("edit")
def edit(
    ctx: typer.Context,
    claim_id: IdArg,
    text: Annotated[str | None, typer.Option("--text", help="New text, verbatim.")] = None,
    speaker: SpeakerOption = None,
    date: DateOption = None,
    summary: SummaryOption = None,
    language: LanguageOption = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="Add a tag (repeatable).")] = None,
    untag: Annotated[
        list[str] | None, typer.Option("--untag", help="Remove a tag (repeatable).")
    ] = None,
    allow_duplicate: Annotated[
        bool,
        typer.Option("--allow-duplicate",
                     help="Change it even though it then has the same text, speaker and date as "
                     "another claim: they are distinct claims."),
    ] = False,
) -> None:
    """Change a claim. An empty value ('') clears speaker, date, summary or language.

    Examples:
        claimtrack claim edit c-7f3a --summary 'False-flag claim' --tag ukraine
        claimtrack claim edit c-7f3a --date ''
    """
    from claimtrack.services import claims

    if text is None and speaker is None and date is None and summary is None \
            and language is None and not tag and not untag:
        fail("Nothing to change; give --text, --speaker, --date, --summary, --language, --tag "
             "or --untag.")
    with command_session(ctx) as session:
        claim = claims.edit_claim(
            session,
            claims.get_claim(session, claim_id, changing="edit"),
            text=text,
            speaker=speaker,
            said_on=date,
            summary=summary,
            language=language,
            add_tags=tag or (),
            remove_tags=untag or (),
            allow_duplicate=allow_duplicate,
        )
    say(f"Updated claim {claim.public_id}.")


@app.command("rm")
def remove(
    ctx: typer.Context,
    claim_id: IdArg,
    cascade: Annotated[
        bool, typer.Option("--cascade", help="Also delete its links and verdicts.")
    ] = False,
) -> None:
    """Delete a claim (refused while links or verdicts refer to it, unless --cascade).

    Examples:
        claimtrack claim rm c-7f3a
        claimtrack claim rm c-7f3a --cascade
    """
    from claimtrack.services import claims

    with command_session(ctx) as session:
        claim = claims.get_claim(session, claim_id, changing="remove")
        removed = claim.public_id
        claims.remove_claim(session, claim, cascade=cascade)
    say(f"Removed claim {removed}.")


def claim_row(view: ClaimView) -> dict[str, object]:
    """A claim as one flat row (CLAIM_COLUMNS, and the headline for terminal tables)."""
    from claimtrack.core.values import joined_tags
    from claimtrack.render.wording import short

    return {
        "id": view.id,
        "date": view.date,
        "speaker": view.speaker,
        "text": view.text,
        "summary": view.summary,
        "headline": short(view.headline, TABLE_TEXT),
        "tags": joined_tags(view.tags),
        "challenges": view.challenges,
        "status": view.status,
    }


@app.command("merge")
def merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(metavar="KEEP", help="The claim to keep.")],
    drop: Annotated[str, typer.Argument(metavar="DROP", help="The duplicate to merge into KEEP.")],
) -> None:
    """Merge a duplicate claim into another, in one transaction. Prints KEEP's id.

    DROP's appearances, links, verdicts and tags move to KEEP; DROP's id keeps working and
    leads to KEEP. Links that would duplicate KEEP's or link KEEP to itself are dropped.

    Examples:
        claimtrack claim merge c-7f3a c-9k2m
    """
    from claimtrack.services import merges

    with command_session(ctx) as session:
        result = merges.merge_by_id(session, keep, drop)
    emit(result.keep)
    say(
        f"Merged {result.drop} into {result.keep}: moved "
        f"{plural(result.appearances, 'appearance')}, "
        f"{plural(result.links, 'link')}, {plural(result.verdicts, 'verdict')}, "
        f"{plural(result.tags, 'tag')}"
        + (f"; dropped {plural(result.links_dropped, 'duplicate link')}" if result.links_dropped
           else "")
        + f". {result.drop} now leads to {result.keep}."
    )


# Commands of other topics that act on one claim, listed with the claim commands.
from claimtrack.cli import history, status  # noqa: E402

app.command("status")(status.claim_status)
app.command("restore")(history.restore)
