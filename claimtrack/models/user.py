"""People who sign in to ``claimtrack serve``: a name, a role and a password hash (argon2)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from claimtrack.core.enums import Role
from claimtrack.models.base import Base, UTCDateTime, text_enum, utcnow


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # claimtrack.core.values.name_key(name): sign-in names match in any case and spacing.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[Role] = mapped_column(text_enum(Role, "user_role"))
    # An argon2id hash in PHC form ($argon2id$v=19$m=…), never the password.
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
