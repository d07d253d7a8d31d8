"""What a web page says never speaks of the command line's options, quoting or commands:
bad inputs sent through the forms get refusals in the page's words, and the history names
what the web did as the web does."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from claimtrack.services import claims
from tests.helpers import Cli
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser, web_client

# Words only the command line may use: an option, "run the command", shell quoting, a command.
CLI_ONLY = re.compile(r"--|[Rr]un the command|re-run|in quotes|`")


def shown_errors(response: Any) -> str:
    """Every error and notice the page shows, one after the other."""
    root = parse_html(response.text)
    shown = [e.all_text() for kind in ("field-error", "error") for e in root.find_all("p", kind)]
    shown += [e.all_text() for flash in root.find_all("ul", "flash") for e in flash.find_all("li")]
    return " | ".join(shown)


class _Collided(Exception):
    sqlstate = "40001"  # PostgreSQL's serialization failure: another transaction won


def _collide(*_args: Any, **_kwargs: Any) -> Any:
    raise OperationalError("INSERT …", {}, _Collided("could not serialize access"))


# (what is sent, the status, words the refusal says)
BAD_INPUTS: list[tuple[str, Callable[[Browser, str, pytest.MonkeyPatch], Any], int, str]] = [
    ("empty claim", lambda web, claim, _: web.submit("/claims/new", {"text": "  "}), 400,
     "Error: The claim text is empty. Give the words as published."),
    ("tag with ;", lambda web, claim, _: web.submit(
        "/claims/new", {"text": "A new claim", "tags": "roads;bridges"}), 400,
     "; separate tags with commas, or use another character."),
    ("bad language", lambda web, claim, _: web.submit(
        "/claims/new", {"text": "A new claim", "language": "english!"}), 400,
     "use a language tag such as en or pt-BR."),
    ("same claim again", lambda web, claim, _: web.submit(
        "/claims/new", {"text": "The bridge is safe"}), 409,
     "To note where else it appeared, edit c-"),
    ("empty verdict label", lambda web, claim, _: web.submit(
        f"/claims/{claim}/verdicts", {"rating": " ", "by": "Desk"}, page=f"/claims/{claim}"),
     400, "Give the words as published."),
    ("same verdict again", lambda web, claim, _: web.submit(
        f"/claims/{claim}/verdicts", {"rating": "False", "by": "Desk", "date": "2024-01-02"},
        page=f"/claims/{claim}"), 409, "Its verdicts are listed on the claim's page; "),
    ("colliding transactions", lambda web, claim, patch: (
        patch.setattr(claims, "add_claim", _collide),
        web.submit("/claims/new", {"text": "A new claim"}))[1], 409,
     "Another user's transaction collided with this one, so nothing was written. "
     "Send it again."),
]


@pytest.mark.parametrize(("sent", "status", "words"), [case[1:] for case in BAD_INPUTS],
                         ids=[case[0] for case in BAD_INPUTS])
def test_refusals_speak_of_the_page_not_the_command_line(
    web: Browser, cli: Cli, monkeypatch: pytest.MonkeyPatch,
    sent: Callable[[Browser, str, pytest.MonkeyPatch], Any], status: int, words: str
) -> None:
    claim = cli.add("The bridge is safe")
    cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Desk", "--date", "2024-01-02")
    answer = sent(web, claim, monkeypatch)
    said = shown_errors(answer)
    assert answer.status_code == status, said
    assert words in said
    assert not CLI_ONLY.search(said), said


def test_an_upload_too_large_says_what_the_server_allows(database_url: str) -> None:
    with web_client(database_url, max_upload=1024) as web:
        big = web.submit("/import", {"format": "auto"}, page="/import",
                         files={"file": ("big.csv", b"claim\n" + b"x" * 5000, "text/csv")})
    said = shown_errors(big)
    assert big.status_code == 413 and "can start it with a larger upload limit" in said
    assert not CLI_ONLY.search(said), said


def test_the_history_names_recording_from_an_article_in_the_webs_words(
    web: Browser, cli: Cli
) -> None:
    from tests.web.test_pages import ARTICLE

    recorded = web.submit("/extract/apply", {"text": ARTICLE, "source": "https://news.example/b",
                                             "decide-s1": "accept"}, page="/extract")
    assert recorded.status_code == 200, shown_errors(recorded)
    claim = re.findall(r'href="/claims/(c-[0-9a-z]+)"', recorded.text)[0]
    history = parse_html(web.get(f"/claims/{claim}").text).find_all("table", "grid")[-1]
    how = {row.find_all("td")[2].all_text() for row in history.find_all("tr")[1:]}
    assert how == {"web: extract accept"}


def test_the_language_field_asks_for_a_language_tag(web: Browser, cli: Cli) -> None:
    form = web.get("/claims/new").text
    assert "a language tag such as en or pt-BR" in form and "ISO 639" not in form
    added = web.submit("/claims/new", {"text": "O ponte está segura", "language": "pt-BR"})
    assert added.status_code == 303


def test_an_answer_before_the_claim_is_so_many_days_before(web: Browser, cli: Cli) -> None:
    claim = cli.add("The bridge is safe", "--date", "2024-05-01")
    earlier = cli.add("The bridge was never safe", "--date", "2021-08-01")
    cli.ok("link", "add", earlier, "denies", claim)
    later = cli.add("The bridge is still safe", "--date", "2024-05-11")
    cli.ok("link", "add", later, "supports", claim)
    page = web.get(f"/claims/{claim}/timeline").text
    assert "(-1004 d)" in page and "(+10 d)" in page and "+-" not in page
