"""The user's own rating labels, stored beside the built-in table (claimtrack.core.ratings)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.enums import Rating
from claimtrack.core.errors import NotFound
from claimtrack.core.ratings import (
    RatingTable,
    Table,
    builtin_rating,
    builtin_rows,
    compact_index,
    find_rating,
    label_key,
    label_keys,
)
from claimtrack.models import RatingLabel, Verdict
from claimtrack.services import disputes
from claimtrack.services.notices import notify


def rating_table(session: Session) -> RatingTable:
    """The built-in labels with the user's own on top."""
    return RatingTable(
        user={row.label_key: Rating(row.rating) for row in session.scalars(select(RatingLabel))}
    )


def set_label(session: Session, label: str, rating: Rating, *, apply: bool = False) -> int:
    """Read ``label`` as ``rating`` from now on (replacing a mapping of the same label).

    With ``apply``, verdicts already recorded with this label are re-read too; returns how many
    changed.
    """
    cleaned = values.text(label, "label", max_length=values.LABEL_MAX,
                          hint="Give the label as the publisher writes it.").strip()
    key = label_key(cleaned)
    row = session.get(RatingLabel, key)
    if row is None:
        session.add(RatingLabel(label_key=key, label=cleaned, rating=rating))
    else:
        row.label, row.rating = cleaned, rating
    builtin = builtin_rating(cleaned)
    if builtin is not None and builtin != rating:
        notify(session, f"'{cleaned}' was read as {builtin} by the built-in table; yours wins.")
    session.flush()
    return _reapply(session, key, rating) if apply else 0


def remove_label(session: Session, label: str) -> None:
    """Forget the user's mapping of ``label``. Raises NotFound when there is none."""
    deleted = session.execute(delete(RatingLabel).where(RatingLabel.label_key == label_key(label)))
    if not deleted.rowcount:  # type: ignore[attr-defined]
        raise NotFound(f"You have no mapping for '{label}'; see `claimtrack ratings --mine`.")


def _reapply(session: Session, key: str, rating: Rating) -> int:
    """Re-read the verdicts whose label reads as this mapping (as written, run together or
    hyphenated, or with a noun naming what was rated: "Altered image" for "altered"), unless
    a label known whole (another of the user's, or a built-in one) reads it otherwise."""
    this: Table = ({key: rating}, compact_index({key: rating}))
    table = rating_table(session)
    changed = [
        v
        for v in session.scalars(select(Verdict).where(Verdict.normalized != rating))
        if find_rating(label_keys(v.rating), [this]) is not None
        and table.read_label(v.rating) == rating  # as a new verdict with that label is read
    ]
    for verdict in changed:
        verdict.normalized = rating
    session.flush()
    disputes.recount(session, {v.claim_id for v in changed})
    return len(changed)


def rating_rows(session: Session, *, mine_only: bool = False) -> list[dict[str, object]]:
    """The table people read: label, rating, language, and whose mapping it is."""
    rows: list[dict[str, object]] = [
        {"label": row.label, "rating": Rating(row.rating), "language": "", "origin": "yours"}
        for row in session.scalars(select(RatingLabel).order_by(RatingLabel.label_key))
    ]
    if not mine_only:
        mine = {label_key(str(row["label"])) for row in rows}
        rows += [
            {"label": label, "rating": rating, "language": language, "origin": "built-in"}
            for label, rating, language in builtin_rows()
            if label_key(label) not in mine
        ]
    return rows
