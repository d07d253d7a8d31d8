"""``claimtrack search`` and ``claimtrack match``: find claims by words, or by a whole text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli._common import (
    LIMIT_CAP,
    FormatOption,
    command_session,
    emit_rows,
    fail,
    limit_option,
    read_stdin,
    say,
)
from claimtrack.cli._filters import SinceFilter, SpeakerFilter, TagFilter, UntilFilter, claim_filter
from claimtrack.core.enums import OutputFormat

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

TABLE_TEXT = 70


def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(
            help='Words (all must match), "a phrase" in double quotes, -word to exclude. Put '
            "the query in single quotes, or after -- when it has an exclusion.",
            show_default=False,
        ),
    ],
    speaker: SpeakerFilter = None,
    tag: TagFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    limit: Annotated[int, limit_option("At most this many claims (0: all).")] = 20,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Search claim texts, summaries and quotes for words, most relevant first.

    Words match their English inflections (deploy finds deployed); very common words are
    ignored. Matches are shown [in brackets] in the snippet column (not added to the text);
    JSON and CSV give the snippet's text as stored and the matches as offsets.

    Examples:
        claimtrack search 'false flag'
        claimtrack search '"total disinformation" -ukraine' --speaker 'Sergey Lavrov'
    """
    from claimtrack.render.snippets import SNIPPET_CELLS, SNIPPET_COLUMNS, snippet_fields
    from claimtrack.services import search as search_service

    wording = " ".join(query)
    with command_session(ctx, write=False) as session:
        hits = search_service.search(
            session, wording, where=claim_filter(speaker, tag, since, until, session),
            limit=limit or LIMIT_CAP,
        )
        hint = "" if hits else _no_match_hint(session, wording)
    cells = SNIPPET_CELLS[fmt]
    rows: list[dict[str, object]] = [
        {"id": hit.id, "score": hit.score, "speaker": hit.speaker, "date": hit.date,
         **cells(hit.snippet), "text": hit.text}
        for hit in hits
    ]
    records = [{"id": hit.id, "text": hit.text, "speaker": hit.speaker, "date": hit.date,
                "score": hit.score, **snippet_fields(hit.snippet), "tags": list(hit.tags)}
               for hit in hits]
    emit_rows(rows, fmt, records=list[object](records),
              columns=["id", "score", "speaker", "date", *SNIPPET_COLUMNS[fmt], "text"],
              terminal_columns=["id", "score", "speaker", "date", "snippet"],
              empty=hint)


def _no_match_hint(session: Session, query: str) -> str:
    """What to try when nothing matches: a speaker's claims when the query names an actor
    (their name is not in their claims' text), else advice that fits the query's length."""
    import shlex

    from claimtrack.services import actors

    named = actors.named_by_words(
        session, [w.strip('"') for w in query.split() if not w.startswith("-")])
    if named:
        commands = " or ".join(f"`claimtrack claim list --speaker {shlex.quote(name)}`"
                               for name in named[:3])
        return (f"No claim's text matches '{query}'; for the claims of "
                f"{' or '.join(named[:3])}, run {commands}.")
    if len(query.split()) == 1:
        return (f"No claim matches '{query}'; check its spelling, or find claims like a whole "
                "text with `claimtrack match`.")
    return ("No claim matches all these words; try fewer words, or `claimtrack match` for a "
            "whole text.")


def match(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(help="The text to look for, e.g. a post's wording ('-' reads stdin).",
                       show_default=False),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help="Read the text from this UTF-8 file.", dir_okay=False),
    ] = None,
    limit: Annotated[int, limit_option("At most this many claims (0: all).")] = 5,
    threshold: Annotated[
        float,
        typer.Option("--threshold", min=0.0, max=1.0,
                     help="Scores at or above this are shown as suggestions."),
    ] = 0.8,
    fmt: FormatOption = OutputFormat.TABLE,
) -> None:
    """Find the claims most likely to be the same claim as a text (have we seen this?).

    Each is scored from 0 to 1.

    Texts under 8 words, a negated text against one that is not, and texts that give other
    figures or opposite words ("rose" / "fell") are never suggested as the same claim: compare
    them by eye.

    Examples:
        claimtrack match 'Russia sent saboteurs to stage a false-flag attack'
        claimtrack match --file post.txt
    """
    from claimtrack.render.wording import brief
    from claimtrack.services import search as search_service

    wording = _read_text(text, file)
    with command_session(ctx, write=False) as session:
        hits = search_service.match(session, wording, limit=limit or LIMIT_CAP, threshold=threshold)
    rows: list[dict[str, object]] = [
        {"id": hit.id, "score": hit.score, "suggested": hit.is_suggestion, "speaker": hit.speaker,
         "date": hit.date,
         "text": brief(hit.text, TABLE_TEXT)}
        for hit in hits
    ]
    emit_rows(rows, fmt, records=list[object](hits),
              columns=["id", "score", "suggested", "speaker", "date", "text"],
              empty="No claim shares a word with this text; it looks new. Log it with "
              "`claimtrack claim add`.")
    for hit in hits:
        if hit.is_suggestion:
            say(f"{hit.id} is likely the same claim (score {hit.score:.2f}); after logging the "
                f"new one, link it with `claimtrack link add NEW same_as {hit.id}`.")
    for hit in hits:
        if hit.differs:
            say(f"{hit.id} reads alike (score {hit.score:.2f}) but gives {hit.differs}: not the "
                "same claim as written; compare them by eye.")
    if any(hit.score >= threshold and not hit.is_suggestion and not hit.differs for hit in hits):
        say(f"Texts under {search_service.MIN_WORDS} words, and a negated text against one "
            "that is not (a denial repeats the claim's words), are never suggested as the same "
            "claim, however close; compare them by eye.")


def _read_text(text: str | None, file: Path | None) -> str:
    if (text is None) == (file is None):
        fail("Give the text to match, or --file PATH (not both).")
    if file is not None:
        try:
            return file.read_text(encoding="utf-8-sig")
        except OSError as error:
            fail(f"Cannot read {file}: {error.strerror}. Check the path.")
        except UnicodeDecodeError:
            fail(f"{file} is not UTF-8; re-save it as UTF-8.")
    return read_stdin() if text == "-" else text or ""
