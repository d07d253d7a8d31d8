"""The verdict form refuses a reading that is not on claimtrack's scale, as the CLI refuses a
bad --normalized: the error beside the field, and nothing written."""

from __future__ import annotations

import pytest

from tests.helpers import Cli, snapshot
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser

REFUSED = ("Error: 'bogus' is not a reading on claimtrack's scale. Choose from true, "
           "mostly-true, mixed, mostly-false, false, unverifiable. Or choose “read it from the "
           "label”. Nothing was added.")


@pytest.mark.parametrize("action", ["add", "preview"])
def test_a_reading_off_the_scale_is_refused_beside_its_field(
    web: Browser, cli: Cli, action: str
) -> None:
    claim = cli.add("The river bridge was closed for a week")
    page = f"/claims/{claim}"
    before = snapshot(cli.url)
    answer = web.submit(f"{page}/verdicts", {"rating": "False", "by": "X", "normalized": "bogus",
                                             "action": action}, page=page)
    assert answer.status_code == 400
    (wrong,) = [f for f in parse_html(answer.text).find_all("div", "field")
                if "has-error" in f.attrs["class"]]
    assert wrong.find_all("select")[0].attrs["name"] == "normalized"
    assert wrong.find_all("p", "field-error")[0].all_text() == REFUSED
    assert snapshot(cli.url) == before
    cli.fails("verdict", "add", claim, "--rating", "False", "--by", "X", "--normalized",
              "bogus", code=2)  # the CLI refuses it too


def test_a_reading_chosen_on_the_scale_is_kept_whatever_its_case(web: Browser, cli: Cli) -> None:
    claim = cli.add("The river bridge was closed for a week")
    page = f"/claims/{claim}"
    added = web.submit(f"{page}/verdicts", {"rating": "Wobbly", "by": "X",
                                            "normalized": "Mostly-False"}, page=page)
    assert added.status_code == 303
    assert '"normalized": "mostly-false"' in cli.ok("verdict", "list", claim, "-f", "json").stdout
