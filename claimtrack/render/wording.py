"""Small pieces of wording shared by every rendering: who said it, a shortened text, a
verdict in one line, a count with its noun."""

from __future__ import annotations

from claimtrack.core.views import ClaimView, VerdictView


def plural(count: int, noun: str) -> str:
    """ "1 claim", "2 claims"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def who(claim: ClaimView) -> str:
    """ "Sergey Lavrov · 2022-01-17" (or "unattributed")."""
    parts = [claim.speaker or "unattributed"]
    if claim.date:
        parts.append(claim.date.isoformat())
    return " · ".join(parts)


def short(text: str, length: int = 70) -> str:
    """``text`` on one line, cut to ``length`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


def verdict_text(verdict: VerdictView) -> str:
    """ "PolitiFact: Pants on Fire (false)"."""
    return f"{verdict.by}: {verdict.rating} ({verdict.normalized})"
