"""PostgreSQL test databases: one schema per test, named for this run, emptied and reused.

Replaying the migrations into a new schema costs the server about a third of a second; a test
that leaves the schema's structure as it found it hands it back, and the next test gets it
with every row deleted and every sequence restarted (a few milliseconds). A schema whose
structure changed (a downgrade, a dropped trigger), or that cannot be emptied, is dropped.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text

RUN_ID = uuid.uuid4().hex[:8]
_numbers = itertools.count(1)

# Everything a test could change in a schema's structure, without the schema's name.
STRUCTURE = """
SELECT md5(concat_ws('|',
  (SELECT string_agg(version_num, ',') FROM alembic_version),
  (SELECT string_agg(c.relname || ':' || c.relkind::text || ':' || a.attname || ':'
                     || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull::text
                     || ':' || coalesce(pg_get_expr(d.adbin, d.adrelid), ''), ','
                     ORDER BY c.relname, a.attnum)
     FROM pg_class c
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
    WHERE c.relnamespace = current_schema()::regnamespace),
  (SELECT string_agg(c.relname || ':' || c.relkind::text, ',' ORDER BY c.relname)
     FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace),
  (SELECT string_agg(t.tgname || ':' || t.tgenabled::text, ',' ORDER BY t.tgname)
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal),
  (SELECT string_agg(conname, ',' ORDER BY conname)
     FROM pg_constraint WHERE connamespace = current_schema()::regnamespace),
  (SELECT string_agg(proname || ':' || md5(prosrc), ',' ORDER BY proname)
     FROM pg_proc WHERE pronamespace = current_schema()::regnamespace)))
"""

# Triggers off (session_replication_role) so rows go in any order and no history is written.
EMPTY = """
DO $$
DECLARE name text;
BEGIN
  SET LOCAL session_replication_role = replica;
  FOR name IN SELECT tablename FROM pg_tables
               WHERE schemaname = current_schema() AND tablename <> 'alembic_version' LOOP
    EXECUTE 'DELETE FROM ' || quote_ident(name);
  END LOOP;
  PERFORM setval(c.oid::regclass, 1, false)
     FROM pg_class c WHERE c.relkind = 'S' AND c.relnamespace = current_schema()::regnamespace;
END $$
"""


class Schemas:
    """This process's PostgreSQL schemas: new ones, migrated ones, and the emptied ones."""

    def __init__(self, admin: Engine) -> None:
        self.admin = admin
        self.pooled = create_engine(admin.url)
        self.statements: list[tuple[str, Any, bool]] = []
        self.structure = ""
        self.ready: list[str] = []

    def url(self, schema: str) -> str:
        url = make_url(self.admin.url).update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    @contextmanager
    def empty(self) -> Iterator[str]:
        """A URL to a new schema with no tables, dropped afterwards."""
        schema = f"ct_{RUN_ID}_{os.getpid()}_{next(_numbers)}"
        self._admin(f'CREATE SCHEMA "{schema}"')
        try:
            yield self.url(schema)
        finally:
            self._admin(f'DROP SCHEMA "{schema}" CASCADE')

    def record(self, migrate: Callable[[str], None]) -> None:
        """Run ``migrate`` on a new schema once, keeping the statements it ran (to replay) and
        the structure it made (the one each test must hand back)."""
        schema = f"ct_{RUN_ID}_{os.getpid()}_template"

        def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                 executemany: bool) -> None:
            self.statements.append((statement, parameters, executemany))

        self._admin(f'CREATE SCHEMA "{schema}"')
        try:
            event.listen(Engine, "before_cursor_execute", keep)
            try:
                migrate(self.url(schema))
            finally:
                event.remove(Engine, "before_cursor_execute", keep)
            with self._connect(schema) as connection:
                self.structure = connection.execute(text(STRUCTURE)).scalar_one()
        finally:
            self._admin(f'DROP SCHEMA "{schema}" CASCADE')

    @contextmanager
    def migrated(self) -> Iterator[str]:
        """A URL to a schema at head with no rows: an emptied one if any, else the migrations'
        statements replayed into a new one. Handed back emptied, or dropped."""
        if self.ready:
            schema = self.ready.pop()
        else:
            schema = f"ct_{RUN_ID}_{os.getpid()}_{next(_numbers)}"
            self._admin(f'CREATE SCHEMA "{schema}"')
            self._replay(schema)
        url = self.url(schema)
        try:
            yield url
        finally:
            if self._emptied(schema):
                self.ready.append(schema)
            else:
                self._admin(f'DROP SCHEMA "{schema}" CASCADE')

    def close(self) -> None:
        while self.ready:
            self._admin(f'DROP SCHEMA "{self.ready.pop()}" CASCADE')
        self.pooled.dispose()

    def _replay(self, schema: str) -> None:
        with self._connect(schema) as connection:
            cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
            for statement, parameters, executemany in self.statements:
                if executemany:
                    cursor.executemany(statement, parameters)
                else:
                    cursor.execute(statement, parameters or None)

    def _emptied(self, schema: str) -> bool:
        try:
            with self._connect(schema) as connection:
                connection.execute(text("SET LOCAL lock_timeout = '2s'"))
                if connection.execute(text(STRUCTURE)).scalar_one() != self.structure:
                    return False
                connection.exec_driver_sql(EMPTY)
            return True
        except Exception:
            return False

    @contextmanager
    def _connect(self, schema: str) -> Iterator[Any]:
        with self.pooled.begin() as connection:
            connection.execute(text(f'SET LOCAL search_path TO "{schema}"'))
            yield connection

    def _admin(self, statement: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(statement))
