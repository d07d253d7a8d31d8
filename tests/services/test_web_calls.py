"""The library calls added for the web app: contested pages, the version check, speaker
suggestions and users."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from claimtrack.core.enums import Relation, ReviewStatus, Role
from claimtrack.core.errors import Conflict, InvalidInput, NotFound
from claimtrack.services import actors, claims, disputes, links, users
from claimtrack.services.filters import ClaimFilter


def contested_claims(session: Session, count: int) -> list[str]:
    """``count`` claims, the n-th challenged n times (so the order is known)."""
    made = []
    for number in range(1, count + 1):
        claim = claims.add_claim(session, text=f"Claim number {number} about bridges",
                                 speaker="Mayor" if number % 2 else "Council")
        for denial in range(number):
            links.add_link(session, claims.add_claim(session, text=f"No, not {number}.{denial}."),
                           Relation.DENIES, claim)
        made.append(claim.public_id)
    return made


def test_pages_follow_the_report_order_without_gaps_or_overlap(session: Session) -> None:
    made = contested_claims(session, 7)
    everything = [d.claim.id for d in disputes.contested(session)]
    seen: list[str] = []
    after = None
    while True:
        page = disputes.contested_page(session, after=after, limit=3)
        assert page.total == 7 and page.total_is_exact
        seen += [d.claim.id for d in page.disputes]
        if page.after is None:
            break
        after = page.after
    assert seen == everything == list(reversed(made))


def test_pages_filter_by_speaker_status_and_text(session: Session) -> None:
    made = contested_claims(session, 4)
    by_mayor = disputes.contested_page(session, where=ClaimFilter(speaker="mayor"))
    assert {d.claim.id for d in by_mayor.disputes} == {made[0], made[2]} and by_mayor.total == 2
    claims.get_claim(session, made[1]).status = ReviewStatus.IN_REVIEW
    in_review = disputes.contested_page(session, status=ReviewStatus.IN_REVIEW)
    assert [d.claim.id for d in in_review.disputes] == [made[1]]
    found = disputes.contested_page(session, matching="number 3")
    assert [d.claim.id for d in found.disputes] == [made[2]]
    with pytest.raises(InvalidInput):
        disputes.contested_page(session, after="12;drop table")
    with pytest.raises(InvalidInput):
        disputes.contested_page(session, matching='"unclosed')


def test_the_count_stops_at_its_cap(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    contested_claims(session, 4)
    monkeypatch.setattr(disputes, "COUNT_CAP", 2)
    page = disputes.contested_page(session, limit=1)
    assert (page.total, page.total_is_exact, len(page.disputes)) == (2, False, 1)


def test_a_stale_version_is_a_conflict(session: Session) -> None:
    claim = claims.add_claim(session, text="Original")
    claims.check_version(claim, claim.version)
    claims.check_version(claim, None)
    claims.edit_claim(session, claim, text="Changed")
    with pytest.raises(Conflict, match="was changed by someone else"):
        claims.check_version(claim, 1)
    claims.check_version(claim, str(claim.version))


def test_speaker_suggestions(session: Session) -> None:
    actors.add_actor(session, "Sergey Lavrov", aliases=["Lavrov", "S. V. Lavrov"])
    actors.add_actor(session, "Laura Smith")
    actors.add_actor(session, "Larry_%")
    assert actors.suggest_names(session, "LA") == ["Larry_%", "Laura Smith", "Sergey Lavrov"]
    assert actors.suggest_names(session, "s. v") == ["Sergey Lavrov"]
    assert actors.suggest_names(session, "lar%") == []  # % is a letter here, not a wildcard
    assert actors.suggest_names(session, "  ") == []
    assert actors.suggest_names(session, "la", limit=1) == ["Larry_%"]


def test_actors_named_by_words_are_found_by_whole_words(session: Session) -> None:
    actors.add_actor(session, "Sergey Lavrov", aliases=["Sergei Lavrov"])
    actors.add_actor(session, "Seymour Hersh")
    actors.add_actor(session, "Hershel Walker")
    actors.add_actor(session, "100% Fact_Check")
    assert actors.named_by_words(session, ["HERSH"]) == ["Seymour Hersh"]  # not Hershel
    assert actors.named_by_words(session, ["sergei"]) == ["Sergey Lavrov"]  # by an alias
    assert actors.named_by_words(session, ["lavrov", "sergey"]) == ["Sergey Lavrov"]
    assert actors.named_by_words(session, ["lavrov", "hersh"]) == []  # every word, one actor
    assert actors.named_by_words(session, ["fact_check"]) == ["100% Fact_Check"]
    assert actors.named_by_words(session, ["fact%check"]) == []  # % is no wildcard
    assert actors.named_by_words(session, ["  "]) == []
    actors.add_actor(session, "Anna Hersh")
    assert actors.named_by_words(session, ["hersh"], limit=1) == ["Anna Hersh"]


def test_users_sign_in_only_with_their_password(session: Session,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(users, "_hasher", lambda: quick)
    monkeypatch.setattr(users, "_decoy_hash", lambda: quick.hash("decoy"))
    assert not users.any_users(session)
    added = users.add_user(session, "Ana", Role.EDITOR, "a long password")
    assert added.role == Role.EDITOR and users.any_users(session)
    assert users.authenticate(session, " ana ", "a long password") == users.find_user(session,
                                                                                      "ANA")
    assert users.authenticate(session, "ana", "a long passworD") is None
    assert users.authenticate(session, "nobody", "a long password") is None
    assert users.authenticate(session, "ana", "x" * 5000) is None
    with pytest.raises(Conflict):
        users.add_user(session, "ANA", Role.VIEWER, "another password")
    with pytest.raises(InvalidInput, match="at least 10"):
        users.add_user(session, "Bo", Role.VIEWER, "short")
    users.remove_user(session, "ana")
    with pytest.raises(NotFound):
        users.remove_user(session, "ana")


def test_an_old_hash_is_renewed_at_sign_in(session: Session,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    weak, strong = (PasswordHasher(time_cost=1, memory_cost=8, parallelism=1),
                    PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    monkeypatch.setattr(users, "_hasher", lambda: weak)
    users.add_user(session, "Ana", Role.VIEWER, "a long password")
    monkeypatch.setattr(users, "_hasher", lambda: strong)
    assert users.authenticate(session, "Ana", "a long password") is not None
    from sqlalchemy import select

    from claimtrack.models import User

    stored = session.scalars(select(User.password_hash)).one()
    assert "t=2" in stored and "m=16" in stored
