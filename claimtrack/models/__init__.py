"""The ORM models. Importing this package registers every table on ``Base.metadata``."""

from claimtrack.models.actor import Actor, ActorAlias
from claimtrack.models.base import Base
from claimtrack.models.claim import Appearance, Claim, ClaimTag
from claimtrack.models.interop import RatingLabel, VerdictOriginal
from claimtrack.models.link import Link
from claimtrack.models.source import Source
from claimtrack.models.verdict import Verdict

__all__ = [
    "Actor",
    "ActorAlias",
    "Appearance",
    "Base",
    "Claim",
    "ClaimTag",
    "Link",
    "RatingLabel",
    "Source",
    "Verdict",
    "VerdictOriginal",
]
