"""PostgreSQL side of bench_import: a scratch schema per run."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy import make_url


def _conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def schema_url(url: str, name: str) -> Iterator[str]:
    """A claimtrack URL on a fresh schema of the server at ``url``, dropped afterwards."""
    schema = f"bench_{name}_{uuid.uuid4().hex[:8]}"
    base = _conninfo(url)
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield (
            make_url(url)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
    finally:
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')
