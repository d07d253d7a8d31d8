"""Messages a user trial found unclear: each says what to give, in the words of the page."""

from __future__ import annotations

from tests.helpers import Cli, snapshot
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser, location


def errors(text: str) -> list[str]:
    root = parse_html(text)
    return [e.all_text() for kind in ("error", "field-error") for e in root.find_all("p", kind)]


def test_an_archived_copy_without_its_address_says_to_give_it(web: Browser) -> None:
    answer = web.get("/sources/archived")
    assert answer.status_code == 400
    assert errors(answer.text) == [
        "Error: Say whose copy to download: give the source's address as ?url=… (the “copy "
        "kept here” links on a claim's page do)."]
    blank = web.get("/sources/archived?url=+")
    assert blank.status_code == 400 and "as published" not in blank.text


def test_a_blank_url_asks_for_an_address_not_words_as_published() -> None:
    from claimtrack.core.errors import InvalidInput
    from claimtrack.core.values import url

    try:
        url(" ")
    except InvalidInput as error:
        assert str(error) == ("The URL is empty. Give the page's full address, starting with "
                              "https://.")
    else:
        raise AssertionError("a blank URL was accepted")


def test_an_actor_page_without_a_name_shows_the_list(web: Browser, cli: Cli) -> None:
    cli.add("A claim", "--speaker", "Alice Smith")
    answer = web.get("/actor?name=", follow_redirects=False)
    assert answer.status_code == 303 and location(answer) == "/actors"
    listed = web.get("/actors").text
    assert "Choose an actor to see their track record." in listed and "Alice Smith" in listed
    download = web.get("/actor/record.csv")
    assert download.status_code == 400 and "No actor is called ''" not in download.text
    assert errors(download.text) == [
        "Error: Say whose track record to download: give the actor's name as ?name=… (each "
        "actor's page on the Actors list links to it)."]


def test_the_link_form_without_the_other_id_says_to_fill_it_in(web: Browser, cli: Cli) -> None:
    claim = cli.add("A claim")
    before = snapshot(cli.url)
    answer = web.submit(f"/claims/{claim}/links", {"other": " ", "relation": "denies"},
                        page=f"/claims/{claim}")
    assert answer.status_code == 400 and snapshot(cli.url) == before
    assert errors(answer.text) == [
        "Error: Fill in “The other claim's id” with the id of the claim to link (find it with "
        "the search on the Claims page)."]


def test_a_future_review_date_is_refused_in_words_for_a_review(web: Browser, cli: Cli) -> None:
    claim = cli.add("A claim")
    before = snapshot(cli.url)
    answer = web.submit(f"/claims/{claim}/verdicts", {"rating": "False", "by": "Desk",
                                                      "date": "2999-01-01"},
                        page=f"/claims/{claim}")
    assert answer.status_code == 400 and snapshot(cli.url) == before
    assert errors(answer.text) == [
        "Error: The review date 2999-01-01 is in the future; give the date the verdict was "
        "written or published."]


def test_no_match_says_no_claim_looks_like_it(web: Browser, cli: Cli) -> None:
    cli.add("The river bridge was closed for a week")
    shown = web.get("/match?text=Quantum+zebras+compose+symphonies").text
    heading = [h.all_text() for h in parse_html(shown).find_all("h2")]
    assert "No claim recorded looks like it" in heading
    assert "0 matches" not in shown


def test_an_empty_id_asks_for_one() -> None:
    from claimtrack.core.errors import InvalidInput
    from claimtrack.core.values import public_id

    try:
        public_id(" ", "c", "claim")
    except InvalidInput as error:
        assert str(error) == ("No claim id was given; give one such as c-7f3a9k2m1xab (list "
                              "them with `claimtrack claim list`).")
    else:
        raise AssertionError("an empty id was accepted")
