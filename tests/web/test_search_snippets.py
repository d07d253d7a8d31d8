"""The Claims page highlights a search's matches with <mark> around escaped text: a claim's own
brackets (an editorial insertion, in a quotation) stay as they are, and hostile text stays
text."""

from __future__ import annotations

from tests.helpers import Cli
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser

QUOTED = 'Officials called it "total disinformation [sic]" on Monday'
HOSTILE = "<script>alert(1)</script> disinformation <b>bold</b>"


def snippets(response: object) -> list[str]:
    """Each hit's snippet paragraph as HTML source (between its tags)."""
    page: str = response.text  # type: ignore[attr-defined]
    found = []
    for part in page.split('<p class="answers-brief">')[1:]:
        found.append(part.split("</p>", 1)[0])
    return found


def test_a_match_is_marked_and_the_claims_brackets_stay(web: Browser, cli: Cli) -> None:
    cli.add(QUOTED)
    response = web.get("/claims?q=disinformation")
    (snippet,) = snippets(response)
    assert "<mark>disinformation</mark>" in snippet
    assert "[sic]" in snippet  # the claim's own brackets, as stored
    assert "[disinformation]" not in response.text  # no bracket added to the text
    root = parse_html(response.text)
    (paragraph,) = root.find_all("p", "answers-brief")
    assert paragraph.all_text().strip("…") in QUOTED  # the words as stored, only marked
    assert [mark.all_text() for mark in paragraph.find_all("mark")] == ["disinformation"]


def test_hostile_text_stays_escaped_around_the_mark(web: Browser, cli: Cli) -> None:
    cli.add(HOSTILE)
    for query in ("disinformation", "script", "bold"):
        (snippet,) = snippets(web.get(f"/claims?q={query}"))
        assert "<script" not in snippet and "<b>" not in snippet, snippet
        assert "&lt;" in snippet and "<mark>" in snippet
        # only <mark> elements: every other < is escaped
        assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0
    (snippet,) = snippets(web.get("/claims?q=script"))
    assert "&lt;/<mark>script</mark>&gt;" in snippet
