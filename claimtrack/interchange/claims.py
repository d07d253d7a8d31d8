"""Import phase for claims, with their tags and appearances, a batch at a time.

A claim is matched by its claimtrack id, else by the review that came with it (its url), else
by its fingerprint (normalised text, speaker and date). Two records of one batch that match
the same claim are not merged here: the later one is handed back to run in the next round,
unless the claim is new and it only adds pages and tags to what the first says (``_joined``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from sqlalchemy import Select, select

from claimtrack.core import values
from claimtrack.core.enums import ActorKind, ReviewStatus
from claimtrack.core.errors import ClaimtrackError
from claimtrack.core.identity import claim_fingerprint
from claimtrack.formats.claimreview import review_bundle
from claimtrack.formats.native import ClaimRecord
from claimtrack.formats.records import ReviewRecord
from claimtrack.interchange.state import ImportState, actor_ids, fill, source_ids, table
from claimtrack.models import Appearance, Claim, ClaimTag, Verdict, VerdictOriginal
from claimtrack.store.bulkwrite import insert_rows, reserve_ids, update_rows

CLAIMS = table(Claim)
FIELDS = ("text", "summary", "speaker_id", "said_on", "language", "status")


@dataclass
class ClaimWork:
    record: ClaimRecord
    overwrite: bool  # a native record: its empty fields clear stored ones
    reviews: tuple[ReviewRecord, ...] = ()  # the verdicts that came with it
    speaker_kind: ActorKind | None = None  # what the input says the speaker is
    review_keys: tuple[str, ...] = ()  # and their urls' keys
    known_row: int | None = None  # the claim those reviews were imported with before
    last_read: ClaimRecord | None = None  # that claim as the page said it then (its original)
    page: str = ""  # the file it was read from: reviews of one url there are one page's
    review_matched: bool = False  # known_row is decided (a deferred record keeps it)
    redirected: bool = False  # its id was merged into another claim: row_id is that claim's
    row_id: int = 0
    is_new: bool = False
    merged: dict[str, Any] = field(default_factory=dict)  # a matched claim's fields after it

    def identity(self, fingerprint: str) -> tuple[str, Any]:
        if self.record.id:
            return ("id", self.record.id)
        if self.known_row:
            return ("row", self.known_row)
        return ("fp", fingerprint)


def write_claims(state: ImportState, works: Sequence[ClaimWork]) -> list[ClaimWork]:
    """Add or update the claims of ``works`` (setting ``row_id``); returns those deferred."""
    kinds: dict[str, ActorKind] = {}  # the first kind given for a speaker wins, as in state
    for work in works:
        if work.record.speaker and work.speaker_kind:
            kinds.setdefault(work.record.speaker, work.speaker_kind)
    speakers = actor_ids(
        state, [w.record.speaker for w in works if w.record.speaker], kinds=kinds
    )
    batch: dict[tuple[str, Any], tuple[ClaimWork, dict[str, Any]]] = {}
    deferred: list[ClaimWork] = []
    again: list[tuple[tuple[str, Any], ClaimWork, dict[str, Any]]] = []  # a claim's later records
    joining: list[tuple[ClaimWork, ClaimWork]] = []  # (a record, the one of its claim it joined)
    unmatched = {id(w): w for w in works if not w.record.id and not w.review_matched}
    reviewed = _reviewed_claims(state, {k for w in unmatched.values() for k in w.review_keys})
    prepared: list[tuple[ClaimWork, dict[str, Any]]] = []
    for work in works:
        r = work.record
        given: dict[str, Any] = {
            "text": r.text,
            "summary": r.summary,
            "said_on": r.date,
            "language": r.language,
            "speaker_id": speakers[r.speaker] if r.speaker else None,
        }
        if r.status is not None:  # a claimtrack export's review stage; else left as it is
            given["status"] = r.status
        given["fingerprint"] = fingerprint = claim_fingerprint(r.text, given["speaker_id"], r.date)
        if not work.review_matched:  # else deferred: the other reviews of its page are not
            # in this round, so what its first round found stands
            work.known_row = _review_match(reviewed, work, fingerprint)
        prepared.append((work, given))
    _pair_reworded(state, reviewed,
                   [(w, g["fingerprint"]) for w, g in prepared if id(w) in unmatched])
    for work, given in prepared:
        if id(work) in unmatched and work.known_row is not None:
            work.last_read = _last_read(reviewed, work, given["fingerprint"])
            _note_claimed(state, work.known_row)
        work.review_matched = True
        key = work.identity(given["fingerprint"])
        if key not in batch:
            batch[key] = (work, given)
        else:
            again.append((key, work, given))
    found = _existing(state, list(batch))
    moved = _merged_away(state, batch, found)
    for key, work, given in again:  # a new claim's later records join it when they can
        if key in batch and key not in found and _joined(batch[key], work, given):
            joining.append((work, batch[key][0]))
        else:
            deferred.append(work)
    new = [(key, work, given) for key, (work, given) in batch.items() if key not in found]
    ids = reserve_ids(state.session, CLAIMS, len(new))
    rows = []
    fresh_ids = iter(values.new_public_ids("c", sum(1 for _k, w, _g in new if not w.record.id)))
    for row_id, (_key, work, given) in zip(ids, new, strict=True):
        work.row_id, work.is_new = row_id, True
        state.fresh.add(row_id)
        state.unverdicted.add(row_id)
        r = work.record
        rows.append(
            {
                "id": row_id,
                "public_id": r.id or next(fresh_ids),
                "status": ReviewStatus.DRAFT,
                **given,
                "created_at": r.created_at or state.now,
                "updated_at": r.updated_at or state.now,
            }
        )
        state.know_claim(rows[-1]["public_id"], row_id)
    insert_rows(state.session, CLAIMS, rows)
    changed = _merge(state, [(found[key], *batch[key]) for key in found])
    changed |= _write_tags(state, [work for work, _ in batch.values()])
    changed |= _write_appearances(state, [work for work, _ in batch.values()])
    updates = []
    for key, row in found.items():
        work, _given = batch[key]
        if work.row_id in changed:
            updates.append(
                {"id": row.id, **work.merged, "updated_at": work.record.updated_at or state.now}
            )
        if row.id not in state.fresh and row.id not in state.fresh_before:  # else added by
            # an earlier row of this import (a claim on several CSV rows): counted once, as added
            state.summary.count("claims", is_new=False, changed=work.row_id in changed)
    update_rows(state.session, CLAIMS, updates)
    if moved:  # merged into another claim since that export: its appearances join the kept one
        joined = _write_appearances(state, moved)
        for work in moved:
            state.summary.count("claims", is_new=False, changed=work.row_id in joined)
    state.summary.added["claims"] += len(new)
    for work, first in joining:
        work.row_id = first.row_id
    return deferred


def _joined(
    first: tuple[ClaimWork, dict[str, Any]], work: ClaimWork, given: dict[str, Any]
) -> bool:
    """Whether ``work`` joined ``first``, a record of the same new claim earlier in the batch
    that says the same of it, by adding its pages and tags to it (a claimtrack CSV export has
    one row per page and verdict of a claim). Otherwise it waits for the next round, which
    merges it into what ``first`` wrote: a page both name, or anything else they differ on.
    A stored claim's records never join: each is counted (unchanged or updated) as before."""
    held, held_given = first
    mine, theirs = work.record, held.record
    if (given != held_given or (work.overwrite, work.known_row, work.speaker_kind)
            != (held.overwrite, held.known_row, held.speaker_kind)
            or (mine.created_at, mine.updated_at) != (theirs.created_at, theirs.updated_at)):
        return False
    try:
        pages = {values.url_key(a.source) for a in theirs.appearances}
        if any(values.url_key(a.source) in pages for a in mine.appearances):
            return False
    except ClaimtrackError:  # a page that is no URL: the next round says so, as before
        return False
    held.record = replace(
        theirs,
        appearances=theirs.appearances + mine.appearances,
        tags=theirs.tags + tuple(t for t in dict.fromkeys(mine.tags) if t not in theirs.tags),
    )
    return True


def _merged_away(
    state: ImportState,
    batch: dict[tuple[str, Any], tuple[ClaimWork, dict[str, Any]]],
    found: dict[tuple[str, Any], Any],
) -> list[ClaimWork]:
    """Take out of ``batch`` the claims named by an id that was merged into another claim."""
    gone = [key[1] for key in batch if key[0] == "id" and key not in found]
    if not gone:
        return []
    moved = []
    for public_id, row_id in state.redirect(state.session, gone).items():
        work, _given = batch.pop(("id", public_id))
        work.row_id, work.redirected = row_id, True
        moved.append(work)
    return moved


class Reviewed(NamedTuple):
    """A claim stored as reviewed under a review url: its row id, fingerprint, the
    ``#fragment`` of that verdict's url as published ("": none), and the ClaimReview it was
    last imported from (the verdict's kept original; None: none), read only when needed
    (``_read_again``)."""

    claim_id: int
    fingerprint: str
    fragment: str
    original: str | None = None

    @property
    def last_read(self) -> ClaimRecord | None:
        """The claim as that review said it when it was last imported."""
        return _read_again(self.original)


def _reviewed_claims(state: ImportState, keys: set[str]) -> dict[str, list[Reviewed]]:
    """For each review url key already imported: the claims it reviewed. Two look-ups by
    index, not a join: inside an import's one transaction PostgreSQL has no statistics on the
    rows it added, and planned the join as a scan of every claim per batch (30 of the 57
    seconds of 50,000 reviews)."""
    verdicts = table(Verdict)
    reviewed = list(state.rows(
        lambda c: select(verdicts.c.url_key, verdicts.c.claim_id, verdicts.c.url,
                         verdicts.c.id).where(verdicts.c.url_key.in_(c)),
        keys,
    ))
    prints = dict(state.rows(
        lambda c: select(CLAIMS.c.id, CLAIMS.c.fingerprint).where(CLAIMS.c.id.in_(c)),
        {claim_id for _key, claim_id, _url, _id in reviewed},
    ))
    originals = table(VerdictOriginal)
    documents = dict(state.rows(
        lambda c: select(originals.c.verdict_id, originals.c.document).where(
            originals.c.verdict_id.in_(c)),
        [verdict_id for _key, _claim, _url, verdict_id in reviewed],
    ))
    found: dict[str, list[Reviewed]] = {}
    for key, claim_id, url, verdict_id in reviewed:
        if claim_id in prints:
            found.setdefault(key, []).append(Reviewed(
                claim_id, prints[claim_id], _fragment(url), documents.get(verdict_id)
            ))
    return found


@functools.lru_cache(maxsize=1024)
def _read_again(document: str | None) -> ClaimRecord | None:
    """The claim a kept ClaimReview original gives, as an import reads it (a few reads of
    each: matching, then merging)."""
    if document is None:
        return None
    try:
        node = json.loads(document)
        return review_bundle(node).claim if isinstance(node, dict) else None
    except (ClaimtrackError, ValueError, RecursionError):
        return None


def _fragment(url: str | None) -> str:
    return (url or "").partition("#")[2]


def _review_match(
    reviewed: dict[str, list[Reviewed]], work: ClaimWork, fingerprint: str
) -> int | None:
    """The claim a re-imported review belongs to when the page says it as it did when it was
    last imported (the desk may have edited the claim since), or as the claim now stands:
    the claim reviewed under its url with that text, or that fingerprint (``_pair_reworded``
    pairs the others)."""
    if not work.review_keys:
        return None
    stored = [s for key in work.review_keys for s in reviewed.get(key, [])]
    same = sorted(s.claim_id for s in stored if s.fingerprint == fingerprint) or sorted(
        s.claim_id for s in stored
        if (then := s.last_read) is not None and _same_claim(then, work.record))
    return same[0] if same else None


def _same_claim(one: ClaimRecord, other: ClaimRecord) -> bool:
    return (one.text, one.date) == (other.text, other.date) and _same_speaker(one, other)


def _same_speaker(one: ClaimRecord, other: ClaimRecord) -> bool:
    """Whether two readings name the same speaker (any case and spacing), or both none."""
    return values.name_key(one.speaker or "") == values.name_key(other.speaker or "")


def _last_read(
    reviewed: dict[str, list[Reviewed]], work: ClaimWork, fingerprint: str
) -> ClaimRecord | None:
    """How the page said the claim ``work`` matched when it was last imported; None when that
    claim is as the page says it now (nothing of the desk's to keep)."""
    stored = [s for key in work.review_keys for s in reviewed.get(key, [])
              if s.claim_id == work.known_row]
    if any(s.fingerprint == fingerprint for s in stored):
        return None
    return next((then for s in stored if (then := s.last_read) is not None), None)


PAIRED_MAX = 200_000  # claims ImportState.review_claimed holds at most (about 10 MB)


def _note_claimed(state: ImportState, claim_id: int) -> None:
    claimed = state.review_claimed
    if claimed is not None:
        claimed.add(claim_id)
        if len(claimed) > PAIRED_MAX:
            state.review_claimed = None


def _pair_reworded(
    state: ImportState, reviewed: dict[str, list[Reviewed]], works: list[tuple[ClaimWork, str]]
) -> None:
    """A page re-imported after the publisher reworded a claim it reviews: once the reviews of
    its url in one file (a page's reviews) have found their claims by fingerprint, the one
    claim left (by fingerprint: several rows may repeat it) and the one claim stored under that
    url that none of them found are the same review; ``known_row`` says so. Two or more left on
    either side stay unpaired (which goes with which would be a guess), a claim left when
    every stored one was found is a review the page added, and two reviews whose urls name
    different ``#fragment``s (anchors on the page) are different reviews. A stored claim that an
    earlier batch of this import matched is found too (a feed may list a page's reviews far
    apart), and a rewording keeps its speaker: a review by someone else is another review."""
    claimed = state.review_claimed
    if not reviewed or claimed is None:  # no url imported before; or too many to remember
        return
    by_page: dict[tuple[str, str], list[tuple[ClaimWork, str]]] = {}
    for work, fingerprint in works:
        for key in dict.fromkeys(work.review_keys):
            by_page.setdefault((work.page, key), []).append((work, fingerprint))
    for (_page, key), group in by_page.items():
        found = {work.known_row for work, _ in group}
        unclaimed = [stored for stored in reviewed.get(key, [])
                     if stored.claim_id not in found and stored.claim_id not in claimed]
        left = [(work, fingerprint) for work, fingerprint in group if work.known_row is None]
        if len({stored.claim_id for stored in unclaimed}) != 1 or len(
            {fingerprint for _, fingerprint in left}
        ) != 1:
            continue
        then = unclaimed[0].last_read
        if then is not None and not _same_speaker(then, left[0][0].record):
            continue
        anchors = {stored.fragment for stored in unclaimed} | {
            _fragment(review.url) for work, _ in left for review in work.reviews
            if review.url and values.url_key(review.url) == key
        }
        if len(anchors - {""}) > 1:
            continue
        for work, _ in left:
            work.known_row = unclaimed[0].claim_id


def _existing(state: ImportState, keys: list[tuple[str, Any]]) -> dict[tuple[str, Any], Any]:
    columns = [CLAIMS.c[name] for name in ("id", "public_id", *FIELDS)]
    found: dict[tuple[str, Any], Any] = {}
    for kind, column in (
        ("id", CLAIMS.c.public_id),
        ("row", CLAIMS.c.id),
        ("fp", CLAIMS.c.fingerprint),
    ):
        wanted = [value for key_kind, value in keys if key_kind == kind]

        def query(chunk: Any, col: Any = column) -> Select[Any]:
            return select(*columns, col.label("match")).where(col.in_(chunk)).order_by(CLAIMS.c.id)

        rows = state.rows(
            query,
            wanted,
        )
        for row in rows:
            found.setdefault((kind, row.match), row)
    return found


def _merge(state: ImportState, matches: list[tuple[Any, ClaimWork, dict[str, Any]]]) -> set[int]:
    """Decide each matched claim's new fields; returns the row ids whose fields changed."""
    changed = set()
    for row, work, given in matches:
        work.row_id = row.id
        state.know_claim(row.public_id, row.id)
        given = {k: v for k, v in given.items() if k != "fingerprint"}
        if given.pop("status", row.status) != row.status:
            state.summary.stages_kept["claims"] += 1
        if not work.overwrite:
            # Text is replaced only for a claim named by id or by its review; other empty
            # fields never erase what is stored.
            given = {k: v for k, v in given.items() if v is not None}
            if not (work.record.id or work.known_row):
                given.pop("text", None)
            elif given.get("text", "").strip() == row.text.strip():
                given.pop("text", None)  # only surrounding blanks differ: markup's layout
            if work.last_read is not None:
                _keep_desk_edits(given, work.record, work.last_read)
        merged = {name: getattr(row, name) for name in FIELDS} | given
        if any(merged[name] != getattr(row, name) for name in FIELDS):
            changed.add(row.id)
        merged["fingerprint"] = claim_fingerprint(
            merged["text"], merged["speaker_id"], merged["said_on"]
        )
        work.merged = merged
    return changed


def _keep_desk_edits(given: dict[str, Any], now: ClaimRecord, then: ClaimRecord) -> None:
    """Leave out of ``given`` what the page says as it said it when last imported: a field the
    publisher did not change keeps what the desk may have made of it since (an edited text, a
    corrected speaker or date); what the publisher changed is taken."""
    for name, said, before in (("text", now.text, then.text), ("said_on", now.date, then.date),
                               ("language", now.language, then.language)):
        if said == before:
            given.pop(name, None)
    if now.speaker and _same_speaker(now, then):
        given.pop("speaker_id", None)


def _write_tags(state: ImportState, works: list[ClaimWork]) -> set[int]:
    old = [w.row_id for w in works if not w.is_new and w.record.tags]
    have = set(
        state.rows(
            lambda c: select(ClaimTag.claim_id, ClaimTag.tag).where(ClaimTag.claim_id.in_(c)),
            old,
        )
    )
    pairs = [(w.row_id, tag) for w in works for tag in w.record.tags if (w.row_id, tag) not in have]
    insert_rows(state.session, table(ClaimTag), [{"claim_id": c, "tag": t} for c, t in pairs])
    return {claim_id for claim_id, _ in pairs}


def _write_appearances(state: ImportState, works: list[ClaimWork]) -> set[int]:
    places = [(w, a) for w in works for a in w.record.appearances]
    if not places:
        return set()
    sources = source_ids(state, {a.source for _, a in places})
    appearances = table(Appearance)
    old = [w.row_id for w in works if not w.is_new and w.record.appearances]
    have = {
        (row.claim_id, row.source_id): row
        for row in state.rows(
            lambda c: select(appearances).where(appearances.c.claim_id.in_(c)), old
        )
    }
    inserts, updates, changed = [], [], set()
    for work, place in places:
        key = (work.row_id, sources[place.source])
        if key not in have:
            inserts.append(
                {
                    "claim_id": key[0],
                    "source_id": key[1],
                    "quote": place.quote,
                    "seen_on": place.seen,
                    "created_at": place.created_at or state.now,
                }
            )
            have[key] = None  # a second appearance at the same page in this batch is ignored
            changed.add(work.row_id)
            continue
        row = have[key]
        if row is None:
            continue
        given = {"quote": place.quote, "seen_on": place.seen}
        merged = fill(row, given, overwrite=work.overwrite)
        if merged != {"quote": row.quote, "seen_on": row.seen_on}:
            updates.append({"id": row.id, **merged})
            changed.add(work.row_id)
    ids = reserve_ids(state.session, appearances, len(inserts))
    insert_rows(
        state.session, appearances, [{"id": i, **r} for i, r in zip(ids, inserts, strict=True)]
    )
    update_rows(state.session, appearances, updates)
    return changed
