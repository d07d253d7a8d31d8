"""Rendering histories: a speaker's track record and a claim's timeline, in every output format.

Table and markdown show a heading and titled tables; CSV has one row per claim (record) or per
sighting (timeline); JSON the full structure.
"""

from __future__ import annotations

from typing import Any

from claimtrack.core.enums import OutputFormat
from claimtrack.core.serial import to_json
from claimtrack.core.views import RecordClaim, SpeakerRecord, Timeline, TimelineEvent
from claimtrack.render import wording
from claimtrack.render.disputes import render_sections
from claimtrack.render.markdown import escape
from claimtrack.render.rows import render_rows, visible
from claimtrack.render.wording import plural, verdict_text

RECORD_COLUMNS = ["id", "date", "claim", "contested", "challenged_by", "verdicts"]
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


def render_record(record: SpeakerRecord, fmt: OutputFormat) -> str:
    """A speaker's record: summary, claims, who challenged them, verdict distribution."""
    if fmt is OutputFormat.JSON:
        return to_json(record)
    claim_rows = [_record_row(entry, short=fmt is OutputFormat.TABLE) for entry in record.claims]
    if fmt is OutputFormat.CSV:
        return render_rows(claim_rows, fmt, columns=RECORD_COLUMNS)
    actor = record.actor
    summary = (
        f"{actor.name} ({actor.kind}): {plural(actor.claims, 'claim')} made, "
        f"{record.contested} contested, {plural(sum(record.verdicts.values()), 'verdict')}."
    )
    parts: list[tuple[str, list[dict[str, Any]]]] = [
        ("Claims", claim_rows),
        (
            "Challenged by",
            [
                {"speaker": c.speaker or "unattributed", "relation": c.relation, "claims": c.claims}
                for c in record.challenged_by
            ],
        ),
        (
            "Verdicts",
            [
                {"rating": rating, "verdicts": count}
                for rating, count in record.verdicts.items()
                if count
            ],
        ),
    ]
    title = (
        f"# Track record: {escape(actor.name)}\n\n{escape(summary)}"
        if fmt is OutputFormat.MARKDOWN
        else visible(f"Track record of {summary}")
    )
    return "\n\n".join([title, *render_sections(parts, fmt)])


def _record_row(entry: RecordClaim, *, short: bool) -> dict[str, Any]:
    claim = entry.claim
    return {
        "id": claim.id,
        "date": claim.date,
        "claim": wording.short(claim.headline) if short else claim.text,
        "contested": entry.is_contested,
        "challenged_by": [
            f"{c.speaker or 'unattributed'} ({c.relation}, {c.id})" for c in entry.challenged_by
        ],
        "verdicts": [verdict_text(v) for v in entry.verdicts],
    }


def render_timeline(timeline: Timeline, fmt: OutputFormat) -> str:
    """A claim's timeline: every sighting of it and of its responses, oldest first."""
    if fmt is OutputFormat.JSON:
        return to_json(timeline)
    short = fmt is OutputFormat.TABLE
    rows = [_timeline_row(event, short=short) for event in timeline.events]
    table = render_rows(rows, fmt, columns=TIMELINE_TABLE_COLUMNS if short else TIMELINE_COLUMNS)
    if fmt is OutputFormat.CSV:
        return table
    claim = timeline.claim
    heading = f"{claim.speaker or 'Unattributed'}: {wording.short(claim.headline)} ({claim.id})"
    if fmt is OutputFormat.MARKDOWN:
        return f"# Timeline: {escape(heading)}\n\n{table}"
    return f"Timeline of {visible(heading)}\n\n{table}"


def _timeline_row(event: TimelineEvent, *, short: bool) -> dict[str, Any]:
    where = event.where
    if short and where and event.outlet:
        where = f"{event.outlet}: {where}"
    return {
        "date": event.date,
        "days_after": event.days_after,
        "event": event.basis,
        "role": event.role,
        "speaker": event.speaker,
        "claim": wording.short(event.claim, 50) if short else event.claim,
        "where": where,
        "outlet": event.outlet,
        "id": event.id,
        "first": event.is_first,
    }
