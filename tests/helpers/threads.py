"""Two transactions at once, in threads of one test (PostgreSQL): start one, wait until the
other waits on its lock, let it go, look at what each got."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

WAIT = 20.0  # seconds a test waits for another transaction to reach a lock


def in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    """Run ``work`` in a thread; the list gets what it returned, or the exception it raised."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as error:  # the test looks at it
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def waiting_for_locks(engine: Engine) -> int:
    """How many lock requests PostgreSQL has not granted yet."""
    with engine.connect() as connection:
        return int(connection.exec_driver_sql(
            "SELECT count(*) FROM pg_locks WHERE NOT granted").scalar() or 0)


def until(condition: Callable[[], bool]) -> None:
    """Wait (WAIT seconds at most) until ``condition()``."""
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "the other transactions never got there"
        time.sleep(0.05)
