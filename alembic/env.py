"""Alembic environment: metadata from claimtrack.models, connection from claimtrack.

``claimtrack.store.migrate`` passes a live connection in ``config.attributes["connection"]``; a
developer running ``alembic`` from the repository gets the configured database instead.
No alembic.ini and no logging config: claimtrack configures Alembic in code.
"""

from __future__ import annotations

from alembic import context
from claimtrack.models import Base
from claimtrack.store import fulltext

target_metadata = Base.metadata


def run_migrations(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=fulltext.include_name,  # the full-text index is not in the models
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    from claimtrack.core.config import resolve_database_url
    from claimtrack.store.db import make_engine

    engine = make_engine(resolve_database_url(None), for_migration=True)
    with engine.connect() as connection:
        run_migrations(connection)
        connection.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("claimtrack migrations run online only: use `claimtrack db upgrade`.")
main()
