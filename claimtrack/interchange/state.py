"""Shared state of one import: caches of actor, source and claim row ids, the summary, and the
batched look-ups every phase uses. Rows are written only through services.bulkwrite."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import BindParameter, Executable, Table, bindparam, select
from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.enums import ActorKind
from claimtrack.core.ratings import RatingTable
from claimtrack.formats.native import SourceRecord
from claimtrack.models import Actor, ActorAlias, Base, Claim, Source
from claimtrack.models.base import utcnow
from claimtrack.store.bulkwrite import insert_rows, reserve_ids, update_rows
from claimtrack.store.sql import chunked


def table(model: type[Base]) -> Table:
    """A model's Table, typed as such (``__table__`` is declared as a FromClause)."""
    return cast(Table, model.__table__)


CHUNK = 2000  # keys per IN list: one query per batch, well under both backends' limits
CACHE_LIMIT = 10_000  # entries per cache; cleared when full, so memory stays flat


@dataclass
class ImportSummary:
    """How many records of each kind were added, updated, already present, or rejected."""

    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    rejected: int = 0
    # stored records whose review stage the file gives otherwise: an import never moves a
    # stored record's stage (`claim status` and `verdict status` do, by their rules)
    stages_kept: Counter[str] = field(default_factory=Counter)

    @property
    def accepted(self) -> int:
        """Records that went in: added, updated or found already present."""
        return sum(c.total() for c in (self.added, self.updated, self.unchanged))

    def count(self, kind: str, *, is_new: bool, changed: bool) -> None:
        target = self.added if is_new else self.updated if changed else self.unchanged
        target[kind] += 1

    def line(self) -> str:
        """One line for people: "added 12 (claims 8, links 4), updated 0, unchanged 3,
        rejected 0"."""

        def part(label: str, counts: Counter[str]) -> str:
            total = sum(counts.values())
            detail = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()) if n)
            return f"{label} {total}" + (f" ({detail})" if detail else "")

        return ", ".join(
            [
                part(label, counts)
                for label, counts in (
                    ("added", self.added),
                    ("updated", self.updated),
                    ("unchanged", self.unchanged),
                )
            ]
            + [f"rejected {self.rejected}"]
            + ([part("stored review stages kept", self.stages_kept) + ": the file gives "
                "others; move a stage with `claim status` or `verdict status`"]
               if self.stages_kept.total() else [])
        )


class Cache(dict[Any, Any]):
    """A dict that empties itself past CACHE_LIMIT entries (a miss only costs a query)."""

    def remember(self, key: Any, value: Any) -> None:
        if len(self) >= CACHE_LIMIT:
            self.clear()
        self[key] = value


class RowBits:
    """A set of row ids kept as one bit each from the first id added (an import's new claims:
    125 KB a million). Ids before the first, or too far past it, are never members: a miss
    only costs what the set saves."""

    SPAN = 1 << 26  # ids past the first: 8 MB at most

    def __init__(self) -> None:
        self.first: int | None = None
        self.bits = bytearray()

    def add(self, row_id: int) -> None:
        if self.first is None:
            self.first = row_id
        offset = row_id - self.first
        if not 0 <= offset < self.SPAN:
            return
        byte = offset >> 3
        if byte >= len(self.bits):
            self.bits.extend(bytes(max(byte + 1 - len(self.bits), len(self.bits))))
        self.bits[byte] |= 1 << (offset & 7)

    def discard(self, row_id: int) -> None:
        if row_id in self:
            offset = row_id - (self.first or 0)
            self.bits[offset >> 3] &= ~(1 << (offset & 7)) & 0xFF

    def __contains__(self, row_id: object) -> bool:
        if self.first is None or not isinstance(row_id, int):
            return False
        offset = row_id - self.first
        return 0 <= offset < len(self.bits) * 8 and bool(self.bits[offset >> 3] >> (offset & 7) & 1)

    def clear(self) -> None:
        self.first, self.bits = None, bytearray()


@dataclass
class ImportState:
    session: Session
    ratings: RatingTable
    summary: ImportSummary = field(default_factory=ImportSummary)
    now: dt.datetime = field(default_factory=utcnow)
    actor_ids: Cache = field(default_factory=Cache)
    source_ids: Cache = field(default_factory=Cache)
    claim_ids: Cache = field(default_factory=Cache)
    kind_known: Cache = field(default_factory=Cache)  # actor ids whose kind is set
    touched: set[int] = field(default_factory=set)  # claims to recount after the batch
    fresh: set[int] = field(default_factory=set)  # claims this batch created: no links yet
    fresh_before: set[int] = field(default_factory=set)  # those the batch before created
    # Stored claims a review of this import was matched with (by text or as a rewording), so
    # that a later batch never takes one for a review the page dropped (claims._pair_reworded);
    # None once it holds PAIRED_MAX: from then on no review is paired across batches.
    review_claimed: set[int] | None = field(default_factory=set)
    # Public names of claims and sources by row id, as found or written (snapshots.LABELS):
    # the history names what a record points at from these rather than reading them again.
    names: dict[str, Cache] = field(default_factory=lambda: {"claims": Cache(), "sources": Cache()})
    # Claims this import created that have no verdict yet: their first changes no counter.
    unverdicted: RowBits = field(default_factory=lambda: RowBits())
    # Public ids of claims merged into others since an export → the row id of the claim kept.
    redirect: Callable[[Session, list[str]], dict[str, int]] = lambda _session, _ids: {}

    def know_claim(self, public_id: str, row_id: int) -> None:
        """Remember a claim the import wrote or found: its row by id, and its id by row."""
        self.claim_ids.remember(public_id, row_id)
        self.names["claims"].remember(row_id, public_id)

    def know_source(self, key: str, row_id: int, url: str) -> None:
        """Remember a page the import wrote or found: its row by URL key, its stored URL by row."""
        self.source_ids.remember(key, row_id)
        self.names["sources"].remember(row_id, url)

    def rows(
        self, query: Callable[[BindParameter[Any]], Executable], keys: Iterable[Any]
    ) -> Iterator[Any]:
        """Run ``query(keys)`` for the keys in chunks (IN lists stay small) and yield rows.
        ``query`` gets one expanding parameter to put in its IN list: the statement is built
        once, and the keys are bound as they are (a list of values given to ``in_`` would be
        checked and wrapped value by value, a third of the cost of a look-up)."""
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return
        statement = query(bindparam("chunk_keys", expanding=True))
        connection = self.session.connection()
        for chunk in chunked(wanted, CHUNK):
            yield from connection.execute(statement, {"chunk_keys": chunk})


def actor_ids(
    state: ImportState, names: Iterable[str], *, kinds: Mapping[str, ActorKind] | None = None
) -> dict[str, int]:
    """Row ids of actors by name or alias (name → id); unknown names become new actors.
    ``kinds``: what the input says some of them are (a ClaimReview's claimant @type): the kind
    of a new actor, and of a stored one whose kind is still unknown."""
    names = list(dict.fromkeys(names))
    by_key: dict[str, str] = {}  # a new actor is stored as first spelt (in input order)
    for name in names:
        by_key.setdefault(values.name_key(name), name)
    found = {key: state.actor_ids[key] for key in by_key if key in state.actor_ids}
    missing = [key for key in by_key if key not in found]
    found.update(actor_keys(state, missing))
    new_keys = [key for key in missing if key not in found]
    kind_by_key: dict[str, ActorKind] = {}  # the first kind given wins
    for name, kind in (kinds or {}).items():
        kind_by_key.setdefault(values.name_key(name), kind)
    ids = reserve_ids(state.session, table(Actor), len(new_keys))
    insert_rows(
        state.session,
        table(Actor),
        [
            {
                "id": row_id,
                "name": by_key[key],
                "name_key": key,
                "kind": kind_by_key.get(key, ActorKind.UNKNOWN),
                "description": None,
                "created_at": state.now,
            }
            for row_id, key in zip(ids, new_keys, strict=True)
        ],
    )
    state.summary.added["actors"] += len(new_keys)
    found.update(zip(new_keys, ids, strict=True))
    for key in missing:
        state.actor_ids.remember(key, found[key])
    known = {found[key]: kind for key, kind in kind_by_key.items() if key not in new_keys}
    if known:
        _set_unknown_kinds(state, known)
    return {name: found[values.name_key(name)] for name in names}


def _set_unknown_kinds(state: ImportState, kinds: Mapping[int, ActorKind]) -> None:
    """Give stored actors whose kind is unknown the kind the input says they are (each
    actor once per import: a feed names the same publishers in every batch)."""
    kinds = {i: kind for i, kind in kinds.items() if i not in state.kind_known}
    if not kinds:
        return
    actors = table(Actor)
    unknown = [
        row_id
        for row_id, in state.rows(
            lambda c: select(actors.c.id).where(
                actors.c.id.in_(c), actors.c.kind == ActorKind.UNKNOWN.value
            ),
            kinds,
        )
    ]
    update_rows(state.session, actors, [{"id": i, "kind": kinds[i]} for i in unknown])
    for row_id, kind in kinds.items():
        if kind != ActorKind.UNKNOWN:
            state.kind_known.remember(row_id, kind)


def actor_keys(state: ImportState, keys: Iterable[str]) -> dict[str, int]:
    """Row ids of the actors named by these name keys, as a name first, else as an alias
    (unknown keys are left out)."""
    keys = list(keys)
    found: dict[str, int] = dict(
        state.rows(lambda c: select(Actor.name_key, Actor.id).where(Actor.name_key.in_(c)), keys)
    )
    found.update(
        state.rows(
            lambda c: select(ActorAlias.alias_key, ActorAlias.actor_id).where(
                ActorAlias.alias_key.in_(c)
            ),
            [key for key in keys if key not in found],
        )
    )
    return found


SOURCE_FIELDS = ("title", "outlet", "published_on", "retrieved_at", "archive_url")


def source_fields(record: SourceRecord) -> dict[str, Any]:
    return {
        "title": record.title,
        "outlet": record.outlet,
        "published_on": record.published,
        "retrieved_at": record.retrieved_at,
        "archive_url": record.archive_url,
    }


def write_sources(
    state: ImportState,
    records: Sequence[SourceRecord],
    *,
    overwrite: bool,
    counted: bool,
    unstored: bool = False,
) -> dict[str, int]:
    """Add or update sources; returns the row id for each record's URL. A page is matched by
    its URL's key (any spelling); a new one is stored under the first spelling given.
    ``overwrite``: the record's empty fields clear stored ones (native files); else only given
    fields are filled in. ``unstored``: the caller has just looked these pages up and found
    none of them (not looked up again)."""
    keyed = [(values.url_key(record.url), record) for record in records]
    wanted: dict[str, SourceRecord] = {}
    for key, record in keyed:
        wanted.setdefault(key, record)
    sources = table(Source)
    existing = {} if unstored else {
        row.url_key: row
        for row in state.rows(lambda c: select(sources).where(sources.c.url_key.in_(c)), wanted)
    }
    new = [(key, record) for key, record in wanted.items() if key not in existing]
    ids = reserve_ids(state.session, sources, len(new))
    insert_rows(
        state.session,
        sources,
        [
            {
                "id": row_id,
                "url": r.url,
                "url_key": key,
                **source_fields(r),
                "created_at": r.created_at or state.now,
            }
            for row_id, (key, r) in zip(ids, new, strict=True)
        ],
    )
    by_key: dict[str, int] = {}
    for row_id, (key, record) in zip(ids, new, strict=True):
        by_key[key] = row_id
        state.know_source(key, row_id, record.url)
    state.summary.added["sources"] += len(new)
    changes = []
    for key, row in existing.items():
        by_key[key] = row.id
        state.know_source(key, row.id, row.url)
        given = source_fields(wanted[key])
        merged = fill(row, given, overwrite=overwrite)
        changed = any(merged[k] != getattr(row, k) for k in SOURCE_FIELDS)
        if changed:
            changes.append({"id": row.id, **merged})
        if counted:
            state.summary.count("sources", is_new=False, changed=changed)
    update_rows(state.session, sources, changes)
    return {record.url: by_key[key] for key, record in keyed}


def fill(row: Any, given: dict[str, Any], *, overwrite: bool) -> dict[str, Any]:
    """``given`` over what ``row`` stores: with ``overwrite`` every field (None clears it),
    else only the values given (None keeps what is stored)."""
    return {k: v if overwrite or v is not None else getattr(row, k) for k, v in given.items()}


def source_ids(state: ImportState, urls: Iterable[str]) -> dict[str, int]:
    """Row ids of sources by URL (any spelling of a page finds it); unknown pages become new
    sources under the URL given."""
    found: dict[str, int] = {}
    missing: dict[str, str] = {}  # url -> key
    for url in set(urls):
        key = values.url_key(url)
        row_id = state.source_ids.get(key)
        if row_id is None:
            missing[url] = key
        else:
            found[url] = row_id
    if missing:  # stored ones (past the cache) by key alone; only unknown pages are written
        sources = table(Source)
        stored = {row.url_key: row for row in state.rows(
            lambda c: select(sources.c.url_key, sources.c.id, sources.c.url)
            .where(sources.c.url_key.in_(c)),
            missing.values(),
        )}
        for url, key in missing.items():
            if key in stored:
                found[url] = stored[key].id
                state.know_source(key, stored[key].id, stored[key].url)
        new = [SourceRecord(url=url) for url in missing if url not in found]
        found.update(write_sources(state, new, overwrite=False, counted=False, unstored=True))
    return found


def claim_ids(state: ImportState, public_ids: Iterable[str]) -> dict[str, int]:
    """Row ids of the claims with these public ids that exist (the others are left out)."""
    found = {pid: state.claim_ids[pid] for pid in set(public_ids) if pid in state.claim_ids}
    missing = [pid for pid in set(public_ids) if pid not in found]
    for public_id, row_id in state.rows(
        lambda c: select(Claim.public_id, Claim.id).where(Claim.public_id.in_(c)), missing
    ):
        found[public_id] = row_id
        state.know_claim(public_id, row_id)
    gone = [pid for pid in missing if pid not in found]
    if gone:
        found.update(state.redirect(state.session, gone))
    return found
