"""Input the forms refuse: too many tags on a claim (the library's rule, the CLI's too) and a
form body that is not UTF-8."""

from __future__ import annotations

import re

from claimtrack.core.values import TAGS_MAX
from tests.helpers import Cli, snapshot
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser, claim_json


def field_error(text: str, name: str) -> str:
    return " ".join(e.all_text() for e in parse_html(text).find_all("p", "field-error")
                    if e.attrs.get("id") == f"{name}-error")


def test_a_claim_has_at_most_fifty_tags(web: Browser, cli: Cli) -> None:
    assert TAGS_MAX == 50
    before = snapshot(cli.url)
    many = ", ".join(f"topic{i}" for i in range(20_000))
    added = web.submit("/claims/new", {"text": "A claim with many tags", "tags": many})
    assert added.status_code == 400 and snapshot(cli.url) == before
    assert field_error(added.text, "tags") == (
        "Error: A claim can have at most 50 tags, and this one would have 20,000; keep the few "
        "that say what it is about.")
    fifty = ", ".join(f"topic{i}" for i in range(TAGS_MAX))
    claim = re.sub(r".*/claims/", "", web.submit(
        "/claims/new", {"text": "A claim with fifty tags", "tags": fifty}).headers["location"])
    assert len(claim_json(cli, claim)["tags"]) == TAGS_MAX
    # an edit may not go past them either, and the CLI is held to the same rule
    form = f"/claims/{claim}/edit"
    version = re.search(r'name="version" value="(\d+)"', web.get(form).text)
    assert version
    edited = web.submit(form, {"text": "A claim with fifty tags", "tags": fifty + ", one more",
                               "version": version.group(1)}, page=form)
    assert edited.status_code == 400 and "this one would have 51" in edited.text
    refused = cli.fails("claim", "edit", claim, "--tag", "one more").stderr
    assert refused == ("Error: A claim can have at most 50 tags, and this one would have 51; "
                       "keep the few that say what it is about.\n")
    assert len(claim_json(cli, claim)["tags"]) == TAGS_MAX


def test_a_form_that_is_not_utf8_is_refused(web: Browser, cli: Cli) -> None:
    before = snapshot(cli.url)
    token = web.token()
    sent = web.post("/claims/new", content=f"csrf={token}&text=%FF%FE+bad".encode(),
                    headers={"content-type": "application/x-www-form-urlencoded"},
                    follow_redirects=False)
    assert sent.status_code == 400 and snapshot(cli.url) == before
    assert [e.all_text() for e in parse_html(sent.text).find_all("p", "error")] == [
        "Error: What was sent is not valid UTF-8 text, so nothing was changed; type or paste "
        "the text again in the page's form and send it from there."]
    # U+FFFD itself, sent as UTF-8, is text like any other
    kept = web.post("/claims/new", content=f"csrf={token}&text=%EF%BF%BD+kept".encode(),
                    headers={"content-type": "application/x-www-form-urlencoded"},
                    follow_redirects=False)
    assert kept.status_code == 303
