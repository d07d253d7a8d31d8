"""The dispute page's responses, drawn in Python: each response is one call where the macro
it replaced cost a few dozen (a page lists every response and its supporters). Values are
escaped by the pieces used here; the result is Markup."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

from claimtrack.core.views import Response, SourceView
from claimtrack.render.pieces import claim_text, link, sources_list, time_tag, verdict_list
from claimtrack.web.fields import status_badge


def response_list(items: Sequence[Response], archived: Mapping[str, SourceView]) -> Markup:
    """The ``<li>`` of each response: who said it and when, its id and stage, its words, the
    link's note and source, its pages and verdicts, and the claims supporting it."""
    return Markup("".join(_item(item, archived) for item in items))


def _item(item: Response, archived: Mapping[str, SourceView]) -> str:
    claim = item.claim
    key = escape(claim.id)
    parts = [
        '<li class="response">\n<p class="who"><strong class="speaker">',
        escape(claim.speaker or "Unattributed"), "</strong> · ", time_tag(claim.date),
        f' · <a href="/claims/{key}"><code>{key}</code></a> · ', status_badge(claim.status),
        "</p>\n", claim_text(claim), "\n",
    ]
    if item.note:
        parts.append(f'<p class="note">Note: {escape(item.note)}</p>\n')
    if item.own_source:
        parts.append(f'<p class="via">Link source: {link(item.own_source)}</p>\n')
    if claim.sources:
        parts.append(sources_list(claim.sources, archived))
    if item.verdicts:
        parts.append(verdict_list(item.verdicts, with_status=True))
    if item.supporters:
        parts.append('<div class="supporters"><p class="sub">Supported by</p>\n'
                     f'<ul class="responses">{response_list(item.supporters, archived)}</ul>'
                     '</div>\n')
    parts.append("</li>\n")
    return "".join(parts)
