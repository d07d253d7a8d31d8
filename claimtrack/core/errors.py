"""Typed errors. Each message is a full sentence that says what to do next.

The CLI turns any ``ClaimtrackError`` into one ``Error: <message>`` line on stderr and exit 1.
"""

from __future__ import annotations


class ClaimtrackError(Exception):
    """Base class: something the user can fix; the message tells them how."""


class NotFound(ClaimtrackError):
    """A claim, actor, source, link or verdict that was named does not exist."""


class Conflict(ClaimtrackError):
    """The change would duplicate or break something already recorded."""


class InvalidInput(ClaimtrackError):
    """A value is malformed: an empty text, an impossible date, a bad URL."""


class SchemaOutOfDate(ClaimtrackError):
    """The database was made by another version of claimtrack and needs ``claimtrack init``."""


class DatabaseUnavailable(ClaimtrackError):
    """The database cannot be opened or reached."""


class DatabaseBusy(ClaimtrackError):
    """Other writers kept the database busy for longer than claimtrack is willing to wait."""


class FetchFailed(ClaimtrackError):
    """A page could not be fetched: the network, the server or the answer was at fault."""
