"""Typed links between claims ("FROM denies TO"): add, list, remove."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from claimtrack.core import values
from claimtrack.core.enums import LinkStatus, Relation
from claimtrack.core.errors import Conflict, InvalidInput, NotFound
from claimtrack.core.views import LinkView
from claimtrack.models import Claim, HistoryEntry, Link
from claimtrack.services import disputes, sources
from claimtrack.services.notices import notify
from claimtrack.store.sql import create_or_find


def add_link(
    session: Session,
    from_claim: Claim,
    relation: Relation,
    to_claim: Claim,
    *,
    note: str | None = None,
    source_url: str | None = None,
) -> Link:
    """Record that ``from_claim`` <relation> ``to_claim``, confirmed.

    A suggested or rejected link between the same claims becomes confirmed (you said so), with
    the note and source given.
    Raises InvalidInput for a self-link and Conflict when the same link is already confirmed.
    """
    if from_claim.id == to_claim.id:
        raise InvalidInput(
            f"A claim cannot be linked to itself ({from_claim.public_id} {relation} "
            f"{to_claim.public_id}); check the two ids."
        )
    existing = link_between(session, from_claim.id, relation, to_claim.id)
    if existing is None:
        # In a savepoint: a concurrent transaction may insert the same link first (PostgreSQL:
        # two people linking the same claims at once); the unique index then refuses ours and
        # that link is answered as if it had been there when we looked.
        link, created = create_or_find(
            session, lambda: _insert(session, from_claim, relation, to_claim, note, source_url),
            lambda: link_between(session, from_claim.id, relation, to_claim.id))
        if created:
            disputes.recount(session, [to_claim.id])
            return link
        existing = link
    if existing.status != LinkStatus.CONFIRMED:
        notify(session, f"Link {existing.id} was {existing.status}; it is now confirmed.")
        _describe(session, existing, note, source_url)
        return set_link_status(session, existing, LinkStatus.CONFIRMED)
    raise Conflict(
        f"{from_claim.public_id} {relation} {to_claim.public_id} is already recorded "
        f"(link {existing.id})."
    )


def _insert(session: Session, from_claim: Claim, relation: Relation, to_claim: Claim,
            note: str | None, source_url: str | None) -> Link:
    link = Link(from_claim_id=from_claim.id, relation=relation, to_claim_id=to_claim.id)
    _describe(session, link, note, source_url)
    session.add(link)
    session.flush()
    return link


def _describe(session: Session, link: Link, note: str | None, source_url: str | None) -> None:
    """Set the note and source given (None, or a blank source, leaves them as they are)."""
    if note is not None:
        link.note = values.optional_text(note, "note")
    if source_url is not None and source_url.strip():
        link.source = sources.ensure_source(session, source_url)


def reads(link: Link) -> str:
    """A link as people read it: "c-… denies c-…"."""
    return spelled(link.from_claim.public_id, link.relation, link.to_claim.public_id)


def spelled(from_claim: str, relation: Relation, to_claim: str) -> str:
    """``reads`` of a link given by its claims' public ids (what a page's form sends back)."""
    return f"{from_claim} {relation.value} {to_claim}"


def check_shown(link: Link, shown: str | None, what: str, then: str) -> None:
    """Raise Conflict when a page's form showed another link under this id (``shown``, as
    ``reads`` writes it): SQLite reuses a deleted row's id. ``what`` the form called it,
    ``then`` what to do next."""
    if shown and shown != reads(link):
        raise Conflict(f"Link {link.id} is now {reads(link)}, not the {what} shown ({shown}); "
                       f"nothing was changed. {then}")


def check_status_shown(session: Session, link: Link, shown: str | None, when: str,
                       then: str) -> None:
    """Raise Conflict when the link's status is no longer ``shown``, the one a page showed
    (nothing to check when the form sent none): someone decided it ``when`` (the page's
    words, "since you opened the queue"), naming who, from the history. ``then`` says what to
    do next."""
    if not shown or shown == link.status.value:
        return
    who = decided_by(session, link)
    raise Conflict(f"Link {link.id} was {link.status}{f' by {who}' if who else ''} {when}; "
                   f"nothing was changed. {then}")


def decided_by(session: Session, link: Link) -> str | None:
    """Who last changed the link's status, from the history (None when it recorded none)."""
    changes = session.execute(
        select(HistoryEntry.user_name, HistoryEntry.before, HistoryEntry.after)
        .where(HistoryEntry.entity == "link", HistoryEntry.entity_key == str(link.id),
               HistoryEntry.action == "update")
        .order_by(HistoryEntry.id.desc()).limit(50))
    for user, before, after in changes:
        if (before or {}).get("status") != (after or {}).get("status"):
            return str(user)
    return None


def logged_answer(session: Session, target: Claim, relation: Relation, text: str,
                  speaker: str | None, said_on: str | None, source: str | None) -> Claim | None:
    """A claim already linked to ``target`` by a confirmed ``relation`` in the same words
    (spacing aside), by the same speaker, on the same day and (when one is given) seen on the
    same page: what logging that answer again would only repeat."""
    wanted = " ".join(text.split())
    who = values.name_key(speaker) if speaker else None
    day = values.date(said_on, "claim's date") if said_on else None
    page = values.url_key(values.url(source)) if source else None
    answers = session.scalars(select(Claim).join(Link, Link.from_claim_id == Claim.id).where(
        Link.to_claim_id == target.id, Link.relation == relation,
        Link.status == LinkStatus.CONFIRMED))
    for claim in answers:
        said = values.name_key(claim.speaker.name) if claim.speaker else None
        pages = {a.source.url_key for a in claim.appearances}
        if (" ".join(claim.text.split()), said, claim.said_on) == (wanted, who, day) and (
                page is None or page in pages):
            return claim
    return None


def get_link(session: Session, link_id: int) -> Link:
    """The link with this number. Raises NotFound."""
    link = session.get(Link, link_id)
    if link is None:
        raise NotFound(f"Link {link_id} not found. List links with `claimtrack link list`.")
    return link


def link_between(session: Session, from_id: int, relation: Relation, to_id: int) -> Link | None:
    """The link (claim row ids) FROM <relation> TO, whatever its status, if there is one."""
    return session.scalar(
        select(Link).where(
            Link.from_claim_id == from_id, Link.relation == relation, Link.to_claim_id == to_id
        )
    )


def find_link(session: Session, from_claim: Claim, relation: Relation, to_claim: Claim) -> Link:
    """The link FROM <relation> TO. Raises NotFound."""
    link = link_between(session, from_claim.id, relation, to_claim.id)
    if link is None:
        raise NotFound(
            f"There is no link {from_claim.public_id} {relation} {to_claim.public_id}; "
            "see `claimtrack link list`."
        )
    return link


def remove_link(session: Session, link: Link) -> None:
    """Delete a link and update the contested state of the claim it pointed at."""
    target = link.to_claim_id
    session.delete(link)
    session.flush()
    disputes.recount(session, [target])


def set_link_status(session: Session, link: Link, status: LinkStatus) -> Link:
    """Confirm, reject (or re-suggest) a link; only confirmed links count in disputes."""
    link.status = status
    session.flush()
    disputes.recount(session, [link.to_claim_id])
    return link


def list_links(
    session: Session,
    claim: Claim | None = None,
    *,
    relation: Relation | None = None,
    status: LinkStatus | None = None,
    limit: int | None = None,
) -> list[LinkView]:
    """Links touching ``claim`` (either end), or every link; oldest first (the first
    ``limit``)."""
    source_claim, target_claim = aliased(Claim), aliased(Claim)
    query = (
        select(Link, source_claim.public_id, target_claim.public_id)
        .join(source_claim, Link.from_claim_id == source_claim.id)
        .join(target_claim, Link.to_claim_id == target_claim.id)
        .options(selectinload(Link.source))
        .order_by(Link.id)
    )
    if claim is not None:
        query = query.where(or_(Link.from_claim_id == claim.id, Link.to_claim_id == claim.id))
    if relation is not None:
        query = query.where(Link.relation == relation)
    if status is not None:
        query = query.where(Link.status == status)
    query = query.limit(limit)
    return [
        LinkView(
            id=link.id,
            from_claim=from_id,
            relation=link.relation,
            to_claim=to_id,
            note=link.note,
            source=link.source.url if link.source else None,
            created_at=link.created_at,
            status=link.status,
        )
        for link, from_id, to_id in session.execute(query)
    ]
