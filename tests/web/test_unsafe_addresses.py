"""An address that is no web address (``javascript:``, ``data:``) is never a link on a page,
whatever put it in the database (a file handed over, an older claimtrack, a direct edit)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from claimtrack.store.db import make_engine
from tests.helpers import Cli
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser


@pytest.mark.parametrize("address", ["javascript:alert(1)", " JavaScript:alert(1)",
                                     "data:text/html,<script>alert(1)</script>"])
def test_an_archive_address_that_is_no_web_address_is_shown_as_text(
    web: Browser, cli: Cli, address: str
) -> None:
    claim = cli.add("A claim", "--source", "https://news.example/a")
    engine = make_engine(cli.url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE sources SET archive_url = :address"),
                               {"address": address})
    finally:
        engine.dispose()
    page = web.get(f"/claims/{claim}")
    root = parse_html(page.text)
    hrefs = [a.attrs.get("href", "") for a in root.find_all("a")]
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))]
    claim_side = root.find_all("section", "side-claim")[0].all_text()
    assert f"archived copy: {address.strip()}" in " ".join(claim_side.split())
    assert "<script>alert" not in page.text
