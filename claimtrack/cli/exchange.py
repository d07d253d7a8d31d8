"""``claimtrack export`` and ``claimtrack import``: the native JSON format, lossless."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli._common import command_session, fail, say


def export(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of stdout.",
                     dir_okay=False),
    ] = None,
) -> None:
    """Export the whole database as claimtrack JSON.

    Actors, sources, claims with their appearances, links and verdicts; ids are kept.
    """
    from claimtrack.output import to_json
    from claimtrack.services import exchange

    with command_session(ctx, write=False) as session:
        document = exchange.export_document(session)
    text = to_json(document) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"Cannot write {output}: {error.strerror}. Choose another path with -o.")
    counts = ", ".join(f"{len(document[k])} {k}" for k in ("claims", "links", "verdicts"))
    say(f"Exported {counts} to {output}.")


def import_(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(metavar="FILE", help="A claimtrack JSON export ('-': stdin).")],
) -> None:
    """Import a claimtrack JSON export.

    Records already present are matched, not duplicated; importing twice changes nothing.
    """
    from claimtrack.services import exchange

    document = _read_json(path)
    with command_session(ctx) as session:
        summary = exchange.import_document(session, document)
    say(f"Imported {path}: {summary.line()}.")


def _read_json(path: str) -> object:
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as error:
        fail(f"Cannot read {path}: {error.strerror}. Check the path.")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        fail(f"{path} is not UTF-8 (byte {error.start}); re-save it as UTF-8.")
    except json.JSONDecodeError as error:
        fail(f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}.")
    except (RecursionError, ValueError) as error:  # too deep, or an integer too long to convert
        fail(f"{path} cannot be read as JSON ({error}); it is not a claimtrack export.")
