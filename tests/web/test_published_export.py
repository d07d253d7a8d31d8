"""The ClaimReview download offers published verdicts only, as ``export --published-only``."""

from __future__ import annotations

import json

from tests.helpers import Cli
from tests.helpers.web import Browser


def test_the_claimreview_download_can_leave_out_unpublished_verdicts(
    web: Browser, cli: Cli
) -> None:
    claim = cli.add("The river bridge was closed in May", "--speaker", "Mayor Jones")
    cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Desk")
    cli.ok("verdict", "add", claim, "--rating", "Mostly True", "--by", "Other Desk")
    for status in ("in-review", "published"):
        cli.ok("claim", "status", status, claim)
    first = json.loads(cli.ok("claim", "show", claim, "-f", "json").stdout)["verdicts"][0]["id"]
    for status in ("in-review", "published"):
        cli.ok("verdict", "status", status, first)
    assert 'href="/download/export.claimreview?published=yes"' in web.get("/downloads").text
    everything = web.get("/download/export.claimreview")
    published = web.get("/download/export.claimreview?published=yes")
    assert len(json.loads(everything.text)) == 2
    assert len(json.loads(published.text)) == 1
    assert "claimtrack-claimreview-published.json" in published.headers["content-disposition"]
