"""One claim's record (``CLAIM``) and one source with the claims seen in it (``SOURCE``), in
every OutputFormat: each table maps a format to the function that writes it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimtrack.core.enums import OutputFormat
from claimtrack.core.serial import plain, to_json
from claimtrack.core.views import ClaimDetails, SourceDetails, SourceView, VerdictView
from claimtrack.render.rows import LISTING, Listing, titled


def _fields(details: ClaimDetails) -> dict[str, Any]:
    claim = details.claim
    return {
        "id": claim.id,
        "text": claim.text,
        "speaker": claim.speaker,
        "date": claim.date,
        "summary": claim.summary,
        "language": claim.language,
        "tags": list(claim.tags),
        "challenges": claim.challenges,
        "status": claim.status,
        "created_at": claim.created_at,
        "updated_at": claim.updated_at,
    }


def verdict_row(verdict: VerdictView) -> dict[str, Any]:
    """A verdict as one flat row."""
    return {
        "id": verdict.id,
        "by": verdict.by,
        "author": verdict.author,  # the person who wrote it for the reviewer (a byline)
        "rating": verdict.rating,
        "normalized": verdict.normalized,
        "date": verdict.date,
        "url": verdict.url,
    }


def _claim_sections(fmt: OutputFormat) -> Callable[[ClaimDetails], str]:
    """The terminal or markdown record: fields, then sources, links and verdicts."""

    def render(details: ClaimDetails) -> str:
        fields = Listing([{"field": k, "value": v} for k, v in _fields(details).items()])
        parts = [
            ("Sources", Listing([
                {"url": a.url, "outlet": a.outlet, "quote": a.quote, "seen": a.seen}
                for a in details.claim.sources
            ])),
            ("Links", Listing([
                {"id": link.id, "from": link.from_claim, "relation": link.relation,
                 "to": link.to_claim, "status": link.status, "note": link.note}
                for link in details.links
            ])),
            ("Verdicts", Listing([verdict_row(v) for v in details.verdicts])),
        ]
        return "\n\n".join([LISTING[fmt](fields), *titled(parts, fmt)])

    return render


def _claim_json(details: ClaimDetails) -> str:
    return to_json(
        {**plain(details.claim), "links": plain(details.links),
         "verdicts": plain(details.verdicts)}
    )


CLAIM: dict[OutputFormat, Callable[[ClaimDetails], str]] = {
    OutputFormat.TABLE: _claim_sections(OutputFormat.TABLE),
    OutputFormat.MARKDOWN: _claim_sections(OutputFormat.MARKDOWN),
    OutputFormat.JSON: _claim_json,
    OutputFormat.CSV: lambda details: LISTING[OutputFormat.CSV](Listing([_fields(details)])),
}
"""A claim's record: fields, sources, links and verdicts (CSV: the fields, one row)."""


def source_row(view: SourceView) -> dict[str, Any]:
    """A source as one flat row."""
    return {
        "url": view.url,
        "title": view.title,
        "outlet": view.outlet,
        "published": view.published,
        "claims": view.claims,
    }


def _quoted(details: SourceDetails) -> Listing:
    return Listing(
        [{"claim": q.claim.id, "speaker": q.claim.speaker, "date": q.claim.date,
          "quote": q.quote} for q in details.claims],
        columns=["claim", "speaker", "date", "quote"],
    )


def _archived(details: SourceDetails) -> Listing:
    """When the page was archived, and what came back each time (newest first)."""
    return Listing(
        [{"archived": a.retrieved_at.strftime("%Y-%m-%d %H:%M UTC"), "status": a.status,
          "content_type": a.content_type, "size": a.size, "sha256": a.sha256[:16] + "…",
          "final_url": a.final_url} for a in details.archives],
        columns=["archived", "status", "content_type", "size", "sha256", "final_url"],
    )


def _source_tables(fmt: OutputFormat) -> Callable[[SourceDetails], str]:
    def render(details: SourceDetails) -> str:
        tables = [LISTING[fmt](Listing([source_row(details.source)])),
                  LISTING[fmt](_quoted(details)),
                  LISTING[fmt](_archived(details))]
        return "\n\n".join(table for table in tables if table)

    return render


SOURCE: dict[OutputFormat, Callable[[SourceDetails], str]] = {
    OutputFormat.TABLE: _source_tables(OutputFormat.TABLE),
    OutputFormat.MARKDOWN: _source_tables(OutputFormat.MARKDOWN),
    OutputFormat.JSON: lambda details: to_json(
        {"source": details.source,
         "claims": [{"claim": q.claim, "quote": q.quote} for q in details.claims],
         "archives": list(details.archives)}
    ),
    OutputFormat.CSV: lambda details: LISTING[OutputFormat.CSV](_quoted(details)),
}
"""A source's details and the claims quoted from it (CSV: the claims, one a row)."""
