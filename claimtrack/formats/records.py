"""What every reader yields: parsed records with their position, or the reason they are bad.

Readers never touch the database. A ClaimReview or a spreadsheet row becomes a ``ClaimBundle``:
a claim with the verdicts (``ReviewRecord``) and source details that came with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from claimtrack.core.enums import Rating
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
    # The ClaimReview JSON-LD exactly as read, kept with the verdict.
    original: str | None = None


@dataclass(frozen=True)
class ClaimBundle:
    """A claim with its verdicts. Fields left empty here never erase what is already stored."""

    claim: ClaimRecord
    reviews: tuple[ReviewRecord, ...] = ()
    sources: tuple[SourceRecord, ...] = ()


Item = Record | ClaimBundle


@dataclass(frozen=True)
class Parsed:
    """One input record: ``item`` when it is good, else ``error``; ``raw`` goes to --rejects."""

    where: str
    item: Item | None = None
    error: str | None = None
    raw: Any = None
