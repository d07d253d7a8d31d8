"""Tables for interchange with other tools: users' rating labels and imported ClaimReviews."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from claimtrack.core.enums import Rating
from claimtrack.models.base import Base, UTCDateTime, text_enum, utcnow


class RatingLabel(Base):
    """A user's own reading of a publisher's label ("Bogus" → false), beside the built-in table."""

    __tablename__ = "rating_labels"

    # claimtrack.values.name_key(label): labels match in any case and spacing.
    label_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    rating: Mapped[Rating] = mapped_column(text_enum(Rating, "rating"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class VerdictOriginal(Base):
    """The ClaimReview JSON-LD a verdict was imported from, exactly as read, so nothing is lost."""

    __tablename__ = "verdict_originals"

    verdict_id: Mapped[int] = mapped_column(
        ForeignKey("verdicts.id", ondelete="CASCADE"), primary_key=True
    )
    document: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
