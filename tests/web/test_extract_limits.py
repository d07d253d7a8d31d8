"""The Extract page records as many suggestions as it shows, refuses an article that gives
more than one page can record (with the advice to split it), and says plainly when an article
gives none."""

from __future__ import annotations

from claimtrack.web.extracting import MAX_SUGGESTIONS
from tests.helpers import Cli
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser


def article(sentences: int) -> str:
    """An article giving one suggestion a sentence."""
    return "\n\n".join(f"Mayor Jones said the bridge number {i} was closed for a week."
                       for i in range(sentences))


def shown_ids(text: str) -> list[str]:
    return [li.attrs["id"] for li in parse_html(text).find_all("li", "suggestion")]


def test_every_suggestion_the_page_shows_can_be_recorded(web: Browser, cli: Cli) -> None:
    text = article(MAX_SUGGESTIONS)
    shown = web.submit("/extract", {"text": text}, page="/extract")
    ids = shown_ids(shown.text)
    assert shown.status_code == 200 and len(ids) == MAX_SUGGESTIONS > 500
    decisions = {f"decide-{name}": "reject" for name in ids} | {"decide-s1": "accept"}
    recorded = web.submit("/extract/apply", {"text": text, "source": "https://news.example/b",
                                             **decisions}, page="/extract")
    assert recorded.status_code == 200, recorded.text[-800:]
    assert "Too many fields" not in recorded.text
    assert cli.ok("claim", "list", "-f", "json").stdout.count('"id"') == 1


def test_an_article_giving_more_suggestions_than_a_page_records_is_refused(
    web: Browser, cli: Cli
) -> None:
    text = article(MAX_SUGGESTIONS + 1)
    shown = web.submit("/extract", {"text": text}, page="/extract")
    assert shown.status_code == 400 and not shown_ids(shown.text)
    errors = [e.all_text() for e in parse_html(shown.text).find_all("p", "field-error")]
    assert errors == [f"Error: The article gives {MAX_SUGGESTIONS + 1:,} suggestions, more than "
                      f"the {MAX_SUGGESTIONS:,} one page can show and record; split the article "
                      "and extract each part on its own, with the same URL."]
    # sent to be recorded all the same: refused whole, the article shown again, nothing written
    applied = web.submit("/extract/apply", {"text": text, "source": "https://news.example/b",
                                            "decide-s1": "accept"}, page="/extract")
    assert applied.status_code == 400 and "split the article" in applied.text
    assert not shown_ids(applied.text) and 'action="/extract"' in applied.text
    assert cli.ok("claim", "list", "-f", "json").stdout.count('"id"') == 0


def test_an_article_with_no_suggestions_says_so_and_offers_no_form(web: Browser) -> None:
    shown = web.submit("/extract", {"text": "The weather was fine on Monday."}, page="/extract")
    assert shown.status_code == 200
    assert "No claims were found in the article" in shown.text
    assert "0 suggestions" not in shown.text and "Accept the ones" not in shown.text
    assert 'action="/extract/apply"' not in shown.text
