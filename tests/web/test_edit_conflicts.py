"""The claim edit form's version: a conflict page that can be saved deliberately, the same edit
sent again is already saved, and a form without a readable version is refused."""

from __future__ import annotations

import re

from tests.helpers import Cli, snapshot
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser, claim_json, web_client


def opened_version(text: str) -> str:
    found = re.search(r'name="version" value="([^"]*)"', text)
    assert found, "no version on the form"
    return found.group(1)


def form_error(text: str) -> str:
    return " ".join(e.all_text() for e in parse_html(text).find_all("p", "error"))


def test_the_conflict_page_carries_the_current_version_so_saving_it_is_deliberate(
    team: str, cli: Cli
) -> None:
    claim = cli.add("Original text")
    form = f"/claims/{claim}/edit"
    with web_client(team) as editor, web_client(team) as checker:
        editor.sign_in("editor")
        checker.sign_in("checker")
        opened = opened_version(checker.get(form).text)
        first = editor.submit(form, {"text": "The editor text", "version":
                                     opened_version(editor.get(form).text)}, page=form)
        assert first.status_code == 303
        stale = checker.submit(form, {"text": "The checker text", "version": opened}, page=form)
        assert stale.status_code == 409
        assert form_error(stale.text).startswith(
            f"Error: Claim {claim} was changed by someone else since you opened this form "
            f"(version {opened}, now {int(opened) + 1}), so your changes were not saved;")
        assert ">The checker text</textarea>" in stale.text  # what was typed is kept
        assert opened_version(stale.text) == str(int(opened) + 1)
        assert claim_json(cli, claim)["text"] == "The editor text"
        saved = checker.submit(form, {"text": "The checker text",
                                      "version": opened_version(stale.text)}, page=form)
        assert saved.status_code == 303
        assert claim_json(cli, claim)["text"] == "The checker text"


def test_sending_ones_own_edit_again_says_it_is_saved_already(web: Browser, cli: Cli) -> None:
    claim = cli.add("Original text")
    form = f"/claims/{claim}/edit"
    sent = {"text": "Edited once", "language": "en", "version": opened_version(web.get(form).text)}
    assert web.submit(form, sent, page=form).status_code == 303
    before = snapshot(cli.url)
    again = web.submit(form, sent, page=form, follow=True)  # Back, and Save again
    assert again.status_code == 200
    assert (f"Already saved: claim {claim} already reads as you sent it, so nothing was "
            "changed.") in again.text
    assert "someone else" not in again.text and snapshot(cli.url) == before
    # another text from that old form is a conflict, but not someone else's
    other = web.submit(form, {**sent, "text": "Edited twice"}, page=form)
    assert other.status_code == 409 and "someone else" not in other.text
    assert "was changed by you (in another window, or an earlier save) since" in other.text
    assert claim_json(cli, claim)["text"] == "Edited once"


def test_an_edit_without_a_readable_version_is_refused(web: Browser, cli: Cli) -> None:
    claim = cli.add("Original text")
    form = f"/claims/{claim}/edit"
    before = snapshot(cli.url)
    missing = web.submit(form, {"text": "No version"}, page=form)
    assert missing.status_code == 400
    assert form_error(missing.text) == (
        "Error: The form did not say which version of the claim it was opened on, so nothing "
        "was saved; check what you typed against the claim and save again.")
    assert ">No version</textarea>" in missing.text
    assert opened_version(missing.text) == opened_version(web.get(form).text)
    malformed = web.submit(form, {"text": "Bad version", "version": "abc"}, page=form)
    assert malformed.status_code == 400 and "someone else" not in malformed.text
    assert form_error(malformed.text) == (
        "Error: The form's version of the claim ('abc') is not a number, so nothing was saved; "
        "check what you typed against the claim and save again.")
    assert snapshot(cli.url) == before and claim_json(cli, claim)["text"] == "Original text"


def test_deleting_a_link_needs_the_link_the_page_showed(web: Browser, cli: Cli) -> None:
    claim = cli.add("A claim")
    denial = cli.add("A denial")
    cli.ok("link", "add", denial, "denies", claim)
    link_id = re.search(r'/links/(\d+)/delete', web.get(f"/claims/{claim}/links").text)
    assert link_id
    before = snapshot(cli.url)
    refused = web.submit(f"/links/{link_id.group(1)}/delete", {"claim": claim},
                         page=f"/claims/{claim}")
    assert refused.status_code == 400 and snapshot(cli.url) == before
    assert "Reload the claim's links" in form_error(refused.text)
