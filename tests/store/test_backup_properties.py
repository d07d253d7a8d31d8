"""Backup and restore round trips with hostile values, generated with hypothesis, on SQLite and
PostgreSQL: whatever claimtrack stored comes back row for row, through every kind of backup
the backend writes (a SQLite copy, claimtrack backup JSON: PostgreSQL's COPY and SQLite's
executemany on the way back in)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from hypothesis import HealthCheck, example, given, reject, settings
from hypothesis import strategies as st
from sqlalchemy import text

from claimtrack.core.enums import Relation
from claimtrack.core.errors import InvalidInput
from claimtrack.models import Base
from claimtrack.services import actors, claims, links, verdicts
from claimtrack.services.sources import SourceFields, edit_source
from claimtrack.store.db import make_engine, session_scope
from tests.helpers import Cli, snapshot
from tests.helpers.hostile import SPECIAL

BOUNDED = settings(
    max_examples=3 if os.environ.get("CLAIMTRACK_TEST_DATABASE_URL") else 6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# What the services accept (no NUL, no lone surrogate: they are refused at the door, see
# tests/cli/test_hostile_input.py), otherwise anything: controls, bidi, JSON and CSV syntax.
PIECES = st.one_of(
    st.sampled_from([c for c in SPECIAL if c != "\x00"] + ["\\", "\\u0000", '"]}', "\t\\N"]),
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
)


def hostile(limit: int) -> st.SearchStrategy[str]:
    pieces = st.lists(PIECES, min_size=1, max_size=30)
    return pieces.map(lambda found: ("x" + "".join(found))[:limit])


def clear(url: str) -> None:
    """Delete every row, children first, so the next example starts from an empty database."""
    engine = make_engine(url)
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(text(f"DELETE FROM {table.name}"))
    engine.dispose()


def store(url: str, words: dict[str, str], said_on: dt.date) -> None:
    """One of everything, every free text hostile; the history records it (with a hostile
    user name and before/after documents)."""
    engine = make_engine(url)
    try:
        with session_scope(engine, user=words["user"], command=words["command"]) as session:
            actors.add_actor(session, words["name"], description=words["text"])
            claim = claims.add_claim(
                session, text=words["text"], speaker=words["name"], said_on=said_on,
                summary=words["summary"], tags=[words["tag"]],
                source_url="https://example.org/a?q=" + str(len(words["text"])),
                quote=words["quote"],
            )
            other = claims.add_claim(session, text=words["quote"] + " (other)")
            links.add_link(session, other, Relation.DENIES, claim, note=words["note"])
            verdicts.add_verdict(session, claim, rating=words["rating"], by=words["name"] + "!",
                                 explanation=words["note"], reviewed_on=said_on)
            edit_source(session, claim.appearances[0].source,
                        SourceFields(title=words["text"], outlet=words["summary"]))
        with session_scope(engine, user=words["user"]) as session:
            claims.edit_claim(session, claims.get_claim(session, claim.public_id),
                              text=words["quote"], summary="")
    except InvalidInput:
        reject()  # not storable: tests/cli/test_hostile_input.py checks how it is refused
    finally:
        engine.dispose()


WORDS_LIMITS = {"user": 200, "command": 200, "name": 190, "text": 2000, "summary": 75,
                "tag": 64, "quote": 2000, "note": 2000, "rating": 200}
WORDS = st.fixed_dictionaries({key: hostile(limit) for key, limit in WORDS_LIMITS.items()})
# COPY's text format escapes (backslash-N is its NULL), a formula, bidi, CR LF and U+2028.
NASTY = "\u202e=cmd|' /C calc'!A0\t\\N\r\n\u2028\"]}\\."


@BOUNDED
@given(words=WORDS, said_on=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(2020, 1, 1)))
@example(words=dict.fromkeys(WORDS_LIMITS, NASTY), said_on=dt.date(1, 1, 1))
def test_backup_and_restore_bring_back_hostile_rows(
    database_url: str, second_database_url: str, tmp_path: Path,
    words: dict[str, str], said_on: dt.date,
) -> None:
    clear(database_url)
    store(database_url, words, said_on)
    original = snapshot(database_url)
    kinds = [["--json"]] + ([[]] if database_url.startswith("sqlite") else [])
    for number, kind in enumerate(kinds):
        clear(second_database_url)
        file = tmp_path / f"backup-{os.getpid()}-{id(words)}-{number}"
        file.unlink(missing_ok=True)
        Cli(database_url).ok("backup", *kind, str(file))
        Cli(second_database_url).ok("restore", str(file))
        assert snapshot(second_database_url) == original, kind

