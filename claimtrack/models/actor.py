"""Actors: the people, organisations, governments and media who make claims or review them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from claimtrack.core.enums import ActorKind
from claimtrack.models.base import Base, UTCDateTime, text_enum, utcnow


class Actor(Base):
    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # name_key is name folded for case and spacing: "sergey lavrov". Unique, so two actors can
    # never be told apart only by capitals.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[ActorKind] = mapped_column(
        text_enum(ActorKind, "actor_kind"), default=ActorKind.UNKNOWN
    )
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", order_by="ActorAlias.alias_key"
    )


class ActorAlias(Base):
    __tablename__ = "actor_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200))
    alias_key: Mapped[str] = mapped_column(String(200), unique=True)

    actor: Mapped[Actor] = relationship(back_populates="aliases")
