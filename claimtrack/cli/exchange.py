"""``claimtrack export`` and ``claimtrack import``: native JSON, ClaimReview, CSV and JSONL."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from claimtrack.cli._common import command_session, fail, say
from claimtrack.cli._documents import OutputFileOption, writing
from claimtrack.cli._filters import SinceFilter, SpeakerFilter, TagFilter, UntilFilter, claim_filter

if TYPE_CHECKING:
    from claimtrack.interchange.importer import Rejection
    from claimtrack.interchange.state import ImportSummary

SHOWN_REJECTS = 10


class ImportFormat(StrEnum):
    AUTO = "auto"
    NATIVE = "native"
    CLAIMREVIEW = "claimreview"
    CSV = "csv"
    JSONL = "jsonl"


class ExportFormat(StrEnum):
    NATIVE = "native"
    CLAIMREVIEW = "claimreview"
    CSV = "csv"
    JSONL = "jsonl"


class _DryRun(Exception):
    def __init__(self, summary: ImportSummary) -> None:
        self.summary = summary


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
) -> None:
    """Export the database (or the claims the filters select) for another tool or a backup.

    Actors, sources, claims with their appearances, links and verdicts; ids are kept.
    """
    from claimtrack.interchange.export import claim_scope

    with writing(output, newline="") as stream, command_session(ctx, write=False) as session:
        scope = claim_scope(claim_filter(speaker, tag, since, until))
        count = _write_export(session, fmt, scope, stream)
    if output is not None:
        say(
            f"Exported {count} {'reviews' if fmt is ExportFormat.CLAIMREVIEW else 'records'} "
            f"to {output}."
        )


def _write_export(session: Any, fmt: ExportFormat, scope: Any, stream: IO[str]) -> int:
    from claimtrack.core.serial import to_json
    from claimtrack.formats import csvio, jsonl
    from claimtrack.interchange import export
    from claimtrack.interchange import native as exchange

    if fmt is ExportFormat.NATIVE:
        document = exchange.export_document(session, scope=scope)
        stream.write(to_json(document) + "\n")
        return sum(len(document[k]) for k in ("actors", "sources", "claims", "links", "verdicts"))
    if fmt is ExportFormat.JSONL:
        return jsonl.write_jsonl(stream, exchange.export_sections(session, scope))
    if fmt is ExportFormat.CSV:
        return csvio.write_csv(stream, export.csv_rows(session, scope))
    count = 0
    stream.write("[")
    for review in export.claim_reviews(session, scope):
        stream.write(
            ("," if count else "") + "\n" + json.dumps(review, ensure_ascii=False, indent=2)
        )
        count += 1
    stream.write("\n]\n")
    return count


def import_(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Files or directories to import ('-': stdin)."),
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

    Records already present are matched, not duplicated: importing twice changes nothing.
    Bad records are skipped and reported (all of them with --rejects) and the rest goes in,
    in one transaction; a claimtrack export goes in whole unless --rejects is given.
    See docs/interop.md.
    """
    from claimtrack.core.errors import ClaimtrackError
    from claimtrack.formats import inputs

    shown: list[str] = []
    try:
        files = inputs.expand(paths)
    except ClaimtrackError as error:
        fail(str(error))
    except OSError as error:
        fail(f"Cannot read {error.filename}: {error.strerror}. Check the path.")
    try:
        sink = rejects.open("w", encoding="utf-8") if rejects else None
    except OSError as error:
        fail(f"Cannot write {rejects}: {error.strerror}. Choose another --rejects path.")

    def on_reject(rejection: Rejection) -> None:
        if len(shown) < SHOWN_REJECTS:
            shown.append(f"Rejected {rejection.file}, {rejection.where}: {rejection.reason}")
        if sink is not None:
            sink.write(
                json.dumps(
                    {
                        "file": rejection.file,
                        "position": rejection.where,
                        "reason": rejection.reason,
                        "record": rejection.record,
                    },
                    ensure_ascii=False,
                    default=str,
                )
                + "\n"
            )

    try:
        summary, notes = _run_import(
            ctx,
            files,
            fmt,
            strict=strict,
            dry_run=dry_run,
            on_reject=on_reject,
            whole_exports=rejects is None,
        )
        verb = "Imported"
    except _DryRun as done:
        summary, notes, verb = done.summary, [], "Dry run, nothing written"
    finally:
        if sink is not None:
            sink.close()
    for line in [*notes, *shown]:
        say(line)
    if summary.rejected > len(shown):
        say(
            f"… {summary.rejected - len(shown)} more rejected"
            + (f"; all are in {rejects}." if rejects else "; pass --rejects FILE to keep them all.")
        )
    where = files[0] if len(files) == 1 else f"{len(files)} files"
    say(f"{verb} {where}: {summary.line()}.")


def _run_import(
    ctx: typer.Context,
    files: list[str],
    fmt: ImportFormat,
    *,
    strict: bool,
    dry_run: bool,
    on_reject: Any,
    whole_exports: bool,
) -> tuple[ImportSummary, list[str]]:
    from claimtrack.cli._progress import progress
    from claimtrack.formats import inputs
    from claimtrack.interchange.importer import Importer

    notes: list[str] = []
    sizes = [
        None if f == "-" else Path(f).stat().st_size if Path(f).is_file() else 0 for f in files
    ]
    total = None if None in sizes else sum(s or 0 for s in sizes)
    done = 0
    with (
        progress(total, "Importing", in_bytes=True) as update,
        command_session(ctx) as session,
    ):
        importer = Importer(session, strict=strict, on_reject=on_reject)
        for name in files:
            stream, counter, _size = inputs.open_input(name)
            with stream:
                chosen = (
                    fmt.value
                    if fmt is not ImportFormat.AUTO
                    else inputs.detect(name, stream.peek(4096)[:4096])
                )
                importer.on_batch = lambda c=counter, base=done: update(base + c.count)
                ignored: list[str] = []
                records = inputs.read(
                    stream, chosen, name=name, ignored=ignored, guessed=fmt is ImportFormat.AUTO
                )
                importer.feed(records, name, whole=whole_exports and chosen == "native")
                done += counter.count
            if ignored:
                notes.append(
                    f"{name}: ignored the columns {', '.join(ignored)} "
                    "(see docs/interop.md for the column names)."
                )
        summary = importer.finish()
        if dry_run:
            raise _DryRun(summary)
    return summary, notes
