"""The bulk writes of imports: every row an import adds or changes goes through
``insert_rows`` or ``update_rows`` (SQLAlchemy Core executemany; COPY on PostgreSQL), never
through the ORM unit of work, which is several times slower for large files.

The edit history hooks in here (``_track_before``/``_track_created``): each imported record's
state before and after is recorded at commit, as for every other command. Optimistic-locking
versions (claims, verdicts) are bumped by every update, as the ORM does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, func, select, text, update
from sqlalchemy.orm import Session

from claimtrack.store.history import tracking
from claimtrack.store.history.snapshots import OWNERS
from claimtrack.store.raw_insert import insert_untracked

# Any fixed number: the PostgreSQL advisory lock bulk writers take (see ``one_bulk_writer``).
BULK_LOCK_KEY = 7_221_304_118


def one_bulk_writer(session: Session) -> None:
    """Wait until no other bulk writer (an import, a restore) is running, then keep the others
    waiting until this transaction ends.

    Two imports that both create the same new speaker or page would otherwise each find it
    missing and both insert it: the second COPY fails on the unique key. SQLite has one writer
    at a time already (BEGIN IMMEDIATE); on PostgreSQL this transaction-scoped advisory lock
    does the same for bulk writers only, while everyone else keeps working.
    """
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(BULK_LOCK_KEY)))


def plan_with_what_was_written(session: Session, batches: int, tables: Sequence[str]) -> None:
    """Let PostgreSQL's planner see the rows this transaction wrote: ANALYZE ``tables`` after
    the 1st, 2nd, 4th, 8th… batch (their sizes double, so plans stay right at log cost).

    Statistics come from autovacuum, which cannot see an import's rows until it commits: the
    planner then takes tables that grow to millions of rows inside one transaction for empty
    and scans them whole for each batch's look-ups (50,000 reviews: a 500-key look-up of
    verdicts by URL key went from 20 ms to 700 ms). ANALYZE inside the transaction sees its
    own rows, and its statistics commit (or roll back) with the import. SQLite: nothing.
    """
    if batches & (batches - 1) or session.connection().dialect.name != "postgresql":
        return
    quote = session.connection().dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in tables)
    session.execute(text(f"ANALYZE {names}"))


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` fresh primary keys for ``table``, so rows can be linked before they are written.

    SQLite: the writer holds the database lock for the whole import (BEGIN IMMEDIATE), so the
    ids after max(id) stay free. PostgreSQL: taken from the table's sequence, safe with other
    writers.
    """
    if count <= 0:
        return []
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        query = text(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
        )
        return list(connection.execute(query, {"table": table.name, "n": count}).scalars())
    highest = connection.execute(select(func.max(table.c.id))).scalar() or 0
    return list(range(highest + 1, highest + 1 + count))


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows (dicts with the same keys) in one executemany, or one COPY on PostgreSQL.

    On SQLite the statement goes to the driver's executemany with each column's own bind
    processor (the type's conversion, as Core would apply it) run in one tight loop: Core's
    per-row parameter handling would otherwise cost more than the insert itself.
    """
    if not rows:
        return
    _track_before(session, table, rows, parts_only=True)
    insert_untracked(session.connection(), table, rows)
    _track_created(session, table, rows)
    tracked = _tracked(table)
    if tracked is not None:
        tracking.hold(session, tracked[0], rows)


def update_rows(
    session: Session, table: Table, rows: Sequence[Mapping[str, Any]], *, key: str = "id"
) -> None:
    """Update rows by their key column (``id``): each dict has the key and the same others."""
    if not rows:
        return
    _track_before(session, table, rows, parts_only=False, key=key)
    columns = [name for name in rows[0] if name != key]
    changes: dict[str, Any] = {column: bindparam(f"new_{column}") for column in columns}
    if "version" in table.c and "version" not in changes:
        changes["version"] = table.c.version + 1
    statement = update(table).where(table.c[key] == bindparam("row_key")).values(changes)
    session.connection().execute(
        statement,
        [{"row_key": row[key], **{f"new_{c}": row[c] for c in columns}} for row in rows],
    )


def _tracked(table: Table) -> tuple[type[Any], str] | None:
    """The history's model for ``table`` and the column holding its record's row id."""
    for model, (_entity, attribute, _relation) in OWNERS.items():
        if model.__table__ is table:
            return model, attribute
    return None


def _track_before(
    session: Session,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    *,
    parts_only: bool,
    key: str = "id",
) -> None:
    """Snapshot the records these rows belong to before they change (history)."""
    tracked = _tracked(table)
    if tracked is None or (parts_only and tracked[1] == "id"):
        return
    model, attribute = tracked
    if attribute in rows[0]:
        owners = {row[attribute] for row in rows}
    else:  # a part updated by its own id (an appearance's quote): find whose it is
        owners = set(session.connection().execute(
            select(table.c[attribute]).where(table.c[key].in_([row[key] for row in rows]))
        ).scalars())
    tracking.track(session, model, owners)
    if not parts_only:  # changed again: their snapshots must be read back
        tracking.release(session, model, owners)


def _track_created(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Note new records (not their parts) so the history records their creation."""
    tracked = _tracked(table)
    if tracked is not None and tracked[1] == "id":
        tracking.track_created(session, tracked[0], (row["id"] for row in rows))
