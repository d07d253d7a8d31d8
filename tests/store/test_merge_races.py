"""A merge racing other writers on PostgreSQL: a link added to the claim being merged away is
moved with the rest or refused, never deleted with it; a second merge of the same claim says
where it went. (SQLite writes one transaction at a time: nothing to race there.)"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, make_url, select

from claimtrack.core.enums import Relation
from claimtrack.core.errors import Conflict
from claimtrack.models import Link
from claimtrack.services import claims, links, merges
from claimtrack.store.db import make_engine, session_scope
from tests.helpers import Cli

WAIT = 20  # seconds: only reached when the code under test is wrong


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    if make_url(database_url).get_backend_name() != "postgresql":
        pytest.skip("SQLite writes one transaction at a time")
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as error:  # the test looks at it
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _waiting_for_a_lock(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(connection.exec_driver_sql(
            "SELECT count(*) FROM pg_locks WHERE NOT granted").scalar())


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "the other transaction never got there"
        time.sleep(0.05)


def test_a_link_added_while_a_merge_runs_is_moved_not_lost(cli: Cli, engine: Engine) -> None:
    keep, drop, other = cli.add("Keep"), cli.add("Drop"), cli.add("Other")
    inserted, release = threading.Event(), threading.Event()

    def add_link() -> None:  # open when the merge starts: its row is not committed yet
        with session_scope(engine) as session:
            links.add_link(session, claims.get_claim(session, other), Relation.DENIES,
                           claims.get_claim(session, drop))
            session.flush()
            inserted.set()
            release.wait(WAIT)

    adding, _ = _in_thread(add_link)
    assert inserted.wait(WAIT)
    merging, merged = _in_thread(lambda: _merge(engine, keep, drop))
    _until(lambda: _waiting_for_a_lock(engine))  # the merge waits for the link's transaction
    release.set()
    adding.join(WAIT)
    merging.join(WAIT)
    assert not isinstance(merged[0], Exception), merged
    with session_scope(engine) as session:
        to_keep = session.scalars(select(Link).where(
            Link.to_claim_id == claims.get_claim(session, keep).id)).all()
        assert [link.relation for link in to_keep] == [Relation.DENIES]


def test_a_second_merge_of_the_same_claim_says_where_it_went(
    cli: Cli, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep, drop, third = cli.add("Keep"), cli.add("Drop"), cli.add("Third")
    locked, release = threading.Event(), threading.Event()
    original = merges.move_appearances

    def paused(session: Any, keep_claim: Any, drop_claim: Any) -> int:
        if keep_claim.public_id == keep:  # the first merge holds its rows here
            locked.set()
            release.wait(WAIT)
        return original(session, keep_claim, drop_claim)

    monkeypatch.setattr(merges, "move_appearances", paused)
    first, _ = _in_thread(lambda: _merge(engine, keep, drop))
    assert locked.wait(WAIT)
    second, refused = _in_thread(lambda: _merge(engine, third, drop))
    _until(lambda: _waiting_for_a_lock(engine))
    release.set()
    first.join(WAIT)
    second.join(WAIT)
    assert isinstance(refused[0], Conflict), refused
    assert f"Claim {drop} was merged into {keep} by someone else just now" in str(refused[0])


def _merge(engine: Engine, keep: str, drop: str) -> Any:
    with session_scope(engine) as session:
        return merges.merge_by_id(session, keep, drop)
