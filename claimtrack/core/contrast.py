"""Two texts that read alike but say different things: other figures ("fell to 3.5 percent" /
"fell to 8.5 percent") or opposite words ("rose" / "fell", "highest" / "lowest"). String
similarity scores such pairs as near copies; for a fact-checker the figure or the direction is
the claim, so they are never suggested as one claim (``services.search.may_be_same``)."""

from __future__ import annotations

import re
from collections import Counter

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Each pair: words that say opposite things of the same subject. Inflections are listed: a
# pair counts only when each text holds one side and not the other.
_OPPOSITES = (
    ("rose", "fell"), ("rise", "fall"), ("rises", "falls"), ("rising", "falling"),
    ("risen", "fallen"), ("increase", "decrease"), ("increased", "decreased"),
    ("increases", "decreases"), ("increasing", "decreasing"), ("grew", "shrank"),
    ("growth", "decline"), ("gained", "lost"), ("gains", "losses"), ("won", "lost"),
    ("raised", "lowered"), ("raise", "lower"), ("up", "down"), ("highest", "lowest"),
    ("most", "least"), ("best", "worst"),
    ("legal", "illegal"), ("safe", "unsafe"), ("true", "false"), ("guilty", "innocent"),
    ("approved", "rejected"), ("accepted", "rejected"), ("allowed", "banned"),
    ("supports", "opposes"), ("supported", "opposed"), ("win", "lose"), ("wins", "loses"),
    ("open", "closed"), ("opened", "closed"), ("majority", "minority"),
)
# Comparatives: "A is higher than B" says what "B is lower than A" says, so with "than" in
# both texts they tell nothing ("less education than propaganda" / "more propaganda than
# education").
_COMPARATIVES = (
    ("higher", "lower"), ("more", "less"), ("more", "fewer"), ("above", "below"),
    ("before", "after"), ("better", "worse"), ("bigger", "smaller"), ("larger", "smaller"),
)


def figures(text: str) -> Counter[str]:
    """The numbers in ``text`` as written, thousands separators dropped ("3,000" is "3000")."""
    return Counter(re.sub(r",(?=\d{3}\b)", "", found) for found in _NUMBER.findall(text))


def difference(text: str, other: str) -> str | None:
    """Why two texts are not one claim however alike they read: "other figures (3.5 / 8.5)",
    "opposite words (rose / fell)"; None when neither is so. Figures count only when both
    texts give some (a claim may be retold without its number)."""
    mine, theirs = figures(text), figures(other)
    if mine and theirs and mine != theirs:
        return (f"other figures ({', '.join(sorted(mine - theirs))} / "
                f"{', '.join(sorted(theirs - mine))})")
    words = {word.casefold() for word in _WORD.findall(text)}
    others = {word.casefold() for word in _WORD.findall(other)}
    pairs = _OPPOSITES if "than" in words and "than" in others else _OPPOSITES + _COMPARATIVES
    for one, opposite in pairs:
        for first, second in ((one, opposite), (opposite, one)):
            if first in words - others and second in others - words:
                return f"opposite words ({first} / {second})"
    return None
