"""Import phases for verdicts (with their ClaimReview originals) and links, a batch at a time.

A record whose claim is neither in the database nor earlier in the input is handed back as
unresolved: the importer retries it at the end (the claim may come later in the file) and
rejects it then.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from claimtrack.core import values
from claimtrack.core.enums import Rating, ReviewStatus
from claimtrack.core.ratings import label_key
from claimtrack.formats.native import LinkRecord
from claimtrack.formats.records import ReviewRecord
from claimtrack.interchange.state import ImportState, actor_ids, claim_ids, source_ids, table
from claimtrack.models import Link, Verdict, VerdictOriginal
from claimtrack.store.bulkwrite import insert_rows, reserve_ids, update_rows

VERDICTS, LINKS, ORIGINALS = table(Verdict), table(Link), table(VerdictOriginal)
VERDICT_FIELDS = (
    "claim_id",
    "rating",
    "normalized",
    "reviewer_id",
    "reviewed_on",
    "url",
    "url_key",
    "author",
    "explanation",
    "status",
)


@dataclass
class VerdictWork:
    review: ReviewRecord
    overwrite: bool  # a native record: its empty fields clear stored ones
    claim_row: int | None = None  # the claim it came with
    claim_ref: str | None = None  # or the claim's public id
    created_at: Any = None
    origin: Any = None  # what to reject it as
    row_id: int = 0  # the verdict it was written to (0: not yet)


def write_verdicts(
    state: ImportState, works: Sequence[VerdictWork]
) -> tuple[list[VerdictWork], list[VerdictWork]]:
    """Add or update verdicts; returns (deferred to the next round, unresolved claims)."""
    refs = claim_ids(state, {w.claim_ref for w in works if w.claim_ref})
    unresolved = [w for w in works if w.claim_ref and w.claim_ref not in refs]
    waiting = {id(w) for w in unresolved}
    reviewers = actor_ids(state, [w.review.by for w in works])
    batch: dict[tuple[Any, ...], tuple[VerdictWork, dict[str, Any]]] = {}
    deferred: list[VerdictWork] = []
    bare = state.unverdicted
    for work in works:
        if id(work) in waiting:
            continue
        r = work.review
        given = {
            "claim_id": work.claim_row or refs[work.claim_ref or ""],
            "rating": r.rating,
            "normalized": r.normalized
            or state.ratings.normalize(r.rating, r.rating_value, r.best_rating, r.worst_rating),
            "reviewer_id": reviewers[r.by],
            "reviewed_on": r.date,
            "url": r.url,
            "url_key": values.url_key(r.url) if r.url else None,
            "author": r.author,
            "explanation": r.explanation,
            "status": r.status,  # None: not said (new: a draft; stored: left as it is)
        }
        key = (
            ("id", r.id)
            if r.id
            else ("url", given["claim_id"], given["url_key"])
            if r.url
            else ("same", given["claim_id"], given["reviewer_id"], label_key(r.rating))
        )
        if key in batch:
            deferred.append(work)
        else:
            batch[key] = (work, given)
    # A claim this batch created has no verdict but those written here: nothing to look up.
    found = _existing(state, [key for key in batch if key[0] == "id" or key[1] not in bare])
    new = [(work, given) for key, (work, given) in batch.items() if key not in found]
    ids = reserve_ids(state.session, VERDICTS, len(new))
    fresh_ids = iter(values.new_public_ids("v", sum(1 for w, _g in new if not w.review.id)))
    insert_rows(
        state.session,
        VERDICTS,
        [
            {
                "id": row_id,
                "public_id": work.review.id or next(fresh_ids),
                **given,
                "status": given["status"] or ReviewStatus.DRAFT,
                "created_at": work.created_at or state.now,
            }
            for row_id, (work, given) in zip(ids, new, strict=True)
        ],
    )
    state.summary.added["verdicts"] += len(new)
    updates = []
    for key, row in found.items():
        work, given = batch[key]
        merged, moved = _merged(row, work, given)
        state.summary.stages_kept["verdicts"] += moved
        changed = any(merged[f] != getattr(row, f) for f in VERDICT_FIELDS)
        if changed:
            updates.append({"id": row.id, **merged})
        state.summary.count("verdicts", is_new=False, changed=changed)
    update_rows(state.session, VERDICTS, updates)
    rows = list(zip(ids, [w for w, _ in new], strict=True)) + [
        (row.id, batch[key][0]) for key, row in found.items()
    ]
    for row_id, work in rows:
        work.row_id = row_id
    _write_originals(
        state, [(row_id, w.review.original) for row_id, w in rows if w.review.original],
        new=set(ids),
    )
    given_to = Counter(given["claim_id"] for _, given in batch.values())
    # The first verdict of a claim this import created changes neither of its counters (one
    # verdict cannot disagree with itself; verdicts are no challenge), whichever batch it comes
    # in: no recount. Any other verdict's claim is recounted.
    state.touched.update(c for c, n in given_to.items() if n > 1 or c not in bare)
    for claim_id in given_to:
        bare.discard(claim_id)
    return deferred, unresolved


def _existing(state: ImportState, keys: list[tuple[Any, ...]]) -> dict[tuple[Any, ...], Any]:
    columns = [VERDICTS.c[name] for name in ("id", "public_id", *VERDICT_FIELDS)]
    found: dict[tuple[Any, ...], Any] = {}
    for row in state.rows(
        lambda c: select(*columns).where(VERDICTS.c.public_id.in_(c)),
        [k[1] for k in keys if k[0] == "id"],
    ):
        found[("id", row.public_id)] = row
    wanted = {k for k in keys if k[0] != "id"}
    for row in state.rows(
        lambda c: select(*columns).where(VERDICTS.c.claim_id.in_(c)).order_by(VERDICTS.c.id),
        [k[1] for k in wanted],
    ):
        for key in (
            ("url", row.claim_id, row.url_key),
            ("same", row.claim_id, row.reviewer_id, label_key(row.rating)),
        ):
            if key in wanted:
                found.setdefault(key, row)
    return found


def _merged(
    row: Any, work: VerdictWork, given: dict[str, Any]
) -> tuple[dict[str, Any], bool]:
    """The stored verdict's fields with the file's, and whether the file gave it another review
    stage (kept: an import never moves a stored record's stage)."""
    moved = given["status"] is not None and given["status"] != row.status
    given = {**given, "status": row.status}
    if work.overwrite:
        return given, moved
    merged = {f: getattr(row, f) for f in VERDICT_FIELDS}
    merged.update({k: v for k, v in given.items() if v is not None})
    if merged["url_key"] == row.url_key:
        merged["url"] = row.url  # another spelling of the same page: keep the first one
    if work.review.normalized is None and merged["rating"] == row.rating:
        merged["normalized"] = Rating(row.normalized)  # keep a rating the user corrected
    return merged, moved


def _write_originals(
    state: ImportState, documents: list[tuple[int, str]], new: set[int]
) -> None:
    """Keep each verdict's original document; ``new``: verdicts created in this round, which
    have none yet (not looked up)."""
    have = {
        row.verdict_id: row.document
        for row in state.rows(
            lambda c: select(ORIGINALS.c.verdict_id, ORIGINALS.c.document).where(
                ORIGINALS.c.verdict_id.in_(c)
            ),
            [i for i, _ in documents if i not in new],
        )
    }
    fresh = dict(documents)
    insert_rows(
        state.session,
        ORIGINALS,
        [
            {"verdict_id": i, "document": d, "imported_at": state.now}
            for i, d in fresh.items()
            if i not in have
        ],
    )
    update_rows(
        state.session,
        ORIGINALS,
        [
            {"verdict_id": i, "document": d, "imported_at": state.now}
            for i, d in fresh.items()
            if i in have and have[i] != d
        ],
        key="verdict_id",
    )


def write_links(
    state: ImportState, records: Sequence[LinkRecord]
) -> tuple[list[LinkRecord], list[LinkRecord]]:
    """Add or update links; returns (deferred to the next round, unresolved claims)."""
    refs = claim_ids(state, {r.from_claim for r in records} | {r.to_claim for r in records})
    unresolved = [r for r in records if r.from_claim not in refs or r.to_claim not in refs]
    sources = source_ids(state, {r.source for r in records if r.source})
    batch: dict[tuple[int, str, int], LinkRecord] = {}
    deferred = []
    for record in records:
        if record.from_claim in refs and record.to_claim in refs:
            key = (refs[record.from_claim], record.relation.value, refs[record.to_claim])
            if key[0] == key[2]:  # both ends were merged into one claim since the export
                state.summary.count("links", is_new=False, changed=False)
                continue
            if key in batch:
                deferred.append(record)
            else:
                batch[key] = record
    older = [k[0] for k in batch if k[0] not in state.fresh]  # a new claim has no links yet
    found = {
        (row.from_claim_id, row.relation, row.to_claim_id): row
        for row in state.rows(lambda c: select(LINKS).where(LINKS.c.from_claim_id.in_(c)), older)
        if (row.from_claim_id, row.relation, row.to_claim_id) in batch
    }
    new = [(key, r) for key, r in batch.items() if key not in found]
    ids = reserve_ids(state.session, LINKS, len(new))
    insert_rows(
        state.session,
        LINKS,
        [
            {
                "id": i,
                "from_claim_id": key[0],
                "relation": key[1],
                "to_claim_id": key[2],
                "note": r.note,
                "source_id": sources.get(r.source or ""),
                "status": r.status,
                "created_at": r.created_at or state.now,
            }
            for i, (key, r) in zip(ids, new, strict=True)
        ],
    )
    state.summary.added["links"] += len(new)
    state.fresh.difference_update(key[0] for key, _ in new)  # they have links now
    updates = []
    for key, row in found.items():
        record = batch[key]
        given = {"note": record.note, "source_id": sources.get(record.source or ""),
                 "status": record.status}
        changed = given != {"note": row.note, "source_id": row.source_id, "status": row.status}
        if changed:
            updates.append({"id": row.id, **given})
        state.summary.count("links", is_new=False, changed=changed)
    update_rows(state.session, LINKS, updates)
    state.touched.update(key[2] for key in batch)
    return deferred, unresolved
