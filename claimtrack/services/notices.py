"""Messages for people ("Created actor 'Sergey Lavrov'"), queued by services and shown by the
caller only once the transaction has committed (a rolled-back command announces nothing)."""

from __future__ import annotations

from sqlalchemy.orm import Session


def notify(session: Session, message: str) -> None:
    """Queue a notice to show the user after the command succeeds."""
    session.info.setdefault("notices", []).append(message)


def notices(session: Session) -> list[str]:
    """The notices queued so far."""
    return list(session.info.get("notices", []))
