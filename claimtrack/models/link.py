"""Typed links between claims: "FROM denies TO"."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from claimtrack.core.enums import LinkStatus, Relation
from claimtrack.models.base import Base, UTCDateTime, text_enum, utcnow
from claimtrack.models.claim import Claim
from claimtrack.models.source import Source


class Link(Base):
    __tablename__ = "links"
    __table_args__ = (
        UniqueConstraint("from_claim_id", "relation", "to_claim_id"),
        CheckConstraint("from_claim_id <> to_claim_id", name="not_self"),
        Index("ix_links_to_claim_id_relation", "to_claim_id", "relation"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    from_claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    relation: Mapped[Relation] = mapped_column(text_enum(Relation, "relation"))
    to_claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    note: Mapped[str | None] = mapped_column(Text)
    # Suggested links (from `claimtrack dedupe`) and rejected ones count nowhere; see LinkStatus.
    status: Mapped[LinkStatus] = mapped_column(
        text_enum(LinkStatus, "link_status"),
        default=LinkStatus.CONFIRMED,
        server_default=LinkStatus.CONFIRMED.value,
        index=True,
    )
    # A suggestion's duplicate score (0-1) when it was made, so that the review queue is sorted
    # and cut in SQL (claimtrack.services.dedupe.pending). NULL for links nobody scored.
    score: Mapped[float | None] = mapped_column(Float)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    from_claim: Mapped[Claim] = relationship(foreign_keys=[from_claim_id])
    to_claim: Mapped[Claim] = relationship(foreign_keys=[to_claim_id])
    source: Mapped[Source | None] = relationship()
