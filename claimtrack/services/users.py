"""Users of ``claimtrack serve``: add, list, edit, remove, and check a password.

Passwords are hashed with argon2id (argon2-cffi's ``PasswordHasher`` defaults, RFC 9106's low
memory profile) and never stored or logged. argon2 is imported when a password is hashed or
checked, so the rest of claimtrack does not load it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimtrack.core import values
from claimtrack.core.enums import Role
from claimtrack.core.errors import Conflict, InvalidInput, NotFound
from claimtrack.core.views import UserView
from claimtrack.models import User

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # hashing a megabyte on every sign-in attempt would be a cheap attack
ANY_USER = select(User.id).limit(1)


@cache
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


@cache
def _decoy_hash() -> str:
    """A hash to check unknown names against, so that they take as long as known ones."""
    return _hasher().hash("claimtrack: no such user")


def check_password_rules(password: str) -> str:
    """The password if it is acceptable; else InvalidInput saying why."""
    if len(password.strip()) < MIN_PASSWORD:
        raise InvalidInput(
            f"The password is {len(password.strip())} characters long (spaces around it not "
            f"counted); use at least {MIN_PASSWORD} "
            "(a few unrelated words make a good one)."
        )
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(f"The password is longer than {MAX_PASSWORD} characters; shorten it.")
    values.optional_text(password, "password")
    return password


def add_user(session: Session, name: str, role: Role, password: str) -> UserView:
    """Add a user. Raises Conflict when the name is taken, InvalidInput for a weak password."""
    cleaned = values.name(name, "user name")
    key = values.name_key(cleaned)
    if session.scalar(select(User.id).where(User.name_key == key)) is not None:
        raise Conflict(
            f"There is already a user called '{cleaned}'; pick another name, or change that "
            f"user's role or password with `claimtrack user edit {cleaned}`."
        )
    user = User(name=cleaned, name_key=key, role=role,
                password_hash=_hasher().hash(check_password_rules(password)))
    session.add(user)
    session.flush()
    return user_view(user)


def list_users(session: Session) -> list[UserView]:
    """Every user, by name."""
    return [user_view(user) for user in session.scalars(select(User).order_by(User.name_key))]


def edit_user(
    session: Session, name: str, *, role: Role | None = None, password: str | None = None
) -> UserView:
    """Change a user's role and/or password. The web app reads the role on every request, so
    a signed-in user has the new role from their next page on. Raises NotFound, InvalidInput
    for a weak password or when nothing is to change."""
    if role is None and password is None:
        raise InvalidInput("Nothing to change; give --role ROLE and/or a new password.")
    user = _get(session, name)
    if role is not None and role != Role.EDITOR:
        _keep_an_editor(session, user, f"make {user.name} a {role}")
    if role is not None:
        user.role = role
    if password is not None:
        user.password_hash = _hasher().hash(check_password_rules(password))
    session.flush()
    return user_view(user)


def remove_user(session: Session, name: str) -> None:
    """Remove a user (what they changed stays in the history). Raises NotFound, and Conflict
    for the last editor."""
    user = _get(session, name)
    if session.scalar(select(func.count()).select_from(User)) != 1:  # the last user may go
        _keep_an_editor(session, user, f"remove {user.name}")
    session.delete(user)
    session.flush()


def any_users(session: Session) -> bool:
    """Whether anyone can sign in (``claimtrack serve`` is open to the local user until then).
    Asked on every request the web app serves to the local user, so it is one prebuilt Core
    statement on the session's connection (a quarter of what the ORM path costs)."""
    return session.connection().scalar(ANY_USER) is not None


def find_user(session: Session, name: str) -> UserView | None:
    """The user called ``name`` (any case and spacing), or None."""
    user = session.scalar(select(User).where(User.name_key == values.name_key(name)))
    return None if user is None else user_view(user)


def authenticate(session: Session, name: str, password: str) -> UserView | None:
    """The user when ``password`` is theirs, else None; an outdated hash is renewed.

    An unknown name costs as much as a wrong password, so timing does not tell names apart.
    """
    from argon2.exceptions import InvalidHashError, VerificationError

    user = None
    if name.strip() and len(name) <= values.NAME_MAX:
        user = session.scalar(select(User).where(User.name_key == values.name_key(name)))
    if len(password) > MAX_PASSWORD:
        return None
    try:
        _hasher().verify(user.password_hash if user else _decoy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = _hasher().hash(password)
        session.flush()
    return user_view(user)


def user_view(user: User) -> UserView:
    return UserView(name=user.name, role=user.role, created_at=user.created_at)


def _get(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name_key == values.name_key(name)))
    if user is None:
        raise NotFound(f"No user is called '{name}'; list users with `claimtrack user list`.")
    return user


def _keep_an_editor(session: Session, user: User, doing: str) -> None:
    """Refuse to leave the team with users but no editor: nobody could then publish, delete
    or merge on the web (and with users, there is no local editor either)."""
    if user.role != Role.EDITOR:
        return
    others = session.scalar(select(func.count()).select_from(User).where(
        User.role == Role.EDITOR, User.id != user.id)) or 0
    if not others:
        raise Conflict(f"{user.name} is the only editor; cannot {doing}. Make someone else an "
                       "editor first (`claimtrack user edit NAME --role editor`).")
