"""Actors: add, find by any name or alias (case-insensitively), edit, list, remove."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from claimtrack.core import values
from claimtrack.core.enums import ActorKind
from claimtrack.core.errors import Conflict, NotFound
from claimtrack.core.views import ActorView
from claimtrack.core.wording import plural
from claimtrack.models import Actor, ActorAlias, Claim, Verdict
from claimtrack.services.notices import notify
from claimtrack.store.sql import chunked, create_or_find


def find_actor(session: Session, name: str) -> Actor | None:
    """The actor whose name or alias matches ``name`` (any case and spacing), or None.

    Raises InvalidInput for a name that cannot be stored (NUL, not UTF-8, too long).
    """
    key = values.name_key(values.optional_text(name, "name", max_length=values.NAME_MAX) or "")
    actor = session.scalar(select(Actor).where(Actor.name_key == key))
    if actor is None:
        actor = session.scalar(select(Actor).join(ActorAlias).where(ActorAlias.alias_key == key))
    return actor


def get_actor(session: Session, name: str) -> Actor:
    """Like ``find_actor`` but raises NotFound."""
    actor = find_actor(session, name)
    if actor is None:
        raise NotFound(
            f"No actor is called '{name}'. Add it with `claimtrack actor add` or list actors "
            "with `claimtrack actor list`."
        )
    return actor


def ensure_actor(session: Session, name: str, *, kind: ActorKind = ActorKind.UNKNOWN) -> Actor:
    """Find an actor by name or alias, creating it (and saying so) when it is new."""
    cleaned = values.name(name, "actor name")
    existing = find_actor(session, cleaned)
    if existing is not None:
        return existing
    actor, created = create_or_find(
        session,
        partial(add_actor, session, cleaned, kind=kind),
        partial(find_actor, session, cleaned),
    )
    if created:
        hint = (
            f'; set it with `claimtrack actor edit "{actor.name}" --kind '
            'person|organization|government|media`' if actor.kind == ActorKind.UNKNOWN else ""
        )
        notify(session, f"Created actor '{actor.name}' (kind {actor.kind}{hint}).")
    return actor


def add_actor(
    session: Session,
    name: str,
    *,
    kind: ActorKind = ActorKind.UNKNOWN,
    aliases: Iterable[str] = (),
    description: str | None = None,
) -> Actor:
    """Add an actor. Raises Conflict when the name or an alias is already someone's name."""
    cleaned = values.name(name, "actor name")
    _ensure_free(session, cleaned)
    actor = Actor(
        name=cleaned,
        name_key=values.name_key(cleaned),
        kind=kind,
        description=values.optional_text(description, "description"),
    )
    session.add(actor)
    for alias in aliases:
        add_alias(session, actor, alias)
    session.flush()
    return actor


def add_alias(session: Session, actor: Actor, alias: str) -> None:
    """Give ``actor`` another name. Raises Conflict when it already names someone."""
    cleaned = values.name(alias, "alias")
    key = values.name_key(cleaned)
    if key == actor.name_key or any(a.alias_key == key for a in actor.aliases):
        return
    _ensure_free(session, cleaned)
    actor.aliases.append(ActorAlias(alias=cleaned, alias_key=key))
    session.flush()


def remove_alias(session: Session, actor: Actor, alias: str) -> None:
    """Remove one of an actor's aliases. Raises NotFound when it has no such alias."""
    key = values.name_key(alias)
    for existing in actor.aliases:
        if existing.alias_key == key:
            actor.aliases.remove(existing)
            session.flush()
            return
    raise NotFound(f"'{actor.name}' has no alias '{alias}'; see `claimtrack actor show`.")


def edit_actor(
    session: Session,
    actor: Actor,
    *,
    name: str | None = None,
    kind: ActorKind | None = None,
    description: str | None = None,
    add_aliases: Iterable[str] = (),
    remove_aliases: Iterable[str] = (),
) -> Actor:
    """Rename an actor or change its kind, description and aliases.

    Renaming keeps the old name as an alias, so claims logged under it still resolve.
    """
    for alias in remove_aliases:
        remove_alias(session, actor, alias)
    if name is not None:
        cleaned = values.name(name, "actor name")
        new_key = values.name_key(cleaned)
        if new_key != actor.name_key:
            old_name = actor.name
            own_alias = next((a for a in actor.aliases if a.alias_key == new_key), None)
            if own_alias is not None:
                actor.aliases.remove(own_alias)
                session.flush()
            else:
                _ensure_free(session, cleaned)
            actor.name, actor.name_key = cleaned, new_key
            session.flush()
            add_alias(session, actor, old_name)
        else:
            actor.name = cleaned
    if kind is not None:
        actor.kind = kind
    if description is not None:
        actor.description = values.optional_text(description, "description")
    for alias in add_aliases:
        add_alias(session, actor, alias)
    session.flush()
    return actor


def remove_actor(session: Session, actor: Actor) -> None:
    """Delete an actor no claim or verdict refers to. Raises Conflict otherwise."""
    used = session.scalar(select(func.count()).where(Claim.speaker_id == actor.id)) or 0
    used += session.scalar(select(func.count()).where(Verdict.reviewer_id == actor.id)) or 0
    if used:
        raise Conflict(
            f"'{actor.name}' is the speaker or reviewer of {plural(used, 'record')}; reassign "
            "them with "
            "`claimtrack claim edit --speaker` first, or rename the actor with `actor edit`."
        )
    session.delete(actor)
    session.flush()


def list_actors(
    session: Session,
    *,
    kind: ActorKind | None = None,
    limit: int | None = None,
    offset: int = 0,
    named: str | None = None,
) -> list[ActorView]:
    """Actors by name (the ``limit`` after the first ``offset``) with how many claims they
    made. ``named``: only those whose name or an alias contains it (any case and spacing).
    Claims are counted for the actors listed only."""
    query = select(Actor).options(selectinload(Actor.aliases)).order_by(Actor.name_key)
    found = list(session.scalars(_chosen(query, kind, named).offset(offset).limit(limit)))
    counts: dict[int | None, int] = {}
    for ids in chunked([actor.id for actor in found]):
        counts.update(session.execute(
            select(Claim.speaker_id, func.count()).where(Claim.speaker_id.in_(ids))
            .group_by(Claim.speaker_id)).all())
    return [actor_view(actor, counts.get(actor.id, 0)) for actor in found]


def count_actors(
    session: Session, *, kind: ActorKind | None = None, named: str | None = None
) -> int:
    """How many actors ``list_actors`` lists with these filters, in all."""
    return session.scalar(_chosen(select(func.count()).select_from(Actor), kind, named)) or 0


def _chosen(query: Select[Any], kind: ActorKind | None, named: str | None) -> Select[Any]:
    """``query`` kept to actors of ``kind`` whose name or an alias contains ``named``."""
    if kind is not None:
        query = query.where(Actor.kind == kind)
    key = values.name_key(named or "")
    if key:
        aliased = select(ActorAlias.actor_id).where(
            ActorAlias.alias_key.contains(key, autoescape=True))
        query = query.where(Actor.name_key.contains(key, autoescape=True) | Actor.id.in_(aliased))
    return query


def describe_actor(session: Session, name: str) -> ActorView:
    """One actor, found by name or alias."""
    actor = get_actor(session, name)
    count = session.scalar(select(func.count()).where(Claim.speaker_id == actor.id)) or 0
    return actor_view(actor, count)


def actor_view(actor: Actor, claims: int = 0) -> ActorView:
    return ActorView(
        name=actor.name,
        kind=actor.kind,
        aliases=tuple(alias.alias for alias in actor.aliases),
        description=actor.description,
        claims=claims,
    )


def _ensure_free(session: Session, name: str) -> None:
    owner = find_actor(session, name)
    if owner is not None:
        raise Conflict(
            f"'{name}' already names the actor '{owner.name}'. Use that actor, or give this one "
            "a more specific name."
        )


def named_by_words(session: Session, words: Iterable[str], *, limit: int = 3) -> list[str]:
    """Names of the actors (at most ``limit``, by name) whose name or an alias holds every one
    of these words as a whole word, in any case: "hersh" finds Seymour Hersh. Only actors whose
    name or alias contains the longest word are read, so a large table is not listed."""
    wanted = {values.name_key(word) for word in words} - {""}
    if not wanted:
        return []
    longest = max(wanted, key=len)
    found: dict[str, str] = {}
    for name, key in session.execute(
        select(Actor.name, Actor.name_key).where(Actor.name_key.contains(longest, autoescape=True))
        .union(select(Actor.name, ActorAlias.alias_key).join(ActorAlias)
               .where(ActorAlias.alias_key.contains(longest, autoescape=True)))
    ):
        if wanted <= set(key.split()):
            found.setdefault(values.name_key(name), name)
    return [found[key] for key in sorted(found)][:limit]


def suggest_names(session: Session, prefix: str, *, limit: int = 10) -> list[str]:
    """Actor names whose name or an alias starts with ``prefix`` (any case), for a speaker
    field's suggestions; an alias suggests the actor's name. Shortest names first."""
    key = values.name_key(prefix)[: values.NAME_MAX]
    if not key:
        return []
    by_name = select(Actor.name).where(Actor.name_key.startswith(key, autoescape=True))
    by_alias = (
        select(Actor.name)
        .join(ActorAlias)
        .where(ActorAlias.alias_key.startswith(key, autoescape=True))
    )
    found = set(session.scalars(by_name.limit(limit * 2))) | set(
        session.scalars(by_alias.limit(limit * 2))
    )
    return sorted(found, key=lambda name: (len(name), name.casefold()))[:limit]
