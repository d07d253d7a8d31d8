"""Archived copies of sources: what a page said when it was fetched, kept as evidence.

One ``source_archives`` row per fetch (when, where the redirects ended, the HTTP status and
content type, the SHA-256 and size of the body); the body itself is stored once per distinct
content in ``archive_bodies``, keyed by its SHA-256 (content-addressed: fetching an unchanged
page again adds a row, not a second copy). Bodies live in the database on both backends, so a
SQLite file handed to a colleague, a backup and a restore all carry the evidence with them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from claimtrack.models.base import Base, UTCDateTime


class ArchiveBody(Base):
    __tablename__ = "archive_bodies"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    body: Mapped[bytes] = mapped_column(LargeBinary)


class SourceArchive(Base):
    __tablename__ = "source_archives"
    __table_args__ = (Index("ix_source_archives_source", "source_id", "retrieved_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    retrieved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    requested_url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str] = mapped_column(Text)
    status: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(ForeignKey("archive_bodies.sha256"), index=True)
    size: Mapped[int] = mapped_column(Integer)
