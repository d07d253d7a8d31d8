"""The Actors page: actors by name a page at a time, and those a name or alias finds."""

from __future__ import annotations

import pytest

from tests.helpers import Cli
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser


def names(response: object) -> list[str]:
    root = parse_html(response.text)  # type: ignore[attr-defined]
    return [row.find_all("td")[0].all_text() for row in root.find_all("tr")
            if row.find_all("td")]


def link(response: object, text: str) -> str | None:
    root = parse_html(response.text)  # type: ignore[attr-defined]
    return next((a.attrs["href"] for a in root.find_all("a") if a.all_text() == text), None)


def test_actors_are_listed_a_page_at_a_time_with_their_claims(
    web: Browser, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrack.web import actors

    monkeypatch.setattr(actors, "PAGE_SIZE", 2)
    cli.add("The bridge was closed in May", "--speaker", "Carla Diaz")
    cli.add("The ferry ran all summer", "--speaker", "Carla Diaz")
    cli.ok("actor", "add", "Ana Brook", "--alias", "Harbour Office")
    cli.ok("actor", "add", "Bo Chen")
    first = web.get("/actors")
    assert names(first) == ["Ana Brook", "Bo Chen"] and "Actors 1–2, by name" in first.text
    second = web.get(link(first, "Next page") or "")
    assert names(second) == ["Carla Diaz"] and link(second, "Next page") is None
    row = next(r for r in parse_html(second.text).find_all("tr") if r.find_all("td"))
    assert [cell.all_text() for cell in row.find_all("td")][-1] == "2"  # her claims
    assert link(second, "First page") == "/actors"
    past = web.get("/actors?page=9")
    assert "There is no page 9: the last is page 2." in past.text
    assert link(past, "Go to page 2") == "/actors?page=2"


def test_actors_are_found_by_part_of_a_name_or_an_alias(web: Browser, cli: Cli) -> None:
    cli.ok("actor", "add", "Ana Brook", "--alias", "Harbour Office")
    cli.ok("actor", "add", "Bo Chen")
    cli.ok("actor", "add", "100% <b>Facts</b>")
    assert names(web.get("/actors?q=harbour")) == ["Ana Brook"]  # an alias's words
    assert names(web.get("/actors?q=+CHEN+")) == ["Bo Chen"]
    assert names(web.get("/actors?q=%25")) == ["100% <b>Facts</b>"]  # % is no wildcard
    shown = web.get("/actors?q=%3Cb%3E")
    assert names(shown) == ["100% <b>Facts</b>"] and "<b>Facts" not in shown.text  # escaped
    nothing = web.get("/actors?q=zeppelin")
    assert nothing.status_code == 200
    assert "No actor's name or alias contains “zeppelin”." in nothing.text
