"""Disputes in every DocumentFormat: ``DISPUTE`` (one claim's dispute) and ``CONTESTED`` (the
contested-claims report) map each format to the function that writes it.

Table format is for the checker at a terminal (a readable tree), markdown for editors, CSV one
row per side of a dispute, JSON the full nested structure, HTML a page (claimtrack.render.pages).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimtrack.core.enums import DocumentFormat, GroupBy, OutputFormat
from claimtrack.core.serial import to_json
from claimtrack.core.views import ClaimView, Dispute, Response, VerdictView
from claimtrack.render import markdown, pages
from claimtrack.render.cells import cells, wrap
from claimtrack.render.rows import LISTING, Listing, markdown_text, visible
from claimtrack.render.wording import (
    dispute_state,
    plural,
    short,
    speaker_name,
    used_filters,
    verdict_text,
    who,
)

WIDTH = 88


@dataclass(frozen=True)
class ContestedReport:
    """The contested-claims report: its disputes, the filters that selected them and how to
    group them (``group_by``: by tag or speaker; None: one list, most challenged first)."""

    disputes: Sequence[Dispute]
    filters: Mapping[str, Any]
    group_by: GroupBy | None = None

    def groups(self) -> list[tuple[str, list[tuple[int, Dispute]]]]:
        """(group name, [(rank, dispute)…]) in order of each group's most challenged dispute;
        ungrouped: one group named "". A claim with several tags is listed under each."""
        found: dict[str, list[tuple[int, Dispute]]] = {}
        for rank, dispute in enumerate(self.disputes, 1):
            for name in _group_names(dispute, self.group_by):
                found.setdefault(name, []).append((rank, dispute))
        return list(found.items())


def _group_names(dispute: Dispute, group_by: GroupBy | None) -> list[str]:
    if group_by is GroupBy.SPEAKER:
        return [speaker_name(dispute.claim.speaker)]
    if group_by is GroupBy.TAG:
        return list(dispute.claim.tags) or ["(no tag)"]
    return [""]


def _group_title(report: ContestedReport, name: str, count: int) -> str:
    assert report.group_by is not None
    return f"{report.group_by.value.capitalize()}: {name} ({plural(count, 'dispute')})"


def _scope(report: ContestedReport) -> tuple[str, str]:
    """ "3 disputes" and "; tag: ukraine" (empty when unfiltered)."""
    used = used_filters(report.filters)
    scope = ("; " + ", ".join(f"{name}: {value}" for name, value in used)) if used else ""
    return plural(len(report.disputes), "dispute"), scope


def _contested_table(report: ContestedReport) -> str:
    count, scope = _scope(report)
    header = f"Contested claims: {count}, most challenged first{scope}."
    if not report.disputes:
        return header + "\nNothing is contested yet: link a denial with `claimtrack link add`."
    parts = [header]
    for name, ranked in report.groups():
        if report.group_by is not None:
            title = _group_title(report, name, len(ranked))
            parts.append(f"{title}\n{'=' * cells(title)}")
        parts += [_tree(dispute, number=rank) for rank, dispute in ranked]
    return visible("\n\n".join(parts))


def _contested_markdown(report: ContestedReport) -> str:
    count, scope = _scope(report)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        f"# Contested claims\n\n{count}, most challenged first{markdown_text(scope)}. "
        f"Generated {stamp}."
    ]
    for name, ranked in report.groups():
        grouped = report.group_by is not None
        if grouped:
            parts.append(f"## {markdown_text(_group_title(report, name, len(ranked)))}")
        parts += [markdown.dispute_section(d, heading="###" if grouped else "##", number=rank)
                  for rank, d in ranked]
    return "\n\n".join(parts)


def _contested_json(report: ContestedReport) -> str:
    if report.group_by is None:
        return to_json(list(report.disputes))
    return to_json([{report.group_by.value: name, "disputes": [d for _rank, d in ranked]}
                    for name, ranked in report.groups()])


def _contested_csv(report: ContestedReport) -> str:
    if report.group_by is None:
        return LISTING[OutputFormat.CSV](Listing(dispute_rows(report.disputes), DISPUTE_COLUMNS))
    rows = [{"group": name, **row} for name, ranked in report.groups()
            for row in dispute_rows([d for _rank, d in ranked],
                                    ranks=[rank for rank, _d in ranked])]
    return LISTING[OutputFormat.CSV](Listing(rows, ["group", *DISPUTE_COLUMNS]))


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
    "challenges",
    "verdicts_disagree",
]
"""The CSV columns of a dispute; ``challenges`` and ``verdicts_disagree`` (yes/no) are filled on
the claim's row only, as the table's "contested: N challenges, verdicts disagree" says."""


def dispute_rows(
    disputes: Sequence[Dispute], ranks: Sequence[int] | None = None
) -> list[dict[str, Any]]:
    """One row per side of each dispute: the claim first (with its challenge count and whether
    its verdicts disagree), then each response, then each claim it answers itself (side
    "answers"). ``ranks``: the disputes' numbers (default 1, 2, …)."""
    rows: list[dict[str, Any]] = []
    for number, dispute in zip(ranks or range(1, len(disputes) + 1), disputes, strict=True):
        rows.append({
            **_side_row(number, "claim", "", dispute.claim, dispute.verdicts),
            "challenges": dispute.claim.challenges,
            "verdicts_disagree": dispute.verdicts_disagree,
        })
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
        rows += [_side_row(number, "answers", answer.relation.value, answer.claim,
                           answer.verdicts) for answer in dispute.answers]
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


def _wrap(text: str, indent: str) -> list[str]:
    lines: list[str] = []
    for paragraph in f"“{text}”".splitlines() or [""]:
        lines += wrap(paragraph, WIDTH - cells(indent)) or [""]
    return [indent + line for line in lines]


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
            f"   ↳ {answer.relation.words} {answer.claim.id}  "
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
        lines += wrap(
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
    """Where the claim appeared, each with the passage quoted there (``--quote``); a source
    already shown for the dispute's claim is not named again, its quote still is."""
    lines: list[str] = []
    for a in claim.sources:
        if a.url not in skip:
            lines.append(f"{indent}source: {a.url}" + (f" ({a.outlet})" if a.outlet else ""))
        if a.quote:
            label = "quote: " if a.url not in skip else "quote (same source): "
            lines += wrap(f"{label}“{a.quote}”", WIDTH, initial_indent=indent,
                          subsequent_indent=indent + " " * len(label))
    return lines


def _verdicts(verdicts: Sequence[VerdictView], indent: str) -> list[str]:
    return [
        f"{indent}verdict: {verdict_text(v)}" + (f" {v.date}" if v.date else "") for v in verdicts
    ]


CONTESTED: dict[DocumentFormat, Callable[[ContestedReport], str]] = {
    DocumentFormat.TABLE: _contested_table,
    DocumentFormat.MARKDOWN: _contested_markdown,
    DocumentFormat.JSON: _contested_json,
    DocumentFormat.CSV: _contested_csv,
    DocumentFormat.HTML: lambda report: pages.contested_page(
        report.groups(), report.filters, grouped_by=report.group_by),
}
"""The contested-claims report in each format: a tree per dispute at the terminal, a section
per dispute in markdown, one row per side in CSV, the nested structure in JSON, a page in HTML."""

DISPUTE: dict[DocumentFormat, Callable[[Dispute], str]] = {
    DocumentFormat.TABLE: lambda dispute: visible(_tree(dispute)),
    DocumentFormat.MARKDOWN: lambda dispute: markdown.dispute_section(dispute, heading="#"),
    DocumentFormat.JSON: to_json,
    DocumentFormat.CSV: lambda dispute: LISTING[OutputFormat.CSV](
        Listing(dispute_rows([dispute]), DISPUTE_COLUMNS)
    ),
    DocumentFormat.HTML: pages.dispute_page,
}
"""One claim's dispute in each format."""
