"""The rating table: built-in labels in several languages, numeric scales, your own labels."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claimtrack.core.enums import Rating
from claimtrack.core.ratings import RatingTable, rating_from_scale
from tests.helpers import Cli, query, write


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Pants on Fire!", "false"),
        ("FOUR PINOCCHIOS", "false"),
        ("Three Pinocchios", "mostly-false"),
        ("Misleading", "mostly-false"),
        ("Half True", "mixed"),
        ("Lacks context", "mostly-false"),
        ("Mostly true.", "mostly-true"),
        ("mostly-false", "mostly-false"),
        ("Engañoso", "mostly-false"),
        ("Faux", "false"),
        ("Irreführend", "mostly-false"),
        ("Verdadeiro", "true"),
        ("Fuorviante", "mostly-false"),
        ("Неправда", "false"),
        ("Маніпуляція", "mostly-false"),
        ("Something new", "unverifiable"),
    ],
)
def test_builtin_labels(label: str, expected: str) -> None:
    assert RatingTable().normalize(label) == Rating(expected)


def test_numeric_scales() -> None:
    politifact = [rating_from_scale(v, best=6, worst=1) for v in range(1, 7)]
    assert politifact == ["false", "false", "mostly-false", "mixed", "mostly-true", "true"]
    assert [rating_from_scale(v) for v in range(1, 6)] == [
        "false",
        "mostly-false",
        "mixed",
        "mostly-true",
        "true",
    ]  # schema.org defaults 1..5
    assert [rating_from_scale(v, 1, -1) for v in (-1, 0, 1)] == ["false", "mixed", "true"]
    assert rating_from_scale(-1, best=5) is None  # -1 on a 1-to-5 scale: not rated
    assert rating_from_scale(3, best=1, worst=5) is None  # a broken scale


def test_label_first_then_number() -> None:
    table = RatingTable(user={"bogus": Rating.FALSE})
    assert table.normalize("Falso", 5, 5, 1) == "false"  # a reversed scale does not win
    assert table.normalize("Needs a look", 4, 5, 1) == "mostly-true"
    assert table.normalize("BOGUS") == "false"
    assert table.normalize(None) == "unverifiable"


def test_ratings_command_shows_the_table_in_every_format(cli: Cli) -> None:
    table = cli.ok("ratings").stdout
    assert "pants on fire" in table and "built-in" in table
    rows = json.loads(cli.ok("ratings", "-f", "json").stdout)
    assert {
        "label": "engañoso",
        "rating": "mostly-false",
        "language": "es",
        "origin": "built-in",
    } in rows
    assert "| label" in cli.ok("ratings", "-f", "markdown").stdout
    parsed = list(csv.DictReader(io.StringIO(cli.ok("ratings", "-f", "csv").stdout)))
    assert len(parsed) == len(rows)


def test_your_own_labels(cli: Cli, tmp_path: Path) -> None:
    assert "no mappings" in cli.ok("ratings", "--mine").stderr
    claim = cli.add("A claim")
    cli.ok("verdict", "add", claim, "--rating", "Bogus", "--by", "Desk")
    cli.ok("ratings", "add", "bogus", "false")
    mine = json.loads(cli.ok("ratings", "--mine", "-f", "json").stdout)
    assert mine == [{"label": "bogus", "rating": "false", "language": "", "origin": "yours"}]
    # The verdict recorded before keeps its reading until --apply.
    assert query(cli.url, "SELECT normalized FROM verdicts") == [("unverifiable",)]
    added = cli.ok("verdict", "add", claim, "--rating", "BOGUS", "--by", "Other desk")
    assert "Read 'BOGUS' as false" in added.stderr  # `verdict add` reads your labels too
    cli.ok("verdict", "rm", added.stdout.strip())
    sheet = write(tmp_path / "s.csv", "claim,verdict,reviewer\nAnother claim,BOGUS,Desk\n")
    cli.ok("import", sheet)
    assert sorted(query(cli.url, "SELECT normalized FROM verdicts")) == [
        ("false",),
        ("unverifiable",),
    ]
    result = cli.ok("ratings", "add", "Bogus", "mixed", "--apply")
    assert "Re-read 2 verdicts" in result.stderr
    assert query(cli.url, "SELECT DISTINCT normalized FROM verdicts") == [("mixed",)]
    overridden = cli.ok("ratings", "add", "False", "mixed")
    assert "built-in table" in overridden.stderr
    cli.ok("ratings", "rm", "BOGUS")
    assert "no mapping" in cli.fails("ratings", "rm", "bogus").stderr
    cli.fails("ratings", "add", "x", "maybe", code=2)
