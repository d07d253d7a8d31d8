"""Verdicts: what a fact-checker concluded about a claim."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from claimtrack.core.enums import Rating, ReviewStatus
from claimtrack.core.values import url_key
from claimtrack.models.actor import Actor
from claimtrack.models.base import Base, UTCDateTime, text_enum, utcnow
from claimtrack.models.claim import Claim


class Verdict(Base):
    __tablename__ = "verdicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(16), unique=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    # The publisher's own words ("Pants on Fire", "Four Pinocchios"), verbatim.
    rating: Mapped[str] = mapped_column(String(200))
    normalized: Mapped[Rating] = mapped_column(text_enum(Rating, "normalized_rating"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), index=True)
    reviewed_on: Mapped[dt.date | None]
    # As published; a ClaimReview is recognised by its url_key when imported again.
    url: Mapped[str | None] = mapped_column(Text)
    url_key: Mapped[str | None] = mapped_column(String(64), index=True)
    # The person who wrote the review for the reviewer (an organisation), when named.
    author: Mapped[str | None] = mapped_column(String(200))
    explanation: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[ReviewStatus] = mapped_column(
        text_enum(ReviewStatus, "review_status"), default=ReviewStatus.DRAFT,
        server_default=ReviewStatus.DRAFT.value,
    )
    version: Mapped[int] = mapped_column(default=1, server_default=sql_text("1"))

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - read once by SQLAlchemy

    claim: Mapped[Claim] = relationship()
    reviewer: Mapped[Actor] = relationship()

    @validates("url")
    def _keep_key(self, _name: str, value: str | None) -> str | None:
        self.url_key = None if value is None else url_key(value)
        return value
