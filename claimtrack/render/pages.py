"""Documents people share: the contested report and one dispute, in every DocumentFormat.

HTML pages come from the jinja2 templates in ``claimtrack/render/templates`` with autoescaping on:
claim text is hostile input and must show as text. A page is one self-contained file (CSS
inlined, no script, no external asset) whose Content-Security-Policy forbids loading or running
anything, so it opens offline, from a mail attachment or a shared folder alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from claimtrack import __version__
from claimtrack.core.enums import DocumentFormat, Relation
from claimtrack.core.views import Dispute, Response
from claimtrack.render.disputes import dispute_state, render_contested, render_dispute, used_filters
from claimtrack.render.wording import plural, short

if TYPE_CHECKING:
    from jinja2 import Environment

WEB_SCHEMES = ("http://", "https://")


def contested_document(
    disputes: Sequence[Dispute],
    fmt: DocumentFormat,
    *,
    filters: Mapping[str, Any],
) -> str:
    """The contested-claims report in ``fmt``; HTML is a standalone page."""
    rows_format = fmt.output_format
    if rows_format is not None:
        return render_contested(disputes, rows_format, filters=filters)
    return _page(
        "contested.html.j2",
        title="Contested claims",
        disputes=disputes,
        filters=used_filters(filters),
    )


def dispute_document(dispute: Dispute, fmt: DocumentFormat) -> str:
    """One claim's dispute in ``fmt``; HTML is a standalone page."""
    rows_format = fmt.output_format
    if rows_format is not None:
        return render_dispute(dispute, rows_format)
    title = f"Dispute {dispute.claim.id}"
    return _page("dispute.html.j2", title=title, dispute=dispute)


def is_web_url(value: object) -> bool:
    """True for http(s) addresses: only those become links (``urn:`` and the rest stay text)."""
    return isinstance(value, str) and value.lower().startswith(WEB_SCHEMES)


def response_groups(dispute: Dispute) -> list[tuple[Relation, list[Response]]]:
    """Responses grouped by relation, in the order the dispute lists them (challenges first)."""
    groups: dict[Relation, list[Response]] = {}
    for response in dispute.responses:
        groups.setdefault(response.relation, []).append(response)
    return list(groups.items())


def _page(template: str, **context: Any) -> str:
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return (
        _environment()
        .get_template(template)
        .render(generated_at=stamp, version=__version__, **context)
    )


@cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(
        loader=PackageLoader("claimtrack.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.tests["web_url"] = is_web_url
    environment.filters["short"] = short
    environment.filters["plural"] = plural
    environment.globals.update(state=dispute_state, response_groups=response_groups)
    return environment
