"""Switch the edit history off in this process, to measure what it costs (benchmarks only).

The history is written by session listeners and, for bulk imports, by explicit calls
(claimtrack.store.history.tracking); both go through the functions replaced here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any


def _nothing(*_args: Any, **_kwargs: Any) -> int:
    return 0


@contextlib.contextmanager
def history_off() -> Iterator[None]:
    from claimtrack.store.history import tracking

    names = ("write_pending", "track", "track_created", "_capture_before")
    saved = {name: getattr(tracking, name) for name in names}
    for name in names:
        setattr(tracking, name, _nothing)
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(tracking, name, function)
