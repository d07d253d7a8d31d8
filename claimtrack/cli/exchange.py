"""``claimtrack export`` and ``claimtrack import``: native JSON, ClaimReview, CSV and JSONL.

Both are one library call each (claimtrack.interchange.export.write_export and
claimtrack.interchange.importing.import_files); this module parses options and reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer

from claimtrack.cli._common import PublishedOnly, command_session, fail, say
from claimtrack.cli._documents import OutputFileOption, writing
from claimtrack.cli._filters import SinceFilter, SpeakerFilter, TagFilter, UntilFilter, claim_filter
from claimtrack.core.enums import ExportFormat, ImportFormat
from claimtrack.render.wording import plural

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from claimtrack.fetch import Page
    from claimtrack.interchange.importing import ImportResult

# `import` exits 3 when some records were rejected and the others imported (0: all of them,
# 1: none, or a file refused). docs/interop.md documents it.
PARTLY_IMPORTED = 3


def export(
    ctx: typer.Context,
    output: OutputFileOption = None,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="native: lossless claimtrack JSON; claimreview: one schema.org "
            "ClaimReview per verdict; csv: a spreadsheet; jsonl: native records, one a line.",
        ),
    ] = ExportFormat.NATIVE,
    speaker: SpeakerFilter = None,
    tag: TagFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    published_only: PublishedOnly = False,
) -> None:
    """Export the database (or the claims the filters select) for another tool or a backup.

    Actors, sources, claims with their appearances, links and verdicts; ids are kept.
    With --published-only: published claims and their published verdicts (a ClaimReview per
    published verdict of a published claim).

    Examples:
        claimtrack export -o everything.json
        claimtrack export --format csv --speaker 'Sergey Lavrov' -o lavrov.csv
        claimtrack export --format claimreview --published-only -o reviews.json
    """
    from claimtrack.interchange.export import left_out_of_csv, unpublished_reviews, write_export

    unpublished, left_out = 0, (0, 0)
    with writing(output, newline="") as stream, command_session(ctx, write=False) as session:
        where = claim_filter(speaker, tag, since, until, session)
        count = write_export(session, stream, fmt=fmt, where=where, published_only=published_only)
        if fmt == ExportFormat.CLAIMREVIEW and not published_only:
            unpublished = unpublished_reviews(session, where)
        if fmt == ExportFormat.CSV:
            left_out = left_out_of_csv(session, where, published_only=published_only)
    exported = f"Exported {plural(count, fmt.unit)}" + (f" to {output}" if output else "")
    if unpublished:
        say(f"{exported}, {unpublished} of them not published (drafts or in review); give "
            "--published-only to leave those out.")
    elif output is not None:
        say(f"{exported}.")
    if any(left_out):
        _say_left_out(*left_out)


def _say_left_out(links: int, merges: int) -> None:
    held = " and ".join(plural(n, noun) for n, noun in ((links, "link"), (merges, "merge")) if n)
    verb = "was" if links + merges == 1 else "were"
    say(f"CSV has no columns for links or merges, so {held} {verb} left out; export with "
        "--format native (or jsonl) to keep everything.")


def import_(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Files or directories to import ('-': stdin), or "
                       "http(s) URLs of pages to fetch, archive and import."),
    ],
    fmt: Annotated[
        ImportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="Input format; auto: from the file name, else from its first bytes.",
        ),
    ] = ImportFormat.AUTO,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Read and check everything and say what would change; write nothing."
        ),
    ] = False,
    rejects: Annotated[
        Path | None,
        typer.Option(
            "--rejects",
            dir_okay=False,
            help="Write each bad record here (JSON Lines: file, position, reason, record).",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first bad record and import nothing.")
    ] = False,
) -> None:
    """Import claimtrack JSON, ClaimReview JSON-LD (also in HTML pages), CSV or JSON Lines.

    A URL is fetched first (an HTML page: its ClaimReview JSON-LD) and an archived copy of
    the page is kept with its source (see `claimtrack source show URL`); a failed fetch
    imports nothing. Records already present are matched, not duplicated: importing twice
    changes nothing.
    Bad records are skipped and reported (all of them with --rejects) and the rest goes in,
    in one transaction; a claimtrack export goes in whole unless --rejects is given.
    See docs/interop.md.

    Examples:
        claimtrack import fixtures/seed.json
        claimtrack import https://example.org/fact-check --dry-run
    """
    from claimtrack.fetch import is_web_address
    from claimtrack.formats import readahead

    local = [path for path in paths if not is_web_address(path)]
    # the files are being read while what writes them loads (readahead.started_early)
    with readahead.started_early(local, None if fmt is ImportFormat.AUTO else fmt.value):
        _import(ctx, paths, local, fmt, dry_run=dry_run, rejects=rejects, strict=strict)


def _import(ctx: typer.Context, paths: list[str], local: list[str], fmt: ImportFormat, *,
            dry_run: bool, rejects: Path | None, strict: bool) -> None:
    from claimtrack.cli import _pages
    from claimtrack.cli._progress import progress
    from claimtrack.core.errors import InvalidInput
    from claimtrack.fetch import is_web_address
    from claimtrack.interchange.importing import (
        expand_paths,
        import_files,
        import_page,
        import_size,
    )

    addresses = [path for path in paths if is_web_address(path)]
    pages = [(address, _pages.fetch(address)) for address in addresses]  # before the transaction
    results: list[ImportResult] = []
    # The rejects file is written and closed inside the transaction: if it cannot be, the
    # import is rolled back rather than committed without the records set aside.
    with command_session(ctx, commit=not dry_run) as session, _rejects_file(rejects) as sink:
        if local:
            files = expand_paths(local)
            with progress(import_size(files), "Importing", in_bytes=True) as update:
                results.append(import_files(session, files, fmt=fmt, strict=strict,
                                            rejects=sink, on_progress=update))
        for address, page in pages:
            _archive(session, address, page, dry_run=dry_run)
            results.append(import_page(session, page, fmt=fmt, strict=strict, rejects=sink))
        rejected = sum(result.summary.rejected for result in results)
        if rejected and not sum(result.summary.accepted for result in results):
            raise InvalidInput(_nothing_imported(results, rejects))  # rolls it all back
    for result in results:
        _report(result, rejects, dry_run=dry_run)
    if rejected:
        raise typer.Exit(PARTLY_IMPORTED)


@contextmanager
def _rejects_file(path: Path | None) -> Iterator[IO[str] | None]:
    """The --rejects file, open for the import; written, flushed and closed when the block
    ends (an error writing it stops the command, which writes nothing)."""
    from claimtrack.core.errors import InvalidInput
    from claimtrack.interchange.importing import rejects_unwritable

    if path is None:
        yield None
        return
    try:
        sink = path.open("w", encoding="utf-8")
    except OSError as error:
        fail(f"Cannot write {path}: {error.strerror}. Choose another --rejects path.")
    try:
        yield sink
    except BaseException:
        with suppress(OSError):
            sink.close()
        raise
    try:
        sink.close()
    except OSError as error:
        raise InvalidInput(rejects_unwritable(path, error)) from None


def _archive(session: Session, address: str, page: Page, *, dry_run: bool) -> None:
    """Keep the fetched page with its source; a dry run keeps it only in the transaction it
    rolls back, and says so."""
    from claimtrack.cli import _pages

    if not dry_run:
        _pages.archive(session, address, page)
        return
    from claimtrack.services import archives, sources

    archives.archive_page(session, sources.ensure_source(session, address), page)
    say(f"Would archive {address} (HTTP {page.status}, {len(page.body):,} bytes).")


def _report(result: ImportResult, rejects: Path | None, *, dry_run: bool) -> None:
    for warning in result.warnings:
        say(warning)
    if result.warning_count > len(result.warnings):
        say(f"… {plural(result.warning_count - len(result.warnings), 'more warning')}.")
    for rejection in result.rejections:
        say(f"Rejected {rejection.file}, {rejection.where}: {sentence(rejection.reason)}")
    summary = result.summary
    if summary.rejected > len(result.rejections):
        say(f"… {summary.rejected - len(result.rejections)} more rejected.")
    files = result.files
    where = files[0] if len(files) == 1 else plural(len(files), "file")
    done = (f"Dry run, nothing written; {where} would give" if dry_run
            else f"Partly imported {where}" if summary.rejected else f"Imported {where}")
    kept = ""
    if summary.rejected:
        kept = (f"; the rejected records are in {rejects}" if rejects
                else "; pass --rejects FILE to keep the rejected records")
    say(f"{done}: {summary.line()}{kept}.")


def _nothing_imported(results: list[ImportResult], rejects: Path | None) -> str:
    rejections = [rejection for result in results for rejection in result.rejections]
    count = sum(result.summary.rejected for result in results)
    what = "the only record was" if count == 1 else f"all {count} records were"
    first = ""
    if rejections:
        where, reason = rejections[0].where, sentence(rejections[0].reason)
        first = f" {capitalised(where)}: {reason}" if count == 1 else (
            f" The first, {where}: {reason}")
    them, listed = ("it", "keeps it") if count == 1 else ("them", "lists every one")
    if rejects is not None:
        listed = f"{'it is' if count == 1 else 'they are'} listed in {rejects}"
    else:
        listed = f"--rejects FILE {listed}"
    return f"Nothing was imported: {what} rejected.{first} Fix {them} and import again; {listed}."


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """A reason as a sentence for people: capitalised, with its full stop."""
    text = capitalised(text.strip())
    return text if text.endswith((".", "!", "?")) else f"{text}."
