"""The duplicate-review queue at size: sorted and cut in SQL on the stored scores, only the
suggestions shown ever scored again; and a decision made since a page was opened is never
overridden by that page."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from claimtrack.core.enums import LinkStatus, Relation
from claimtrack.models import Link
from claimtrack.services import claims, search
from claimtrack.store.db import make_engine, session_scope
from claimtrack.web.review import SHOWN
from tests.helpers import ORIGINAL, REWORDED, Cli, query, snapshot
from tests.helpers.web import Browser
from tests.web.test_web_messages import said

QUEUED = SHOWN + 15


def counted_searches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the full-text searches that score a pair, from now on."""
    real, texts = search.scored_candidates, []

    def counting(session: Any, text: str, **options: Any) -> Any:
        texts.append(text)
        return real(session, text, **options)

    monkeypatch.setattr(search, "scored_candidates", counting)
    return texts


def fill_queue(url: str) -> dict[int, float | None]:
    """QUEUED suggestions with stored scores in no particular order, and one recorded with no
    score (as before scores were stored); their scores by link number."""
    engine = make_engine(url)
    scores: dict[int, float | None] = {}
    try:
        with session_scope(engine) as session:
            for number in range(QUEUED + 1):
                older = claims.add_claim(
                    session, text=f"Minister number {number} said the bridge opens in spring")
                newer = claims.add_claim(
                    session, text=f"Minister number {number} said the bridge will open in spring")
                score = None if number == 0 else round(0.8 + (number * 37 % QUEUED) / 500, 3)
                link = Link(from_claim_id=newer.id, relation=Relation.SAME_AS,
                            to_claim_id=older.id, status=LinkStatus.SUGGESTED, score=score)
                session.add(link)
                session.flush()
                scores[link.id] = score
    finally:
        engine.dispose()
    return scores


def queue_links(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'action="/review/links/(\d+)"', page)]


def shown_scores(page: str) -> list[float]:
    return [float(s) for s in re.findall(r"· score (\d\.\d\d)", page)]


def test_the_queue_reads_stored_scores_and_rescores_only_what_it_shows(
    web: Browser, cli: Cli, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    scores = fill_queue(database_url)
    by_score = sorted((link for link, s in scores.items() if s is not None),
                      key=lambda link: (-(scores[link] or 0), link))
    unscored = [link for link, s in scores.items() if s is None]
    searches = counted_searches(monkeypatch)

    first = web.get("/review")
    assert first.status_code == 200
    assert f"Showing 1–{SHOWN} of {QUEUED + 1}, the most likely first." in first.text
    assert queue_links(first.text) == by_score[:SHOWN]
    assert shown_scores(first.text) == sorted(shown_scores(first.text), reverse=True)
    assert searches == []  # stored scores, claims unedited: no full-text search at all

    # The last page: the rest of the scored ones and, after them in the queue, the one with
    # no stored score, which is scored now (one search); a page is sorted on what it shows.
    last = web.get("/review?page=2")
    assert sorted(queue_links(last.text)) == sorted([*by_score[SHOWN:], *unscored])
    assert shown_scores(last.text) == sorted(shown_scores(last.text), reverse=True)
    assert len(searches) == 1

    # A claim edited since its suggestion was made: that suggestion is scored again when shown.
    searches.clear()
    top = json.loads(cli.ok("review", "-f", "json", "--limit", "1").stdout)[0]
    cli.ok("claim", "edit", top["claim"]["id"], "--text", "Something else entirely, about "
           "the budget of the city council for next year")
    assert len(searches) == 0
    again = json.loads(cli.ok("review", "-f", "json", "--limit", "3").stdout)
    assert len(searches) == 1 and len(again) == 3  # at most the page, whatever the queue
    # Its stored score still places it; it shows today's score, and its page is sorted on it.
    assert again[-1]["link"] == top["link"] and again[-1]["score"] < 0.8 <= top["score"]
    assert [s["score"] for s in again] == sorted((s["score"] for s in again), reverse=True)
    everything = json.loads(cli.ok("review", "-f", "json").stdout)
    assert len(everything) == QUEUED + 1
    assert len(searches) == 1 + 2  # the whole queue: the edited one and the unscored one


def test_dedupe_stores_the_score_the_queue_shows(cli: Cli) -> None:
    cli.add(ORIGINAL)
    cli.add(REWORDED)
    link_id = int(cli.ok("dedupe").stdout.strip())
    [(stored,)] = query(cli.url, "SELECT score FROM links WHERE id = :link", link=link_id)
    [pending] = json.loads(cli.ok("review", "-f", "json").stdout)
    assert stored is not None and 0.8 <= stored <= 1
    assert pending["score"] == pytest.approx(stored, abs=0.001)


def test_a_page_opened_before_a_decision_does_not_override_it(web: Browser, cli: Cli) -> None:
    text = "The new tax on sugary drinks will raise two billion pounds every single year"
    first, second = cli.add(text), cli.add(text.replace("every single year", "each year"))
    assert web.submit("/review/dedupe", {}, page="/review").status_code == 303
    queue = web.get("/review").text
    [link_id] = queue_links(queue)
    form = dict(re.findall(r'<input type="hidden" name="(shown|status)" value="([^"]+)"', queue))
    assert set(form) == {"shown", "status"}

    rejected = web.submit(f"/review/links/{link_id}", {**form, "decision": "reject"},
                          page="/review")
    assert rejected.status_code == 303
    before = snapshot(cli.url)
    # Back to the page as it was, and the other button.
    stale = web.submit(f"/review/links/{link_id}", {**form, "decision": "confirm"},
                       page="/review")
    assert stale.status_code == 409
    assert said(stale) == (f"Error: Link {link_id} was rejected by tester since you opened "
                           "the queue; nothing was changed. Reload the queue.")
    assert snapshot(cli.url) == before
    [link] = json.loads(cli.ok("link", "list", first, "-f", "json").stdout)
    assert (link["id"], link["status"]) == (link_id, "rejected")
    assert second in (link["from"], link["to"])
    # The same decision again is no conflict: nothing to change.
    again = web.submit(f"/review/links/{link_id}", {**form, "decision": "reject"},
                       page="/review", follow=True)
    reads = f"{link['from']} same_as {link['to']}"
    assert f"Link {link_id} ({reads}) was already rejected." in again.text
    assert snapshot(cli.url) == before
    # The CLI decides what it is told, and says what it overrode.
    assert "is now confirmed (was rejected)" in cli.ok("link", "confirm", str(link_id)).stderr
