"""Hints from a new user's trial: advice that fits what was typed (a language, a search that
found nothing, a tag nobody used) and `--help` examples that work on the README tour's data."""

from __future__ import annotations

import shlex

import pytest

from claimtrack.cli._policy import split_examples
from claimtrack.cli.search import search
from tests.helpers import Cli


@pytest.fixture
def toured(cli: Cli) -> Cli:
    """The README tour's database: two claims, an alias, a denial."""
    wh = cli.add('Russia has already deployed operatives … in a "false-flag operation"',
                 "--speaker", "White House", "--date", "2022-01-14", "--tag", "ukraine")
    lavrov = cli.add('The U.S. claim is "total disinformation."', "--speaker", "Sergey Lavrov",
                     "--date", "2022-01-17")
    cli.ok("actor", "edit", "Sergey Lavrov", "--kind", "person", "--alias", "Sergei Lavrov")
    cli.ok("link", "add", lavrov, "denies", wh)
    return cli


def test_a_language_that_is_not_a_tag_is_asked_for_as_a_bcp_47_tag(cli: Cli) -> None:
    error = cli.fails("claim", "add", "A claim", "--language", "english").stderr
    assert "'english' is not a language code; use a BCP 47 tag such as en, ru or pt-BR." in error
    assert "ISO 639" not in error


def test_search_examples_work_on_the_tour_database(toured: Cli) -> None:
    assert search.__doc__ is not None
    _body, examples = split_examples(search.__doc__)
    assert examples
    for example in examples:
        found = toured.ok(*shlex.split(example)[1:])
        assert found.stdout.strip(), example


def test_a_search_for_a_speaker_name_suggests_their_claims(toured: Cli) -> None:
    toured.add("Nord Stream was blown up by the United States", "--speaker", "Seymour Hersh")
    hint = toured.ok("search", "Hersh").stderr
    assert hint == ("No claim's text matches 'Hersh'; for the claims of Seymour Hersh, run "
                    "`claimtrack claim list --speaker 'Seymour Hersh'`.\n")
    assert "'Sergey Lavrov'" in toured.ok("search", "sergei").stderr  # an alias's word
    word = toured.ok("search", "zeppelin").stderr
    assert "No claim matches 'zeppelin'; check its spelling" in word and "fewer" not in word
    assert "try fewer words" in toured.ok("search", "zeppelin", "operatives").stderr


def test_a_tag_no_claim_has_is_an_error_with_the_nearest_tag(toured: Cli) -> None:
    for command in (["claim", "list"], ["report", "contested"], ["export"], ["graph"]):
        error = toured.fails(*command, "--tag", "ukrain").stderr
        assert error == ("Error: No claim is tagged 'ukrain'. Did you mean 'ukraine'? See each "
                         "claim's tags with `claimtrack claim list`.\n"), command
    assert "Did you mean" not in toured.fails("claim", "list", "--tag", "nosuchtag").stderr
    assert "No claims match" in toured.ok("claim", "list", "--tag", "ukraine",
                                          "--speaker", "Sergey Lavrov").stderr
