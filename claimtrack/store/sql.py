"""Small statement helpers every layer above the models needs: id lists cut to a size every
backend accepts, and "create, or find the row a concurrent writer created first"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claimtrack.core.errors import Conflict

Item = TypeVar("Item")
Row = TypeVar("Row")


def chunked(items: list[Item], size: int = 500) -> list[list[Item]]:
    """Split ids for ``IN (...)`` lists that stay under every backend's parameter limit."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def create_or_find(
    session: Session, create: Callable[[], Row], find: Callable[[], Row | None]
) -> tuple[Row, bool]:
    """``create()`` in a savepoint; True with the new row, or False with ``find()``'s row when a
    concurrent transaction inserted the same unique row first (PostgreSQL: two users adding the
    same new speaker at once). Errors that ``find()`` does not explain are raised as they are."""
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
