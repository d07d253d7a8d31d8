"""The form pieces written in Python (claimtrack/web/fields.py) and the page helpers in
claimtrack/render/pieces.py: what the browser sees, hostile values kept as text."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.core.enums import Relation, ReviewStatus
from claimtrack.render.pieces import claim_text, link, time_tag
from claimtrack.web import fields
from claimtrack.web.auth import SessionCodec, WebSession
from tests.helpers.reports import HOSTILE_TEXTS, HOSTILE_URL, parse_html


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_a_field_shows_hostile_values_labels_and_errors_as_text(hostile: str) -> None:
    for kind in ("text", "textarea"):
        markup = fields.field("note", hostile, {"note": hostile}, {"note": hostile}, type=kind,
                              hint=hostile, attrs={"data-x": hostile})
        tree = parse_html(str(markup))
        assert {e.tag for e in tree.iter()} <= {"#document", "#text", "div", "label", "input",
                                                 "textarea", "p"}
        control = tree.find_all(kind if kind == "textarea" else "input")[0]
        value = control.all_text() if kind == "textarea" else control.attrs["value"]
        assert value == hostile
        assert tree.find_all("label")[0].all_text() == hostile
        assert tree.find_all("p", "field-error")[0].all_text() == hostile


def test_a_field_points_to_its_error_or_else_its_hint() -> None:
    with_error = parse_html(str(fields.field("by", "Reviewer", {}, {"by": "Error: who?"},
                                             hint="A name", required=True)))
    control = with_error.find_all("input")[0]
    assert control.attrs["aria-invalid"] == "true"
    assert control.attrs["aria-describedby"] == "by-error"
    assert "required" in control.attrs
    assert with_error.find_all("div", "has-error")
    with_hint = parse_html(str(fields.field("by", "Reviewer", {"by": "AFP"}, {}, hint="A name")))
    control = with_hint.find_all("input")[0]
    assert control.attrs["aria-describedby"] == "by-hint" and control.attrs["value"] == "AFP"
    assert "aria-invalid" not in control.attrs and not with_hint.find_all("div", "has-error")
    assert with_hint.find_all("p", "hint")[0].attrs["id"] == "by-hint"


def test_options_mark_the_chosen_one_only() -> None:
    tree = parse_html(str(fields.options(fields.GLOBALS["relations"], "reverse-denies")))
    chosen = [o for o in tree.find_all("option") if "selected" in o.attrs]
    assert [o.attrs["value"] for o in chosen] == ["reverse-denies"]
    assert chosen[0].all_text() == "this claim denies the other"
    assert len(tree.find_all("option")) == 2 * len(Relation)
    statuses = parse_html(str(fields.options(fields.GLOBALS["statuses"], None)))
    assert [o.attrs["value"] for o in statuses.find_all("option")] == [s.value for s in
                                                                        ReviewStatus]
    assert not [o for o in statuses.find_all("option") if "selected" in o.attrs]


def test_page_helpers_escape_what_they_are_given() -> None:
    anchor = parse_html(str(link(HOSTILE_URL, "<b>the check</b>"))).find_all("a")[0]
    assert anchor.attrs["href"] == HOSTILE_URL and anchor.all_text() == "<b>the check</b>"
    reference = parse_html(str(link("javascript:alert(1)")))
    assert not reference.find_all("a")
    assert reference.find_all("span", "reference")[0].all_text() == "javascript:alert(1)"
    assert str(time_tag(None)) == '<span class="undated">undated</span>'
    assert str(time_tag(dt.date(2022, 2, 18))) == (
        '<time datetime="2022-02-18">2022-02-18</time>')

    class Claim:
        text = HOSTILE_TEXTS[0]
        language = 'ar" onclick="x'

    quote = parse_html(str(claim_text(Claim()))).find_all("blockquote")[0]
    assert quote.all_text() == HOSTILE_TEXTS[0] and quote.attrs["lang"] == Claim.language


def test_a_cookie_checked_once_still_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    codec = SessionCodec("secret", max_age=60)
    cookie = codec.dump(WebSession(user="ana", csrf="token"))
    assert codec.load(cookie).user == "ana"
    assert codec.load(cookie).csrf == "token"  # the second time from the checked cookies
    import time as clock

    later = clock.time() + 120
    monkeypatch.setattr("claimtrack.web.auth.time.time", lambda: later)
    expired = codec.load(cookie)
    assert expired.user is None and expired.csrf != "token" and expired.changed
    forged = SessionCodec("other secret", max_age=60).load(cookie)
    assert forged.user is None and forged.changed


def test_a_blank_field_is_drawn_once_and_never_carries_a_value_over() -> None:
    blank = fields.field("note", "Note", {}, {}, hint="Why")
    assert fields.field("note", "Note", {"note": ""}, {}, hint="Why") is blank  # reused
    filled = parse_html(str(fields.field("note", "Note", {"note": "kept"}, {}, hint="Why")))
    assert filled.find_all("input")[0].attrs["value"] == "kept"
    again = parse_html(str(fields.field("note", "Note", {}, {}, hint="Why")))
    assert again.find_all("input")[0].attrs["value"] == ""
    other = parse_html(str(fields.field("note", "Note", {}, {}, hint="Another hint")))
    assert other.find_all("p", "hint")[0].all_text() == "Another hint"


def test_only_plain_blank_fields_are_reused() -> None:
    assert 'value="0"' in str(fields.field("limit", "Limit", {"limit": 0}, {}, type="number"))
    from markupsafe import Markup

    marked = fields.field("q", "Query", {}, {}, hint=Markup("Use <code>AND</code>"))
    plain = fields.field("q", "Query", {}, {}, hint="Use <code>AND</code>")
    assert "<code>" in str(marked) and "&lt;code&gt;" in str(plain)
    listed = fields.field("x", "X", {}, {}, attrs={"data-l": ["a"]})  # not hashable: built
    assert "data-l=" in str(listed)
