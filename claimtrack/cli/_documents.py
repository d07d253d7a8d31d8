"""Options and output shared by the commands that produce documents (report, show, graph)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli._common import emit, fail, say
from claimtrack.enums import DocumentFormat

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
    partial = output.with_name(f".{output.name}.{os.getpid()}.partial")
    try:
        partial.write_text(text + "\n", encoding="utf-8")
        os.replace(partial, output)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        fail(f"Cannot write {output}: {error.strerror}. Choose another path with -o.")
    say(f"Wrote {description} to {output}.")
