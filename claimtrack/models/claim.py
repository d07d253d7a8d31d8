"""Claims, where they appeared, and their tags."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, event
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from claimtrack.core.enums import ReviewStatus
from claimtrack.core.identity import claim_fingerprint
from claimtrack.models.actor import Actor
from claimtrack.models.base import Base, UTCDateTime, text_enum, utcnow
from claimtrack.models.source import Source

# A claim is contested when it has a challenge (an incoming contradicts/denies/evades link) or
# its verdicts disagree. Both facts are kept on the row, in the same transaction as the change
# that alters them (claimtrack.services.disputes.recount), so the contested report reads a
# small partial index instead of grouping every link.
CONTESTED = "challenge_count > 0 OR verdicts_disagree"


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint("trim(text) <> ''", name="text_not_blank"),
        CheckConstraint("length(summary) <= 75", name="summary_length"),
        CheckConstraint("challenge_count >= 0", name="challenge_count_positive"),
        Index(
            "ix_claims_contested",
            "challenge_count",
            "id",
            sqlite_where=sql_text(CONTESTED),
            postgresql_where=sql_text(CONTESTED),
        ),
        Index("ix_claims_said_on", "said_on", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(16), unique=True)
    text: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(String(75))
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    said_on: Mapped[dt.date | None]
    language: Mapped[str | None] = mapped_column(String(35))
    challenge_count: Mapped[int] = mapped_column(default=0, server_default=sql_text("0"))
    verdicts_disagree: Mapped[bool] = mapped_column(default=False, server_default=sql_text("false"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Editorial review (claimtrack.services.review); bulk inserts get 'draft' from the server.
    status: Mapped[ReviewStatus] = mapped_column(
        text_enum(ReviewStatus, "review_status"), default=ReviewStatus.DRAFT,
        server_default=ReviewStatus.DRAFT.value,
    )
    # Optimistic locking: every ORM UPDATE/DELETE checks and bumps it, so of two concurrent
    # edits the second fails with a conflict instead of silently overwriting the first.
    version: Mapped[int] = mapped_column(default=1, server_default=sql_text("1"))

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - read once by SQLAlchemy
    # claimtrack.identity.claim_fingerprint(text, speaker_id, said_on): how imports recognise
    # a claim that comes without an id. Kept current by the listener below for ORM writes;
    # bulk imports compute it themselves.
    fingerprint: Mapped[str | None] = mapped_column(String(32), index=True)

    speaker: Mapped[Actor | None] = relationship()
    tags: Mapped[list[ClaimTag]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ClaimTag.tag"
    )
    appearances: Mapped[list[Appearance]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Appearance.id",
    )

    @property
    def tag_names(self) -> list[str]:
        return [claim_tag.tag for claim_tag in self.tags]


@event.listens_for(Claim, "before_insert")
@event.listens_for(Claim, "before_update")
def _refresh_fingerprint(_mapper: object, _connection: object, claim: Claim) -> None:
    claim.fingerprint = claim_fingerprint(claim.text, claim.speaker_id, claim.said_on)


class ClaimTag(Base):
    __tablename__ = "claim_tags"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class Appearance(Base):
    """A claim seen in a source: one claim, many places."""

    __tablename__ = "appearances"
    __table_args__ = (UniqueConstraint("claim_id", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    quote: Mapped[str | None] = mapped_column(Text)
    seen_on: Mapped[dt.date | None]
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="appearances")
    source: Mapped[Source] = relationship()
