"""Rendering claims and disputes in every output format.

Table format is for the checker at a terminal (a readable tree), markdown for editors, CSV one
row per side of a dispute, JSON the full nested structure.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from claimtrack.enums import OutputFormat
from claimtrack.output import markdown_cell, plain, render_rows, to_json, visible
from claimtrack.views import ClaimDetails, ClaimView, Dispute, Response, VerdictView

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
        return _markdown_dispute(dispute, heading="#")
    return visible(_tree(dispute))


def render_contested(
    disputes: Sequence[Dispute], fmt: OutputFormat, *, filters: Mapping[str, Any]
) -> str:
    """The contested-claims report."""
    if fmt is OutputFormat.JSON:
        return to_json(list(disputes))
    if fmt is OutputFormat.CSV:
        return render_rows(dispute_rows(disputes), fmt, columns=DISPUTE_COLUMNS)
    used = {k: v for k, v in filters.items() if v}
    count = f"{len(disputes)} dispute{'s' if len(disputes) != 1 else ''}"
    scope = ("; " + ", ".join(f"{k}: {plain(v)}" for k, v in used.items())) if used else ""
    if fmt is OutputFormat.MARKDOWN:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        parts = [
            f"# Contested claims\n\n{count}, most challenged first{_md(scope)}. Generated {stamp}."
        ]
        parts += [_markdown_dispute(d, heading="##", number=i) for i, d in enumerate(disputes, 1)]
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
        "verdicts": [_verdict_text(v) for v in verdicts],
    }


def _verdict_text(verdict: VerdictView) -> str:
    return f"{verdict.by}: {verdict.rating} ({verdict.normalized})"


def _verdict_row(verdict: VerdictView) -> dict[str, Any]:
    return {
        "id": verdict.id,
        "by": verdict.by,
        "rating": verdict.rating,
        "normalized": verdict.normalized,
        "date": verdict.date,
        "url": verdict.url,
    }


def _who(claim: ClaimView) -> str:
    parts = [claim.speaker or "unattributed"]
    if claim.date:
        parts.append(claim.date.isoformat())
    return " · ".join(parts)


def _wrap(text: str, indent: str) -> list[str]:
    lines: list[str] = []
    for paragraph in f"“{text}”".splitlines() or [""]:
        lines += textwrap.wrap(paragraph, WIDTH - len(indent), break_long_words=True) or [""]
    return [indent + line for line in lines]


def dispute_state(dispute: Dispute) -> str:
    """ "contested: 2 challenges, verdicts disagree", or "not contested"."""
    count = dispute.claim.challenges
    state = (
        f"contested: {count} challenge{'s' if count != 1 else ''}"
        if dispute.is_contested
        else "not contested"
    )
    return state + (", verdicts disagree" if dispute.verdicts_disagree else "")


def _tree(dispute: Dispute, *, number: int | None = None) -> str:
    claim = dispute.claim
    prefix = f"{number}. " if number is not None else ""
    lines = [f"{prefix}{claim.id}  {_who(claim)}  [{dispute_state(dispute)}]"]
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
            f"{_who(answer.claim)}: {_short(answer.claim.headline)}"
        )
    return "\n".join(lines)


def _branch(response: Response, indent: str, last: bool, shown: set[str]) -> list[str]:
    joint, rail = ("└─ ", "   ") if last else ("├─ ", "│  ")
    lines = [
        f"{indent}{joint}{response.relation.phrase} {_who(response.claim)}  {response.claim.id}"
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
            f"{inner}+ supported by {_who(supporter.claim)} {supporter.claim.id}: "
            f"{_short(supporter.claim.headline)}"
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
        f"{indent}verdict: {_verdict_text(v)}" + (f" {v.date}" if v.date else "") for v in verdicts
    ]


def _short(text: str, length: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


# ---- markdown -----------------------------------------------------------------------------

_MD_SPECIAL = set("\\`*_[]|#~")


def _md(text: str) -> str:
    """Escape free text for markdown: no markup, no raw HTML, line breaks kept."""
    escaped = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in escaped)
    # A line starting "- ", "+ " or "1. " would become a list item.
    lines = [
        re.sub(r"^(\s*)([-+]|\d+)([.]?\s)", _unlist, line)
        for line in escaped.replace("\r\n", "\n").split("\n")
    ]
    return "  \n".join(lines)


def _unlist(match: re.Match[str]) -> str:
    indent, marker, rest = match.groups()
    if marker.isdigit():
        return f"{indent}{marker}\\{rest}" if rest.startswith(".") else match.group(0)
    return f"{indent}\\{marker}{rest}"


def _md_link(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return f"<{url.replace('>', '%3E').replace(' ', '%20')}>"
    return _md(url)


def _markdown_dispute(dispute: Dispute, *, heading: str, number: int | None = None) -> str:
    claim = dispute.claim
    title = f"{number}. " if number is not None else ""
    lines = [
        f"{heading} {title}{_md(claim.speaker or 'Unattributed')}: {_md(_short(claim.headline))}",
        "",
        f"`{claim.id}` · {_md(_who(claim))}",
        "",
        "> " + _md(claim.text).replace("  \n", "  \n> "),
    ]
    for appearance in claim.sources:
        lines.append(
            f"\nSource: {_md_link(appearance.url)}"
            + (f" ({_md(appearance.outlet)})" if appearance.outlet else "")
        )
    if dispute.verdicts:
        lines.append("\nVerdicts: " + "; ".join(_md(_verdict_text(v)) for v in dispute.verdicts))
    if dispute.responses:
        rows = [["Response", "By", "Date", "Claim", "Id"]]
        for response in dispute.responses:
            rows.append(
                [
                    response.relation.phrase,
                    response.claim.speaker or "unattributed",
                    plain(response.claim.date) or "",
                    response.claim.text,
                    response.claim.id,
                ]
            )
            rows += [
                [
                    "  ↳ supported by",
                    s.claim.speaker or "unattributed",
                    plain(s.claim.date) or "",
                    s.claim.text,
                    s.claim.id,
                ]
                for s in response.supporters
            ]
        lines.append("\n" + _github_table(rows))
    return "\n".join(lines)


def _github_table(rows: list[list[Any]]) -> str:
    from tabulate import tabulate

    header, *body = rows
    cells = [[markdown_cell(str(cell)) for cell in row] for row in body]
    return tabulate(cells, headers=header, tablefmt="github", disable_numparse=True)
