"""The dispute page's responses and the claims it answers in turn, drawn in Python: each is
one call where the macro it replaced cost a few dozen (a page lists every response and its
supporters); and what the page says of each source's archived copies. Values are escaped
here or by the pieces used; the result is Markup."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from urllib.parse import quote

from markupsafe import Markup, escape

from claimtrack.core.views import ArchiveView, Response, SourceView
from claimtrack.core.wording import plural
from claimtrack.render.pieces import (
    claim_text,
    is_web_url,
    link,
    sources_list,
    stamp,
    time_tag,
    verdict_list,
    who,
)
from claimtrack.render.wording import short
from claimtrack.web.fields import says, status_badge
from claimtrack.web.wording import note_for_web

Note = Callable[[str], str]


def archive_notes(records: Mapping[str, SourceView], copies: Mapping[str, ArchiveView]) -> Note:
    """What to say after each source's link: the copy claimtrack keeps (a download), the
    archive's address the source records, when each was retrieved; or that there is none."""

    def note(url: str) -> str:
        said = []
        copy, record = copies.get(url), records.get(url)
        if copy is not None:
            said.append(f' · <a href="/sources/archived?url={escape(quote(url, safe=""))}" '
                        f'class="archived" download>copy kept here</a> (retrieved '
                        f"{escape(stamp(copy.retrieved_at))}, HTTP {copy.status})")
        if record is not None and record.archive_url:
            retrieved = (f" (retrieved {escape(stamp(record.retrieved_at))})"
                         if record.retrieved_at else "")
            said.append(f" · {_archived_copy(record.archive_url)}{retrieved}")
        elif record is not None and record.retrieved_at and copy is None:
            said.append(f" · retrieved {escape(stamp(record.retrieved_at))}")
        return "".join(said) or ' · <span class="muted">no archived copy yet</span>'

    return note


def _archived_copy(address: str) -> str:
    """The archive's address a source records: a link for http(s) only, else its text."""
    if is_web_url(address):
        return (f'<a href="{escape(address)}" rel="noopener noreferrer" class="archived">'
                "archived copy</a>")
    return f'archived copy: <span class="reference">{escape(address)}</span>'


def response_list(items: Sequence[Response], note: Note) -> Markup:
    """The ``<li>`` of each response: who said it and when, its id and stage, its words, the
    link's note and source, its pages (``note``: what is archived of each) and verdicts, and
    the claims supporting it."""
    return Markup("".join(_item(item, note) for item in items))


def answer_list(answers: Sequence[Response]) -> Markup:
    """The ``<li>`` of each claim this one answers in turn: how, which (a link), whose words."""
    return Markup("".join(
        f'<li>{says(answer.relation)} <a href="/claims/{escape(answer.claim.id)}"><code>'
        f"{escape(answer.claim.id)}</code></a>, {who(answer.claim.speaker)}: "
        f"{escape(short(answer.claim.headline))}</li>" for answer in answers))


def _challenged(count: int) -> str:
    """A response that is itself challenged says so: evidence someone denies is not settled."""
    if not count:
        return ""
    return f' · <span class="state contested">contested: {plural(count, "challenge")}</span>'


def _item(item: Response, note: Note) -> str:
    claim = item.claim
    key = escape(claim.id)
    parts = [
        '<li class="response">\n<p class="who"><strong class="speaker">',
        who(claim.speaker), "</strong> · ", time_tag(claim.date),
        f' · <a href="/claims/{key}"><code>{key}</code></a> · ', status_badge(claim.status),
        _challenged(claim.challenges), "</p>\n", claim_text(claim), "\n",
    ]
    if item.note:
        parts.append(f'<p class="note">Note: {escape(note_for_web(item.note))}</p>\n')
    if item.own_source:
        parts.append(f'<p class="via">Link source: {link(item.own_source)}</p>\n')
    if claim.sources:
        parts.append(sources_list(claim.sources, note))
    if item.verdicts:
        parts.append(verdict_list(item.verdicts, with_status=True))
    if item.supporters:
        parts.append('<div class="supporters"><p class="sub">Supported by</p>\n'
                     f'<ul class="responses">{response_list(item.supporters, note)}</ul>'
                     '</div>\n')
    parts.append("</li>\n")
    return "".join(parts)
