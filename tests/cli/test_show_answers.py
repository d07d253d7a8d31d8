"""`show ID` says what the claim itself answers ("↳ contradicts c-… Seymour Hersh…") in every
format: the table's tree, JSON's `answers`, and markdown and CSV too."""

from __future__ import annotations

import csv
import io
import json

from tests.helpers import Cli


def test_show_says_what_the_claim_answers_in_markdown_and_csv(cli: Cli) -> None:
    hersh = cli.add("The United States blew up Nord Stream", "--speaker", "Seymour Hersh",
                    "--date", "2023-02-08")
    answer = cli.add("Utterly false and complete fiction", "--speaker", "White House")
    cli.ok("link", "add", answer, "contradicts", hersh)
    line = f"↳ contradicts {hersh}  Seymour Hersh · 2023-02-08: The United States blew up"
    assert line in cli.ok("show", answer).stdout
    assert json.loads(cli.ok("show", answer, "-f", "json").stdout)["answers"][0]["claim"][
        "id"] == hersh
    markdown = cli.ok("show", answer, "-f", "markdown").stdout
    assert (f"↳ contradicts `{hersh}` Seymour Hersh · 2023-02-08: The United States blew up "
            "Nord Stream") in markdown
    rows = list(csv.DictReader(io.StringIO(cli.ok("show", answer, "-f", "csv").stdout)))
    assert [(r["side"], r["relation"], r["id"], r["speaker"]) for r in rows] == [
        ("claim", "", answer, "White House"),
        ("answers", "contradicts", hersh, "Seymour Hersh"),
    ]
