"""A claim's timeline (``TIMELINE``) in every OutputFormat: every sighting of the claim and of
its responses, oldest first; a heading and a table at the terminal and in markdown, one row per
sighting in CSV, the full structure in JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimtrack.core.enums import OutputFormat
from claimtrack.core.serial import to_json
from claimtrack.core.views import Timeline, TimelineEvent
from claimtrack.render.rows import LISTING, Brief, Listing, markdown_text, visible
from claimtrack.render.wording import short, speaker_name

TIMELINE_COLUMNS = [
    "date",
    "days_after",
    "event",
    "role",
    "speaker",
    "claim",
    "where",
    "outlet",
    "id",
    "first",
]
# At the terminal: the outlet goes with the address, the id is left for `claimtrack show`.
TIMELINE_TABLE_COLUMNS = [c for c in TIMELINE_COLUMNS if c not in ("outlet", "id")]


def _events(timeline: Timeline) -> Listing:
    return Listing([_row(event) for event in timeline.events], TIMELINE_COLUMNS,
                   terminal_columns=TIMELINE_TABLE_COLUMNS)


def _row(event: TimelineEvent) -> dict[str, Any]:
    where: Any = event.where
    if where and event.outlet:
        where = Brief(where, f"{event.outlet}: {where}")
    return {
        "date": event.date,
        "days_after": event.days_after,
        "event": event.basis,
        "role": event.role,
        "speaker": event.speaker,
        "claim": Brief(event.claim, short(event.claim, 50)),
        "where": where,
        "outlet": event.outlet,
        "id": event.id,
        "first": event.is_first,
    }


def _heading(timeline: Timeline) -> str:
    claim = timeline.claim
    return f"{speaker_name(claim.speaker)}: {short(claim.headline)} ({claim.id})"


TIMELINE: dict[OutputFormat, Callable[[Timeline], str]] = {
    OutputFormat.TABLE: lambda timeline: f"Timeline of {visible(_heading(timeline))}\n\n"
    + LISTING[OutputFormat.TABLE](_events(timeline)),
    OutputFormat.MARKDOWN: lambda timeline: f"# Timeline: {markdown_text(_heading(timeline))}\n\n"
    + LISTING[OutputFormat.MARKDOWN](_events(timeline)),
    OutputFormat.JSON: to_json,
    OutputFormat.CSV: lambda timeline: LISTING[OutputFormat.CSV](_events(timeline)),
}
"""A claim's timeline: every sighting of it and of its responses, oldest first."""
