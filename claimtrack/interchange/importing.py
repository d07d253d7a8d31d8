"""``import_files``: the library call behind ``claimtrack import``.

Files, directories and stdin in any format go through one ``Importer`` in the caller's
transaction: the caller commits (or rolls back for a dry run). Bad records are counted,
kept in the result (the first few), handed to ``on_reject`` and written to a rejects file
when one is given; files that cannot be read raise ``InvalidInput`` and nothing is imported.
"""

from __future__ import annotations

import gc
import json
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.enums import ImportFormat
from claimtrack.core.errors import InvalidInput
from claimtrack.fetch import Page
from claimtrack.formats import inputs, readahead
from claimtrack.interchange.importer import Importer, Rejection
from claimtrack.interchange.state import ImportSummary

KEPT_REJECTIONS = 10
KEPT_WARNINGS = 50


@dataclass
class ImportResult:
    """What an import did: the counts, the first rejections, and warnings for people (values
    left out, blocks skipped, columns ignored: the first ``KEPT_WARNINGS``, and how many)."""

    files: list[str]
    summary: ImportSummary
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    warning_count: int = 0

    def warn(self, message: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < KEPT_WARNINGS:
            self.warnings.append(message)


def expand_paths(paths: Sequence[str | Path]) -> list[str]:
    """The files ``paths`` name: files as given, directories' importable files (recursively, in
    name order, hidden ones skipped), ``"-"`` for stdin. Raises InvalidInput."""
    try:
        return inputs.expand([str(path) for path in paths])
    except OSError as error:
        raise InvalidInput(
            f"Cannot read {error.filename}: {error.strerror}. Check the path."
        ) from None


def import_size(files: Sequence[str]) -> int | None:
    """Bytes to read from ``files`` (None when one is stdin): the progress bar's total."""
    sizes = [None if f == "-" else Path(f).stat().st_size if Path(f).is_file() else 0
             for f in files]
    return None if None in sizes else sum(size or 0 for size in sizes)


def import_files(
    session: Session,
    paths: Sequence[str | Path],
    *,
    fmt: ImportFormat = ImportFormat.AUTO,
    strict: bool = False,
    rejects: IO[str] | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    labels: Mapping[str, str] | None = None,
) -> ImportResult:
    """Import files, directories (their importable files, recursively) or ``"-"`` (stdin).

    ``strict``: the first bad record raises InvalidInput. ``rejects``: each bad record is
    written there as a JSON line (file, position, reason, record), and handed to
    ``on_reject``; with neither, a claimtrack export goes in whole (a bad record in it raises:
    it is one consistent document). ``on_progress(bytes_read)`` is called
    after each batch. ``labels``: what to call a file in the result, messages and rejections
    instead of its path (for a fetched page, its URL: see ``import_page``). Raises InvalidInput
    for files that cannot be read.
    """
    files = expand_paths(paths)
    named = labels or {}
    result = ImportResult(files=[named.get(f, f) for f in files], summary=ImportSummary())

    def reject(rejection: Rejection) -> None:
        if len(result.rejections) < KEPT_REJECTIONS:
            result.rejections.append(rejection)
        if rejects is not None:
            line = json.dumps(
                {"file": rejection.file, "position": rejection.where,
                 "reason": rejection.reason, "record": rejection.record},
                ensure_ascii=False, default=str,
            )
            try:
                rejects.write(line + "\n")
            except OSError as error:
                name = getattr(rejects, "name", "")
                raise InvalidInput(rejects_unwritable(name, error)) from None
        if on_reject is not None:
            on_reject(rejection)

    importer = Importer(session, strict=strict, on_reject=reject, on_note=result.warn)
    whole_exports = rejects is None and on_reject is None
    try:
        with _spaced_collections():
            _feed(importer, files, fmt, named, result, on_progress, whole_exports)
            result.summary = importer.finish()
    finally:
        values.forget_url_keys()  # those the process that read the files ahead gave
    return result


def rejects_unwritable(name: object, error: OSError) -> str:
    """Why an import stopped: its rejects file could not be written."""
    return (f"Cannot write the rejects file {name}: {error.strerror}. Nothing was imported; "
            "choose another --rejects path and import again.")


def _feed(
    importer: Importer,
    files: Sequence[str],
    fmt: ImportFormat,
    named: Mapping[str, str],
    result: ImportResult,
    on_progress: Callable[[int], None] | None,
    whole_exports: bool,
) -> None:
    chosen = None if fmt is ImportFormat.AUTO else fmt.value
    reader = readahead.read_files if readahead.wanted(files) else inputs.read_files
    done = 0
    with closing(reader(files, chosen, named)) as opened_files:
        for opened in opened_files:
            name = named.get(opened.path, opened.path)
            if on_progress is not None:
                importer.on_batch = lambda c=opened.counter, base=done: on_progress(base + c.count)
            importer.feed(opened.records, name,
                          whole=whole_exports and opened.format == "native")
            done += opened.counter.count
            if opened.ignored:
                result.warn(f"{name}: ignored {_columns(opened.ignored)} (see docs/interop.md "
                            "for the column names).")


SHOWN_COLUMNS = 10


def _columns(names: Sequence[str]) -> str:
    """"the columns a, b", or the first few of many and how many more; a column without a
    heading (a spreadsheet's index column) is named for its place."""
    names = [name if name.strip() else "(one without a heading)" for name in names]
    if len(names) <= SHOWN_COLUMNS:
        return f"the columns {', '.join(names)}"
    shown = ", ".join(names[:SHOWN_COLUMNS])
    return f"{len(names):,} columns: {shown} and {len(names) - SHOWN_COLUMNS:,} more"


SPACED = (10_000, 10, 10)


@contextmanager
def _spaced_collections() -> Iterator[None]:
    """An import allocates millions of short-lived objects and few reference cycles: Python's
    cyclic collector, run every 700 allocations by default, costs it about 15 % (bench
    import) for no memory saved. It runs every 10,000 during the import, then as the host
    had it (left alone if the host already spaces it out, or another import did)."""
    before = gc.get_threshold()
    if before[0] >= SPACED[0]:
        yield
        return
    gc.set_threshold(*SPACED)
    try:
        yield
    finally:
        if gc.get_threshold() == SPACED:
            gc.set_threshold(*before)


# A fetched page's content type, as the file suffix format detection reads.
_SUFFIXES = {
    "text/html": ".html", "application/xhtml+xml": ".html", "application/ld+json": ".jsonld",
    "application/json": ".json", "text/csv": ".csv", "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
}


def import_page(
    session: Session,
    page: Page,
    *,
    fmt: ImportFormat = ImportFormat.AUTO,
    strict: bool = False,
    rejects: IO[str] | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
) -> ImportResult:
    """Import a page fetched with ``claimtrack.fetch.fetch_page`` like a file of that content
    type (an HTML page: its ClaimReview JSON-LD), named by its final URL in the result and its
    rejections. Archiving the page is separate: ``services.archives.archive_page``."""
    suffix = _SUFFIXES.get(page.media_type, "")
    with tempfile.TemporaryDirectory(prefix="claimtrack-page-") as folder:
        path = str(Path(folder) / f"page{suffix}")
        Path(path).write_bytes(page.body)
        return import_files(session, [path], fmt=fmt, strict=strict, rejects=rejects,
                            on_reject=on_reject, labels={path: page.final_url})
