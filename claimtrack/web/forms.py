"""The dispute page's two editor forms, link another claim and add a verdict, drawn in
Python from the form pieces of ``fields`` (one call each from the page, where the template
made some thirty). Every value is escaped by those pieces or here; the result is Markup."""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup, escape

from claimtrack.web.fields import RATINGS, RELATIONS, error_for, field, form_error, options

LINK_HINT = "Find it with the search on the Claims page, or in “Have we seen this?”."
READING_PLACEHOLDER = "(shown once you type a label, or press Preview)"
SPEAKER_FIELD = {"data-suggest": "speaker", "list": "speaker-names", "autocomplete": "off"}
PREVIEWED = {"data-preview": "rating-reading"}


def link_form(claim_id: str, csrf: Markup, values: Mapping[str, str],
              errors: Mapping[str, str]) -> Markup:
    """Link another claim to this one: its id, how it relates (either way), a note, a source."""
    wrong, invalid = _select_state(errors, "relation")
    return Markup("\n".join([
        f'<form method="post" action="/claims/{escape(claim_id)}/links" class="stack">',
        csrf,
        form_error(errors),
        field("other", "The other claim's id", values, errors, required=True, hint=LINK_HINT),
        f'<div class="field{wrong}">',
        '<label for="f-relation">How it relates</label>',
        f'<select id="f-relation" name="relation"{invalid}>',
        options(RELATIONS, values.get("relation", "denies")),
        "</select>",
        error_for(errors, "relation"),
        "</div>",
        field("note", "Note (why you linked them)", values, errors),
        field("source", "Source URL reporting the answer", values, errors, type="url"),
        '<p><button type="submit">Link</button></p>',
        "</form>",
    ]))


def verdict_form(claim_id: str, csrf: Markup, values: Mapping[str, str],
                 errors: Mapping[str, str]) -> Markup:
    """Add a verdict: the label verbatim (its reading previewed), the reviewer, a reading of
    one's own, the check's address, date and explanation."""
    reading = escape(values.get("reading", READING_PLACEHOLDER))
    chosen = options(RATINGS, values.get("normalized"))
    wrong, invalid = _select_state(errors, "normalized")
    return Markup("\n".join([
        f'<form method="post" action="/claims/{escape(claim_id)}/verdicts" class="stack">',
        csrf,
        form_error(errors),
        field("rating", "The publisher's label, verbatim", values, errors, required=True,
              attrs=PREVIEWED),
        f'<p class="hint">Read as: <output id="rating-reading" for="f-rating">{reading}'
        "</output></p>",
        field("by", "Reviewer (actor name)", values, errors, required=True,
              attrs=SPEAKER_FIELD),
        _new_actor_box(values, "reviewer", values.get("by", "")),
        f'<div class="field{wrong}"><label for="f-normalized">Reading on claimtrack\'s scale'
        f'</label><select id="f-normalized" name="normalized"{invalid}>'
        f'<option value="">read it from the label</option>{chosen}</select>',
        error_for(errors, "normalized"),
        "</div>",
        field("url", "URL of the fact-check", values, errors, type="url"),
        field("date", "Date of the review", values, errors, type="date"),
        field("explanation", "Explanation", values, errors, type="textarea",
              attrs={"rows": 2}),
        '<p><button type="submit" name="action" value="preview" class="secondary">Preview the '
        'reading</button> <button type="submit" name="action" value="add">Add the verdict'
        "</button></p>",
        '<datalist id="speaker-names"></datalist>',
        "</form>",
    ]))


def _new_actor_box(values: Mapping[str, str], role: str, name: str) -> str:
    """The box to create a new actor whose name is close to an existing one's: shown once
    such a name was refused (``offer_new_actor``), or ticked already."""
    if not (values.get("offer_new_actor") or values.get("new_actor")):
        return ""
    checked = " checked" if values.get("new_actor") == "yes" else ""
    return (f'<p class="field"><input type="checkbox" id="f-new-actor" name="new_actor" '
            f'value="yes"{checked}> <label for="f-new-actor">Create a new {escape(role)} '
            f"called “{escape(name)}”</label></p>")


def _select_state(errors: Mapping[str, str], name: str) -> tuple[str, str]:
    """A select's class and attributes when its field has an error (else empty)."""
    if not errors.get(name):
        return "", ""
    return " has-error", f' aria-invalid="true" aria-describedby="{escape(name)}-error"'
