"""A progress bar on stderr for long imports and scans: only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress(
    total: int | None, label: str, *, in_bytes: bool = False, minimum: int = 0
) -> Iterator[Callable[[int], None]]:
    """Yields ``update(done)``; draws a rich bar when stderr is a tty and ``total`` (None:
    unknown) is at least ``minimum``, else nothing. ``in_bytes``: show sizes, not counts."""
    if not sys.stderr.isatty() or (total is not None and total < minimum):
        yield lambda _done: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn())
        if in_bytes
        else Progress.get_default_columns()
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.update(task, completed=done)
