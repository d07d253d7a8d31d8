"""Import: parsed records from any format, merged into the database in batches.

The caller owns the transaction: a whole import (every file of one command) commits or
changes nothing, including on Ctrl-C. Rows are written with Core executemany (see
services.bulkwrite); the contested counters of every touched claim are recounted, and the
edit history written, per batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.errors import ClaimtrackError, InvalidInput
from claimtrack.formats.native import (
    ActorRecord,
    ClaimRecord,
    LinkRecord,
    SourceRecord,
    VerdictRecord,
)
from claimtrack.formats.records import ClaimBundle, Parsed, ReviewRecord
from claimtrack.interchange.actors import write_actor_records
from claimtrack.interchange.claims import ClaimWork, write_claims
from claimtrack.interchange.duplicates import DuplicateIds
from claimtrack.interchange.links import VerdictWork, write_links, write_verdicts
from claimtrack.interchange.state import ImportState, ImportSummary, write_sources
from claimtrack.services import actors, disputes
from claimtrack.services.ratings import rating_table
from claimtrack.store import fulltext
from claimtrack.store.bulkwrite import one_bulk_writer, plan_with_what_was_written
from claimtrack.store.history import tracking

BATCH = 500
# The tables an import looks rows up in, by key (their statistics are kept current on PostgreSQL).
LOOKED_UP = ("actors", "actor_aliases", "sources", "claims", "claim_tags", "appearances",
             "verdicts", "verdict_originals", "links", "claim_merges")
KNOWN = (ActorRecord, SourceRecord, ClaimRecord, ClaimBundle, LinkRecord, VerdictRecord)
Handler = Callable[[Session, Any], Mapping[str, bool]]


@dataclass(frozen=True)
class Rejection:
    """A record left out, and why: for --rejects and the screen."""

    file: str
    where: str
    reason: str
    record: Any


Origin = tuple[str, Parsed]


class Importer:
    """Feed it parsed records (``feed``), then ``finish`` for the summary."""

    def __init__(
        self,
        session: Session,
        *,
        strict: bool = False,
        on_reject: Callable[[Rejection], None] | None = None,
        on_note: Callable[[str], None] | None = None,
        on_batch: Callable[[], None] | None = None,
        batch_size: int = BATCH,
        extra: Mapping[type, tuple[str, Handler]] | None = None,
        redirect: Callable[[Session, list[str]], dict[str, int]] | None = None,
    ) -> None:
        """``extra``: record types beyond the native ones (merges are built in), each with the
        summary's name for it and a function (session, record) → {"is_new": …, "changed": …}
        that writes it, run in file order after the batch's links. ``redirect``: see
        ImportState.redirect (default: claims merged away resolve to the claim kept)."""
        from claimtrack.formats.native import MergeRecord
        from claimtrack.services import merges

        self.state = ImportState(
            session, ratings=rating_table(session), redirect=redirect or merges.redirect
        )
        tracking.name_rows(session, self.state.names)
        # Merges are part of every claimtrack export (claims merged away keep resolving).
        self.extra: dict[type, tuple[str, Handler]] = {
            MergeRecord: ("merges", merges.import_merge), **(extra or {})
        }
        self.strict, self.on_reject, self.on_batch = strict, on_reject, on_batch
        self.on_note = on_note
        self.whole_files: set[str] = set()
        self.batch_size = batch_size
        self.pending: list[Origin] = []
        self.batches = 0
        self.waiting_verdicts: list[VerdictWork] = []
        self.waiting_links: list[tuple[LinkRecord, Origin]] = []
        self.duplicates = DuplicateIds()

    @property
    def summary(self) -> ImportSummary:
        return self.state.summary

    def feed(self, records: Iterable[Parsed], file: str, *, whole: bool = False) -> None:
        """Import ``records`` read from ``file``; ``whole``: a bad one aborts everything (as
        --strict does for every file), because the file is one consistent document."""
        if whole:
            self.whole_files.add(file)
        first = True
        for parsed in records:
            if parsed.refused and self.strict:
                raise InvalidInput(
                    f"{file}, {parsed.refused[0]} Nothing was imported (--strict); fix that "
                    "cell, or drop --strict to import the row without it."
                )
            if self.on_note is not None:
                for note in (*parsed.notes, *parsed.refused):
                    self.on_note(f"{file}, {note}")
            if parsed.error is not None:
                self.reject((file, parsed), parsed.error)
                continue
            if parsed.item is None:  # a notice only (a skipped block): not a record
                continue
            if first:
                self.duplicates.begin(parsed)
                first = False
            self.pending.append((file, parsed))
            if len(self.pending) >= self.batch_size:
                self._flush_whole_pages()

    def _flush_whole_pages(self) -> None:
        """Flush, holding back the last reviews of one page for the next batch (the records
        after them may be more of that page): a page's reviews are matched to their stored
        claims together (claims._pair_reworded), so a batch never ends between two of them,
        unless one page fills it."""
        pending = self.pending
        file, keys = pending[-1][0], _page_keys(pending[-1])
        start = len(pending) - 1
        while keys and start > 0 and pending[start - 1][0] == file \
                and keys & _page_keys(pending[start - 1]):
            start -= 1
        if not keys or start == 0:
            self.flush()
            return
        self.pending, held = pending[:start], pending[start:]
        self.flush()
        self.pending = held

    def reject(self, origin: Origin, reason: str) -> None:
        file, parsed = origin
        self.state.summary.rejected += 1
        if self.strict:
            raise InvalidInput(
                f"{file}, {parsed.where}: {reason} Nothing was imported "
                "(--strict); fix that record, or drop --strict to skip bad ones."
            )
        if file in self.whole_files:
            raise InvalidInput(
                f"{file}, {parsed.where}: {reason} Nothing was imported: a claimtrack export "
                "goes in whole. Fix that record, or pass --rejects FILE to import the others "
                "and set the bad ones aside."
            )
        if self.on_reject is not None:
            self.on_reject(Rejection(file, parsed.where, reason, parsed.record()))

    def flush(self) -> None:
        """Write the pending batch: actors, sources, claims, verdicts, then links; then index
        the claims it changed, set-based, and write its history."""
        batch, self.pending = self.pending, []
        state = self.state
        batch, duplicates = self.duplicates.screen(state, batch)
        for origin, reason in duplicates:
            self.reject(origin, reason)
        if not fulltext.is_suspended(state.session):  # the first batch
            one_bulk_writer(state.session)
            fulltext.suspend(state.session)
        actor_records = [(o[1].item, o) for o in batch if isinstance(o[1].item, ActorRecord)]
        for record, origin in write_actor_records(state, actor_records):
            self._actor(record, origin)
        sources = [o[1].item for o in batch if isinstance(o[1].item, SourceRecord)]
        write_sources(state, sources, overwrite=True, counted=True)
        write_sources(
            state,
            [s for o in batch if isinstance(o[1].item, ClaimBundle) for s in o[1].item.sources],
            overwrite=False,
            counted=False,
        )
        claim_origins = [o for o in batch if isinstance(o[1].item, (ClaimRecord, ClaimBundle))]
        claims = [_claim_work(o[1].item, o[0]) for o in claim_origins]
        rounds = claims
        while rounds:
            rounds = write_claims(state, rounds)
        for work, origin in zip(claims, claim_origins, strict=True):
            if not work.redirected:  # written to the claim it was merged into: not its id's
                self.duplicates.wrote_claim(origin, work.record.id, work.row_id)
        verdicts = [
            VerdictWork(r, overwrite=False, claim_row=work.row_id, origin=origin)
            for work, origin in zip(claims, claim_origins, strict=True)
            for r in work.reviews
        ]
        verdicts += [_verdict_work(o) for o in batch if isinstance(o[1].item, VerdictRecord)]
        links = [(o[1].item, o) for o in batch if isinstance(o[1].item, LinkRecord)]
        self._verdicts(verdicts, final=False)
        for verdict in verdicts:  # those whose claim is still to come have no row yet
            self.duplicates.wrote_verdict(verdict.origin, verdict.review.id, verdict.row_id)
        self._links(links, final=False)
        for origin in batch:
            if not isinstance(origin[1].item, KNOWN):
                self._extra(origin)
        disputes.recount(state.session, state.touched)
        state.touched.clear()
        state.fresh_before, state.fresh = state.fresh, set()
        fulltext.refresh(state.session, tracking.changed_ids(state.session, "claim"))
        tracking.write_pending(state.session)  # what is pending stays one batch long
        self.batches += 1
        plan_with_what_was_written(state.session, self.batches, LOOKED_UP)
        if self.on_batch is not None:
            self.on_batch()

    def finish(self) -> ImportSummary:
        """Write what is left; records whose claims never turned up are rejected now."""
        self.flush()
        verdicts, self.waiting_verdicts = self.waiting_verdicts, []
        links, self.waiting_links = self.waiting_links, []
        self._verdicts(verdicts, final=True)
        self._links(links, final=True)
        disputes.recount(self.state.session, self.state.touched)
        self.state.touched.clear()
        fulltext.resume(self.state.session)
        return self.state.summary

    def _verdicts(self, works: list[VerdictWork], *, final: bool) -> None:
        while works:
            works, unresolved = write_verdicts(self.state, works)
            for work in unresolved:
                if final:
                    self.reject(
                        work.origin,
                        f"it is a verdict on claim {work.claim_ref}, which "
                        "is neither in the file nor in the database.",
                    )
                else:
                    self.waiting_verdicts.append(work)

    def _links(self, links: list[tuple[LinkRecord, Origin]], *, final: bool) -> None:
        origins = {id(record): origin for record, origin in links}
        records = [record for record, _ in links]
        while records:
            records, unresolved = write_links(self.state, records)
            for record in unresolved:
                if final:
                    self.reject(
                        origins[id(record)],
                        f"it links {record.from_claim} and "
                        f"{record.to_claim}; a claim that is neither in the file nor "
                        "in the database cannot be linked.",
                    )
                else:
                    self.waiting_links.append((record, origins[id(record)]))

    def _extra(self, origin: Origin) -> None:
        item = origin[1].item
        if type(item) not in self.extra:
            self.reject(origin, f"this claimtrack cannot import {type(item).__name__} records.")
            return
        kind, handler = self.extra[type(item)]
        try:
            with self.state.session.begin_nested():
                result = handler(self.state.session, item)
        except ClaimtrackError as error:
            self.reject(origin, str(error))
            return
        self.state.claim_ids.clear()  # the handler may have moved or merged claims
        for names in self.state.names.values():
            names.clear()
        self.state.unverdicted.clear()  # and their verdicts
        self.state.summary.count(kind, is_new=result["is_new"], changed=result["changed"])

    def _actor(self, record: ActorRecord, origin: Origin) -> None:
        session = self.state.session
        try:
            with session.begin_nested():
                changed, is_new = _merge_actor(session, record)
        except ClaimtrackError as error:
            self.reject(origin, str(error))
            return
        self.state.actor_ids.clear()  # names and aliases may have moved
        self.state.kind_known.clear()
        self.state.summary.count("actors", is_new=is_new, changed=changed)


def _merge_actor(session: Session, record: ActorRecord) -> tuple[bool, bool]:
    actor = actors.find_actor(session, record.name)
    if actor is None:
        actor = actors.add_actor(
            session,
            record.name,
            kind=record.kind,
            aliases=record.aliases,
            description=record.description,
        )
        if record.created_at:
            actor.created_at = record.created_at
        session.flush()
        return True, True
    before = (actor.kind, actor.description, {a.alias_key for a in actor.aliases})
    if record.kind != "unknown":
        actor.kind = record.kind
    if record.description is not None:
        actor.description = record.description
    for alias in record.aliases:
        actors.add_alias(session, actor, alias)
    session.flush()
    return before != (actor.kind, actor.description, {a.alias_key for a in actor.aliases}), False


def _claim_work(item: Any, file: str) -> ClaimWork:
    if isinstance(item, ClaimRecord):
        return ClaimWork(item, overwrite=True)
    return ClaimWork(
        item.claim,
        overwrite=False,
        reviews=item.reviews,
        speaker_kind=item.speaker_kind,
        review_keys=_review_keys(item),
        page=file,
    )


def _review_keys(item: ClaimBundle) -> tuple[str, ...]:
    return tuple(values.url_key(r.url) for r in item.reviews if r.url)


def _page_keys(origin: Origin) -> set[str]:
    """The url keys of a review record's reviews (none for other records)."""
    item = origin[1].item
    if not isinstance(item, ClaimBundle):
        return set()
    try:
        return set(_review_keys(item))
    except ClaimtrackError:  # a url that is none: the claim phase says so
        return set()


def _verdict_work(origin: Origin) -> VerdictWork:
    record = origin[1].item
    assert isinstance(record, VerdictRecord)
    review = ReviewRecord(
        rating=record.rating,
        by=record.by,
        normalized=record.normalized,
        date=record.date,
        url=record.url,
        explanation=record.explanation,
        id=record.id,
        author=record.author,
        status=record.status,
    )
    return VerdictWork(
        review, overwrite=True, claim_ref=record.claim, created_at=record.created_at, origin=origin
    )
