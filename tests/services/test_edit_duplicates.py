"""`claim edit` refuses to make a claim the same as another (same text, speaker and date), as
`claim add` refuses to add it twice; an edit that leaves those three as they were never is."""

from __future__ import annotations

import json

from tests.helpers import Cli


def stored(cli: Cli) -> list[tuple[str, str | None]]:
    return sorted((c["text"], c["speaker"])
                  for c in json.loads(cli.ok("claim", "list", "-f", "json").stdout))


def test_an_edit_that_would_duplicate_a_claim_is_refused_and_changes_nothing(cli: Cli) -> None:
    kept = cli.add("This is utterly false and complete fiction.", "--speaker", "Adrienne Watson")
    other = cli.add("It is nonsense.", "--speaker", "CIA spokesperson")
    before = stored(cli)
    result = cli.fails("claim", "edit", other, "--text",
                       "This is utterly false and complete fiction.",
                       "--speaker", "adrienne watson")  # names compare in any case
    assert f"same claim (same text, speaker and date) as {kept}" in result.stderr
    assert (f"run `claimtrack claim merge {kept} {other}`; if they are distinct, edit it with "
            "--allow-duplicate.") in result.stderr
    assert stored(cli) == before
    cli.ok("claim", "edit", other, "--text", "This is utterly false and complete fiction.",
           "--speaker", "Adrienne Watson", "--allow-duplicate")  # two claims, on purpose
    assert stored(cli) == [("This is utterly false and complete fiction.", "Adrienne Watson")] * 2
    # another date makes it another claim
    other = cli.add("It is nonsense.", "--speaker", "CIA spokesperson")
    cli.ok("claim", "edit", other, "--text", "This is utterly false and complete fiction.",
           "--speaker", "Adrienne Watson", "--date", "2023-02-08")


def test_a_duplicate_kept_on_purpose_stays_editable(cli: Cli) -> None:
    cli.add("Prices rose", "--speaker", "Ann")
    twin = cli.add("Prices rose", "--speaker", "Ann", "--allow-duplicate")
    # a form sends every field back unchanged with a new summary: nothing to refuse
    cli.ok("claim", "edit", twin, "--text", "Prices rose", "--speaker", "Ann",
           "--summary", "the second time she said it")
    assert stored(cli) == [("Prices rose", "Ann"), ("Prices rose", "Ann")]

