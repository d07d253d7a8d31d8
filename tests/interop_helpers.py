"""Helpers for the import/export tests: read back what landed in the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import text

from claimtrack.store.db import make_engine, session_scope
from tests.conftest import FIXTURES, Cli

CLAIMREVIEW = FIXTURES / "claimreview"


def query(url: str, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """Rows of a read-only SQL query on the test database."""
    engine = make_engine(url)
    try:
        with session_scope(engine, write=False) as session:
            return [tuple(row) for row in session.execute(text(sql), params)]
    finally:
        engine.dispose()


def verdicts(cli: Cli) -> dict[str, dict[str, Any]]:
    """Every verdict (as `verdict list -f json` shows it) keyed by its review url."""
    listed = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    return {v["url"]: v for v in listed}


def claims(cli: Cli) -> dict[str, dict[str, Any]]:
    """Every claim (as `claim list -f json` shows it) keyed by its text."""
    listed = json.loads(cli.ok("claim", "list", "--limit", "0", "-f", "json").stdout)
    return {c["text"]: c for c in listed}


def summary(result: Any) -> str:
    """The summary line an import printed on stderr."""
    return str(result.stderr.strip().splitlines()[-1])


def write(path: Path, content: str) -> str:
    path.write_text(content, encoding="utf-8")
    return str(path)
