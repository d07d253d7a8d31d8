"""The web's extract page applies the library's rules as ``claimtrack extract`` does: words
recorded before are that claim again (one more appearance, no copy, no link to itself), a
binary page is refused before anything is archived, and the same length limit holds."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_extract_inputs import FIRST, PESKOV, SECOND
from tests.extract.pages import LONG, odd_site
from tests.helpers import Cli, snapshot
from tests.helpers.web import Browser


def test_words_recorded_before_are_that_claim_again_on_the_web(web: Browser, cli: Cli) -> None:
    cli.ok("extract", "-", "--apply", "--source", "https://example.com/one", "--all",
           input=FIRST + PESKOV)
    [recorded] = [c["id"] for c in json.loads(cli.ok("claim", "list", "-f", "json").stdout)
                  if c["speaker"] == "Dmitry Peskov"]
    shown = web.submit("/extract", {"text": SECOND + PESKOV}, page="/extract")
    assert shown.status_code == 200
    assert f"s2 is already recorded as {recorded} (same speaker, same words)" in shown.text
    assert f"answers {recorded}" not in shown.text
    done = web.submit("/extract/apply", {"text": SECOND + PESKOV, "decide-s1": "accept",
                                         "decide-s2": "accept",
                                         "source": "https://example.com/two"}, page="/extract")
    assert done.status_code == 200 and "already recorded" in done.text
    claims = json.loads(cli.ok("claim", "list", "-f", "json").stdout)
    assert [c["id"] for c in claims if c["speaker"] == "Dmitry Peskov"] == [recorded]
    again = json.loads(cli.ok("claim", "show", recorded, "-f", "json").stdout)
    assert [s["url"] for s in again["sources"]] == ["https://example.com/one",
                                                    "https://example.com/two"]
    assert json.loads(cli.ok("link", "list", "-f", "json").stdout) == []


def test_a_binary_page_is_refused_before_anything_is_archived(
    web: Browser, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(cli.url)
    with odd_site(monkeypatch) as site:
        answer = web.submit("/extract", {"text": "", "source": site.url("/bin.bin")},
                            page="/extract")
    assert answer.status_code == 400
    assert "is not UTF-8 (byte 128) nor a web page" in answer.text
    assert snapshot(cli.url) == before


def test_the_pasted_text_has_the_same_limit(web: Browser) -> None:
    answer = web.submit("/extract", {"text": LONG}, page="/extract")
    assert answer.status_code == 400 and "is 200,001 characters long" in answer.text
