"""The edit history: one row per created, changed or deleted record, written in the same
transaction as the change (see claimtrack.store.history.tracking).

Rows name records by their public identity (claim and verdict ids, link numbers, actor names,
source URLs), never by foreign keys, so the history outlives what it describes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from claimtrack.models.base import Base, UTCDateTime


class HistoryEntry(Base):
    __tablename__ = "history"
    __table_args__ = (
        Index("ix_history_entity_key", "entity", "entity_key"),
        Index("ix_history_claim_ref", "claim_ref"),
        Index("ix_history_other_claim_ref", "other_claim_ref"),
        Index("ix_history_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # Who: --user, else $CLAIMTRACK_USER, else the operating-system account.
    user_name: Mapped[str] = mapped_column(String(200))
    # The claimtrack command that made the change ("claim edit"), None for library calls.
    command: Mapped[str | None] = mapped_column(String(200))
    # Every entry written by one transaction shares a batch id.
    batch: Mapped[str] = mapped_column(String(32))
    # create / update / delete, or a word given to history.record() such as "merge".
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_key: Mapped[str] = mapped_column(String(2000))
    # The claim the change concerns (a verdict's claim, a link's target) and, for links, the
    # claim at the other end: `claimtrack history c-…` finds every change around a claim.
    claim_ref: Mapped[str | None] = mapped_column(String(16))
    other_claim_ref: Mapped[str | None] = mapped_column(String(16))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
