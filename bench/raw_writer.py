"""The fair baseline of bench_import: a raw writer of exactly the rows `claimtrack import` wrote.

``python -m bench.raw_writer --db URL --rows ROWS.json [--index row|set]`` loads a dump of every
row an import wrote (actors, sources, claims, tags, appearances, verdicts, the verdicts'
original JSON-LD, the edit history…, made by ``dump``) with ``json.load`` and writes it into a
`claimtrack init` database in one transaction: sqlite3 ``executemany`` with the same pragmas
as claimtrack (foreign keys, WAL, synchronous NORMAL), or psycopg COPY on PostgreSQL.

``--index row`` leaves the full-text triggers on (the index is kept row by row, as any writer
that does nothing special gets it); ``--index set`` switches them off and fills the index in
one INSERT … SELECT per table, the fastest raw way to write those rows. Its own peak RSS is
reported like claimtrack's (VmHWM).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

# Derived from other tables by triggers or set-based fills, never written directly.
SKIPPED = ("alembic_version", "claim_search")
QUOTES = "(SELECT group_concat(quote, ' ') FROM appearances WHERE claim_id = claims.id)"


def dump(database: Path, out: Path) -> int:
    """Every row of every claimtrack table of a SQLite file, as stored, in foreign-key order;
    returns the row count."""
    from claimtrack.models import Base

    connection = sqlite3.connect(database)
    tables = []
    rows = 0
    for table in Base.metadata.sorted_tables:
        if table.name in SKIPPED:
            continue
        cursor = connection.execute(f'SELECT * FROM "{table.name}"')
        columns = [d[0] for d in cursor.description]
        found = [list(row) for row in cursor]
        rows += len(found)
        tables.append({"table": table.name, "columns": columns, "rows": found})
    connection.close()
    out.write_text(json.dumps(tables), encoding="utf-8")
    return rows


def write_sqlite(path: str, tables: list[dict[str, Any]], *, set_based: bool) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = NORMAL",
                   "busy_timeout = 30000"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute("BEGIN IMMEDIATE")
    triggers = []
    if set_based:
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE 'claim_search_%'").fetchall()
        for name, _sql in triggers:
            connection.execute(f"DROP TRIGGER {name}")
    for table in tables:
        columns = ", ".join(f'"{c}"' for c in table["columns"])
        marks = ", ".join("?" * len(table["columns"]))
        connection.executemany(f'INSERT INTO "{table["table"]}" ({columns}) VALUES ({marks})',
                               table["rows"])
    if set_based:
        connection.execute("INSERT INTO claim_search(rowid, text, summary, quotes) "
                           f"SELECT id, text, summary, {QUOTES} FROM claims")
        for _name, sql in triggers:
            connection.execute(sql)
    connection.execute("COMMIT")
    connection.close()


def write_postgresql(url: str, tables: list[dict[str, Any]], *, set_based: bool) -> None:
    import psycopg
    from sqlalchemy import make_url

    parsed = make_url(url)
    conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo) as connection, connection.cursor() as cursor:
        if set_based:
            cursor.execute("SELECT set_config('claimtrack.bulk_index', 'on', true)")
        for table in tables:
            columns = ", ".join(f'"{c}"' for c in table["columns"])
            booleans = _boolean_columns(cursor, table["table"])
            with cursor.copy(f'COPY "{table["table"]}" ({columns}) FROM STDIN') as copy:
                positions = [i for i, c in enumerate(table["columns"]) if c in booleans]
                for row in table["rows"]:
                    for i in positions:
                        row[i] = None if row[i] is None else bool(row[i])
                    copy.write_row(row)
        if set_based:
            cursor.execute(
                "INSERT INTO claim_search (claim_id, document) SELECT c.id, "
                "setweight(to_tsvector('english', c.text), 'A') || setweight(to_tsvector("
                "'english', coalesce(c.summary, '')), 'A') || setweight(to_tsvector('english', "
                "coalesce((SELECT string_agg(a.quote, ' ') FROM appearances a WHERE a.claim_id "
                "= c.id), '')), 'B') FROM claims c ON CONFLICT (claim_id) DO NOTHING")
        connection.commit()


def _boolean_columns(cursor: Any, table: str) -> set[str]:
    cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                   "AND data_type = 'boolean' AND table_schema = current_schema()", (table,))
    return {row[0] for row in cursor.fetchall()}


def _peak_rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--rows", required=True, type=Path)
    parser.add_argument("--index", choices=("row", "set"), default="row")
    args = parser.parse_args()
    started = time.perf_counter()
    tables = json.loads(args.rows.read_text(encoding="utf-8"))
    if args.db.startswith("sqlite:///"):
        write_sqlite(args.db.removeprefix("sqlite:///"), tables, set_based=args.index == "set")
    else:
        write_postgresql(args.db, tables, set_based=args.index == "set")
    print(f"peak-rss-kb: {_peak_rss_kb()} seconds: {time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main()
