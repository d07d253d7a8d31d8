"""ClaimFilter: which claims a list, report, search or export covers.

A module of its own because both services.claims and services.disputes use it, and they import
each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, or_, select

from claimtrack.core import values
from claimtrack.core.errors import InvalidInput
from claimtrack.models import Actor, ActorAlias, Claim, ClaimTag

SelectQuery = TypeVar("SelectQuery", bound=Select[Any])


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims a list, report, search or export covers; every condition given must hold.

    ``speaker`` is a name or alias, ``tags`` must all be on the claim, and ``since``/``until``
    bound the date said (inclusive). Nothing is checked until ``apply``.
    """

    speaker: str | None = None
    tags: tuple[str, ...] = ()
    since: str | dt.date | None = None
    until: str | dt.date | None = None

    @property
    def is_empty(self) -> bool:
        """True when no condition is set, so every claim passes."""
        return not (self.speaker or self.tags or self.since or self.until)

    def apply(self, query: SelectQuery) -> SelectQuery:
        """Narrow a query over claims by speaker (name or alias), tags (all of them) and dates.

        Raises InvalidInput for a bad name or date, or a --since later than --until.
        """
        if self.speaker:
            key = values.name_key(values.name(self.speaker, "--speaker name"))
            alias_owner = select(ActorAlias.actor_id).where(ActorAlias.alias_key == key)
            named = select(Actor.id).where(Actor.name_key == key)
            query = query.where(or_(Claim.speaker_id.in_(named), Claim.speaker_id.in_(alias_owner)))
        for tag in values.tags(list(self.tags)):
            query = query.where(
                select(ClaimTag.claim_id)
                .where(ClaimTag.claim_id == Claim.id, ClaimTag.tag == tag)
                .exists()
            )
        start = values.date(self.since, "--since date")
        end = values.date(self.until, "--until date")
        if start and end and start > end:
            raise InvalidInput(f"--since {start} is after --until {end}; swap them.")
        if start:
            query = query.where(Claim.said_on >= start)
        if end:
            query = query.where(Claim.said_on <= end)
        return query
