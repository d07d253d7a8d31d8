"""What every command shares: the database session, error reporting and common options.

``command_session`` is the single place where library errors become ``Error: …`` on stderr
and exit code 1, so ``CliRunner`` tests see exactly what users see. Heavy modules (SQLAlchemy,
Alembic) are imported here lazily, never at start-up, so ``claimtrack --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from claimtrack.core.enums import OutputFormat
from claimtrack.core.wording import clause

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy import Engine
    from sqlalchemy.orm import Session


@dataclass
class State:
    """Global options, kept on the Typer context."""

    db: str | None = None
    user: str | None = None


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
]
# The largest --limit passed on to a query: any more is "all". Databases take 64-bit limits
# at most (SQLite raised OverflowError on 2**63), and no claimtrack list comes near this.
LIMIT_CAP = 2**31 - 1


def _capped(value: int) -> int:
    return min(value, LIMIT_CAP)


def limit_option(help: str = "Show at most this many (0: all).") -> Any:
    """The ``--limit`` option of every list: 0 means all, a huge number is as good as 0."""
    return typer.Option("--limit", min=0, callback=_capped, help=help)


# The --limit of lists that show everything unless asked (those of one claim, or of records
# people add by hand); `claim list` and `history` show 100 by default.
AllByDefault = Annotated[int, limit_option("Show at most this many (0, the default: all).")]

Shown = TypeVar("Shown")


def at_most(found: Sequence[Shown], limit: int, noun: str, which: str = "first") -> list[Shown]:
    """``found`` (fetched with one more than ``limit``, or all) cut to ``limit`` (0: all),
    saying on stderr that more are left out."""
    if not limit or len(found) <= limit:
        return list(found)
    from claimtrack.core.wording import plural

    say(f"Showing the {which} {plural(limit, noun)}; pass --limit 0 for all.")
    return list(found[:limit])


PublishedOnly = Annotated[
    bool,
    typer.Option(
        "--published-only",
        help="Only published material (see `claimtrack claim status`): what readers may see.",
    ),
]


def quiet_typer(help: str | None = None, *, no_args_is_help: bool = True) -> typer.Typer:
    """A Typer app with claimtrack's settings: plain help text laid out by claimtrack.cli._policy,
    no completion installer of its own (the top-level command has it), no pretty tracebacks
    (errors are `Error:` lines, see command_session)."""
    from claimtrack.cli._policy import ClaimtrackGroup

    return typer.Typer(
        cls=ClaimtrackGroup,
        help=help,
        no_args_is_help=no_args_is_help,
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )


def fail(message: str) -> NoReturn:
    """Print one ``Error:`` line on stderr and exit 1."""
    typer.echo(f"Error: {' '.join(message.split())}", err=True)
    raise typer.Exit(1)


def read_stdin() -> str:
    """Text piped in for a '-' argument, verbatim but for the line ending(s) at its end (what
    `echo` and editors add: never part of a claim)."""
    import sys

    return sys.stdin.read().rstrip("\r\n")


def say(message: str) -> None:
    """A message for people: stderr, so stdout stays clean for scripts."""
    typer.echo(message, err=True)


def database_url(ctx: typer.Context) -> str:
    """The URL chosen by --db, CLAIMTRACK_DATABASE_URL or the default file."""
    from claimtrack.core.config import resolve_database_url
    from claimtrack.core.errors import ClaimtrackError

    state = ctx.find_object(State)
    try:
        return resolve_database_url(state.db if state else None)
    except ClaimtrackError as error:
        fail(str(error))


@contextmanager
def database_errors(url: str) -> Iterator[None]:
    """Turn library and driver errors into ``Error: …`` + exit 1."""
    from sqlalchemy import make_url
    from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError, SQLAlchemyError

    from claimtrack.core.errors import ClaimtrackError

    try:
        yield
    except ClaimtrackError as error:
        fail(str(error))
    except IntegrityError as error:
        fail(
            "The change conflicts with data already recorded (possibly by someone else at the "
            f"same time): {_clause(error.orig)} Nothing was written; check and run the command "
            "again."
        )
    except OperationalError as error:
        fail(_unusable(url, error.orig))
    except DatabaseError as error:
        if make_url(url).get_backend_name() != "sqlite":
            fail(f"The database refused the command: {_clause(error.orig)} Nothing was written.")
        fail(f"{make_url(url).database} is not a SQLite database: {_clause(error.orig)} "
             "Check the path in --db or CLAIMTRACK_DATABASE_URL.")
    except SQLAlchemyError as error:
        fail(f"The database refused the command: {error}. Nothing was written.")
    except UnicodeEncodeError:
        # A value that never passed claimtrack.core.values: undecodable bytes in an argument arrive
        # as lone surrogates, which no database driver can encode.
        fail(
            "A value given is not valid UTF-8 (it holds bytes that are not text); retype it. "
            "Nothing was written."
        )


@contextmanager
def open_engine(
    ctx: typer.Context,
    *,
    check_schema: bool = True,
    discard_new_file: bool = False,
    must_exist: bool = False,
) -> Iterator[Engine]:
    """An engine on the chosen database, schema checked (a brand-new one is created).
    ``discard_new_file``: a SQLite file this command created is deleted again if the command
    fails (a failed restore into a new file leaves no file behind). ``must_exist``: a SQLite
    file named with --db or CLAIMTRACK_DATABASE_URL that does not exist is refused, not
    created (commands that only read: a mistyped --db would otherwise show an empty
    database)."""
    from claimtrack.store.db import make_engine
    from claimtrack.store.migrate import ensure_current, sqlite_file

    url = database_url(ctx)
    with database_errors(url):
        engine = make_engine(url)
        if must_exist and _named(ctx):
            _refuse_missing_file(sqlite_file(engine))
        path = sqlite_file(engine) if discard_new_file else None
        new_file = path if path is not None and not path.exists() else None
        succeeded = False
        try:
            if check_schema:
                ensure_current(engine)
            yield engine
            succeeded = True
        finally:
            engine.dispose()
            if new_file is not None and not succeeded:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    new_file.with_name(new_file.name + suffix).unlink(missing_ok=True)


def _named(ctx: typer.Context) -> bool:
    """Whether the database was named (--db or CLAIMTRACK_DATABASE_URL): the default file is
    made on first use, whatever the command (a first `claimtrack ratings` lists the table)."""
    from claimtrack.core.config import named_database

    state = ctx.find_object(State)
    return named_database(state.db if state else None) is not None


def _refuse_missing_file(path: Path | None) -> None:
    import shlex

    if path is not None and not path.exists():
        fail(f"No database at {path} (nothing was created). Check the path in --db or "
             f"CLAIMTRACK_DATABASE_URL, or create one with: claimtrack --db "
             f"{shlex.quote(str(path))} init")


@contextmanager
def command_session(
    ctx: typer.Context, *, write: bool = True, commit: bool = True
) -> Iterator[Session]:
    """One transaction for one command; notices are printed only after it commits.
    ``commit=False``: everything is rolled back at the end (a dry run)."""
    from claimtrack.core.config import resolve_user
    from claimtrack.services.notices import notices
    from claimtrack.store.db import session_scope

    state = ctx.find_object(State)
    with open_engine(ctx, must_exist=not write) as engine:
        user = resolve_user(state.user if state else None) if write else None
        with session_scope(
            engine, write=write, user=user, command=command_name(ctx), commit=commit
        ) as session:
            yield session
            queued = notices(session)
        for notice in queued:
            say(notice)


def command_name(ctx: typer.Context) -> str:
    """The command as typed, without the program name or options: "claim edit"."""
    names = []
    current: Any = ctx
    while current is not None and current.parent is not None:
        names.append(current.info_name or "")
        current = current.parent
    return " ".join(reversed(names))


def _unusable(url: str, reason: object) -> str:
    """Why the database cannot be used, and what to check: for a SQLite file its folder and
    the file; for a server, that it is running."""
    from pathlib import Path

    from sqlalchemy import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return (f"Cannot use the database at {_safe(url)}: {_clause(reason)} Check --db or "
                "CLAIMTRACK_DATABASE_URL, and that the server is running and reachable.")
    database = parsed.database or ""
    folder = Path(database).expanduser().absolute().parent
    if database and not folder.is_dir():
        return (f"The folder {folder} does not exist, so the SQLite database {database} cannot "
                "be created there. Create the folder (mkdir -p), or choose another path with "
                "--db or CLAIMTRACK_DATABASE_URL.")
    return (f"Cannot use the SQLite database {database}: {_clause(reason)} Check that the path "
            "in --db or CLAIMTRACK_DATABASE_URL is a claimtrack database file you may read and "
            "write.")


def _clause(reason: object) -> str:
    """A driver's message as sentences: each of its lines ends in a full stop (psycopg's
    "… Connection refused" and "Is the server running …?" are two lines, not one sentence)."""
    return " ".join(clause(line) for line in str(reason).splitlines() if line.strip())


def _safe(url: str) -> str:
    from sqlalchemy import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(unreadable URL)"


def emit(text: str) -> None:
    """Print a rendered result on stdout."""
    if text:
        typer.echo(text)


def emit_rows(
    rows: Sequence[Mapping[str, object]],
    fmt: OutputFormat,
    *,
    records: Sequence[object] | None = None,
    columns: Sequence[str] | None = None,
    terminal_columns: Sequence[str] | None = None,
    empty: str,
) -> None:
    """Print rows in ``fmt`` (see claimtrack.render.rows.Listing); a table with no rows says
    ``empty`` (a hint) on stderr instead."""
    from claimtrack.render.rows import LISTING, Listing

    text = LISTING[fmt](Listing(rows, columns, terminal_columns, records))
    if text:
        emit(text)
    elif empty:
        say(empty)


def emit_record(row: Mapping[str, object], fmt: OutputFormat, *, record: object = None) -> None:
    """Print one record (``show``-like commands): a one-row table, markdown or CSV, and in
    JSON ``record`` (default: the row) as an object, not a list of one."""
    from claimtrack.render.rows import SINGLE, Listing

    emit(SINGLE[fmt](Listing([row], records=None if record is None else [record])))
