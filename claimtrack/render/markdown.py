"""Markdown for editors: a dispute as a section with a table of its responses, free text
escaped by ``rows.markdown_text`` (no markup, no raw HTML, no control characters)."""

from __future__ import annotations

from typing import Any

from claimtrack.core.views import ClaimView, Dispute
from claimtrack.render.rows import markdown_link, markdown_table, markdown_text
from claimtrack.render.wording import dispute_state, short, speaker_name, verdict_text, who


def link(url: str) -> str:
    return markdown_link(url)


def dispute_section(dispute: Dispute, *, heading: str, number: int | None = None) -> str:
    claim = dispute.claim
    title = f"{number}. " if number is not None else ""
    lines = [
        f"{heading} {title}{markdown_text(speaker_name(claim.speaker))}: "
        f"{markdown_text(short(claim.text))}",
        "",
        f"`{claim.id}` · {markdown_text(who(claim))} · {markdown_text(dispute_state(dispute))}",
        "",
        "> " + markdown_text(claim.text).replace("  \n", "  \n> "),
    ]
    for appearance in claim.sources:
        lines.append(
            f"\nSource: {link(appearance.url)}"
            + (f" ({markdown_text(appearance.outlet)})" if appearance.outlet else "")
        )
    if dispute.verdicts:
        said = "; ".join(markdown_text(verdict_text(v)) for v in dispute.verdicts)
        lines.append(f"\nVerdicts: {said}")
    for answer in dispute.answers:  # what this claim itself answers, as the tree shows it
        lines.append(f"\n↳ {answer.relation.words} `{answer.claim.id}` "
                     f"{markdown_text(who(answer.claim))}: "
                     f"{markdown_text(short(answer.claim.headline))}")
    if dispute.responses:
        rows = []
        for response in dispute.responses:
            rows.append(_response_row(response.relation.phrase, response.claim))
            rows += [_response_row("  ↳ supported by", s.claim) for s in response.supporters]
        lines.append("\n" + markdown_table(rows))
    return "\n".join(lines)


def _response_row(label: str, claim: ClaimView) -> dict[str, Any]:
    return {"Response": label, "By": speaker_name(claim.speaker), "Date": claim.date,
            "Claim": claim.text, "Id": claim.id}
