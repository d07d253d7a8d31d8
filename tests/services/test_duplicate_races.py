"""Two adds of one claim or verdict at once: the second waits for the first and is refused.

The first transaction adds and stays open while a second, in another thread, tries the same
add; then the first commits. On SQLite the second cannot begin before that (BEGIN IMMEDIATE);
on PostgreSQL it reaches its duplicate check and waits there on a lock (one named by the
claim's fingerprint, or the claim's row for a verdict), so that the check runs after the first
commit. Without the lock, READ COMMITTED
would let both pass the check.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimtrack.core.errors import Conflict
from claimtrack.models import Claim, Verdict
from claimtrack.services import claims, verdicts
from claimtrack.store.db import make_engine, session_scope


def race(url: str, add: Callable[[Session], Any]) -> BaseException | None:
    """``add`` in two transactions at once, the first committing a second after the other
    began; returns what the second raised (None if it succeeded). ``waited`` says whether
    the second ended only after the first committed."""
    engine = make_engine(url)
    outcome: list[BaseException | None] = []
    ended: list[float] = []

    def second() -> None:
        try:
            with session_scope(engine, user="second") as session:
                add(session)
            outcome.append(None)
        except BaseException as error:  # handed to the test
            outcome.append(error)
        ended.append(time.monotonic())

    try:
        with session_scope(engine, user="first") as session:
            add(session)
            other = threading.Thread(target=second)
            other.start()
            time.sleep(1)  # the second is now waiting (at BEGIN, or at its check)
        committed = time.monotonic()
        other.join(30)
        assert not other.is_alive()
    finally:
        engine.dispose()
    waited.append(ended[0] > committed)
    return outcome[0]


waited: list[bool] = []  # for each race, whether the second add waited for the first


def count(url: str, model: type[Any]) -> int:
    engine = make_engine(url)
    try:
        with session_scope(engine, write=False) as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        engine.dispose()


def recorded(url: str, text: str, speaker: str) -> str:
    """A claim stored before the race (so its speaker is too: a speaker both transactions
    created would serialise them at the actors' unique index already)."""
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            return claims.add_claim(session, text=text, speaker=speaker).public_id
    finally:
        engine.dispose()


def test_the_same_claim_by_one_speaker_at_once_is_stored_once(database_url: str) -> None:
    recorded(database_url, "Another claim", "Jane Roe")
    error = race(database_url, lambda session: claims.add_claim(
        session, text="We will win", speaker="Jane Roe", said_on="2024-03-01"))
    assert isinstance(error, Conflict) and "recorded already" in str(error)
    assert count(database_url, Claim) == 2


def test_the_same_claim_without_a_speaker_at_once_is_stored_once(database_url: str) -> None:
    error = race(database_url, lambda session: claims.add_claim(
        session, text="Unattributed: the dam will hold", said_on="2024-03-01"))
    assert isinstance(error, Conflict) and "recorded already" in str(error)
    assert count(database_url, Claim) == 1


def test_two_different_claims_at_once_are_both_stored(database_url: str) -> None:
    """…without waiting for each other on PostgreSQL (they waited on the speaker's row);
    SQLite writes one transaction at a time anyway."""
    recorded(database_url, "Another claim", "Jane Roe")
    texts = iter(["We will win", "We will lose"])
    error = race(database_url, lambda session: claims.add_claim(
        session, text=next(texts), speaker="Jane Roe"))
    assert error is None and count(database_url, Claim) == 3
    assert waited[-1] == database_url.startswith("sqlite")


def test_the_same_verdict_at_once_is_stored_once(database_url: str) -> None:
    claim_id = recorded(database_url, "Prices fell", "Desk")

    def add(session: Session) -> None:
        verdicts.add_verdict(session, claims.get_claim(session, claim_id), rating="False",
                             by="Desk", url="https://example.org/check")

    error = race(database_url, add)
    assert isinstance(error, Conflict) and "has this verdict already" in str(error)
    assert count(database_url, Verdict) == 1


def test_allow_duplicate_at_once_stores_both(database_url: str) -> None:
    recorded(database_url, "Another claim", "Jane Roe")
    error = race(database_url, lambda session: claims.add_claim(
        session, text="We will win", speaker="Jane Roe", allow_duplicate=True))
    assert error is None and count(database_url, Claim) == 3
