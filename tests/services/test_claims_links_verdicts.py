"""The noun services called directly with a Session (the service fixture rolls back)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from claimtrack.core.enums import Rating, Relation
from claimtrack.core.errors import Conflict, InvalidInput, NotFound
from claimtrack.services import claims, disputes, links, verdicts
from claimtrack.services.notices import notices


def test_a_denial_makes_a_dispute_and_says_who_was_created(session: Session) -> None:
    claim = claims.add_claim(session, text="Operatives were deployed", speaker="White House",
                             said_on="2022-01-14", source_url="https://example.com/a",
                             quote="operatives")
    denial = claims.add_claim(session, text="Total disinformation", speaker="Sergey Lavrov")
    links.add_link(session, denial, Relation.DENIES, claim)
    assert "Created actor 'White House'" in " ".join(notices(session))
    (dispute,) = disputes.contested(session)
    assert dispute.claim.id == claim.public_id
    assert [(r.relation, r.claim.speaker) for r in dispute.responses] == [
        (Relation.DENIES, "Sergey Lavrov")
    ]
    assert dispute.claim.sources[0].quote == "operatives"


def test_links_refuse_self_links_and_duplicates(session: Session) -> None:
    claim = claims.add_claim(session, text="A")
    other = claims.add_claim(session, text="B")
    with pytest.raises(InvalidInput, match="cannot be linked to itself"):
        links.add_link(session, claim, Relation.DENIES, claim)
    links.add_link(session, other, Relation.CONTRADICTS, claim)
    with pytest.raises(Conflict, match="already recorded"):
        links.add_link(session, other, Relation.CONTRADICTS, claim)


def test_verdict_labels_are_read_and_disagreeing_verdicts_contest_a_claim(
    session: Session,
) -> None:
    claim = claims.add_claim(session, text="The bridge was closed")
    first = verdicts.add_verdict(session, claim, rating="Pants on Fire", by="PolitiFact")
    verdicts.add_verdict(session, claim, rating="Mostly True", by="Other Checker")
    assert first.normalized is Rating.FALSE and first.rating == "Pants on Fire"
    (dispute,) = disputes.contested(session)
    assert dispute.verdicts_disagree


def test_unknown_ids_raise_not_found_with_a_next_step(session: Session) -> None:
    with pytest.raises(NotFound, match="claimtrack claim list"):
        claims.get_claim(session, "c-zzzzzzzzzzzz")


def test_a_recorded_quote_is_kept_unless_replacing_is_asked_for(session: Session) -> None:
    """The library never overwrites a verbatim quote by default; extraction meeting the claim
    again keeps the recorded passage and says so; the web's edit form asks to replace."""
    from claimtrack.services import extraction

    url = "https://example.com/a"
    claim = claims.add_claim(session, text="Operatives were deployed", source_url=url,
                             quote="operatives")
    with pytest.raises(Conflict):
        claims.add_appearance(session, claim, url, quote="deployed")
    extraction._seen_again(session, claim, url, "were deployed")
    assert "Kept the quote recorded" in " ".join(notices(session))
    assert claims.claim_view(claim).sources[0].quote == "operatives"
    claims.add_appearance(session, claim, url, quote="deployed", replace_quote=True)
    assert claims.claim_view(claim).sources[0].quote == "deployed"


def test_a_search_hit_carries_its_date_as_a_date(session: Session) -> None:
    import datetime as dt

    from claimtrack.services import search

    claims.add_claim(session, text="Operatives were deployed", said_on="2022-01-14")
    (hit,) = search.search(session, "operatives")
    assert hit.date == dt.date(2022, 1, 14)
