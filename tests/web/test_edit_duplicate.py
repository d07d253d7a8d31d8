"""The web's claim form refuses an edit that would make a claim the same as another, in the
web's words (tests/services/test_edit_duplicates.py has the command line's)."""

from __future__ import annotations

import re

from tests.helpers import Cli
from tests.helpers.web import Browser
from tests.services.test_edit_duplicates import stored


def test_the_web_form_says_it_in_its_own_words(web: Browser, cli: Cli) -> None:
    kept = cli.add("The dam is sound", "--speaker", "Engineers")
    other = cli.add("The dam is safe", "--speaker", "Engineers")
    page = web.get(f"/claims/{other}/edit").text
    version = re.search(r'name="version" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
    answer = web.submit(f"/claims/{other}/edit", {"text": "The dam is sound",
                                                  "speaker": "Engineers", "version": version},
                        page=f"/claims/{other}/edit")
    assert answer.status_code == 409
    assert f"merge {other} into {kept} from the review queue" in answer.text
    assert "claimtrack claim merge" not in answer.text and "--allow-duplicate" not in answer.text
    assert "can be kept from the command line only" in answer.text
    assert stored(cli) == [("The dam is safe", "Engineers"), ("The dam is sound", "Engineers")]
