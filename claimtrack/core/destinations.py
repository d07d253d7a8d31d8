"""Where a file written by claimtrack really lands (``-o FILE``, ``backup FILE``).

A regular file (or a new one) is written beside itself and renamed into place, so that it
appears whole or not at all. Anything else is not a place to rename onto: a symlink is
followed (its target is what gets written; the link stays), and a FIFO, a device or a socket
is written in place (``-o /dev/null`` run as root must not replace /dev/null).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import IO


@dataclass(frozen=True)
class Destination:
    """``path``: the file to write. ``in_place``: write it directly (a FIFO, a device, an
    open descriptor's name; ``path`` is then as given, for the kernel to follow), rather than
    to a temporary file renamed onto it (``path`` is then the file a symlink points to)."""

    path: Path
    in_place: bool

    def partial(self) -> Path:
        """The temporary file beside ``path``, on the same file system so a rename is atomic."""
        return self.path.with_name(f".{self.path.name}.{os.getpid()}.partial")

    def open(self, *, newline: str | None = None) -> IO[str]:
        """The stream to write: ``path`` itself when in place, else ``partial()`` (the caller
        renames it onto ``path`` once complete). In place appends rather than truncates: for a
        FIFO or device it is the same, and ``-o /dev/stdout >> log`` keeps the log."""
        if self.in_place:
            return self.path.open("a", encoding="utf-8", newline=newline)
        return self.partial().open("w", encoding="utf-8", newline=newline)


def destination(path: Path) -> Destination:
    """Where writing to ``path`` goes: see the module docstring. ``/dev/stdout`` and the other
    names of an open file descriptor (links into /proc) are written in place too, whatever
    the descriptor is: the shell opened it, so appending (``>>``) is the shell's to decide."""
    try:
        mode: int | None = path.stat().st_mode  # follows links, /proc's magic ones included
    except OSError:
        mode = None  # missing (a new file, or a dangling link's target): created by rename
    special = mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
    if special or _names_a_descriptor(path):
        return Destination(path, in_place=True)
    return Destination(Path(os.path.realpath(path)), in_place=False)


def _names_a_descriptor(path: Path) -> bool:
    """True when ``path`` leads, link by link, into /proc (/dev/stdout, /dev/fd/1, …)."""
    current = Path(os.path.abspath(path))
    for _hop in range(40):  # the kernel's own limit on links followed
        current = Path(os.path.realpath(current.parent)) / current.name
        if current.parts[1:2] == ("proc",):
            return True
        try:
            link = os.readlink(current)
        except OSError:  # not a link, or missing
            return False
        current = Path(os.path.abspath(current.parent / link))
    return False
