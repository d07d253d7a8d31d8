"""A speaker's track record (``RECORD``) in every OutputFormat: a summary and titled tables at
the terminal and in markdown, one row per claim in CSV, the full structure in JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimtrack.core.enums import OutputFormat
from claimtrack.core.serial import to_json
from claimtrack.core.views import RecordClaim, SpeakerRecord
from claimtrack.render.rows import LISTING, Brief, Listing, markdown_text, titled, visible
from claimtrack.render.wording import plural, short, speaker_name, verdict_text

RECORD_COLUMNS = ["id", "date", "claim", "contested", "challenged_by", "verdicts"]


def _claims(record: SpeakerRecord) -> Listing:
    return Listing([_record_row(entry) for entry in record.claims], RECORD_COLUMNS)


def _record_row(entry: RecordClaim) -> dict[str, Any]:
    claim = entry.claim
    return {
        "id": claim.id,
        "date": claim.date,
        "claim": Brief(claim.text, short(claim.headline)),
        "contested": entry.is_contested,
        "challenged_by": [
            f"{speaker_name(c.speaker)} ({c.relation}, {c.id})" for c in entry.challenged_by
        ],
        "verdicts": [verdict_text(v) for v in entry.verdicts],
    }


def _summary(record: SpeakerRecord) -> str:
    actor = record.actor
    return (
        f"{actor.name} ({actor.kind}): {plural(actor.claims, 'claim')} made, "
        f"{record.contested} contested, {plural(sum(record.verdicts.values()), 'verdict')}."
    )


def _parts(record: SpeakerRecord) -> list[tuple[str, Listing]]:
    return [
        ("Claims", _claims(record)),
        ("Challenged by", Listing([
            {"speaker": speaker_name(c.speaker), "relation": c.relation, "claims": c.claims}
            for c in record.challenged_by
        ])),
        ("Verdicts", Listing([
            {"rating": rating, "verdicts": count}
            for rating, count in record.verdicts.items()
            if count
        ])),
    ]


def _table(record: SpeakerRecord) -> str:
    title = visible(f"Track record of {_summary(record)}")
    return "\n\n".join([title, *titled(_parts(record), OutputFormat.TABLE)])


def _markdown(record: SpeakerRecord) -> str:
    title = (f"# Track record: {markdown_text(record.actor.name)}\n\n"
             f"{markdown_text(_summary(record))}")
    return "\n\n".join([title, *titled(_parts(record), OutputFormat.MARKDOWN)])


RECORD: dict[OutputFormat, Callable[[SpeakerRecord], str]] = {
    OutputFormat.TABLE: _table,
    OutputFormat.MARKDOWN: _markdown,
    OutputFormat.JSON: to_json,
    OutputFormat.CSV: lambda record: LISTING[OutputFormat.CSV](_claims(record)),
}
"""A speaker's record: summary, claims, who challenged them, verdict distribution."""
