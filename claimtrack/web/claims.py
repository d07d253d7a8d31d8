"""Writing: add and edit claims, link them, add verdicts, move them through review, delete.

Roles (checked on the server, whatever the page showed): checkers write drafts, links and
verdicts; publishing, changing what is published and deleting need an editor.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import JSONResponse, Response

from claimtrack.core.enums import Rating, Relation, ReviewStatus, Role
from claimtrack.core.errors import Conflict, InvalidInput, NotFound
from claimtrack.core.values import name_key, not_a_choice
from claimtrack.models import Claim, Verdict
from claimtrack.models.history import HistoryEntry
from claimtrack.services import actors, claims, links, ratings, review, verdicts
from claimtrack.services.filters import closest_names as closest_actors
from claimtrack.web.disputes import dispute_page
from claimtrack.web.handlers import Call, error_text, field_errors, route

CLAIM_FIELDS = {
    "summary": ["summary"], "date": ["claim's date", "calendar", "in the future"],
    "language": ["language"], "tags": ["tag"], "quote": ["quote"],
    "source": ["web address", "url", "port", "credentials"],
    "speaker": ["actor name", "names the actor"], "text": ["claim text"],
}
LINK_FIELDS = {"other": ["claim id", "other claim's id", "too short", "matches several",
                         "start with", "not found", "itself"],
               "relation": ["relation"], "note": ["note"], "source": ["web address", "url"]}
VERDICT_FIELDS = {"rating": ["rating label"], "by": ["actor name"], "url": ["web address", "url"],
                  "date": ["review date"], "explanation": ["explanation"]}
SUGGESTIONS = 10
# The box that says a new name is meant, though close to an actor's: create that actor.
NEW_ACTOR = "new_actor"


def _claim_form_values(call: Call) -> dict[str, str]:
    return {name: call.form.get(name) for name in
            ("text", "speaker", "date", "summary", "language", "tags", "source", "quote",
             "version", NEW_ACTOR)}


class _NearName(InvalidInput):
    """A name no actor has, close to one an actor has: refused once, in case it is a typo."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def _near_name_checked(call: Call, session: Session, name: str, field: str,
                       role: str) -> None:
    """Refuse a new actor's ``name`` (for the form's ``field``, a speaker or reviewer) that is
    close to an actor's name or alias, unless the form's box says to create it: a misspelling
    would otherwise make a near-duplicate actor without a word."""
    if not name.strip() or call.form.get(NEW_ACTOR) == "yes":
        return
    if actors.find_actor(session, name) is not None:
        return
    near = closest_actors(session, name_key(name))
    if near:
        raise _NearName(f"No actor is called '{name.strip()}'.{near} Correct the name, or tick "
                        f"“Create a new {role}” to add it as a new actor.", field)


def _errors(error: InvalidInput | Conflict, fields: dict[str, list[str]]) -> dict[str, str]:
    """A form's errors: a near name beside its field, the rest as ``field_errors`` finds."""
    if isinstance(error, _NearName):
        return {error.field: error_text(error)}
    return field_errors(error, fields)


def _tags(value: str) -> list[str]:
    return [tag for tag in (part.strip() for part in value.split(",")) if tag]


@route("/claims/new", role=Role.CHECKER, doing="add claims")
def new_claim_form(call: Call) -> Response:
    return call.render("claim_form.html.j2", title="Add a claim", action="/claims/new",
                       values={"language": "en", "text": call.form.get("text")}, errors={},
                       editing=False)


@route("/claims/new", methods=("POST",), role=Role.CHECKER, doing="add claims")
def add_claim(call: Call) -> Response:
    values = _claim_form_values(call)
    try:
        with call.write("claim add") as session:
            _near_name_checked(call, session, values["speaker"], "speaker", "speaker")
            claim = claims.add_claim(
                session, text=values["text"], speaker=values["speaker"] or None,
                said_on=values["date"] or None, summary=values["summary"] or None,
                language=values["language"] or None, tags=_tags(values["tags"]),
                source_url=values["source"] or None, quote=values["quote"] or None)
            claim_id = claim.public_id
    except (InvalidInput, Conflict) as error:
        # A conflict (the same claim is recorded already) is about the form as a whole; the
        # form is shown again with what was typed.
        invalid = isinstance(error, InvalidInput)
        return call.render("claim_form.html.j2", title="Add a claim", action="/claims/new",
                           values=values, errors=_errors(error, CLAIM_FIELDS if invalid
                                                         else {}),
                           editing=False, status=400 if invalid else 409,
                           offer_new_actor=isinstance(error, _NearName))
    return call.redirect(f"/claims/{claim_id}", f"Added claim {claim_id}.")


@route("/claims/{claim_id}/edit")
def edit_claim_form(call: Call) -> Response:
    call.require(Role.CHECKER, "edit claims")
    with call.read() as session:
        claim = claims.get_claim(session, call.request.path_params["claim_id"])
        _may_change(call, claim)  # the form only to those who may save it
        view = claims.claim_view(claim)
        values = {"text": view.text, "speaker": view.speaker or "",
                  "date": view.date.isoformat() if view.date else "",
                  "summary": view.summary or "", "language": view.language or "",
                  "tags": ", ".join(view.tags), "version": str(claim.version)}
    return call.render("claim_form.html.j2", title=f"Edit claim {view.id}",
                       action=f"/claims/{view.id}/edit", values=values, errors={}, editing=True,
                       claim_id=view.id)


@route("/claims/{claim_id}/edit", methods=("POST",), role=Role.CHECKER, doing="edit claims")
def edit_claim(call: Call) -> Response:
    claim_id = call.request.path_params["claim_id"]
    values = _claim_form_values(call)
    try:
        opened = _opened_version(values["version"])
        with call.write("claim edit") as session:
            claim = claims.get_claim(session, claim_id)
            _may_change(call, claim)
            _near_name_checked(call, session, values["speaker"], "speaker", "speaker")
            version = claim.version
            # The version the form was opened with: a stale one is a conflict, never a lost
            # update (and a change between this check and the flush is one too: StaleDataError)
            # unless the claim already is as the form says (the same edit sent again).
            if version == opened:
                changed = _edit(session, claim, values)
            else:
                # said as it is now, before the edit tried below changes it
                conflict = Conflict(_changed_since(session, claim, opened, call.user.name))
                try:
                    changed = _edit(session, claim, values)
                except (InvalidInput, Conflict):
                    changed = True  # not what is stored, then
                if changed:  # rolled back: nothing of it is written
                    raise conflict
            claim_id = claim.public_id
    except (InvalidInput, Conflict) as error:
        # A conflict (the version, or a write that raced ours) is about the form as a whole:
        # the form again with what was typed and the claim's current version, so that saving
        # it now, having seen the conflict, replaces what changed. An unreadable version too.
        invalid = isinstance(error, InvalidInput) and not isinstance(error, _VersionUnreadable)
        if not invalid:
            with call.read() as session:
                values["version"] = str(claims.get_claim(session, claim_id).version)
        return call.render("claim_form.html.j2", title=f"Edit claim {claim_id}",
                           action=f"/claims/{claim_id}/edit", values=values,
                           errors=_errors(error, CLAIM_FIELDS if invalid else {}),
                           editing=True, claim_id=claim_id,
                           status=409 if isinstance(error, Conflict) else 400,
                           offer_new_actor=isinstance(error, _NearName))
    if version != opened:
        return call.redirect(f"/claims/{claim_id}", f"Already saved: claim {claim_id} already "
                             "reads as you sent it, so nothing was changed.")
    return call.redirect(f"/claims/{claim_id}", f"Updated claim {claim_id}." if changed
                         else f"Nothing changed: claim {claim_id} is as it was.")


class _VersionUnreadable(InvalidInput):
    """The edit form sent no version of the claim, or one that is not a number."""


def _opened_version(sent: str) -> int:
    """The version the edit form was opened with (its hidden field)."""
    sent = sent.strip()
    if not sent:
        raise _VersionUnreadable(
            "The form did not say which version of the claim it was opened on, so nothing was "
            "saved; check what you typed against the claim and save again.")
    if not (sent.isascii() and sent.isdigit()):
        raise _VersionUnreadable(
            f"The form's version of the claim ('{sent[:20]}') is not a number, so nothing was "
            "saved; check what you typed against the claim and save again.")
    return int(sent)


def _edit(session: Session, claim: Claim, values: dict[str, str]) -> bool:
    """Edit ``claim`` as the form says; False when that changes nothing."""
    version = claim.version
    wanted = _tags(values["tags"])
    claims.edit_claim(
        session, claim, text=values["text"], speaker=values["speaker"],
        said_on=values["date"], summary=values["summary"], language=values["language"],
        add_tags=wanted, remove_tags=[t for t in claim.tag_names
                                      if t not in {_tag_key(w) for w in wanted}])
    if values["quote"].strip() and not values["source"].strip():
        raise InvalidInput("Give the URL of the page the passage is from, or leave the "
                           "passage empty.")
    pages = claims.claim_view(claim).sources
    if values["source"].strip():  # another page where it appeared, with its passage
        # the form edits the record: a passage typed for a page replaces the one
        # recorded there, and the notice shows the old one (the history keeps it)
        claims.add_appearance(session, claim, values["source"],
                              quote=values["quote"] or None, replace_quote=True)
    return claim.version != version or claims.claim_view(claim).sources != pages


def _changed_since(session: Session, claim: Claim, opened: int, user: str) -> str:
    """Why an edit from a form opened on version ``opened`` was not saved, saying who changed
    the claim since when the history tells (the latest changes of the claim, one a version)."""
    newer = max(claim.version - opened, 0)
    who = set(session.scalars(
        select(HistoryEntry.user_name)
        .where(HistoryEntry.entity == "claim", HistoryEntry.entity_key == claim.public_id,
               HistoryEntry.action != "create")
        .order_by(HistoryEntry.id.desc()).limit(newer))) if newer else set()
    by = (" by you (in another window, or an earlier save)" if who == {user}
          else " by someone else" if who and user not in who else "")
    return (f"Claim {claim.public_id} was changed{by} since you opened this form (version "
            f"{opened}, now {claim.version}), so your changes were not saved; the form below "
            "keeps what you typed: compare it with the claim (its history shows what changed) "
            "and save again to replace those changes.")


def _tag_key(tag: str) -> str:
    return " ".join(tag.split()).casefold()


def _may_change(call: Call, record: Claim | Verdict) -> None:
    """Published material is the editors': checkers change drafts and records in review."""
    if record.status == ReviewStatus.PUBLISHED:
        call.require(Role.EDITOR, f"edit a published {_kind(record)}")


@route("/claims/{claim_id}/delete")
def delete_claim_form(call: Call) -> Response:
    call.require(Role.EDITOR, "delete claims")
    with call.read() as session:
        details = claims.describe_claim(session, call.request.path_params["claim_id"])
    return call.render("delete.html.j2", title=f"Delete claim {details.claim.id}",
                       details=details, in_the_way=False)


@route("/claims/{claim_id}/delete", methods=("POST",), role=Role.EDITOR,
       doing="delete claims")
def delete_claim(call: Call) -> Response:
    try:
        with call.write("claim rm") as session:
            claim = claims.get_claim(session, call.request.path_params["claim_id"])
            removed = claim.public_id
            claims.remove_claim(session, claim, cascade=call.form.get("cascade") == "yes")
    except Conflict:
        if call.form.get("cascade") == "yes":
            raise  # not links in the way, then: a change that raced this one
        # Links and verdicts are in the way (suggested and rejected links too): the form
        # again, offering to delete them with the claim.
        with call.read() as session:
            details = claims.describe_claim(session, call.request.path_params["claim_id"])
        return call.render("delete.html.j2", title=f"Delete claim {details.claim.id}",
                           details=details, status=409, in_the_way=True)
    return call.redirect("/", f"Removed claim {removed}.")


@route("/claims/{claim_id}/status", methods=("POST",), role=Role.CHECKER,
       doing="change a review status")
def claim_status(call: Call) -> Response:
    claim_id = call.request.path_params["claim_id"]
    status = _stage(call)
    try:
        with call.write("claim status") as session:
            claim = claims.get_claim(session, claim_id)
            _may_move(call, claim, status)
            moved = review.move(claim, status)
            claim_id = claim.public_id
    except InvalidInput as error:
        return dispute_page(call, claim_id, errors={"status": field_errors(error, {})},
                            status=400)
    return call.redirect(f"/claims/{claim_id}", f"Claim {claim_id} is now {status}."
                         if moved else f"Claim {claim_id} was already {status}.")


def _stage(call: Call) -> ReviewStatus:
    """The review stage the form asks for."""
    try:
        return ReviewStatus(call.form.get("status"))
    except ValueError:
        raise InvalidInput("Choose draft, in-review or published.") from None


def _may_move(call: Call, record: Claim | Verdict, status: ReviewStatus) -> None:
    if ReviewStatus.PUBLISHED in (record.status, status) and record.status != status:
        call.require(Role.EDITOR, f"publish a {_kind(record)}" if status == ReviewStatus.PUBLISHED
                     else f"move a published {_kind(record)} back")


def _kind(record: Claim | Verdict) -> str:
    return "claim" if isinstance(record, Claim) else "verdict"


@route("/claims/{claim_id}/links", methods=("POST",), role=Role.CHECKER, doing="link claims")
def add_link(call: Call) -> Response:
    claim_id = call.request.path_params["claim_id"]
    values = {name: call.form.get(name) for name in ("other", "relation", "note", "source")}
    try:
        chosen = values["relation"]
        reverse = chosen.startswith("reverse-")
        try:
            relation = Relation(chosen.removeprefix("reverse-"))
        except ValueError:
            raise InvalidInput(f"'{chosen}' is not a relation; pick one from the list.") from None
        if not values["other"].strip():
            raise InvalidInput("Fill in “The other claim's id” with the id of the claim to link "
                               "(find it with the search on the Claims page).")
        with call.write("link add") as session:
            here = claims.get_claim(session, claim_id)
            other = claims.get_claim(session, values["other"])
            source, target = (here, other) if reverse else (other, here)
            link = links.add_link(session, source, relation, target,
                                  note=values["note"] or None, source_url=values["source"] or None)
            said = f"{source.public_id} {relation} {target.public_id} (link {link.id})"
            claim_id = here.public_id
    except (InvalidInput, NotFound, Conflict) as error:
        return dispute_page(call, claim_id, errors={"link": field_errors(error, LINK_FIELDS)},
                            values={"link": values},
                            status=409 if isinstance(error, Conflict) else 400)
    return call.redirect(f"/claims/{claim_id}", f"Linked {said}.")


@route("/claims/{claim_id}/verdicts", methods=("POST",), role=Role.CHECKER,
       doing="add verdicts")
def add_verdict(call: Call) -> Response:
    claim_id = call.request.path_params["claim_id"]
    values = {name: call.form.get(name) for name in
              ("rating", "by", "normalized", "url", "date", "explanation", NEW_ACTOR)}
    try:
        normalized = _reading(values["normalized"])
    except InvalidInput as error:  # as the command line refuses a bad --normalized
        return dispute_page(call, claim_id, errors={"verdict": {"normalized": error_text(error)}},
                            values={"verdict": values}, status=400)
    if call.form.get("action") == "preview":
        with call.read() as session:
            values["reading"] = reading_of(session, values["rating"], normalized)
        return dispute_page(call, claim_id, values={"verdict": values})
    try:
        with call.write("verdict add") as session:
            claim = claims.get_claim(session, claim_id)
            _near_name_checked(call, session, values["by"], "by", "reviewer")
            verdict = verdicts.add_verdict(
                session, claim, rating=values["rating"], by=values["by"], normalized=normalized,
                url=values["url"] or None, reviewed_on=values["date"] or None,
                explanation=values["explanation"] or None)
            said = f"{verdict.public_id}: {verdict.rating} ({verdict.normalized})"
            claim_id = claim.public_id
    except InvalidInput as error:
        if isinstance(error, _NearName):
            values["offer_new_actor"] = "yes"
        return dispute_page(call, claim_id, errors={"verdict": _errors(error, VERDICT_FIELDS)},
                            values={"verdict": values}, status=400)
    return call.redirect(f"/claims/{claim_id}", f"Added verdict {said}.")


def _reading(chosen: str) -> Rating | None:
    """The reading chosen on claimtrack's scale; None: read it from the label."""
    if not chosen.strip():
        return None
    try:
        return Rating(chosen.strip().lower())
    except ValueError:
        raise InvalidInput(
            not_a_choice(chosen, [r.value for r in Rating], "a reading on claimtrack's scale")
            + " Or choose “read it from the label”. Nothing was added.") from None


def reading_of(session: object, label: str, normalized: Rating | None = None) -> str:
    """How a label reads on claimtrack's scale (the user's own mappings first)."""
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    if normalized is not None:
        return f"{normalized} (chosen)"
    if not label.strip():
        return "(type a label)"
    found = ratings.rating_table(session).read_label(label)
    if found is None:
        return (f"{Rating.UNVERIFIABLE} (this label is not one claimtrack knows: choose the "
                "reading below if it says more)")
    return str(found)


@route("/verdicts/{verdict_id}/status", methods=("POST",), role=Role.CHECKER,
       doing="change a review status")
def verdict_status(call: Call) -> Response:
    """Move a verdict along the review stages; a refusal is shown on its claim's page."""
    try:
        status = _stage(call)
        with call.write("verdict status") as session:
            verdict = verdicts.get_verdict(session, call.request.path_params["verdict_id"])
            _may_move(call, verdict, status)
            review.move(verdict, status)
            said = verdict.public_id
            claim_id = session.get_one(Claim, verdict.claim_id).public_id
    except InvalidInput as error:
        if not call.form.get("claim"):
            raise
        return dispute_page(call, call.form.get("claim"),
                            errors={"status": field_errors(error, {})}, status=400)
    return call.redirect(f"/claims/{claim_id}", f"Verdict {said} is now {status}.")


@route("/verdicts/{verdict_id}/delete", methods=("POST",), role=Role.EDITOR,
       doing="delete verdicts")
def delete_verdict(call: Call) -> Response:
    with call.write("verdict rm") as session:
        verdict = verdicts.get_verdict(session, call.request.path_params["verdict_id"])
        said = verdict.public_id
        claim_id = session.get_one(Claim, verdict.claim_id).public_id
        verdicts.remove_verdict(session, verdict)
    return call.redirect(f"/claims/{claim_id}", f"Removed verdict {said}.")


@route("/links/{link_id:int}/delete", methods=("POST",), role=Role.EDITOR,
       doing="delete links")
def delete_link(call: Call) -> Response:
    link_id = call.request.path_params["link_id"]
    if not call.form.get("shown").strip():  # which link the page showed: SQLite reuses ids
        raise InvalidInput(f"The form did not say which link {link_id} it showed, so nothing "
                           "was deleted; Reload the claim's links and delete it from there.")
    with call.write("link rm") as session:
        link = links.get_link(session, link_id)
        links.check_shown(link, call.form.get("shown"), "link",
                          "Reload the claim's links and try again.")
        claim_id = link.to_claim.public_id
        links.remove_link(session, link)
    back = call.form.get("claim") or claim_id
    return call.redirect(f"/claims/{back}", f"Removed link {link_id}.")


@route("/api/speakers")
def speaker_names(call: Call) -> Response:
    """Names for a speaker field's suggestions (progressive enhancement)."""
    with call.read() as session:
        names = actors.suggest_names(session, call.form.get("q")[:200], limit=SUGGESTIONS)
    return JSONResponse(names)


@route("/api/rating")
def rating_reading(call: Call) -> Response:
    """How a verdict label reads (progressive enhancement of the verdict form)."""
    with call.read() as session:
        return JSONResponse({"reading": reading_of(session, call.form.get("label")[:200])})


ROUTES = [new_claim_form, add_claim, edit_claim_form, edit_claim, delete_claim_form,
          delete_claim, claim_status, add_link, add_verdict, verdict_status, delete_verdict,
          delete_link, speaker_names, rating_reading]
