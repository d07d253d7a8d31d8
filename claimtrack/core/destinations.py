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


@dataclass(frozen=True)
class Destination:
    """``path``: the file to write (symlinks resolved). ``in_place``: write it directly (a
    FIFO or device), rather than to a temporary file renamed onto it."""

    path: Path
    in_place: bool

    def partial(self) -> Path:
        """The temporary file beside ``path``, on the same file system so a rename is atomic."""
        return self.path.with_name(f".{self.path.name}.{os.getpid()}.partial")


def destination(path: Path) -> Destination:
    """Where writing to ``path`` goes: see the module docstring."""
    real = Path(os.path.realpath(path))
    try:
        mode = real.stat().st_mode
    except OSError:  # missing (a new file, or a dangling link's target): created by rename
        return Destination(real, in_place=False)
    return Destination(real, in_place=not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)))
