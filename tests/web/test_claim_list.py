"""The Claims page finds every claim, contested or not, and the lists' filters refuse a speaker
no actor is called, as the command line does."""

from __future__ import annotations

import json

import pytest

from tests.helpers import Cli
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser


def shown(response: object) -> list[str]:
    """The ids of the claims a list shows, in order."""
    root = parse_html(response.text)  # type: ignore[attr-defined]
    return [code.all_text() for row in root.find_all("li", "dispute-row")
            for code in row.find_all("code")]


def next_page(response: object) -> list[str]:
    """The list's "Next page" address, if any."""
    root = parse_html(response.text)  # type: ignore[attr-defined]
    return [a.attrs["href"] for a in root.find_all("a") if a.attrs.get("rel") == "next"]


def test_every_claim_is_listed_newest_first_page_by_page(
    web: Browser, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrack.web import browse

    monkeypatch.setattr(browse, "PAGE_SIZE", 2)
    older = cli.add("The river bridge was closed in May", "--date", "2022-05-01")
    newer = cli.add("The ferry ran all summer", "--date", "2022-08-01")
    newest = cli.add("The tunnel opened in autumn", "--date", "2022-10-01")
    home = web.get("/")
    assert '<a href="/claims">Claims</a>' in home.text  # in the navigation
    assert "Nothing is contested" in home.text and not shown(home)
    first = web.get("/claims")
    assert shown(first) == [newest, newer] and "Claims 1–2, newest first" in first.text
    second = web.get(next_page(first)[0])
    assert shown(second) == [older] and "Claims 3–3" in second.text
    assert not next_page(second)


def test_the_search_and_filters_find_claims_nobody_contests(web: Browser, cli: Cli) -> None:
    bridge = cli.add("The river bridge was closed in May", "--speaker", "Mayor Jones",
                     "--tag", "roads")
    ferry = cli.add("The river ferry ran all summer", "--speaker", "Harbour Office")
    cli.ok("claim", "status", "in-review", ferry)
    assert sorted(shown(web.get("/claims?q=river"))) == sorted([ferry, bridge])
    assert shown(web.get("/claims?q=river&status=in-review")) == [ferry]
    assert shown(web.get("/claims?q=river&speaker=Mayor+Jones&tag=roads")) == [bridge]
    assert shown(web.get("/claims?status=draft")) == [bridge]
    nothing = web.get("/claims?q=tunnel")
    assert nothing.status_code == 200 and "No claim matches “tunnel”." in nothing.text
    cli_found = json.loads(cli.ok("search", "river", "-f", "json").stdout)
    assert {hit["id"] for hit in cli_found} == {bridge, ferry}  # the same search as the CLI


def test_a_missing_claim_points_to_the_claims_page(web: Browser) -> None:
    missing = web.get("/claims/c-zzzzzzzzzzzz")
    assert missing.status_code == 404
    assert "Find it with the search on the Claims page." in missing.text
    assert '<a href="/claims">Find a claim</a>' in missing.text


@pytest.mark.parametrize("path", ["/", "/claims"])
def test_an_unknown_speaker_is_refused_beside_the_filter(
    web: Browser, cli: Cli, path: str
) -> None:
    cli.add("The river bridge was closed in May", "--speaker", "Nobody Jones")
    refused = web.get(f"{path}?speaker=Nobodyz")
    assert refused.status_code == 400
    beside = [p.all_text() for p in parse_html(refused.text).find_all("p", "field-error")
              if p.attrs["id"] == "speaker-error"]
    assert beside == [
        "Error: No actor is called 'Nobodyz'. Did you mean 'Nobody Jones'? The Actors page "
        "lists them."]
    assert "Nothing is contested" not in refused.text
    assert "No actor is called 'Nobodyz'" in cli.fails("claim", "list", "--speaker",
                                                       "Nobodyz").stderr


@pytest.mark.parametrize("page", ["%C2%B2", "1" * 5000, "-3", "0", "x"])
def test_a_page_number_that_is_no_number_shows_the_first_page(
    web: Browser, cli: Cli, page: str
) -> None:
    cli.add("One claim on the list")
    response = web.get(f"/claims?page={page}")
    assert response.status_code == 200 and "One claim on the list" in response.text


def test_a_page_past_the_last_says_so_and_links_to_the_last(web: Browser, cli: Cli) -> None:
    for number in range(30):  # two pages
        cli.add(f"Claim number {number} on the list")
    past = web.get("/claims?page=999")
    assert past.status_code == 200
    said = parse_html(past.text).find_all("p", "empty")[0].all_text()
    assert said == "There is no page 999: the last is page 2. Go to page 2"
    assert '<a href="/claims?page=2">Go to page 2</a>' in past.text
    assert "recorded yet" not in past.text and 'rel="prev"' not in past.text
    assert "Claim number 0 on the list" in web.get("/claims?page=2").text


def test_a_search_finding_nothing_says_what_was_looked_for(web: Browser, cli: Cli) -> None:
    cli.add("The river bridge was closed in May", "--tag", "roads")
    found = parse_html(web.get("/claims?q=zzzqqq").text)
    assert [p.all_text() for p in found.find_all("p", "empty")] == [
        "No claim matches “zzzqqq”. Log a claim, or paste a text in Have we seen this?"]
    assert not found.find_all("p", "scope")  # no "No claim matching, …, contested or not."
    filtered = parse_html(web.get("/claims?q=zzzqqq&tag=roads&status=draft").text)
    assert filtered.find_all("p", "empty")[0].all_text().startswith(
        "No claim matches “zzzqqq” with tag “roads” and review status “draft”.")
    none = parse_html(web.get("/claims?tag=energy").text)
    assert none.find_all("p", "empty")[0].all_text().startswith("No claim has tag “energy”.")
