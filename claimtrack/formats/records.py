"""What every reader yields: parsed records with their position, or the reason they are bad.

Readers never touch the database. A ClaimReview or a spreadsheet row becomes a ``ClaimBundle``:
a claim with the verdicts (``ReviewRecord``) and source details that came with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from claimtrack.core.enums import ActorKind, Rating, ReviewStatus
from claimtrack.formats.native import ClaimRecord, Record, SourceRecord


@dataclass(frozen=True)
class ReviewRecord:
    """A verdict on the claim it came with. ``normalized`` None: read it from label or scale."""

    rating: str
    by: str
    normalized: Rating | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    date: dt.date | None = None
    url: str | None = None
    explanation: str | None = None
    id: str | None = None
    author: str | None = None  # the person who wrote it for the reviewer (an organisation)
    # The ClaimReview JSON-LD exactly as read, kept with the verdict.
    original: str | None = None
    status: ReviewStatus | None = None  # a claimtrack export's review stage; None: not said


@dataclass(frozen=True)
class ClaimBundle:
    """A claim with its verdicts. Fields left empty here never erase what is already stored.
    ``speaker_kind``: what the input says the speaker is (a ClaimReview's claimant @type); it
    sets the kind of a new speaker, or of one whose kind is still unknown."""

    claim: ClaimRecord
    reviews: tuple[ReviewRecord, ...] = ()
    sources: tuple[SourceRecord, ...] = ()
    speaker_kind: ActorKind | None = None


Item = Record | ClaimBundle


@dataclass(frozen=True)
class Parsed:
    """One input record: ``item`` when it is good, else ``error``; ``raw`` goes to --rejects.
    ``notes`` are warnings for people (a value left out, a block skipped); a Parsed with notes
    and neither item nor error is only a notice (not a record, so never counted as rejected).
    ``refused``: cells of the user's own file left out because they cannot be read (warnings,
    and fatal under --strict, which asks for a clean file)."""

    where: str
    item: Item | None = None
    error: str | None = None
    raw: Any = None
    notes: tuple[str, ...] = ()
    refused: tuple[str, ...] = ()
