"""Merged claims: the id of a claim merged into another keeps resolving to the one kept."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from claimtrack.models.base import Base, UTCDateTime, utcnow


class ClaimMerge(Base):
    """The record of a claim merged away (``claim merge KEEP DROP``): DROP's id, words and author.

    The dropped claim's row is deleted, so lists, reports, search and exports see one claim;
    this row keeps its id resolving to the claim kept, and keeps what it said.
    """

    __tablename__ = "claim_merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(16), unique=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL"), index=True
    )
    said_on: Mapped[dt.date | None]
    merged_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
