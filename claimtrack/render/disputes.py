"""Rendering claims and disputes in every output format.

Table format is for the checker at a terminal (a readable tree), markdown for editors, CSV one
row per side of a dispute, JSON the full nested structure.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from claimtrack.core.enums import OutputFormat
from claimtrack.core.serial import plain, to_json
from claimtrack.core.views import ClaimDetails, ClaimView, Dispute, Response, VerdictView
from claimtrack.render import markdown
from claimtrack.render.rows import cell_text, render_rows, visible
from claimtrack.render.wording import plural, short, verdict_text, who

WIDTH = 88


# ---- one claim ----------------------------------------------------------------------------


def render_claim(details: ClaimDetails, fmt: OutputFormat) -> str:
    """A claim's record: fields, sources, links and verdicts."""
    claim = details.claim
    if fmt is OutputFormat.JSON:
        return to_json(
            {**plain(claim), "links": plain(details.links), "verdicts": plain(details.verdicts)}
        )
    fields = {
        "id": claim.id,
        "text": claim.text,
        "speaker": claim.speaker,
        "date": claim.date,
        "summary": claim.summary,
        "language": claim.language,
        "tags": list(claim.tags),
        "challenges": claim.challenges,
        "created_at": claim.created_at,
        "updated_at": claim.updated_at,
    }
    if fmt is OutputFormat.CSV:
        return render_rows([fields], fmt)
    sections = [render_rows([{"field": k, "value": v} for k, v in fields.items()], fmt)]
    parts: list[tuple[str, list[dict[str, Any]]]] = [
        (
            "Sources",
            [
                {"url": a.url, "outlet": a.outlet, "quote": a.quote, "seen": a.seen}
                for a in claim.sources
            ],
        ),
        (
            "Links",
            [
                {
                    "id": link.id,
                    "from": link.from_claim,
                    "relation": link.relation,
                    "to": link.to_claim,
                    "status": link.status,
                    "note": link.note,
                }
                for link in details.links
            ],
        ),
        ("Verdicts", [_verdict_row(v) for v in details.verdicts]),
    ]
    return "\n\n".join(sections + render_sections(parts, fmt))


def render_sections(
    parts: Sequence[tuple[str, Sequence[Mapping[str, Any]]]], fmt: OutputFormat
) -> list[str]:
    """Titled tables ("## Title" in markdown, "Title:" at the terminal); empty ones left out."""
    heading = "## {}" if fmt is OutputFormat.MARKDOWN else "{}:"
    return [f"{heading.format(title)}\n\n{render_rows(rows, fmt)}" for title, rows in parts if rows]


# ---- disputes -----------------------------------------------------------------------------


def render_dispute(dispute: Dispute, fmt: OutputFormat) -> str:
    """One dispute: a tree at the terminal, a section in markdown, rows in CSV."""
    if fmt is OutputFormat.JSON:
        return to_json(dispute)
    if fmt is OutputFormat.CSV:
        return render_rows(dispute_rows([dispute]), fmt)
    if fmt is OutputFormat.MARKDOWN:
        return markdown.dispute_section(dispute, heading="#")
    return visible(_tree(dispute))


def used_filters(filters: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The filters a report was made with, as (name, text): ``tag: a, b``."""
    return [(name, cell_text(value)) for name, value in filters.items() if value]


def render_contested(
    disputes: Sequence[Dispute], fmt: OutputFormat, *, filters: Mapping[str, Any]
) -> str:
    """The contested-claims report."""
    if fmt is OutputFormat.JSON:
        return to_json(list(disputes))
    if fmt is OutputFormat.CSV:
        return render_rows(dispute_rows(disputes), fmt, columns=DISPUTE_COLUMNS)
    used = used_filters(filters)
    count = plural(len(disputes), "dispute")
    scope = ("; " + ", ".join(f"{name}: {value}" for name, value in used)) if used else ""
    if fmt is OutputFormat.MARKDOWN:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        parts = [
            f"# Contested claims\n\n{count}, most challenged first{markdown.escape(scope)}. "
            f"Generated {stamp}."
        ]
        parts += [
            markdown.dispute_section(d, heading="##", number=i) for i, d in enumerate(disputes, 1)
        ]
        return "\n\n".join(parts)
    header = f"Contested claims: {count}, most challenged first{scope}."
    if not disputes:
        return header + "\nNothing is contested yet: link a denial with `claimtrack link add`."
    return visible("\n\n".join([header] + [_tree(d, number=i) for i, d in enumerate(disputes, 1)]))


DISPUTE_COLUMNS = [
    "dispute",
    "side",
    "relation",
    "id",
    "speaker",
    "date",
    "text",
    "sources",
    "verdicts",
]


def dispute_rows(disputes: Sequence[Dispute]) -> list[dict[str, Any]]:
    """One row per side of each dispute: the claim first, then each response."""
    rows: list[dict[str, Any]] = []
    for number, dispute in enumerate(disputes, 1):
        rows.append(_side_row(number, "claim", "", dispute.claim, dispute.verdicts))
        for response in dispute.responses:
            rows.append(
                _side_row(
                    number, "response", response.relation.value, response.claim, response.verdicts
                )
            )
            for supporter in response.supporters:
                rows.append(
                    _side_row(
                        number,
                        f"supports {response.claim.id}",
                        "supports",
                        supporter.claim,
                        supporter.verdicts,
                    )
                )
    return rows


def _side_row(
    number: int, side: str, relation: str, claim: ClaimView, verdicts: Sequence[VerdictView]
) -> dict[str, Any]:
    return {
        "dispute": number,
        "side": side,
        "relation": relation,
        "id": claim.id,
        "speaker": claim.speaker,
        "date": claim.date,
        "text": claim.text,
        "sources": [a.url for a in claim.sources],
        "verdicts": [verdict_text(v) for v in verdicts],
    }


def _verdict_row(verdict: VerdictView) -> dict[str, Any]:
    return {
        "id": verdict.id,
        "by": verdict.by,
        "rating": verdict.rating,
        "normalized": verdict.normalized,
        "date": verdict.date,
        "url": verdict.url,
    }


def _wrap(text: str, indent: str) -> list[str]:
    lines: list[str] = []
    for paragraph in f"“{text}”".splitlines() or [""]:
        lines += textwrap.wrap(paragraph, WIDTH - len(indent), break_long_words=True) or [""]
    return [indent + line for line in lines]


def dispute_state(dispute: Dispute) -> str:
    """ "contested: 2 challenges, verdicts disagree", or "not contested"."""
    state = (
        f"contested: {plural(dispute.claim.challenges, 'challenge')}"
        if dispute.is_contested
        else "not contested"
    )
    return state + (", verdicts disagree" if dispute.verdicts_disagree else "")


def _tree(dispute: Dispute, *, number: int | None = None) -> str:
    claim = dispute.claim
    prefix = f"{number}. " if number is not None else ""
    lines = [f"{prefix}{claim.id}  {who(claim)}  [{dispute_state(dispute)}]"]
    lines += _wrap(claim.text, "   ")
    lines += _sources(claim, "   ")
    lines += _verdicts(dispute.verdicts, "   ")
    shown = {a.url for a in claim.sources}
    for index, response in enumerate(dispute.responses):
        last = index == len(dispute.responses) - 1
        lines += _branch(response, "   ", last, shown)
    for answer in dispute.answers:
        lines.append(
            f"   ↳ {answer.relation.value.replace('_', ' ')} {answer.claim.id}  "
            f"{who(answer.claim)}: {short(answer.claim.headline)}"
        )
    return "\n".join(lines)


def _branch(response: Response, indent: str, last: bool, shown: set[str]) -> list[str]:
    joint, rail = ("└─ ", "   ") if last else ("├─ ", "│  ")
    lines = [
        f"{indent}{joint}{response.relation.phrase} {who(response.claim)}  {response.claim.id}"
    ]
    inner = indent + rail + "   "
    lines += _wrap(response.claim.text, inner)
    if response.note:
        lines += textwrap.wrap(
            f"note: {response.note}",
            WIDTH,
            initial_indent=inner,
            subsequent_indent=inner + "      ",
        )
    lines += _sources(response.claim, inner, skip=shown)
    lines += _verdicts(response.verdicts, inner)
    for supporter in response.supporters:
        lines.append(
            f"{inner}+ supported by {who(supporter.claim)} {supporter.claim.id}: "
            f"{short(supporter.claim.headline)}"
        )
    return lines


def _sources(
    claim: ClaimView, indent: str, skip: frozenset[str] | set[str] = frozenset()
) -> list[str]:
    """Where the claim appeared; sources already shown for the dispute's claim are skipped."""
    return [
        f"{indent}source: {a.url}" + (f" ({a.outlet})" if a.outlet else "")
        for a in claim.sources
        if a.url not in skip
    ]


def _verdicts(verdicts: Sequence[VerdictView], indent: str) -> list[str]:
    return [
        f"{indent}verdict: {verdict_text(v)}" + (f" {v.date}" if v.date else "") for v in verdicts
    ]
