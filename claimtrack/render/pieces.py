"""The small HTML pieces every page repeats, in Python: a date, a link, a claim's words, a
claim's sources and its verdicts. Each is one call from a template where a Jinja macro costs a
dozen (a dispute page draws about a hundred of them). Every value is escaped here, as
autoescaping would; the result is Markup so the template leaves it alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from claimtrack.core.views import AppearanceView, ClaimView, VerdictView
from claimtrack.render.wording import UNATTRIBUTED

WEB_SCHEMES = ("http://", "https://")


def is_web_url(value: object) -> bool:
    """True for http(s) addresses: only those become links (``urn:`` and the rest stay text)."""
    return isinstance(value, str) and value.lower().startswith(WEB_SCHEMES)


def time_tag(date: dt.date | None) -> Markup:
    """A date as ``<time>``, or "undated"."""
    if not date:
        return Markup('<span class="undated">undated</span>')
    iso = date.isoformat()
    return Markup(f'<time datetime="{iso}">{iso}</time>')


def stamp(value: dt.date | dt.datetime | None) -> str:
    """A date, or a moment to the minute (stored in UTC), as text."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()


def who(name: str | None) -> Markup:
    """A speaker's (or reviewer's) name isolated from the text around it, so that an Arabic
    or Hebrew name does not reorder the date or id after it; ``UNATTRIBUTED`` when none."""
    return Markup(f"<bdi>{escape(name)}</bdi>") if name else escape(UNATTRIBUTED)


def link(url: str, label: str | None = None) -> Markup:
    """A web address as a link (to a new context, no referrer); anything else as text."""
    if is_web_url(url):
        return Markup(f'<a href="{escape(url)}" rel="noopener noreferrer">'
                      f'{escape(label or url)}</a>')
    return Markup(f'<span class="reference">{escape(url)}</span>')


def claim_text(claim: ClaimView) -> Markup:
    """A claim's words, verbatim, in their language and direction."""
    language = f' lang="{escape(claim.language)}"' if claim.language else ""
    return Markup(f'<blockquote class="text"{language} dir="auto">{escape(claim.text)}'
                  '</blockquote>')


def sources_list(appearances: Sequence[AppearanceView],
                 note: Callable[[str], str] | None = None) -> Markup:
    """The pages a claim appeared on: title, outlet, link, when seen, the passage quoted;
    ``note`` adds what is known of each page's archived copies (the web app's dispute page),
    given the page's URL, as markup."""
    if not appearances:
        return Markup("")
    items = []
    for source in appearances:
        parts = []
        if source.title:
            parts.append(f"<cite>{escape(source.title)}</cite>, ")
        if source.outlet:
            parts.append(f"{escape(source.outlet)}: ")
        parts.append(link(source.url))
        if source.seen:
            parts.append(f", seen {time_tag(source.seen)}")
        if note is not None:
            parts.append(note(source.url))
        if source.quote:
            parts.append(f'\n<blockquote class="quote" dir="auto">{escape(source.quote)}'
                         '</blockquote>')
        items.append(f"<li>{''.join(parts)}\n</li>\n")
    return Markup(f'<ul class="sources" aria-label="Sources">\n{"".join(items)}</ul>\n')


def verdict_list(verdicts: Sequence[VerdictView], *, with_status: bool = False) -> Markup:
    """Verdict badges: who rated, the label verbatim, its reading, date and link to the check;
    ``with_status``: each verdict's review stage and explanation too (the desk's page)."""
    if not verdicts:
        return Markup("")
    items = []
    for verdict in verdicts:
        reading = verdict.normalized.value
        parts = [f'<li class="badge rating-{reading}">{who(verdict.by)}: '
                 f"<strong>{escape(verdict.rating)}</strong> ({reading})"]
        if verdict.date:
            parts.append(f", {time_tag(verdict.date)}")
        if verdict.url:
            parts.append(f", {link(verdict.url, 'the check')}")
        if with_status:
            parts.append(f" · {verdict.status.value}")
            if verdict.explanation:
                said = escape(verdict.explanation)
                parts.append(f' <span class="explanation" dir="auto">({said})</span>')
        items.append("".join(parts) + "</li>\n")
    return Markup(f'<ul class="verdicts" aria-label="Verdicts">\n{"".join(items)}</ul>\n')
