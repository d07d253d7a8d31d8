"""The ORM models. Importing this package registers every table on ``Base.metadata``."""

from claimtrack.models.actor import Actor, ActorAlias
from claimtrack.models.archive import ArchiveBody, SourceArchive
from claimtrack.models.base import Base
from claimtrack.models.claim import Appearance, Claim, ClaimTag
from claimtrack.models.history import HistoryEntry
from claimtrack.models.interop import RatingLabel, VerdictOriginal
from claimtrack.models.link import Link
from claimtrack.models.merge import ClaimMerge
from claimtrack.models.source import Source
from claimtrack.models.user import User
from claimtrack.models.verdict import Verdict

__all__ = [
    "Actor",
    "ActorAlias",
    "Appearance",
    "ArchiveBody",
    "Base",
    "Claim",
    "ClaimMerge",
    "ClaimTag",
    "HistoryEntry",
    "Link",
    "RatingLabel",
    "Source",
    "SourceArchive",
    "User",
    "Verdict",
    "VerdictOriginal",
]
