"""Small pieces of wording shared by every rendering: who said it, a shortened text, a
verdict in one line, a count with its noun."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimtrack.core.views import ClaimView, Dispute, VerdictView
from claimtrack.core.wording import plural as plural  # re-exported: render uses it as before
from claimtrack.render.cells import cells, fit
from claimtrack.render.rows import Brief, cell_text

UNATTRIBUTED = "unattributed"
"""The speaker of a claim nobody is recorded as saying, in every human-readable format
(terminal, markdown, HTML, graph, timeline); CSV and JSON leave the speaker empty (null)."""


def speaker_name(speaker: str | None) -> str:
    """``speaker``, or ``UNATTRIBUTED`` when there is none."""
    return speaker or UNATTRIBUTED


def who(claim: ClaimView) -> str:
    """ "Sergey Lavrov · 2022-01-17" (or "unattributed")."""
    parts = [speaker_name(claim.speaker)]
    if claim.date:
        parts.append(claim.date.isoformat())
    return " · ".join(parts)


def short(text: str, length: int = 70) -> str:
    """``text`` on one line, cut to ``length`` terminal cells with an ellipsis (a Chinese
    character takes two)."""
    flat = " ".join(text.split())
    return flat if cells(flat) <= length else fit(flat, length - 1) + "…"


def verdict_text(verdict: VerdictView) -> str:
    """ "PolitiFact: Pants on Fire (false)"."""
    return f"{verdict.by}: {verdict.rating} ({verdict.normalized})"


def brief(text: str, length: int = 70) -> Brief:
    """A table cell: ``text`` whole, shortened to ``length`` at a terminal."""
    return Brief(text, short(text, length))


def dispute_state(dispute: Dispute) -> str:
    """ "contested: 2 challenges, verdicts disagree", or "not contested"."""
    state = (
        f"contested: {plural(dispute.claim.challenges, 'challenge')}"
        if dispute.is_contested
        else "not contested"
    )
    return state + (", verdicts disagree" if dispute.verdicts_disagree else "")


def used_filters(filters: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The filters a report was made with, as (name, text): ``tag: a, b``."""
    return [(name, cell_text(value)) for name, value in filters.items() if value]
