"""The HTML report in a real browser: headless Chromium (Debian's `chromium` package).

In CI (CLAIMTRACK_CI=1) these fail when Chromium is missing; locally they skip.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Cli
from tests.helpers.browser import CONTRAST, DevTools, devtools, dump_dom
from tests.helpers.reports import (
    HOSTILE_TEXTS,
    add_hostile_dispute,
    contested_json,
    injected_markup,
    parse_html,
)

pytestmark = pytest.mark.slow

# Every dispute card, its claim and each response: rendered with a size, and not hidden.
VISIBLE_SIDES = """(() => [...document.querySelectorAll('article.dispute')].map(card => ({
  id: card.id,
  visible: card.checkVisibility() && card.getBoundingClientRect().height > 0,
  sides: [...card.querySelectorAll('blockquote.text')].filter(
    q => q.checkVisibility() && q.getBoundingClientRect().width > 0).map(q => q.textContent),
})))()"""


# True when every dispute with responses shows the claim on the left and its answers beside it.
SIDE_BY_SIDE = """(() => [...document.querySelectorAll('article.dispute')].filter(
  card => card.querySelector('.responses-column .side')).every(card => {
    const claim = card.querySelector('.side-claim').getBoundingClientRect();
    const answers = card.querySelector('.responses-column').getBoundingClientRect();
    return claim.right <= answers.left && Math.abs(claim.top - answers.top) < 2;
  }))()"""


@pytest.fixture
def report(seeded: Cli, tmp_path: Path) -> tuple[Path, list[dict[str, Any]]]:
    """The seed disputes plus a hostile one, written as an HTML report; and the JSON report."""
    add_hostile_dispute(seeded)
    page = tmp_path / "report.html"
    seeded.ok("report", "contested", "--format", "html", "-o", str(page))
    return page, contested_json(seeded)


def _sides(dispute: dict[str, Any]) -> list[str]:
    texts = [dispute["claim"]["text"]]
    for response in dispute["responses"]:
        texts.append(response["claim"]["text"])
        texts += [supporter["claim"]["text"] for supporter in response["supporters"]]
    return texts


def test_chromium_shows_every_dispute_and_no_injected_element(
    report: tuple[Path, list[dict[str, Any]]],
) -> None:
    page, expected = report
    root = parse_html(dump_dom(page))
    cards = {card.attrs["id"]: card for card in root.find_all("article", "dispute")}
    assert len(cards) == 5  # the four seed disputes and the hostile one
    seed_ids = {d["claim"]["id"] for d in expected if d["claim"]["id"].startswith("c-seed")}
    assert len(seed_ids) == 4 and seed_ids <= set(cards)
    for dispute in expected:
        card = cards[dispute["claim"]["id"]]
        assert [q.all_text() for q in card.find_all("blockquote", "text")] == _sides(dispute)
    assert injected_markup(root) == []
    text = root.all_text()
    for hostile in HOSTILE_TEXTS:
        assert hostile in text


def test_chromium_lays_out_both_sides_readably_on_screen_phone_and_paper(
    report: tuple[Path, list[dict[str, Any]]],
) -> None:
    page, expected = report
    wanted = {d["claim"]["id"]: _sides(d) for d in expected}
    with devtools() as browser:
        for width, media in ((1280, ""), (1440, ""), (375, ""), (800, "print")):
            browser.open(page, width=width)
            browser.media(media)
            _assert_readable(browser, wanted, f"{width}px {media or 'screen'}")
            beside = browser.evaluate(SIDE_BY_SIDE)
            assert beside == (width >= 1152 and not media), f"{width}px {media}: {beside}"
        assert browser.evaluate("document.querySelector('nav.contents').checkVisibility()") is False
        after = browser.evaluate(
            "getComputedStyle(document.querySelector('a[href^=\"https\"]'), '::after').content")
        assert "https://" in after  # printed links show their address


def _assert_readable(browser: DevTools, wanted: dict[str, list[str]], where: str) -> None:
    cards = browser.evaluate(VISIBLE_SIDES)
    assert {card["id"]: card["sides"] for card in cards} == wanted, where
    assert all(card["visible"] for card in cards), where
    contrast = browser.evaluate(CONTRAST)
    assert contrast["checked"] > 50 and contrast["failures"] == [], where
    overflow = browser.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{where}: the page scrolls sideways by {overflow}px"
    assert json.loads(browser.evaluate("JSON.stringify(document.scripts.length)")) == 0
