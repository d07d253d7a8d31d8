"""The "Have we seen this?" page tells a close wording with other figures from the same claim."""

from __future__ import annotations

from tests.helpers import Cli
from tests.helpers.web import Browser

JOBS = "Unemployment fell to 3.5 percent in May, the lowest level in 50 years, the ministry said."


def test_a_close_wording_with_other_figures_is_not_called_the_same_claim(
    web: Browser, cli: Cli
) -> None:
    claim = cli.add(JOBS, "--speaker", "Labour Minister")
    page = web.get("/match", params={"text": JOBS.replace("3.5", "8.5")}).text
    assert claim in page and "likely the same claim" not in page
    assert "reads alike, but other figures (8.5 / 3.5)" in page
    assert "likely the same claim" in web.get("/match", params={"text": JOBS}).text
