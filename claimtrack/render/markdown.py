"""Markdown for editors: free text escaped (no markup, no raw HTML, no control characters),
and a dispute as a section with a table of its responses."""

from __future__ import annotations

import re
from typing import Any

from claimtrack.core.views import ClaimView, Dispute
from claimtrack.render.rows import markdown_table, visible
from claimtrack.render.wording import short, verdict_text, who

_MD_SPECIAL = set("\\`*_[]|#~")


def escape(text: str) -> str:
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


def link(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return f"<{url.replace('>', '%3E').replace(' ', '%20')}>"
    return escape(url)


def dispute_section(dispute: Dispute, *, heading: str, number: int | None = None) -> str:
    claim = dispute.claim
    title = f"{number}. " if number is not None else ""
    lines = [
        f"{heading} {title}{escape(claim.speaker or 'Unattributed')}: "
        f"{escape(short(claim.text))}",
        "",
        f"`{claim.id}` · {escape(who(claim))}",
        "",
        "> " + escape(claim.text).replace("  \n", "  \n> "),
    ]
    for appearance in claim.sources:
        lines.append(
            f"\nSource: {link(appearance.url)}"
            + (f" ({escape(appearance.outlet)})" if appearance.outlet else "")
        )
    if dispute.verdicts:
        lines.append("\nVerdicts: " + "; ".join(escape(verdict_text(v)) for v in dispute.verdicts))
    if dispute.responses:
        rows = []
        for response in dispute.responses:
            rows.append(_response_row(response.relation.phrase, response.claim))
            rows += [_response_row("  ↳ supported by", s.claim) for s in response.supporters]
        lines.append("\n" + markdown_table(rows))
    return "\n".join(lines)


def _response_row(label: str, claim: ClaimView) -> dict[str, Any]:
    return {"Response": label, "By": claim.speaker or "unattributed", "Date": claim.date,
            "Claim": claim.text, "Id": claim.id}
