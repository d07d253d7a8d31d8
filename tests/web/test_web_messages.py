"""The library's messages speak of the web's forms and pages on the web: no command-line
option or command in what a form, an error or a notice says (the CLI keeps its own words)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.helpers import Cli, snapshot
from tests.helpers.reports import parse_html
from tests.helpers.site import Site
from tests.helpers.web import Browser

CLI_WORDS = re.compile(r"--[a-z]|`claimtrack ")


def said(response: Any) -> str:
    """The errors and notices a page shows, one after the other (none in CLI words)."""
    root = parse_html(response.text)
    shown = [e.all_text() for kind in ("field-error", "error") for e in root.find_all("p", kind)]
    shown += [e.all_text() for flash in root.find_all("ul", "flash") for e in flash.find_all("li")]
    text = " | ".join(shown)
    assert not CLI_WORDS.search(text), text
    return text


def test_a_quote_without_its_source_asks_for_the_forms_field(web: Browser, cli: Cli) -> None:
    before = snapshot(cli.url)
    answer = web.submit("/claims/new", {"text": "A claim", "quote": "A passage"})
    assert answer.status_code == 400 and snapshot(cli.url) == before
    assert said(answer) == ("Error: A quote needs the source it is from; fill in “URL of the "
                            "page where it appeared”.")
    refused = cli.fails("claim", "add", "A claim", "--quote", "A passage")
    assert "add --source URL" in refused.stderr  # the CLI keeps its own wording


def test_the_notices_after_a_change_speak_of_the_page(web: Browser, cli: Cli) -> None:
    added = web.submit("/claims/new", {"text": "The bridge closed", "speaker": "Mayor Jones"},
                       follow=True)
    assert "Created actor 'Mayor Jones' (kind unknown)." in said(added)
    claim = cli.ok("claim", "list", "-f", "json").stdout.split('"id": "')[1].split('"')[0]
    verdict = web.submit(f"/claims/{claim}/verdicts", {"rating": "Wobbly", "by": "Desk"},
                         page=f"/claims/{claim}", follow=True)
    assert "choose “Reading on claimtrack's scale”." in said(verdict)
    known = web.submit(f"/claims/{claim}/verdicts", {"rating": "Mostly True", "by": "Desk"},
                       page=f"/claims/{claim}", follow=True)
    assert "override with “Reading on claimtrack's scale”." in said(known)


@pytest.mark.parametrize(("path", "expected"), [
    ("/?since=2022-02-01&until=2022-01-01",
     "Error: “Said since” 2022-02-01 is after “Said until” 2022-01-01; swap them."),
    ("/?since=2022-13-01", "Error: The “Said since” date '2022-13-01' does not exist"),
    ("/claims/c-zzzzzzzzzzzz", "Find it with the search on the Claims page."),
])
def test_filters_and_addresses_speak_of_the_page(web: Browser, path: str, expected: str) -> None:
    assert expected in said(web.get(path))


def test_a_link_to_an_unknown_claim_says_where_to_find_it(web: Browser, cli: Cli) -> None:
    claim = cli.add("A claim to link")
    answer = web.submit(f"/claims/{claim}/links", {"other": "c-zzzzzzzzzzzz",
                                                   "relation": "denies"}, page=f"/claims/{claim}")
    assert answer.status_code == 400
    assert "Find it with the search on the Claims page." in said(answer)


def test_a_skipped_review_stage_and_the_dedupe_date_speak_of_the_page(
    web: Browser, cli: Cli
) -> None:
    claim = cli.add("A draft")
    skipped = web.submit(f"/claims/{claim}/status", {"status": "published"},
                         page=f"/claims/{claim}")
    assert skipped.status_code == 400 and "move it to in-review first." in said(skipped)
    dated = web.submit("/review/dedupe", {"since": "2022-13-01"}, page="/review")
    assert dated.status_code == 400
    assert "The “Look for duplicates among claims logged since” date" in said(dated)


def test_an_import_in_another_format_asks_to_choose_it(web: Browser) -> None:
    answer = web.submit("/import", {"format": "auto"}, page="/import",
                        files={"file": ("data.json", b'{"format": "x"}', "application/json")})
    assert answer.status_code == 400 and "choose “Format”" in said(answer)


def test_a_page_that_cannot_be_fetched_asks_for_the_articles_text(
    web: Browser, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimtrack.fetch

    monkeypatch.setattr(claimtrack.fetch, "MAX_BYTES", 100_000)
    huge = web.submit("/extract", {"text": "", "source": site.url("/huge")}, page="/extract")
    assert huge.status_code == 400 and "paste the article's text instead." in said(huge)
    gone = web.submit("/extract", {"text": "", "source": site.url("/gone")}, page="/extract")
    assert gone.status_code == 400 and "copies archived before are kept." in said(gone)


@pytest.mark.parametrize("message", [
    "Someone else changed or deleted this claim while your command ran, so nothing was "
    "written. See what changed with `claimtrack history`, then re-run your command.",
    "Other claimtrack commands kept the database busy for over 5 seconds, so nothing was "
    "written. Run the command again once the long import or backup has finished.",
    "'x' is not a verdict id; ids look like v-7f3a9k2m1xab (list them with `claimtrack verdict "
    "list`).",
    "Claim c-1 was already merged into c-2; to merge that claim too, run `claimtrack claim "
    "merge c-3 c-2`.",
    "No actor is called 'Bob'. Add it with `claimtrack actor add` or list actors with "
    "`claimtrack actor list`.",
    "Link 7 not found. List links with `claimtrack link list`.",
])
def test_messages_the_web_can_show_lose_their_commands(message: str) -> None:
    from claimtrack.web.wording import for_web

    assert not CLI_WORDS.search(for_web(message)), for_web(message)
