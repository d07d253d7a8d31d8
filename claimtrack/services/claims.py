"""Claims: log, find by id, edit, remove, list; and where each claim appeared."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, object_session

from claimtrack.core import values
from claimtrack.core.enums import ReviewStatus
from claimtrack.core.errors import Conflict, InvalidInput, NotFound
from claimtrack.core.identity import claim_fingerprint
from claimtrack.core.views import ClaimDetails, ClaimView
from claimtrack.core.wording import plural
from claimtrack.models import Actor, Appearance, Claim, ClaimMerge, ClaimTag, Link, Verdict
from claimtrack.models.base import utcnow
from claimtrack.services import actors, disputes, reading, sources
from claimtrack.services.filters import ClaimFilter
from claimtrack.services.notices import notify
from claimtrack.store.history import changes, tracking
from claimtrack.store.sql import only_match

# The first number of the PostgreSQL advisory locks that serialise adds of one claim.
ADD_LOCK_CLASS = 0x636C6169  # "clai"


def get_claim(session: Session, claim_id: str, *, changing: str | None = None) -> Claim:
    """The claim with this id, or the only one whose id starts with it (at least 4 characters).

    The id of a claim merged into another resolves to the one kept (and says so). A command
    that removes or changes the claim itself gives ``changing`` (its verb: "remove"): it is
    refused the id of a claim merged away, so that it never acts on the kept claim unasked.
    Raises InvalidInput for a malformed or merged-away id (with ``changing``) and NotFound when
    no single claim matches.
    """
    claim, merged_id = find_claim(session, claim_id)
    if merged_id is not None and changing is not None:
        raise InvalidInput(
            f"Claim {merged_id} was merged into {claim.public_id}; {changing} "
            f"{claim.public_id} itself if that is what you mean."
        )
    if merged_id is not None:
        notify(
            session,
            f"Claim {merged_id} was merged into {claim.public_id}; using {claim.public_id}.",
        )
    return claim


def find_claim(session: Session, claim_id: str) -> tuple[Claim, str | None]:
    """Like ``get_claim``; also returns the merged-away id the claim was reached through."""
    wanted = values.id_or_prefix(claim_id, "c", "claim")
    if values.is_whole_id(wanted):
        claim = session.scalar(select(Claim).where(Claim.public_id == wanted))
        if claim is not None:
            return claim, None
        named = ClaimMerge.public_id == wanted
        merged = select(ClaimMerge.claim_id).where(named)
        candidates = select(Claim.id, Claim.public_id).where(Claim.id.in_(merged))
    else:
        named = ClaimMerge.public_id.startswith(wanted, autoescape=True)
        merged = select(ClaimMerge.claim_id).where(named)
        candidates = select(Claim.id, Claim.public_id).where(
            or_(Claim.public_id.startswith(wanted, autoescape=True), Claim.id.in_(merged))
        )
    found = only_match(session, candidates, wanted, "claim")
    if found is not None:
        claim = session.get_one(Claim, found)
        if claim.public_id.startswith(wanted):
            return claim, None
        via = session.scalar(
            select(ClaimMerge.public_id).where(named, ClaimMerge.claim_id == found).limit(1)
        )
        return claim, via
    raise _missing(session, claim_id, wanted)


def _missing(session: Session, claim_id: str, wanted: str) -> NotFound:
    """Why no claim has this id or prefix: one deleted with `claim rm` says how to get it back."""
    found = changes.deleted(session, wanted, "c", "claim")
    if found is not None and (found[1].command or "").endswith("claim rm"):  # not merged
        known, gone = found
        return NotFound(f"Claim {known} was deleted on {gone.at:%Y-%m-%d %H:%M:%S} UTC by "
                        f"{gone.user}. `claimtrack history {known}` shows it as it was; "
                        f"`claimtrack claim restore {known} --at TIME` brings it back as it was "
                        "at a time before that.")
    return NotFound(f"Claim {claim_id} not found. List claims with `claimtrack claim list`.")


def add_claim(
    session: Session,
    *,
    text: str,
    speaker: str | None = None,
    said_on: str | dt.date | None = None,
    summary: str | None = None,
    language: str | None = "en",
    tags: Iterable[str] = (),
    source_url: str | None = None,
    quote: str | None = None,
    seen_on: str | dt.date | None = None,
    public_id: str | None = None,
    allow_duplicate: bool = False,
) -> Claim:
    """Log a claim, verbatim. An unknown speaker or source is created (and a notice queued).

    Raises InvalidInput for empty text, a bad date or URL, or a quote without a source, and
    Conflict when a stored claim has the same fingerprint (text, speaker and date, matched as
    an import matches them: a form sent twice), unless ``allow_duplicate`` says it is another.
    """
    claim = Claim(
        public_id=public_id or values.new_public_id("c"),
        text=values.text(text, "claim text"),
        summary=values.summary(summary),
        said_on=values.date(said_on, "claim's date"),
        language=values.language(language),
    )
    if quote is not None and source_url is None:
        raise InvalidInput("A quote needs the source it is from; add --source URL.")
    if speaker is not None and speaker.strip():
        claim.speaker = actors.ensure_actor(session, speaker)
    if not allow_duplicate:
        _refuse_duplicate(session, claim)
    given = values.tags(list(tags))
    values.tag_count(len(given))
    claim.tags = [ClaimTag(tag=tag) for tag in given]
    session.add(claim)
    session.flush()
    if source_url is not None:
        add_appearance(session, claim, source_url, quote=quote, seen_on=seen_on)
    return claim


def same_claim(
    session: Session, text: str, speaker: Actor | None, said_on: dt.date | None,
    *, other_than: int | None = None,
) -> Claim | None:
    """The stored claim (the oldest, if several; never ``other_than``) with the fingerprint of
    this text, speaker and date: the claim an import would update, or None."""
    if speaker is not None and speaker.id is None:  # an actor not written yet said nothing
        return None
    fingerprint = claim_fingerprint(text, None if speaker is None else speaker.id, said_on)
    query = select(Claim).where(Claim.fingerprint == fingerprint)
    if other_than is not None:
        query = query.where(Claim.id != other_than)
    return session.scalars(query.order_by(Claim.id).limit(1)).first()


def _refuse_duplicate(session: Session, claim: Claim, *, edited: bool = False) -> None:
    """Raise Conflict when a stored claim has ``claim``'s fingerprint (another one than
    ``claim``, which ``edited`` says is stored already and being changed).

    No unique index can back this check: fingerprints repeat by design (``allow_duplicate``,
    and databases that hold duplicates already). Two adds of one claim at once wait for each
    other on a lock named by the fingerprint (PostgreSQL; SQLite writers never overlap), so the
    second sees the first, with or without a speaker; adds of other claims never wait. A new
    speaker needs none: two transactions creating it wait at the actors' unique index.
    """
    if claim.speaker is not None and claim.speaker.id is None:
        return  # nobody has said anything as this speaker yet
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        speaker_id = None if claim.speaker is None else claim.speaker.id
        fingerprint = claim_fingerprint(claim.text, speaker_id, claim.said_on)
        # transaction-scoped; the two-number form keeps it apart from the bulk writers' lock
        connection.execute(select(func.pg_advisory_xact_lock(
            ADD_LOCK_CLASS, int(fingerprint[:8], 16) - 2**31)))
    same = same_claim(session, claim.text, claim.speaker, claim.said_on,
                      other_than=claim.id if edited else None)
    if same is not None and edited:
        raise Conflict(
            f"Claim {claim.public_id} would then be the same claim (same text, speaker and "
            f"date) as {same.public_id}, so nothing was changed. If they are one claim, run "
            f"`claimtrack claim merge {same.public_id} {claim.public_id}`; if they are distinct, "
            "edit it with --allow-duplicate."
        )
    if same is not None:
        stored = same.public_id
        raise Conflict(
            f"The same claim (same text, speaker and date) is recorded already as {stored}. "
            f"To note where else it appeared use `claimtrack appearance add {stored} URL`; if "
            "it is a distinct claim, add it with --allow-duplicate."
        )


def edit_claim(
    session: Session,
    claim: Claim,
    *,
    text: str | None = None,
    speaker: str | None = None,
    said_on: str | None = None,
    summary: str | None = None,
    language: str | None = None,
    add_tags: Iterable[str] = (),
    remove_tags: Iterable[str] = (),
    allow_duplicate: bool = False,
) -> Claim:
    """Change the given fields. None leaves a field as it is; "" clears an optional one.
    Everything is read first and written in one flush: one edit is one new version. An edit
    that makes it the same claim as another (text, speaker and date) is refused, unless
    ``allow_duplicate`` says they are distinct."""
    said = None
    if speaker is not None and speaker.strip():
        said = actors.ensure_actor(session, speaker)
    tags = set(claim.tag_names)
    # Unchecked, so that a tag stored before a rule refused it can still be removed.
    dropped = {values.tag_key(values.text(raw, "tag", hint=values.TAG_HINT)) for raw in remove_tags}
    unknown = dropped - tags
    if unknown:
        raise NotFound(f"Claim {claim.public_id} has no tag {', '.join(sorted(unknown))}.")
    added = [tag for tag in dict.fromkeys(values.tags(list(add_tags))) if tag not in tags]
    values.tag_count(len(tags - dropped) + len(added))
    with session.no_autoflush:
        if text is not None:
            claim.text = values.text(text, "claim text")
        if speaker is not None:
            claim.speaker = said
        if said_on is not None:
            claim.said_on = values.date(said_on, "claim's date")
        if summary is not None:
            claim.summary = values.summary(summary)
        if language is not None:
            claim.language = values.language(language)
        if claim_fingerprint(claim.text, claim.speaker.id if claim.speaker else None,
                             claim.said_on) != claim.fingerprint and not allow_duplicate:
            # now the same as another? (one stored as a distinct duplicate stays editable)
            _refuse_duplicate(session, claim, edited=True)
        if dropped:
            claim.tags = [t for t in claim.tags if t.tag not in dropped]
        claim.tags.extend(ClaimTag(tag=tag) for tag in added)
        # Saving a form unchanged changes nothing: no new version, no history entry.
        if dropped or added or session.is_modified(claim, include_collections=False):
            claim.updated_at = utcnow()
    session.flush()
    return claim


def remove_claim(session: Session, claim: Claim, *, cascade: bool = False) -> None:
    """Delete a claim with its appearances and tags.

    Raises Conflict when links or verdicts refer to it, unless ``cascade`` (then they go too).
    """
    linked = session.execute(
        select(Link.id, Link.from_claim_id, Link.to_claim_id).where(
            or_(Link.from_claim_id == claim.id, Link.to_claim_id == claim.id)
        )
    ).all()
    verdict_ids = session.scalars(select(Verdict.id).where(Verdict.claim_id == claim.id)).all()
    verdict_count = len(verdict_ids)
    if (linked or verdict_count) and not cascade:
        raise Conflict(
            f"Claim {claim.public_id} has {plural(len(linked), 'link')} and "
            f"{plural(verdict_count, 'verdict')}. "
            "Remove them first, or pass --cascade to delete them with the claim."
        )
    neighbours = {end for _, *pair in linked for end in pair} - {claim.id}
    tracking.track(session, Link, [link_id for link_id, *_ in linked])
    tracking.track(session, Verdict, verdict_ids)
    session.execute(
        delete(Link).where(or_(Link.from_claim_id == claim.id, Link.to_claim_id == claim.id))
    )
    session.execute(delete(Verdict).where(Verdict.claim_id == claim.id))
    session.delete(claim)
    session.flush()
    disputes.recount(session, neighbours)
    if linked or verdict_count:
        notify(session, f"Also removed {plural(len(linked), 'link')} and "
                        f"{plural(verdict_count, 'verdict')}.")


def add_appearance(
    session: Session,
    claim: Claim,
    url: str,
    *,
    quote: str | None = None,
    seen_on: str | dt.date | None = None,
    replace_quote: bool = False,
) -> Appearance:
    """Record that ``claim`` appears at ``url`` (quote verbatim). Updates it if already recorded.
    A different quote already recorded there is kept: raises Conflict (a verbatim record is not
    overwritten by accident), unless ``replace_quote``, which replaces it with a notice showing
    the old one."""
    source = sources.ensure_source(session, url)
    appearance = session.scalar(
        select(Appearance).where(Appearance.claim_id == claim.id, Appearance.source_id == source.id)
    )
    if appearance is None:
        appearance = Appearance(claim=claim, source=source)
        session.add(appearance)
    if quote is not None:
        _set_quote(session, appearance, values.optional_text(quote, "quote"), replace_quote)
    if seen_on is not None:
        appearance.seen_on = values.date(seen_on, "date seen")
    session.flush()
    return appearance


def _set_quote(
    session: Session, appearance: Appearance, quote: str | None, replace: bool
) -> None:
    earlier = appearance.quote
    if earlier and earlier != quote:
        where = f"claim {appearance.claim.public_id} at {appearance.source.url}"
        if not replace:
            raise Conflict(f"The quote of {where} is already “{earlier}”; give --replace-quote "
                           "to replace it.")
        notify(session, f"Replaced the quote of {where}; it was “{earlier}”.")
    appearance.quote = quote


def remove_appearance(session: Session, claim: Claim, url: str) -> None:
    """Forget that ``claim`` appeared at ``url``. Raises NotFound if it was never recorded."""
    source = sources.get_source(session, url)
    tracking.track(session, Claim, [claim.id])
    deleted = session.execute(
        delete(Appearance).where(Appearance.claim_id == claim.id, Appearance.source_id == source.id)
    )
    if not deleted.rowcount:  # type: ignore[attr-defined]
        raise NotFound(f"Claim {claim.public_id} has no appearance at {source.url}.")


def list_claims(
    session: Session,
    *,
    where: ClaimFilter = ClaimFilter(),
    limit: int | None = None,
    status: ReviewStatus | None = None,
) -> list[ClaimView]:
    """Claims matching ``where``, most recently said first (undated ones last).

    ``status`` keeps only claims at that review stage (``published`` for readers).
    """
    query = where.apply(select(Claim))
    if status is not None:
        query = query.where(Claim.status == status)
    query = query.order_by(Claim.said_on.desc().nulls_last(), Claim.id.desc())
    if limit:
        query = query.limit(limit)
    ids = session.scalars(query.with_only_columns(Claim.id)).all()
    views = reading.claim_views(session, ids)
    return [views[claim_id] for claim_id in ids]


def claim_view(claim: Claim) -> ClaimView:
    """The read model of one claim (speaker, tags and sources included)."""
    session = object_session(claim)
    assert session is not None, "claim_view needs a claim attached to a session"
    return reading.claim_views(session, [claim.id])[claim.id]


def describe_claim(session: Session, claim_id: str) -> ClaimDetails:
    """A claim with its sources, every link touching it and its verdicts."""
    from claimtrack.services import links, verdicts

    claim = get_claim(session, claim_id)
    return ClaimDetails(
        claim=claim_view(claim),
        links=tuple(links.list_links(session, claim)),
        verdicts=tuple(verdicts.list_verdicts(session, claim)),
    )


def check_version(claim: Claim, expected: int | str | None) -> None:
    """Refuse to change a claim that was changed since ``expected`` (its ``version`` when an
    edit form was opened): raises Conflict, so the second of two concurrent edits never
    silently overwrites the first. None checks nothing."""
    if expected is None:
        return
    if str(claim.version) != str(expected).strip():
        raise Conflict(
            f"Claim {claim.public_id} was changed by someone else since you opened it (version "
            f"{expected}, now {claim.version}), so your changes were not saved. Reload it, "
            "check what changed (its history shows who and what), and make your edit again."
        )
