"""Business rules. Every function takes a Session and never commits: the caller owns the
transaction (see claimtrack.db.session_scope), so a command is all-or-nothing.

Messages for people ("Created actor 'Sergey Lavrov'") are queued with ``notify`` and shown by
the CLI only once the transaction has committed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

Item = TypeVar("Item")
Row = TypeVar("Row")


def notify(session: Session, message: str) -> None:
    """Queue a notice to show the user after the command succeeds."""
    session.info.setdefault("notices", []).append(message)


def notices(session: Session) -> list[str]:
    """The notices queued so far."""
    return list(session.info.get("notices", []))


def chunked(items: list[Item], size: int = 500) -> list[list[Item]]:
    """Split ids for ``IN (...)`` lists that stay under every backend's parameter limit."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def create_or_find(
    session: Session, create: Callable[[], Row], find: Callable[[], Row | None]
) -> tuple[Row, bool]:
    """``create()`` in a savepoint; True with the new row, or False with ``find()``'s row when a
    concurrent transaction inserted the same unique row first (PostgreSQL: two users adding the
    same new speaker at once). Errors that ``find()`` does not explain are raised as they are."""
    from claimtrack.errors import Conflict

    try:
        with session.begin_nested():
            return create(), True
    except (IntegrityError, Conflict):
        # IntegrityError: the other transaction's row won at the unique index. Conflict: it
        # committed between our look-up and the create's own duplicate check.
        found = find()
        if found is None:
            raise
        return found, False


# Registers the edit-history session events (see claimtrack.services.history).
from claimtrack.services import history as _history  # noqa: E402, F401
