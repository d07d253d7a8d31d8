"""Map a publisher's verdict label ("Pants on Fire", "Half True") onto a normalised Rating.

The label itself is always stored verbatim; this only decides the normalised value when the
user does not give one.
"""

from __future__ import annotations

from claimtrack.enums import Rating
from claimtrack.values import name_key

# Keys are compared after name_key() (case, spacing and Unicode width folded).
BUILTIN_LABELS: dict[str, Rating] = {
    "true": Rating.TRUE,
    "correct": Rating.TRUE,
    "accurate": Rating.TRUE,
    "mostly true": Rating.MOSTLY_TRUE,
    "mostly correct": Rating.MOSTLY_TRUE,
    "half true": Rating.MIXED,
    "half-true": Rating.MIXED,
    "mixture": Rating.MIXED,
    "mixed": Rating.MIXED,
    "partly false": Rating.MOSTLY_FALSE,
    "partly true": Rating.MIXED,
    "misleading": Rating.MOSTLY_FALSE,
    "missing context": Rating.MOSTLY_FALSE,
    "lacks context": Rating.MOSTLY_FALSE,
    "mostly false": Rating.MOSTLY_FALSE,
    "false": Rating.FALSE,
    "incorrect": Rating.FALSE,
    "fake": Rating.FALSE,
    "pants on fire": Rating.FALSE,
    "pants on fire!": Rating.FALSE,
    "four pinocchios": Rating.FALSE,
    "three pinocchios": Rating.MOSTLY_FALSE,
    "two pinocchios": Rating.MIXED,
    "one pinocchio": Rating.MOSTLY_TRUE,
    "geppetto checkmark": Rating.TRUE,
    "unproven": Rating.UNVERIFIABLE,
    "unverified": Rating.UNVERIFIABLE,
    "unverifiable": Rating.UNVERIFIABLE,
    "no evidence": Rating.UNVERIFIABLE,
}


def normalize_label(label: str) -> Rating:
    """The normalised rating for a label; unknown labels are ``unverifiable``."""
    key = name_key(label)
    for candidate in (key, key.rstrip("!. ")):
        if candidate in BUILTIN_LABELS:
            return BUILTIN_LABELS[candidate]
    try:
        return Rating(key.replace(" ", "-"))
    except ValueError:
        return Rating.UNVERIFIABLE
