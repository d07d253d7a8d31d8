"""The review queue: suggested duplicates to confirm, reject or merge, and claims in review."""

from __future__ import annotations

from starlette.responses import Response

from claimtrack.core.enums import LinkStatus, ReviewStatus, Role
from claimtrack.core.errors import InvalidInput
from claimtrack.core.wording import plural
from claimtrack.services import claims, dedupe, links, merges
from claimtrack.web import paging
from claimtrack.web.handlers import Call, Refused, field_errors, route

SHOWN = 50


@route("/review")
def review_queue(call: Call) -> Response:
    return _queue(call, {})


def _queue(call: Call, errors: dict[str, str], status: int = 200) -> Response:
    """The most likely duplicates first, ``SHOWN`` a page (``?page=2``…), and the claims in
    review."""
    page = call.form.get("page")
    number = paging.page_number(page, deepest=None)  # the queue is read a page at a time
    start = (number - 1) * SHOWN
    with call.read() as session:
        waiting = dedupe.pending_count(session)
        suggestions = dedupe.pending(session, limit=SHOWN, offset=start)
        in_review = claims.list_claims(session, status=ReviewStatus.IN_REVIEW, limit=SHOWN)
    return call.render("review.html.j2", title="Review queue",
                       suggestions=suggestions, waiting=waiting,
                       first=start + 1, page=number,
                       next_page=number + 1 if start + SHOWN < waiting else None,
                       in_review=in_review, errors=errors, status=status,
                       values={"since": call.form.get("since")})


@route("/review/links/{link_id:int}", methods=("POST",), role=Role.CHECKER,
       doing="confirm or reject suggestions")
def decide(call: Call) -> Response:
    """Confirm or reject a suggested link."""
    decision = {"confirm": LinkStatus.CONFIRMED, "reject": LinkStatus.REJECTED}.get(
        call.form.get("decision"))
    if decision is None:
        raise InvalidInput("Say confirm or reject.")
    link_id = call.request.path_params["link_id"]
    with call.write(f"link {call.form.get('decision')}") as session:
        link = links.get_link(session, link_id)
        links.check_shown(link, call.form.get("shown"), "suggestion", "Reload the review queue.")
        said = links.reads(link)
        before = link.status
        # The page showed a suggestion: a decision taken since (another tab, a colleague, the
        # Back button) is not overridden by this older page. The same decision again is fine.
        if before != decision:
            links.check_status_shown(session, link, call.form.get("status"),
                                     "since you opened the queue", "Reload the queue.")
        if before == LinkStatus.CONFIRMED and decision != before:
            # Undoing an established link removes a challenge: that is a deletion, an
            # editor's call, made from the claim's links page.
            raise Refused(403, f"Link {link_id} is confirmed, not a suggestion, so it is not "
                          "decided here; nothing was changed. An editor can remove it from "
                          "the claim's links page.")
        links.set_link_status(session, link, decision)
    message = (f"Link {link_id} ({said}) was already {decision}." if before == decision
               else f"Link {link_id} ({said}) is now {decision}.")
    return call.redirect("/review", message)


@route("/review/merge", methods=("POST",), role=Role.EDITOR, doing="merge claims")
def merge(call: Call) -> Response:
    """Merge a duplicate into the claim it repeats (an editor's call: one claim goes)."""
    with call.write("claim merge") as session:
        result = merges.merge_by_id(session, call.form.get("keep"), call.form.get("drop"))
    return call.redirect("/review", f"Merged {result.drop} into {result.keep}; "
                         f"{result.drop} now leads to {result.keep}.")


@route("/review/dedupe", methods=("POST",), role=Role.CHECKER,
       doing="look for duplicates")
def look_for_duplicates(call: Call) -> Response:
    """Scan claims logged since a day (all of them when empty) for likely duplicates."""
    since = call.form.get("since") or None
    try:
        with call.write("dedupe") as session:
            result = dedupe.dedupe(session, logged_since=since, newest=WEB_SCAN)
            logged = dedupe.count_claims(session, since)
    except InvalidInput as error:
        return _queue(call, field_errors(error, {"since": ["date"]}), status=400)
    scanned = (plural(result.scanned, "claim") if result.scanned >= logged
               else f"the {result.scanned:,} newest of {plural(logged, 'claim')} (a later "
                    "date looks at fewer; older ones wait for the desk's nightly scan)")
    return call.redirect("/review", f"Looked through {scanned} for duplicates: "
                         f"{plural(result.suggested, 'new suggestion')} recorded.")


# Claims one click scans at most: each is compared with the whole database, so a click on a
# large database would otherwise run for minutes with nobody told.
WEB_SCAN = 1_000


ROUTES = [review_queue, decide, merge, look_for_duplicates]
