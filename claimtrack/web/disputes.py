"""Reading disputes: the contested list, one dispute, its timeline and its graph."""

from __future__ import annotations

import subprocess
from urllib.parse import urlencode

from starlette.responses import Response

from claimtrack.core.enums import GraphFormat, ReviewStatus
from claimtrack.core.errors import InvalidInput, NotFound
from claimtrack.render.graph import dispute_graph, render_graph
from claimtrack.services import claims, disputes, links, timeline
from claimtrack.services.filters import ClaimFilter
from claimtrack.web.cards import archive_notes
from claimtrack.web.handlers import Call, Refused, field_errors, route

PAGE_SIZE = 25
FILTERS = ("q", "tag", "speaker", "since", "until", "status")
FILTER_WORDS = {
    "since": ["--since"], "until": ["--until"], "speaker": ["speaker", "no actor is called"],
    "tag": ["tag"],
    "q": ["search"], "status": ["review stage"], "": ["page of this list"],
}
HISTORY_SHOWN = 30
DOT_TIMEOUT = 20


@route("/")
def contested(call: Call) -> Response:
    """The contested list: filters, a search box, counts and keyset pages."""
    chosen = chosen_filters(call)
    errors: dict[str, str] = {}
    found = None
    try:
        where, status = claim_filter(chosen)
        with call.read() as session:
            where.check(session)
            found = disputes.contested_page(session, where=where, status=status,
                                            matching=chosen["q"] or None,
                                            after=call.form.optional("after"), limit=PAGE_SIZE)
    except (InvalidInput, NotFound) as error:
        errors = field_errors(error, FILTER_WORDS)
    kept = {name: value for name, value in chosen.items() if value}
    next_page = None
    if found is not None and found.after:
        next_page = "/?" + urlencode({**kept, "after": found.after})
    return call.render("contested.html.j2", title="Contested claims", page=found, values=chosen,
                       errors=errors, next_page=next_page, is_first=not call.form.get("after"),
                       first_page="/?" + urlencode(kept), filtered=bool(kept),
                       status=400 if errors else 200)


def chosen_filters(call: Call) -> dict[str, str]:
    """The filters of a list of claims (the contested list, the Claims page) as typed."""
    return {name: call.form.get(name).strip() for name in FILTERS}


def claim_filter(chosen: dict[str, str]) -> tuple[ClaimFilter, ReviewStatus | None]:
    """The library's filter and review stage for ``chosen``; InvalidInput for a bad stage.
    (Check the speaker with ``ClaimFilter.check`` in the page's transaction.)"""
    where = ClaimFilter(speaker=chosen["speaker"] or None,
                        tags=(chosen["tag"],) if chosen["tag"] else (),
                        since=chosen["since"] or None, until=chosen["until"] or None)
    return where, _status(chosen["status"])


def _status(value: str) -> ReviewStatus | None:
    if not value:
        return None
    try:
        return ReviewStatus(value)
    except ValueError:
        raise InvalidInput(f"'{value}' is not a review stage; use draft, in-review or "
                           "published.") from None


@route("/claims/{claim_id}")
def dispute(call: Call) -> Response:
    """One dispute: the claim and its responses side by side, verdicts, sources, history."""
    return dispute_page(call, call.request.path_params["claim_id"])


def dispute_page(call: Call, claim_id: str, *, errors: dict[str, dict[str, str]] | None = None,
                 values: dict[str, dict[str, str]] | None = None, status: int = 200) -> Response:
    """The dispute page, with a form's errors and values when it is shown again."""
    with call.read() as session:
        claim, merged = claims.find_claim(session, claim_id)
        if merged is not None:
            return call.redirect(f"/claims/{claim.public_id}",
                                 f"Claim {merged} was merged into {claim.public_id}.")
        record = disputes.dispute_record(session, claim, history=HISTORY_SHOWN)
        version = claim.version
    return call.render("dispute.html.j2", title=f"Dispute {record.dispute.claim.id}",
                       errors=errors or {}, values=values or {}, status=status,
                       dispute=record.dispute, claim_version=version,
                       archive_note=archive_notes(record.sources, record.copies),
                       history=record.history)


@route("/claims/{claim_id}/links")
def claim_links(call: Call) -> Response:
    """Every link touching a claim, suggested and rejected ones too, to remove one."""
    with call.read() as session:
        claim = claims.get_claim(session, call.request.path_params["claim_id"])
        found = links.list_links(session, claim)
        claim_id = claim.public_id
    return call.render("links.html.j2", title=f"Links of {claim_id}", links=found,
                       claim_id=claim_id)


@route("/claims/{claim_id}/timeline")
def claim_timeline(call: Call) -> Response:
    with call.read() as session:
        claim = claims.get_claim(session, call.request.path_params["claim_id"])
        found = timeline.timeline_of(session, claim)
    return call.render("timeline.html.j2", title=f"Timeline of {found.claim.id}", timeline=found)


@route("/claims/{claim_id}/graph")
def claim_graph(call: Call) -> Response:
    """The dispute graph: an SVG drawn by Graphviz when it is installed, else Mermaid source."""
    claim_id = call.request.path_params["claim_id"]
    with call.read() as session:
        found = disputes.dispute_of(session, claims.get_claim(session, claim_id))
        among = disputes.links_among(session, [found])
    drawn = dispute_graph([found], among)
    mermaid = None if call.state.settings.dot else render_graph(drawn, GraphFormat.MERMAID)
    return call.render("graph.html.j2", title=f"Graph of {found.claim.id}", claim=found.claim,
                       mermaid=mermaid, nodes=len(drawn.nodes), edges=len(drawn.edges))


@route("/claims/{claim_id}/graph.svg")
def claim_graph_svg(call: Call) -> Response:
    """The SVG itself, loaded as an image (an image cannot run anything inside it)."""
    dot = call.state.settings.dot
    if dot is None:
        raise NotFound("Graphviz is not installed on the server; the page shows Mermaid source.")
    with call.read() as session:
        found = disputes.dispute_of(
            session, claims.get_claim(session, call.request.path_params["claim_id"]))
        among = disputes.links_among(session, [found])
    source = render_graph(dispute_graph([found], among), GraphFormat.DOT)
    try:
        drawn = subprocess.run([dot, "-Tsvg"], input=source.encode(), capture_output=True,
                               timeout=DOT_TIMEOUT, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        raise Refused(503, "Graphviz could not draw this graph; download the DOT source "
                      "instead.") from None
    return Response(drawn, media_type="image/svg+xml",
                    headers={"cache-control": "no-store",
                             "content-security-policy": "default-src 'none'"})


ROUTES = [contested, dispute, claim_links, claim_timeline, claim_graph, claim_graph_svg]
