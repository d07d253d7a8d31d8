"""The desk's main flows in a real browser: Playwright driving the system's Chromium (no
browser download). Every page visited is checked for console errors (a CSP violation is one)
and by an accessibility check. In CI (CLAIMTRACK_CI=1) these fail without Chromium.

Set CLAIMTRACK_WEB_SCREENSHOTS=DIR to keep a screenshot of each flow's last page.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from claimtrack.core.enums import Role
from tests.helpers import Cli
from tests.helpers.browser import CONTRAST, chromium
from tests.helpers.web import PASSWORD, add_users

pytestmark = pytest.mark.slow

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# A focused automated accessibility check, run in the page: the document's language, one
# main landmark and one h1, headings that do not skip levels, a label for every control, alt
# text, named links and buttons, unique ids, aria-describedby targets, and the contrast of
# every text (WCAG 2.x AA: 4.5:1, 3:1 for large text) against what is behind it.
ACCESSIBILITY = """(() => {
  const problems = [];
  if (!document.documentElement.lang) problems.push('html without lang');
  if (document.querySelectorAll('main').length !== 1) problems.push('not one <main>');
  if (document.querySelectorAll('h1').length !== 1) problems.push('not one <h1>');
  let last = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (last && level > last + 1) problems.push(`${h.tagName} after h${last}: ${h.textContent}`);
    last = level;
  }
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (['hidden', 'submit', 'button'].includes(el.type)) continue;
    const label = (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`))
      || el.closest('label') || el.getAttribute('aria-label')
      || el.getAttribute('aria-labelledby');
    if (!label || (label.textContent !== undefined && !label.textContent.trim()))
      problems.push(`control without a label: ${el.tagName} ${el.name}`);
  }
  for (const img of document.querySelectorAll('img'))
    if (!img.getAttribute('alt')) problems.push(`img without alt: ${img.src}`);
  for (const el of document.querySelectorAll('a, button'))
    if (!el.textContent.trim() && !el.getAttribute('aria-label'))
      problems.push(`unnamed ${el.tagName}`);
  const seen = new Set();
  for (const el of document.querySelectorAll('[id]')) {
    if (seen.has(el.id)) problems.push(`duplicate id ${el.id}`);
    seen.add(el.id);
  }
  for (const el of document.querySelectorAll('[aria-describedby]'))
    for (const id of el.getAttribute('aria-describedby').split(/\\s+/))
      if (!document.getElementById(id)) problems.push(`aria-describedby points nowhere: ${id}`);
  for (const failure of """ + CONTRAST + """.failures)
    problems.push(`contrast: ${failure}`);
  return problems;
})()"""

ARTICLE = (
    'Minister Sergey Lavrov said on Monday that "no troops are massing at the border." '
    'The White House denied that, saying satellite images show tens of thousands of troops.'
)
DUPLICATE = "The new tax on sugary drinks will raise two billion pounds every single year"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory,
           new_database: Callable[[Path], AbstractContextManager[str]]) -> Iterator[str]:
    """``claimtrack serve`` for a team (viewer, checker, editor), in a thread of this process."""
    import uvicorn
    from argon2 import PasswordHasher

    from claimtrack.services import users
    from claimtrack.store.db import make_engine
    from claimtrack.web.app import create_app

    with pytest.MonkeyPatch.context() as patch, new_database(
            tmp_path_factory.mktemp("web")) as url:
        quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        patch.setattr(users, "_hasher", lambda: quick)
        patch.setattr(users, "_decoy_hash", lambda: quick.hash("decoy"))
        add_users(url, Role.VIEWER, Role.CHECKER, Role.EDITOR)
        cli = Cli(url)
        first = cli.add(DUPLICATE, "--speaker", "Treasury")
        cli.add(DUPLICATE.replace("every single year", "each year"), "--speaker", "Chancellor")
        cli.ok("dedupe")
        cli.ok("verdict", "add", first, "--rating", "Mostly True", "--by", "FactCheck")
        engine = make_engine(url)
        port = free_port()
        instance = uvicorn.Server(uvicorn.Config(create_app(engine), host="127.0.0.1", port=port,
                                                 log_level="warning"))
        thread = threading.Thread(target=instance.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not instance.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            instance.should_exit = True
            thread.join(timeout=30)
            engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium for the module (the Debian package, never a downloaded build)."""
    from playwright.sync_api import sync_playwright

    executable = chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        yield launched
        launched.close()


class Desk:
    """A signed-in person's tab: visits pages and checks each one."""

    def __init__(self, page: Any, base: str) -> None:
        self.page, self.base, self.errors = page, base, []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def visit(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.check()

    def check(self, *, status: int | None = None) -> None:
        """No console error so far, and the accessibility check passes on this page.
        ``status``: the page itself answered with this error status, which Chromium logs."""
        self.page.wait_for_load_state("load")
        problems = self.page.evaluate(ACCESSIBILITY)
        assert not problems, (self.page.url, problems)
        expected = f"the server responded with a status of {status}"
        errors = [e for e in self.errors if status is None or expected not in e]
        assert not errors, (self.page.url, errors)
        self.errors.clear()

    def sign_in(self, name: str) -> None:
        self.visit("/signin")
        self.page.fill("#f-name", name)
        self.page.fill("#f-password", PASSWORD)
        self.page.click("button:has-text('Sign in')")
        self.check()
        assert f"Signed in as {name}" in self.page.inner_text(".flash")

    def screenshot(self, name: str) -> None:
        folder = os.environ.get("CLAIMTRACK_WEB_SCREENSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.fixture
def desk(browser: Any, server: str) -> Iterator[Desk]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield Desk(context.new_page(), server)
    finally:
        context.close()


def test_sign_in_log_a_claim_deny_it_and_see_it_contested(desk: Desk) -> None:
    desk.sign_in("checker")
    page = desk.page
    desk.visit("/claims/new")
    page.fill("#f-text", "The river bridge was closed for a whole week in May")
    page.fill("#f-speaker", "Tre")  # the suggestions come from actors (progressive enhancement)
    page.locator("#speaker-names option").first.wait_for(state="attached")
    assert page.eval_on_selector("#speaker-names option", "o => o.value") == "Treasury"
    page.fill("#f-speaker", "Mayor Jones")
    page.fill("#f-date", "2023-05-02")
    page.click("button:has-text('Add the claim')")
    desk.check()
    claim_id = page.url.rsplit("/", 1)[1]
    desk.visit("/claims/new")
    page.fill("#f-text", "The bridge never closed, not even for a day")
    page.fill("#f-speaker", "City Council")
    page.click("button:has-text('Add the claim')")
    desk.check()
    denial_id = page.url.rsplit("/", 1)[1]
    desk.visit(f"/claims/{claim_id}")
    page.fill("#f-other", denial_id)
    page.select_option("#f-relation", "denies")
    page.fill("#f-note", "the council's statement")
    page.click("button:has-text('Link')")
    desk.check()
    assert "Linked" in page.inner_text(".flash")
    responses = page.inner_text(".side-responses")
    assert "The bridge never closed" in responses and "Denied by" in responses
    desk.screenshot("dispute")
    desk.visit("/")
    row = page.locator(".dispute-row", has_text="The river bridge was closed")
    assert "contested: 1 challenge" in row.inner_text()
    desk.screenshot("contested")


def test_the_verdict_form_previews_the_reading_as_you_type(desk: Desk) -> None:
    desk.sign_in("checker")
    desk.visit("/claims/new")
    desk.page.fill("#f-text", "A claim to check")
    desk.page.click("button:has-text('Add the claim')")
    desk.check()
    desk.page.fill("#f-rating", "Pants on Fire")
    desk.page.wait_for_selector("#rating-reading:text-is('false')")
    desk.check()


def test_accept_an_extraction_suggestion(desk: Desk) -> None:
    desk.sign_in("checker")
    page = desk.page
    desk.visit("/extract")
    page.fill("#f-text", ARTICLE)
    page.click("button:has-text('Find the claims')")
    desk.check()
    assert page.locator("mark.suggested").count() >= 2
    for radio in page.locator("input[type=radio][value=reject]").all():
        radio.check()
    page.check("#accept-s1")
    page.fill("#f-source", "https://news.example/troops")
    desk.screenshot("extract")
    page.click("button:has-text('Record the accepted suggestions')")
    desk.check()
    table = page.inner_text("table.grid")
    assert "s1" in table and "added" in table and "Sergey Lavrov" in table
    assert "s2" not in table


def test_confirm_a_duplicate(desk: Desk) -> None:
    desk.sign_in("checker")
    page = desk.page
    desk.visit("/review")
    suggestion = page.locator(".suggestion", has_text="sugary drinks")
    assert suggestion.count() == 1
    desk.screenshot("review")
    suggestion.locator("button:has-text('Confirm: the same claim')").click()
    desk.check()
    assert "is now confirmed" in page.inner_text(".flash")
    assert "No suggestion is waiting." in page.inner_text("main")


def test_a_viewer_is_refused_a_write(desk: Desk) -> None:
    desk.sign_in("viewer")
    page = desk.page
    assert page.locator("nav a:has-text('Add a claim')").count() == 0  # not offered
    answer = page.goto(desk.base + "/claims/new")  # typed: refused before anything is typed
    assert answer is not None and answer.status == 403
    desk.check(status=403)
    assert "a viewer" in page.inner_text("p.error") and page.locator("#f-text").count() == 0
    desk.visit("/?q=viewer")
    assert "0 contested claims" in page.inner_text("#count")


def test_every_page_passes_the_checks(desk: Desk) -> None:
    desk.sign_in("editor")
    page = desk.page
    desk.visit("/actor?name=Treasury")
    claim_href = page.locator("main a[href^='/claims/']").first.get_attribute("href")
    for path in ["/", "/?q=tax", "/claims", "/claims?q=tax", "/claims/new", "/match",
                 "/match?text=sugary+drinks+tax+raise",
                 "/review", "/extract", "/import", "/downloads", "/actors",
                 "/actor?name=Treasury", claim_href, f"{claim_href}/edit",
                 f"{claim_href}/timeline", f"{claim_href}/graph", f"{claim_href}/delete",
                 f"{claim_href}/links",
                 "/no/such/page"]:
        if path == "/no/such/page":
            page.goto(desk.base + path)
            desk.check(status=404)
        else:
            desk.visit(path)
    desk.visit(f"{claim_href}/graph")
    image = page.locator("figure.graph img")
    if image.count():  # Graphviz installed: the SVG loads as an image
        assert page.evaluate("document.querySelector('figure.graph img').naturalWidth") > 0
    desk.page.set_viewport_size({"width": 390, "height": 800})  # a phone: still usable
    desk.visit(claim_href)
    desk.screenshot("dispute-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways page
    # Words stay whole in tables (a cell of one word, unhyphenated, is on one line); tables
    # scroll instead.
    broken = page.evaluate("""[...document.querySelectorAll('table.grid th, table.grid td')]
        .filter(th => !/[\\s-]/.test(th.textContent.trim()))
        .filter(th => { const r = document.createRange(); r.selectNodeContents(th);
                        return new Set([...r.getClientRects()].map(b => Math.round(b.top)))
                               .size > 1; })
        .map(th => th.textContent.trim())""")
    assert page.locator("table.grid th").count() and broken == []
    desk.page.set_viewport_size({"width": 1280, "height": 900})
