"""When a claim and the claims answering it first appeared, and where.

Every dated sighting counts: the date a claim was said, and for each place it appeared the
source's publication date (or, when the source has none, the date the checker saw it there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.core.views import ClaimView, Timeline, TimelineEvent
from claimtrack.models import Appearance, Claim, Source
from claimtrack.services import disputes
from claimtrack.store.sql import chunked

# Among sightings on the same day, the statement comes before its publication and its sighting.
BASIS_ORDER = {"said": 0, "published": 1, "seen": 2, "undated": 3}

# (date, basis, url, outlet)
Sighting = tuple[dt.date | None, str, str | None, str | None]


def timeline_of(session: Session, claim: Claim) -> Timeline:
    """The claim's timeline: its own sightings and those of every response and supporter."""
    dispute = disputes.dispute_of(session, claim)
    roles: dict[str, list[str]] = {dispute.claim.id: ["claim"]}
    views: dict[str, ClaimView] = {dispute.claim.id: dispute.claim}
    for response in dispute.responses:
        answering = [(response.relation.value, response.claim)]
        answering += [(f"supports {response.claim.id}", s.claim) for s in response.supporters]
        for role, view in answering:
            views.setdefault(view.id, view)
            roles.setdefault(view.id, []).append(role)
    places = _places(session, list(views))
    events: list[TimelineEvent] = []
    for claim_id, view in views.items():
        said: list[Sighting] = [(view.date, "said", None, None)] if view.date else []
        sightings = said + places.get(claim_id, []) or [(None, "undated", None, None)]
        events += [
            TimelineEvent(date=date, basis=basis, role=", ".join(roles[claim_id]), id=claim_id,
                          speaker=view.speaker, claim=view.headline, where=where, outlet=outlet)
            for date, basis, where, outlet in sightings
        ]
    order = {claim_id: index for index, claim_id in enumerate(views)}
    events.sort(key=lambda e: (e.date is None, e.date or dt.date.max, order[e.id],
                               BASIS_ORDER[e.basis]))
    return Timeline(claim=dispute.claim, events=tuple(_mark_firsts(events, dispute.claim.id)))


def _places(session: Session, public_ids: list[str]) -> dict[str, list[Sighting]]:
    """Where each claim appeared: (date, "published"/"seen"/"undated", url, outlet)."""
    found: dict[str, list[Sighting]] = {}
    for chunk in chunked(public_ids):
        rows = session.execute(
            select(Claim.public_id, Source.url, Source.outlet, Source.published_on,
                   Appearance.seen_on)
            .join(Appearance, Appearance.claim_id == Claim.id)
            .join(Source, Appearance.source_id == Source.id)
            .where(Claim.public_id.in_(chunk))
            .order_by(Appearance.id)
        )
        for public_id, url, outlet, published, seen in rows:
            dated = sorted((day, basis) for day, basis in ((published, "published"),
                                                           (seen, "seen")) if day)
            date, basis = dated[0] if dated else (None, "undated")
            found.setdefault(public_id, []).append((date, basis, url, outlet))
    return found


def _mark_firsts(events: list[TimelineEvent], center: str) -> list[TimelineEvent]:
    """Flag each claim's earliest sighting and count days from the claim's first one."""
    start = next((e.date for e in events if e.id == center and e.date), None)
    seen: set[str] = set()
    marked = []
    for event in events:
        first = event.id not in seen
        seen.add(event.id)
        after = (event.date - start).days if start and event.date else None
        marked.append(replace(event, is_first=first, days_after=after))
    return marked
