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

    def record(self) -> Any:
        """``raw`` as it was read (a record read ahead keeps it packed until it is rejected)."""
        return self.raw.unpack() if isinstance(self.raw, Packed) else self.raw


class Packed:
    """A value kept pickled: a record read ahead by another process (formats.readahead) brings
    its raw form this way, which costs little to pass on and is only unpacked for --rejects."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def unpack(self) -> Any:
        import pickle

        return pickle.loads(self.data)  # written by this claimtrack's own reading process

    def __eq__(self, other: object) -> bool:  # it stands for the value it holds
        return bool(self.unpack() == (other.unpack() if isinstance(other, Packed) else other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Packed({self.unpack()!r})"
