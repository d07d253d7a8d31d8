"""A misspelled speaker or reviewer is refused once with the nearest names, rather than
creating a near-duplicate actor without a word; a box says a new actor is meant."""

from __future__ import annotations

import json
import re

from tests.helpers import Cli, snapshot
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser, claim_json


def field_error(text: str, name: str) -> str:
    return " ".join(e.all_text() for e in parse_html(text).find_all("p", "field-error")
                    if e.attrs.get("id") == f"{name}-error")


def actor_names(cli: Cli) -> list[str]:
    return sorted(a["name"] for a in json.loads(cli.ok("actor", "list", "-f", "json").stdout))


def test_a_speaker_close_to_an_actor_is_refused_once_then_created_when_meant(
    web: Browser, cli: Cli
) -> None:
    cli.add("An earlier claim", "--speaker", "Dmitry Peskov")
    before = snapshot(cli.url)
    sent = {"text": "The talks are over", "speaker": "Dmitri Peskof"}
    refused = web.submit("/claims/new", sent)
    assert refused.status_code == 400 and snapshot(cli.url) == before
    assert field_error(refused.text, "speaker") == (
        "Error: No actor is called 'Dmitri Peskof'. Did you mean 'Dmitry Peskov'? Correct the "
        "name, or tick “Create a new speaker” to add it as a new actor.")
    assert 'name="new_actor"' in refused.text and ">The talks are over</textarea>" in refused.text
    assert 'name="new_actor"' not in web.get("/claims/new").text  # offered once refused only
    created = web.submit("/claims/new", {**sent, "new_actor": "yes"})
    assert created.status_code == 303
    assert actor_names(cli) == ["Dmitri Peskof", "Dmitry Peskov"]
    # a name known already, or one close to none, goes through as before
    assert web.submit("/claims/new", {"text": "Another", "speaker": "dmitry peskov"}
                      ).status_code == 303
    assert web.submit("/claims/new", {"text": "A third", "speaker": "Ursula Quimby"}
                      ).status_code == 303


def test_an_edit_refuses_a_speaker_close_to_an_actor(web: Browser, cli: Cli) -> None:
    claim = cli.add("A claim", "--speaker", "Dmitry Peskov")
    form = f"/claims/{claim}/edit"
    version = re.search(r'name="version" value="(\d+)"', web.get(form).text)
    assert version
    refused = web.submit(form, {"text": "A claim", "speaker": "Dmitry Peskof", "language": "en",
                                "version": version.group(1)}, page=form)
    assert refused.status_code == 400
    assert "Did you mean 'Dmitry Peskov'?" in field_error(refused.text, "speaker")
    assert claim_json(cli, claim)["speaker"] == "Dmitry Peskov"


def test_a_reviewer_close_to_an_actor_is_refused_once(web: Browser, cli: Cli) -> None:
    claim = cli.add("A claim")
    cli.ok("verdict", "add", claim, "--rating", "False", "--by", "PolitiFact")
    before = snapshot(cli.url)
    page = f"/claims/{claim}"
    sent = {"rating": "Mostly False", "by": "Politifakt", "action": "add"}
    refused = web.submit(f"{page}/verdicts", sent, page=page)
    assert refused.status_code == 400 and snapshot(cli.url) == before
    assert field_error(refused.text, "by") == (
        "Error: No actor is called 'Politifakt'. Did you mean 'PolitiFact'? Correct the name, "
        "or tick “Create a new reviewer” to add it as a new actor.")
    assert 'name="new_actor"' in refused.text
    added = web.submit(f"{page}/verdicts", {**sent, "new_actor": "yes"}, page=page)
    assert added.status_code == 303 and "Politifakt" in actor_names(cli)
