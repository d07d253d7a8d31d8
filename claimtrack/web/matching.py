"""Have we seen this? Paste a text, see the claims most likely to be the same claim, and log
it linked to one of them in one click."""

from __future__ import annotations

from starlette.responses import Response

from claimtrack.core.enums import Relation, Role
from claimtrack.core.errors import InvalidInput, NotFound
from claimtrack.services import claims, links, search
from claimtrack.web.claims import CLAIM_FIELDS
from claimtrack.web.handlers import Call, field_errors, route

SHOWN = 10
# The one-click buttons under a match: "the same claim" first, then challenges, then the rest.
CHOICES = (Relation.SAME_AS, Relation.DENIES, Relation.CONTRADICTS, Relation.EVADES,
           Relation.SUPPORTS, Relation.RESPONDS_TO)


@route("/match")
def match(call: Call) -> Response:
    """The form, and the ranked matches for its text (a GET: matching changes nothing)."""
    values = {name: call.form.get(name) for name in ("text", "speaker", "date", "source")}
    return _page(call, values, {})


def _page(call: Call, values: dict[str, str], errors: dict[str, str],
          status: int = 200) -> Response:
    hits = None
    if values["text"].strip():
        try:
            with call.read() as session:
                hits = search.match(session, values["text"], limit=SHOWN)
        except InvalidInput as error:
            errors = {**field_errors(error, {"text": ["text", "words"]}), **errors}
            status = 400
    return call.render("match.html.j2", title="Have we seen this?", values=values, hits=hits,
                       errors=errors, status=status, threshold=search.SUGGEST_THRESHOLD,
                       choices=CHOICES)


@route("/match/link", methods=("POST",), role=Role.CHECKER, doing="log and link claims")
def log_and_link(call: Call) -> Response:
    """Log the pasted text as a claim, linked to the match chosen with the relation chosen."""
    values = {name: call.form.get(name) for name in ("text", "speaker", "date", "source")}
    try:
        try:
            relation = Relation(call.form.get("relation"))
        except ValueError:
            raise InvalidInput("Pick how the text relates to the match.") from None
        with call.write("match: claim add + link add") as session:
            target = claims.get_claim(session, call.form.get("target"))
            logged = links.logged_answer(session, target, relation, values["text"],
                                         values["speaker"] or None, values["date"] or None,
                                         values["source"] or None)
            if logged is not None:  # sent twice (back, click again): nothing to add
                return call.redirect(f"/claims/{logged.public_id}",
                                     f"Already logged: {logged.public_id} {relation} "
                                     f"{target.public_id}; nothing was added.")
            claim = claims.add_claim(session, text=values["text"],
                                     speaker=values["speaker"] or None,
                                     said_on=values["date"] or None,
                                     source_url=values["source"] or None)
            links.add_link(session, claim, relation, target)
            said = f"{claim.public_id} {relation} {target.public_id}"
            claim_id = claim.public_id
    except (InvalidInput, NotFound) as error:
        return _page(call, values, field_errors(error, CLAIM_FIELDS), status=400)
    return call.redirect(f"/claims/{claim_id}", f"Logged and linked: {said}.")


ROUTES = [match, log_and_link]
