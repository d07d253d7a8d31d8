"""ClaimFilter: which claims a list, report, search or export covers.

A module of its own because both services.claims and services.disputes use it, and they import
each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.errors import InvalidInput, NotFound
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

    def check(self, session: Session) -> None:
        """Refuse a ``speaker`` that names no actor, rather than select no claims in silence:
        raises NotFound naming the closest names (a typo), InvalidInput for a bad name."""
        if not self.speaker:
            return
        key = values.name_key(values.name(self.speaker, "--speaker name"))
        named = select(Actor.id).where(Actor.name_key == key).union_all(
            select(ActorAlias.actor_id).where(ActorAlias.alias_key == key))
        if session.execute(named.limit(1)).first() is None:
            raise NotFound(f"No actor is called '{self.speaker.strip()}'."
                           f"{closest_names(session, key)} "
                           "List actors with `claimtrack actor list`.")

    def check_tags(self, session: Session) -> None:
        """Refuse a tag that no claim has (one indexed look-up each), as ``check`` refuses an
        unknown speaker: raises NotFound naming the closest tags, InvalidInput for a bad tag."""
        for tag in values.tags(list(self.tags)):
            tagged = select(ClaimTag.claim_id).where(ClaimTag.tag == tag)
            if session.execute(tagged.limit(1)).first() is None:
                tags = session.scalars(select(ClaimTag.tag).distinct())
                raise NotFound(f"No claim is tagged '{tag}'.{_nearest(tag, {t: t for t in tags})} "
                               "See each claim's tags with `claimtrack claim list`.")

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


def closest_names(session: Session, key: str) -> str:
    """The hint for a mistyped name: the actors whose names or aliases are nearest to it
    (" Did you mean 'Sergey Lavrov'?"), or "" when none is close."""
    names = {values.name_key(name): name for name in session.scalars(select(Actor.name))}
    names.update(session.execute(select(ActorAlias.alias_key, Actor.name)
                                 .join(Actor, Actor.id == ActorAlias.actor_id)).all())
    return _nearest(key, names)


def _nearest(key: str, names: dict[str, str]) -> str:
    """" Did you mean 'a' or 'b'?" for the ``names`` (shown, by key) whose keys are nearest to
    ``key``; "" when none is close."""
    from rapidfuzz import fuzz, process

    found = process.extract(key, list(names), scorer=fuzz.WRatio, score_cutoff=80, limit=3)
    nearest = list(dict.fromkeys(names[match] for match, _score, _index in found))
    return f" Did you mean {' or '.join(repr(name) for name in nearest)}?" if nearest else ""
