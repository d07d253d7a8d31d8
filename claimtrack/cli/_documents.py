"""Options and output shared by the commands that produce documents (report, show, graph,
export)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated

import typer

from claimtrack.cli._common import emit, fail, say
from claimtrack.core.destinations import destination
from claimtrack.core.enums import DocumentFormat

DocumentFormatOption = Annotated[
    DocumentFormat,
    typer.Option(
        "--format", "-f", case_sensitive=False,
        help="Output format; html is one self-contained page to open, print or attach.",
    ),
]
OutputFileOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", dir_okay=False, help="Write to this file instead of stdout."),
]


def deliver(text: str, output: Path | None, *, description: str) -> None:
    """Print ``text``, or write it to ``output`` whole (never a half-written file)."""
    if output is None:
        emit(text)
        return
    with writing(output) as stream:
        stream.write(text + "\n")
    say(f"Wrote {description} to {output}.")


@contextlib.contextmanager
def writing(output: Path | None, *, newline: str | None = None) -> Iterator[IO[str]]:
    """Standard output, or a file that appears whole: the block writes to a ``.partial`` file
    beside ``output``, which replaces it only when the block succeeds. A failed command
    leaves an existing file as it was. A symlink is followed (its target is replaced); a FIFO
    or device is written in place and never replaced (core.destinations)."""
    if output is None:
        yield sys.stdout
        return
    target = destination(output)
    partial = target.partial()
    try:
        with target.open(newline=newline) as stream:
            yield stream
        if not target.in_place:
            os.replace(partial, target.path)
    except OSError as error:
        _discard(partial)
        fail(f"Cannot write {output}: {error.strerror}. Choose another path with -o.")
    except BaseException:
        _discard(partial)
        raise


def _discard(partial: Path) -> None:
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)
