"""A merge racing other writers on PostgreSQL: a link added to the claim being merged away is
moved with the rest or refused, never deleted with it; a second merge of the same claim says
where it went. (SQLite writes one transaction at a time: nothing to race there.)"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, make_url, select

from claimtrack.core.enums import Relation
from claimtrack.core.errors import Conflict
from claimtrack.models import Link
from claimtrack.services import claims, links, merges
from claimtrack.store.db import make_engine, session_scope
from tests.helpers import Cli
from tests.helpers.threads import WAIT, in_thread, until, waiting_for_locks


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    if make_url(database_url).get_backend_name() != "postgresql":
        pytest.skip("SQLite writes one transaction at a time")
    engine = make_engine(database_url)
    yield engine
    engine.dispose()








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

    adding, _ = in_thread(add_link)
    assert inserted.wait(WAIT)
    merging, merged = in_thread(lambda: _merge(engine, keep, drop))
    until(lambda: waiting_for_locks(engine) > 0)  # the merge waits for the link's transaction
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
    first, _ = in_thread(lambda: _merge(engine, keep, drop))
    assert locked.wait(WAIT)
    second, refused = in_thread(lambda: _merge(engine, third, drop))
    until(lambda: waiting_for_locks(engine) > 0)
    release.set()
    first.join(WAIT)
    second.join(WAIT)
    assert isinstance(refused[0], Conflict), refused
    assert f"Claim {drop} was merged into {keep} by someone else just now" in str(refused[0])


def _merge(engine: Engine, keep: str, drop: str) -> Any:
    with session_scope(engine) as session:
        return merges.merge_by_id(session, keep, drop)
