"""Small statement helpers every layer above the models needs: id lists cut to a size every
backend accepts, "create, or find the row a concurrent writer created first", and the one
row a typed id or unique prefix names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.errors import Conflict, InvalidInput

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


def only_match(
    session: Session, candidates: Select[Any, str], wanted: str, noun: str
) -> Any | None:
    """The key of the only row ``candidates`` selects (its columns: a key, then the public id
    shown to people), or None when it selects none. Raises InvalidInput when the prefix
    ``wanted`` starts several: how many, and the first few."""
    found = session.execute(
        candidates.order_by(candidates.selected_columns[1])
        .limit(values.AMBIGUOUS_SHOWN + 1)
    ).all()
    if len(found) <= 1:
        return found[0][0] if found else None
    total = session.scalar(select(func.count()).select_from(candidates.subquery())) or 0
    raise InvalidInput(values.ambiguous_id(wanted, noun, [row[1] for row in found], total))
