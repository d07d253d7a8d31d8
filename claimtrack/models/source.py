"""Sources: the articles, posts and broadcasts where claims appear."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column, validates

from claimtrack.core.values import url_key
from claimtrack.models.base import Base, UTCDateTime, utcnow


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    # As first published; url_key (core.values.url_key) says which spellings name this page,
    # so one page is stored once.
    url: Mapped[str] = mapped_column(Text)
    url_key: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    published_on: Mapped[dt.date | None]
    retrieved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    archive_url: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    @validates("url")
    def _keep_key(self, _name: str, value: str) -> str:
        self.url_key = url_key(value)
        return value
