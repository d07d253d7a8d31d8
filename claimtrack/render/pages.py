"""HTML pages people share: the contested report and one dispute (the other formats of these
documents are in claimtrack.render.disputes).

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
from claimtrack.core.enums import GroupBy, Relation
from claimtrack.core.views import Dispute, Response
from claimtrack.render.pieces import (
    claim_text,
    is_web_url,
    link,
    sources_list,
    time_tag,
    verdict_list,
    who,
)
from claimtrack.render.wording import dispute_state, plural, short, used_filters

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

def contested_page(
    groups: Sequence[tuple[str, Sequence[tuple[int, Dispute]]]],
    filters: Mapping[str, Any],
    *,
    grouped_by: GroupBy | None = None,
) -> str:
    """The contested-claims report as a standalone page: ``groups`` of (rank, dispute), one
    unnamed group when the report is not grouped."""
    disputes = list({id(d): d for _name, ranked in groups for _rank, d in ranked}.values())
    # A dispute listed under two tags gets its claim id as anchor once (what links point to).
    anchored: set[str] = set()
    sections = []
    for index, (name, ranked) in enumerate(groups, 1):
        entries = []
        for rank, dispute in ranked:
            claim_id = dispute.claim.id
            entries.append((rank, dispute,
                            f"{claim_id}-{index}" if claim_id in anchored else claim_id))
            anchored.add(claim_id)
        sections.append((name, entries))
    return _page(
        "contested.html.j2",
        title="Contested claims",
        groups=sections,
        disputes=disputes,
        grouped_by=grouped_by.value if grouped_by else None,
        on_page=_cards(sections),
        filters=used_filters(filters),
    )


def dispute_page(dispute: Dispute) -> str:
    """One claim's dispute as a standalone page."""
    return _page("dispute.html.j2", title=f"Dispute {dispute.claim.id}", dispute=dispute,
                 on_page=_cards([("", [(1, dispute, dispute.claim.id)])]))


def _cards(sections: Sequence[tuple[str, Sequence[tuple[int, Dispute, str]]]]) -> dict[str, str]:
    """Each claim shown on the page and the anchor of the card it is best read in: its own
    dispute's card, else the first card that shows it (as a response or supporter)."""
    found: dict[str, str] = {}
    shown: dict[str, str] = {}
    for _name, entries in sections:
        for _rank, dispute, anchor in entries:
            found.setdefault(dispute.claim.id, anchor)
            for response in dispute.responses:
                shown.setdefault(response.claim.id, anchor)
                for supporter in response.supporters:
                    shown.setdefault(supporter.claim.id, anchor)
    return {**shown, **found}


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


def new_environment(loader: BaseLoader) -> Environment:
    """A Jinja environment as claimtrack's pages want it (the reports and the web app alike):
    autoescape on, undefined names an error, only http(s) addresses as links, the wording
    filters and the dispute helpers."""
    from jinja2 import Environment, StrictUndefined

    environment = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # the templates ship in the package: no stat per page
    )
    environment.tests["web_url"] = is_web_url
    environment.filters.update(short=short, plural=plural)
    # Small pieces every page repeats are Python, not macros: a macro call costs several times
    # a function call, and a dispute page makes about a hundred of them.
    environment.globals.update(state=dispute_state, response_groups=response_groups,
                               when=time_tag, link=link, text=claim_text,
                               sources=sources_list, verdicts=verdict_list, who=who)
    return environment


@cache
def _environment() -> Environment:
    from jinja2 import PackageLoader

    return new_environment(PackageLoader("claimtrack.render", "templates"))
