"""Records that give an id already given earlier in the same file: rejected, the first kept.

A native or JSON Lines file lists each claim and verdict once: a second record with the same
id would replace the first (or be merged into it) without a word, so it is rejected as a
duplicate within the file and the first is kept. A spreadsheet may spread one claim over
several rows (its pages, its verdicts): there a row that repeats a claim or verdict id is a
duplicate only when it says something else of that record (another text, speaker or date of
the claim; another claim, label or reviewer of the verdict). An id stored before the import
is an update, as ever, and so is an id that another file of the same import gave.

Memory stays bounded however long the file: of the records a file wrote, the ids of the last
``CACHE_LIMIT`` are kept (the common case: no query), every row as one bit (exact) and, past
that many, every id in a 1 MB Bloom filter: only a batch's ids the filter may hold are looked
up to find their rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select

from claimtrack.core import values
from claimtrack.core.ratings import label_key
from claimtrack.formats.native import ClaimRecord, VerdictRecord
from claimtrack.formats.records import ClaimBundle, Parsed, ReviewRecord
from claimtrack.interchange.state import CACHE_LIMIT, ImportState, table
from claimtrack.models import Actor, Claim, Verdict

Origin = tuple[str, Parsed]
# What a spreadsheet row says of a claim (text, speaker's name key, date) or of a verdict
# (its claim's id, its label's key, its reviewer's name key); None: the row does not say.
Facts = tuple[Any, ...]


class RowSet:
    """Row ids as bits, in blocks of 32,768 ids made as they are needed: the rows of one table
    (dense ids) cost 125 KB a million, wherever they start. Membership is exact."""

    SHIFT = 15

    def __init__(self) -> None:
        self.blocks: dict[int, bytearray] = {}

    def add(self, row_id: int) -> None:
        block = self.blocks.get(row_id >> self.SHIFT)
        if block is None:
            block = self.blocks[row_id >> self.SHIFT] = bytearray(1 << (self.SHIFT - 3))
        offset = row_id & ((1 << self.SHIFT) - 1)
        block[offset >> 3] |= 1 << (offset & 7)

    def __contains__(self, row_id: object) -> bool:
        if not isinstance(row_id, int):
            return False
        block = self.blocks.get(row_id >> self.SHIFT)
        offset = row_id & ((1 << self.SHIFT) - 1)
        return block is not None and bool(block[offset >> 3] >> (offset & 7) & 1)

    def clear(self) -> None:
        self.blocks.clear()


class Seen:
    """Strings as a Bloom filter of 1 MB: ``in`` never misses one added and wrongly finds one
    not added about once in 40 at a million, once in 200,000 at 100,000 (a false find only
    costs a look-up)."""

    SIZE = 1 << 23  # bits

    def __init__(self) -> None:
        self.bits = bytearray(self.SIZE >> 3)

    def _positions(self, key: str) -> tuple[int, int, int, int]:
        first, second, mask = hash(key), hash((key, 1)), self.SIZE - 1
        return first & mask, (first >> 32) & mask, second & mask, (second >> 32) & mask

    def add(self, key: str) -> None:
        for position in self._positions(key):
            self.bits[position >> 3] |= 1 << (position & 7)

    def __contains__(self, key: str) -> bool:
        return all(self.bits[p >> 3] >> (p & 7) & 1 for p in self._positions(key))


class Written:
    """The claims (or verdicts) the file being imported has written: their public ids, the
    last CACHE_LIMIT of them with where the file gave them, all their rows, and, past
    CACHE_LIMIT, all their ids in a Bloom filter (only an id it may hold is looked up)."""

    def __init__(self, records: Table) -> None:
        self.table = records
        self.recent: dict[str, str] = {}  # public id → where the file gave it
        self.rows = RowSet()
        self.seen: Seen | None = None  # made when ``recent`` first overflows

    @property
    def overflowed(self) -> bool:
        """Whether some ids were forgotten by ``recent`` (their rows are looked up)."""
        return self.seen is not None

    def note(self, public_id: str, row_id: int, where: str) -> None:
        if public_id not in self.recent and len(self.recent) >= CACHE_LIMIT:
            if self.seen is None:
                self.seen = Seen()
                for known in self.recent:
                    self.seen.add(known)
            self.recent.clear()
        self.recent.setdefault(public_id, where)
        if self.seen is not None:
            self.seen.add(public_id)
        self.rows.add(row_id)

    def earlier(self, state: ImportState, public_ids: Iterable[str]) -> set[str]:
        """Those of ``public_ids`` that the file wrote in an earlier batch."""
        wanted = set(public_ids)
        found = {public_id for public_id in wanted if public_id in self.recent}
        maybe = [] if self.seen is None else [
            public_id for public_id in wanted - found if public_id in self.seen]
        if maybe:
            records = self.table
            for public_id, row_id in state.rows(
                lambda c: select(records.c.public_id, records.c.id).where(
                    records.c.public_id.in_(c)),
                maybe,
            ):
                if row_id in self.rows:
                    found.add(public_id)
        return found

    def clear(self) -> None:
        self.recent.clear()
        self.rows.clear()
        self.seen = None


@dataclass
class Given:
    """One id a record of the batch gives: what kind of record, and what it says of it."""

    origin: Origin
    kind: str  # "claim" or "verdict"
    public_id: str
    facts: Facts | None  # a spreadsheet row's (None: a native record, which is given once)


class DuplicateIds:
    """Screens each batch of an import for ids given earlier in the same file (``screen``),
    and remembers what each batch wrote (``wrote_claim``, ``wrote_verdict``).

    A batch may hold the end of one file and the start of the next (``begin`` marks a file's
    first record): only records of the file the previous batch ended with are compared with
    what was written before, and what a batch writes is remembered for its last file only.
    """

    def __init__(self) -> None:
        self.written = {"claim": Written(table(Claim)), "verdict": Written(table(Verdict))}
        self.starts: dict[int, int] = {}  # id(Parsed) of a file's first record → its file number
        self.files = 0
        self.file = 0  # the file whose records ``written`` holds
        self.last_file_records: set[int] = set()  # id(Parsed) of the batch's last file's

    def begin(self, parsed: Parsed) -> None:
        """``parsed`` is the first record of another file (another even if of the same name)."""
        self.files += 1
        self.starts[id(parsed)] = self.files

    def screen(
        self, state: ImportState, batch: list[Origin]
    ) -> tuple[list[Origin], list[tuple[Origin, str]]]:
        """The batch without its records that give an id given earlier in their file; and
        those, each with the reason it is left out. Reads the database, writes nothing."""
        file = self.file
        numbered: list[tuple[int, Origin]] = []
        for origin in batch:
            file = self.starts.pop(id(origin[1]), file)
            numbered.append((file, origin))
        given = [(file, g) for file, origin in numbered for g in _ids(origin)]
        if not given:
            self._next_file(numbered)
            return batch, []
        continuing = [g for file, g in given if file == self.file]
        before = {kind: written.earlier(state, [g.public_id for g in continuing
                                                if g.kind == kind])
                  for kind, written in self.written.items()
                  if written.recent or written.overflowed}
        stored = _stored(state, [g for g in continuing
                                 if g.facts is not None and g.public_id in before.get(g.kind, ())])
        firsts: dict[tuple[int, str, str], tuple[str, Facts | None]] = {}
        rejected: dict[int, tuple[Origin, str]] = {}
        for file, g in given:
            if id(g.origin) in rejected:
                continue
            key = (file, g.kind, g.public_id)
            first = firsts.get(key)
            if first is None and file == self.file and g.public_id in before.get(g.kind, ()):
                where = self.written[g.kind].recent.get(g.public_id)
                first = (where or "", stored.get((g.kind, g.public_id)))
            if first is None:
                firsts[key] = (g.origin[1].where, g.facts)
                continue
            reason = _duplicate(g, *first)
            if reason is None:  # a spreadsheet row saying the same of it: what it adds is kept
                firsts[key] = (first[0], _joined(first[1], g.facts))
            else:
                rejected[id(g.origin)] = (g.origin, reason)
        kept = [(file, origin) for file, origin in numbered if id(origin) not in rejected]
        self._next_file(kept)
        return [origin for _, origin in kept], list(rejected.values())

    def _next_file(self, numbered: list[tuple[int, Origin]]) -> None:
        last = numbered[-1][0] if numbered else self.file
        if last != self.file:
            for written in self.written.values():
                written.clear()
            self.file = last
        self.last_file_records = {id(origin[1]) for file, origin in numbered if file == last}

    def wrote_claim(self, origin: Origin, public_id: str | None, row_id: int) -> None:
        """A claim record of the batch screened last went in as row ``row_id``."""
        if public_id and row_id and id(origin[1]) in self.last_file_records:
            self.written["claim"].note(public_id, row_id, origin[1].where)

    def wrote_verdict(self, origin: Origin | None, public_id: str | None, row_id: int) -> None:
        """A verdict of the batch screened last went in as row ``row_id``."""
        if origin is not None and public_id and row_id \
                and id(origin[1]) in self.last_file_records:
            self.written["verdict"].note(public_id, row_id, origin[1].where)


def _ids(origin: Origin) -> Iterator[Given]:
    """The claim and verdict ids a record gives (a native record: its own id; a spreadsheet
    row: its claim's and its verdict's, with what it says of them)."""
    item = origin[1].item
    if isinstance(item, ClaimRecord):
        if item.id:
            yield Given(origin, "claim", item.id, None)
    elif isinstance(item, VerdictRecord):
        yield Given(origin, "verdict", item.id, None)
    elif isinstance(item, ClaimBundle):
        claim = item.claim
        if claim.id:
            yield Given(origin, "claim", claim.id, _claim_facts(
                claim.text, claim.speaker and values.name_key(claim.speaker), claim.date))
        for review in item.reviews:
            if review.id:
                yield Given(origin, "verdict", review.id, _verdict_facts(claim.id, review))


def _claim_facts(text: str, speaker_key: str | None, said_on: dt.date | None) -> Facts:
    return (text.strip(), speaker_key, said_on)


def _verdict_facts(claim_id: str | None, review: ReviewRecord) -> Facts:
    return (claim_id, label_key(review.rating), values.name_key(review.by))


CLAIM_FACTS = ("text", "speaker", "date")
VERDICT_FACTS = ("claim", "label", "reviewer")


def _duplicate(g: Given, first_where: str, first: Facts | None) -> str | None:
    """Why ``g`` is left out, given what the first record with its id said; None: it is
    a spreadsheet row that says the same of that record (or only adds to it)."""
    at = f" ({first_where})" if first_where else ""
    noun = g.kind
    if g.facts is None or first is None:
        return (f"{noun} {g.public_id} was given earlier in this file{at}; the first was kept "
                f"and this one left out. Give each {noun} once (a file lists each record once).")
    names = CLAIM_FACTS if noun == "claim" else VERDICT_FACTS
    differ = [name for name, mine, theirs in zip(names, g.facts, first, strict=True)
              if mine is not None and theirs is not None and mine != theirs]
    if not differ:
        return None
    return (f"{noun} {g.public_id} is on an earlier row{at} with another "
            f"{' and '.join(differ)}; the first was kept and this row left out. The rows of "
            f"one {noun} must say the same of it (give this one its own id, or none).")


def _joined(first: Facts | None, later: Facts | None) -> Facts | None:
    """What the rows of one record say together (a later row may fill in what the first
    left empty)."""
    if first is None or later is None:
        return first
    return tuple(theirs if theirs is not None else mine
                 for theirs, mine in zip(first, later, strict=True))


def _stored(state: ImportState, given: list[Given]) -> dict[tuple[str, str], Facts]:
    """What the database says of the records that spreadsheet rows of ``given`` repeat (the
    earlier rows of the file wrote them)."""
    found: dict[tuple[str, str], Facts] = {}
    claims = {g.public_id for g in given if g.kind == "claim"}
    verdicts = {g.public_id for g in given if g.kind == "verdict"}
    for public_id, text, speaker_key, said_on in _rows(state, claims, lambda c: (
            select(Claim.public_id, Claim.text, Actor.name_key, Claim.said_on)
            .outerjoin(Actor, Claim.speaker_id == Actor.id).where(Claim.public_id.in_(c)))):
        found[("claim", public_id)] = _claim_facts(text, speaker_key, said_on)
    for public_id, claim_id, rating, reviewer_key in _rows(state, verdicts, lambda c: (
            select(Verdict.public_id, Claim.public_id, Verdict.rating, Actor.name_key)
            .join(Claim, Verdict.claim_id == Claim.id)
            .join(Actor, Verdict.reviewer_id == Actor.id).where(Verdict.public_id.in_(c)))):
        found[("verdict", public_id)] = (claim_id, label_key(rating), reviewer_key)
    return found


def _rows(state: ImportState, keys: set[str], query: Callable[[Any], Any]) -> Iterator[Any]:
    return state.rows(query, keys) if keys else iter(())
