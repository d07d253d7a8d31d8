"""The same link sent by several people at once: whoever comes second is told the link is
already recorded, as one at a time, never the database's own words for a duplicate key."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import func, make_url, select

from claimtrack.core.enums import Relation
from claimtrack.models import Link
from claimtrack.services import claims, links
from claimtrack.store.db import make_engine, session_scope
from tests.helpers import Cli
from tests.helpers.threads import WAIT, in_thread, until, waiting_for_locks
from tests.helpers.web import CSRF, Browser
from tests.web.test_web_messages import said


def _already(source: str, target: str) -> str:
    return f"Error: {source} denies {target} is already recorded (link "


def test_a_link_recorded_after_the_check_is_already_recorded(
    web: Browser, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone else's link committed between the look-up and the insert (simulated: the
    look-up misses it once), on either backend."""
    here, other = cli.add("The bridge is safe"), cli.add("The bridge is not safe")
    cli.ok("link", "add", other, "denies", here)
    real, looked = links.link_between, []

    def missed_once(*args: Any) -> Link | None:
        looked.append(args)
        return None if len(looked) == 1 else real(*args)

    monkeypatch.setattr(links, "link_between", missed_once)
    answer = web.submit(f"/claims/{here}/links", {"other": other, "relation": "denies"},
                        page=f"/claims/{here}")
    assert answer.status_code == 409
    assert said(answer).startswith(_already(other, here)), said(answer)
    assert len(looked) == 2 and "constraint" not in answer.text.lower()


def test_four_people_adding_the_same_link_at_once(web: Browser, cli: Cli,
                                                  database_url: str) -> None:
    """PostgreSQL: one transaction holds the new link uncommitted while three pages send the
    same link; each is told it is already recorded. (SQLite writes one at a time.)"""
    if make_url(database_url).get_backend_name() != "postgresql":
        pytest.skip("SQLite writes one transaction at a time")
    here, other = cli.add("The bridge is safe"), cli.add("The bridge is not safe")
    found = CSRF.search(web.get(f"/claims/{here}").text)
    assert found
    form = {"csrf": found.group(1), "other": other, "relation": "denies"}
    engine = make_engine(database_url)
    inserted, release = threading.Event(), threading.Event()

    def first() -> None:
        with session_scope(engine) as session:
            links.add_link(session, claims.get_claim(session, other), Relation.DENIES,
                           claims.get_claim(session, here))
            inserted.set()
            release.wait(WAIT)

    try:
        holding, _ = in_thread(first)
        assert inserted.wait(WAIT)
        sending = [in_thread(lambda: web.post(f"/claims/{here}/links", data=form))
                   for _ in range(3)]
        until(lambda: waiting_for_locks(engine) >= 3)  # the three inserts wait on the first's row
        release.set()
        holding.join(WAIT)
        for thread, _ in sending:
            thread.join(WAIT)
        answers = [outcome[0] for _, outcome in sending]
        assert [answer.status_code for answer in answers] == [409] * 3, answers
        for answer in answers:
            assert said(answer).startswith(_already(other, here)), said(answer)
        with session_scope(engine) as session:
            assert session.scalar(select(func.count()).select_from(Link)) == 1
    finally:
        release.set()
        engine.dispose()
