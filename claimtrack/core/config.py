"""Where the database is: ``--db``, else ``CLAIMTRACK_DATABASE_URL``, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATABASE_URL = "CLAIMTRACK_DATABASE_URL"


def default_database_path() -> Path:
    """The SQLite file used when nothing else is configured (created on first use)."""
    import platformdirs

    return platformdirs.user_data_path("claimtrack", ensure_exists=True) / "claimtrack.db"


def resolve_database_url(explicit: str | None) -> str:
    """Return a SQLAlchemy URL from ``--db``, the environment, or the default file.

    A bare path (``claims.db``) means a SQLite file; ``postgresql://`` uses psycopg 3. Raises
    InvalidInput for an empty ``explicit`` (``--db "$DB"`` with $DB unset), rather than
    silently using the default database.
    """
    if explicit is not None and not explicit.strip():
        from claimtrack.core.errors import InvalidInput

        raise InvalidInput("The database given with --db is empty (an unset variable?); give a "
                           "file path or URL, or leave --db out to use "
                           f"${ENV_DATABASE_URL} or the default file.")
    value = named_database(explicit)
    if value is None:
        return f"sqlite:///{default_database_path()}"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    for plain in ("postgresql://", "postgres://"):
        if value.startswith(plain):
            return "postgresql+psycopg://" + value[len(plain) :]
    return value


def named_database(explicit: str | None) -> str | None:
    """The database ``--db`` or the environment names (trimmed), or None for the default
    file."""
    value = (explicit or os.environ.get(ENV_DATABASE_URL) or "").strip()
    return value or None


ENV_USER = "CLAIMTRACK_USER"


def resolve_user(explicit: str | None) -> str:
    """Who is making changes, for the edit history: ``--user``, else ``CLAIMTRACK_USER``, else
    the operating-system account, else "unknown". Raises InvalidInput for an unusable name."""
    from claimtrack.core import values

    if explicit is not None:
        return values.name(explicit, "user name (--user)")
    value = os.environ.get(ENV_USER, "")
    if value.strip():
        return values.name(value, f"user name (${ENV_USER})")
    import getpass

    try:
        return values.name(getpass.getuser(), "login name")
    except Exception:  # no usable login name (containers): history still needs one
        return "unknown"
