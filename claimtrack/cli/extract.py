"""``claimtrack extract``: suggest an article's disputes, and record the ones a person accepts."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimtrack.cli._common import FormatOption, command_session, emit_rows, fail, say
from claimtrack.core.enums import OutputFormat
from claimtrack.core.wording import plural

if TYPE_CHECKING:
    from claimtrack.extract.model import Suggestion

TABLE_TEXT = 70
COLUMNS = ["id", "speaker", "kind", "verb", "text", "responds_to", "confidence", "start", "end"]


def extract(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(
        metavar="ARTICLE", help="A plain-text article file (UTF-8) or a saved HTML page, '-' "
        "for standard input, or an http(s) URL: the page is fetched, archived with its source, "
        "and its text read.")],
    fmt: FormatOption = OutputFormat.TABLE,
    apply: Annotated[bool, typer.Option("--apply", help="Record the accepted suggestions "
                                        "(needs --source and --accept or --all).")] = False,
    source: Annotated[str | None, typer.Option("--source", metavar="URL", help="Where the "
                                               "article was published (with --apply; default "
                                               "for a fetched page: its URL).")] = None,
    accept: Annotated[list[str] | None, typer.Option("--accept", metavar="IDS", help="Suggestions "
                                                     "to record, e.g. s1,s3 (repeatable).")] = None,
    accept_all: Annotated[bool, typer.Option("--all", help="Record every suggestion.")] = False,
    said_on: Annotated[str | None, typer.Option(
        "--date", metavar="DATE", help="When the recorded claims were said, YYYY-MM-DD (with "
        "--apply; usually the article's date: extraction reads no dates).")] = None,
    no_db: Annotated[bool, typer.Option(
        "--no-db", help="Leave the database alone: speakers as the text names them, no links to "
        "recorded claims.")] = False,
) -> None:
    """Suggest the claims, counter-claims, denials and non-denials of an article.

    Prints each attributed assertion with its speaker, kind, verb, words, offsets and the
    suggestion (or recorded claim) it answers. Nothing is written without --apply (but for
    the archived copy of a page given by URL); with it, the accepted suggestions become claims
    quoted from --source, linked to what they answer (denial: denies, counter-claim:
    contradicts, non-denial: evades, else responds_to), in one transaction. Applying the same
    article again adds nothing.

    Examples:
        claimtrack extract article.txt
        claimtrack extract https://example.com/article --apply --all --date 2024-03-01
    """
    from claimtrack.cli import _pages
    from claimtrack.fetch import is_web_address
    from claimtrack.services import articles

    page = None
    if is_web_address(file):
        source = source or (file if apply else None)
    wanted = _accepted(accept, accept_all, apply, source, no_db, dated=said_on is not None)
    if is_web_address(file):
        page = _pages.fetch(file)  # read before anything is written: a binary body is refused
        text = _checked(articles.text_of, page.body, file, media_type=page.media_type,
                        charset=page.charset)
    else:
        text = _read(file)
    from claimtrack.extract import extract as suggest

    suggestions = suggest(text)
    if no_db:
        _print_suggestions(suggestions, fmt, file)
        return
    from claimtrack.services import extraction

    with command_session(ctx, write=apply or page is not None) as session:
        if page is not None:
            _pages.archive(session, file, page)
        suggestions = extraction.resolve(session, suggestions)
        if apply:
            chosen = [s.id for s in suggestions] if accept_all else wanted
            recorded = extraction.apply(session, suggestions, text, source_url=source or "",
                                        accepted=chosen, said_on=said_on)
    if not apply:
        _print_suggestions(suggestions, fmt, file)
        for sentence in extraction.recorded_again(suggestions):
            say(sentence)
        return
    rows: list[dict[str, object]] = [
        {"suggestion": r.suggestion, "claim": r.claim, "speaker": r.speaker,
         "kind": r.kind.value, "status": r.status, "link": r.link}
        for r in recorded
    ]
    emit_rows(rows, fmt, empty="Nothing to record.")
    added = sum(r.status == "added" for r in recorded)
    say(f"Recorded {plural(added, 'new claim')} from {source}; {len(recorded) - added} already "
        "recorded.")


def _accepted(accept: list[str] | None, accept_all: bool, apply: bool, source: str | None,
              no_db: bool, *, dated: bool) -> list[str]:
    """The suggestion ids to record, after checking the options go together."""
    wanted = [part.strip().lower() for item in accept or () for part in item.split(",")
              if part.strip()]
    if not apply:
        if wanted or accept_all or source or dated:
            fail("--accept, --all, --source and --date only work with --apply; add --apply to "
                 "record.")
        return []
    if no_db:
        fail("--apply records into the database; drop --no-db.")
    if not source:
        fail("--apply needs --source URL: the page the article was published on.")
    if wanted and accept_all:
        fail("Give --accept or --all, not both.")
    if not wanted and not accept_all:
        fail("Say what to record: --accept s1,s3 (ids from a run without --apply) or --all.")
    from claimtrack.core.errors import InvalidInput
    from claimtrack.core.values import url

    try:
        url(source, "--source URL")
    except InvalidInput as error:
        fail(str(error))
    return wanted


def _read(file: str) -> str:
    """The article in ``file`` (or standard input), read no further than the limit."""
    from claimtrack.services.articles import read_article

    if file == "-":
        return _checked(read_article, sys.stdin.buffer, "Standard input")
    try:
        with Path(file).open("rb") as stream:
            return _checked(read_article, stream, file)
    except OSError as error:
        fail(f"Cannot read {file}: {error.strerror}. Check the path, or pass - for stdin.")


def _checked(read: Callable[..., str], *args: Any, **options: Any) -> str:
    """``read(...)``, or its refusal as ``Error:`` and exit 1."""
    from claimtrack.core.errors import InvalidInput

    try:
        return read(*args, **options)
    except InvalidInput as error:
        fail(str(error))


def _print_suggestions(suggestions: list[Suggestion], fmt: OutputFormat, file: str) -> None:
    from claimtrack.render.wording import brief

    rows: list[dict[str, object]] = [
        {"id": s.id, "speaker": s.speaker, "kind": s.kind.value, "verb": s.verb,
         "text": brief(s.text, TABLE_TEXT), "responds_to": s.responds_to,
         "confidence": s.confidence, "start": s.start, "end": s.end}
        for s in suggestions
    ]
    emit_rows(rows, fmt, records=[s.public() for s in suggestions], columns=COLUMNS,
              empty=f"No attributed assertions found in {file}.")
