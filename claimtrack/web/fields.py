"""Form pieces for the templates, written in Python: each is one call from a page, where a
Jinja macro costs a dozen (a dispute page draws about a hundred of them). Every value is
escaped here, as autoescaping would; the result is Markup so the template leaves it alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from markupsafe import Markup, escape

from claimtrack.core.enums import Rating, Relation, ReviewStatus


def csrf_input(token: str) -> Markup:
    """The hidden field every form carries."""
    return Markup(f'<input type="hidden" name="csrf" value="{escape(token)}">')


def error_for(errors: Mapping[str, str], name: str) -> Markup:
    """A field's error, beside it (the field points to it with aria-describedby)."""
    return _error_line(name, errors.get(name))


def _error_line(name: str, error: str | None) -> Markup:
    return Markup(f'<p class="field-error" id="{escape(name)}-error">{escape(error)}</p>'
                  if error else "")


def form_error(errors: Mapping[str, str]) -> Markup:
    """The error of the form as a whole (key "")."""
    error = errors.get("")
    return Markup(f'<p class="error" role="alert">{escape(error)}</p>' if error else "")


def field(name: str, label: str, values: Mapping[str, Any], errors: Mapping[str, str],
          type: str = "text", hint: str | None = None, required: bool = False,
          attrs: Mapping[str, Any] | None = None) -> Markup:
    """A labelled input (or textarea) with its value, hint and error."""
    value, error = values.get(name, ""), errors.get(name)
    shape: Shape = (name, label, type, hint, required, tuple((attrs or {}).items()))
    if (value == "" or value is None) and not error and _plain(shape):
        return _blank_field(shape)  # a form as first shown: the same every time
    return _field(shape, value, error)


def _plain(shape: Shape) -> bool:
    """Only plain text and numbers make a cache key (Markup equals the same str, and would
    come back unescaped for it)."""
    words = (shape[0], shape[1], shape[2], *(v for pair in shape[5] for v in pair))
    return (all(type(word) in (str, int) for word in words)
            and (shape[3] is None or type(shape[3]) is str))


# name, label, type, hint, required, attributes
Shape = tuple[str, str, str, str | None, bool, tuple[tuple[str, Any], ...]]


@lru_cache(maxsize=256)
def _blank_field(shape: Shape) -> Markup:
    return _field(shape, "", None)


def _field(shape: Shape, value: Any, error: str | None) -> Markup:
    name, label, type, hint, required, attrs = shape
    key = escape(name)
    state = (f' aria-invalid="true" aria-describedby="{key}-error"' if error
             else f' aria-describedby="{key}-hint"' if hint else "")
    needed = " required" if required else ""
    if type == "textarea":
        rows = next((v for k, v in attrs if k == "rows"), 4)
        control = (f'<textarea id="f-{key}" name="{key}" rows="{escape(rows)}"'
                   f'{needed}{state}>{escape(value)}</textarea>')
    else:
        extra = "".join(f' {escape(k)}="{escape(v)}"' for k, v in attrs)
        control = (f'<input id="f-{key}" name="{key}" type="{escape(type)}" '
                   f'value="{escape(value)}"{needed}{extra}{state}>')
    shown_hint = f'<p class="hint" id="{key}-hint">{escape(hint)}</p>\n' if hint else ""
    return Markup(f'<div class="field{" has-error" if error else ""}">\n'
                  f'<label for="f-{key}">{escape(label)}</label>\n{control}\n{shown_hint}'
                  f'{_error_line(name, error)}</div>')


@lru_cache(maxsize=512)
def options(choices: tuple[tuple[str, str], ...], selected: str | None = None) -> Markup:
    """A select's options, ``selected`` marked: built once per choice made, then reused."""
    return Markup("".join(
        f'<option value="{escape(value)}"{" selected" if value == selected else ""}>'
        f'{escape(label)}</option>' for value, label in choices))


@cache
def status_badge(status: ReviewStatus) -> Markup:
    return Markup(f'<span class="status status-{status.value}">{status.value}</span>')


def _choices(kind: type[StrEnum]) -> tuple[tuple[str, str], ...]:
    return tuple((member.value, member.value) for member in kind)


def says(relation: Relation) -> str:
    """The relation as the verb of a sentence "A … B": "denies", "is the same as"."""
    return "is the same as" if relation is Relation.SAME_AS else relation.words


def _relation_choices() -> tuple[tuple[str, str], ...]:
    """Both directions of every relation, as the link form offers them, each a sentence."""
    return (tuple((r.value, f"the other claim {says(r)} this one") for r in Relation)
            + tuple((f"reverse-{r.value}", f"this claim {says(r)} the other") for r in Relation))


STATUSES, RATINGS, RELATIONS = _choices(ReviewStatus), _choices(Rating), _relation_choices()
# The stages a checker may move material to (publishing is an editor's).
CHECKER_STATUSES = tuple(c for c in STATUSES if c[0] != ReviewStatus.PUBLISHED.value)
GLOBALS = {
    "field": field, "error_for": error_for, "form_error": form_error, "options": options,
    "status_badge": status_badge, "statuses": STATUSES,
    "checker_statuses": CHECKER_STATUSES, "ratings": RATINGS,
    "relations": RELATIONS, "says": says,
}
