"""What many tests share: the in-process CLI (``Cli``), the repository's paths, a snapshot of
every row (to prove a failed command changed nothing), and small read-backs of what landed in
the database. Fixtures live in tests/conftest.py; specialised helpers in this package's
modules (browser, concurrency, hostile, reports)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.store import db
from claimtrack.store.db import session_scope

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "fixtures"
CLAIMREVIEW = FIXTURES / "claimreview"


@dataclass
class Cli:
    """Runs claimtrack in-process against one database, as a user would type it."""

    url: str

    def __call__(
        self, *args: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> Any:
        return CliRunner().invoke(app, ["--db", self.url, *args], input=input, env=env)

    def ok(self, *args: str, input: str | None = None) -> Any:
        """Run and insist on success; returns the result (stdout in ``.stdout``)."""
        result = self(*args, input=input)
        assert result.exit_code == 0, (
            f"claimtrack {' '.join(args)} exited {result.exit_code}\n{result.output}"
        )
        return result

    def fails(self, *args: str, code: int = 1, input: str | None = None) -> Any:
        """Run and insist on a clean failure: the exit code, one Error line, no traceback."""
        result = self(*args, input=input)
        assert result.exit_code == code, (
            f"expected exit {code}, got {result.exit_code}\n{result.output}"
        )
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        if code == 1:
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
        return result

    def add(self, text: str, *options: str) -> str:
        """``claim add [options] -- TEXT`` and return the new id."""
        return str(self.ok("claim", "add", *options, "--", text).stdout.strip())


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every claimtrack table, to prove a failed command changed nothing."""
    from claimtrack.models import Base

    engine = db.make_engine(url)  # shared within a test (conftest.one_engine_per_database)
    try:
        with session_scope(engine, write=False) as session:
            return {
                table.name: sorted(
                    (tuple(row) for row in session.execute(table.select())), key=repr
                )
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


# ---- read-backs ----


def query(url: str, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """Rows of a read-only SQL query on the test database."""
    engine = db.make_engine(url)  # shared within a test (conftest.one_engine_per_database)
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


# ---- texts long enough to be suggested as duplicates (dedupe and merge tests) ----

ORIGINAL = ("Russia has already deployed operatives to eastern Ukraine to carry out a "
            "false-flag operation")
REWORDED = ("Russia already deployed operatives in eastern Ukraine to carry out a false flag "
            "operation")
OTHER = "Grain exports through the Black Sea resumed after the deal was extended for months"


def links(cli: Cli, *args: str) -> list[dict[str, Any]]:
    return list(json.loads(cli.ok("link", "list", *args, "-f", "json").stdout))


def contested_ids(cli: Cli) -> list[str]:
    report = json.loads(cli.ok("report", "contested", "-f", "json").stdout)
    return [dispute["claim"]["id"] for dispute in report]


def shown(cli: Cli, claim_id: str) -> dict[str, Any]:
    return dict(json.loads(cli.ok("claim", "show", claim_id, "-f", "json").stdout))


def import_in_batches(engine: Engine, path: Path, fmt: str, batch_size: int) -> None:
    """Import one file through the library's Importer in batches of ``batch_size`` records
    (what a large file does 500 at a time), in one transaction."""
    from claimtrack.formats import inputs
    from claimtrack.interchange.importer import Importer

    with session_scope(engine) as session:
        importer = Importer(session, batch_size=batch_size)
        stream, _counter, _size = inputs.open_input(str(path))
        with stream:
            importer.feed(inputs.read(stream, fmt), path.name)
        importer.finish()
