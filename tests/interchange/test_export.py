"""`claimtrack export --format claimreview|csv|jsonl|native`, with filters, and round trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import CLAIMREVIEW, FIXTURES, Cli, claims, write


@pytest.fixture
def other(second_database_url: str) -> Cli:
    """A CLI on a second, empty database (same backend as ``cli``)."""
    return Cli(second_database_url)


@pytest.fixture
def reviewed(cli: Cli) -> dict[str, str]:
    """Claims with verdicts of every kind: known label, unknown label corrected by hand, no url."""
    cli.ok("actor", "add", "Jane Roe", "--kind", "person")
    first = cli.add(
        "=SUM(A1) is what she said",
        "--speaker",
        "Jane Roe",
        "--date",
        "2021-01-02",
        "--source",
        "https://news.example.com/a",
        "--quote",
        "-5% as quoted",
        "--tag",
        "economy",
    )
    cli.ok("source", "edit", "https://news.example.com/a", "--title", "The article")
    cli.ok("appearance", "add", first, "https://video.example.net/v", "--seen", "2021-01-03")
    second = cli.add("Nobody reviewed this one", "--speaker", "John Doe")
    cli.ok(
        "verdict",
        "add",
        first,
        "--rating",
        "Pants on Fire",
        "--by",
        "Example Fact Desk",
        "--url",
        "https://factdesk.example.org/1",
        "--date",
        "2021-01-05",
        "--note",
        "No.",
    )
    cli.ok(
        "verdict",
        "add",
        first,
        "--rating",
        "Cuestionable",
        "--normalized",
        "mostly-false",
        "--by",
        "Verificador Ejemplo",
        "--url",
        "https://verificador.example.org/1",
    )
    cli.ok("verdict", "add", second, "--rating", "Unproven", "--by", "Example Fact Desk")
    return {"first": first, "second": second}


def verdict_set(cli: Cli) -> list[tuple[Any, ...]]:
    listed = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    shown = {
        v["claim"]: json.loads(cli.ok("claim", "show", v["claim"], "-f", "json").stdout)
        for v in listed
    }
    return sorted(
        (
            shown[v["claim"]]["text"],
            v["rating"],
            v["normalized"],
            v["by"],
            v["date"],
            v["url"],
            v["explanation"],
        )
        for v in listed
    )


def test_claimreview_has_every_field_google_requires_or_recommends(
    cli: Cli, reviewed: dict[str, str]
) -> None:
    reviews = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    assert len(reviews) == 3  # one per verdict
    full = next(r for r in reviews if r.get("url") == "https://factdesk.example.org/1")
    assert full["@context"] == "https://schema.org" and full["@type"] == "ClaimReview"
    assert full["claimReviewed"] == "=SUM(A1) is what she said"
    assert full["datePublished"] == "2021-01-05"
    assert full["author"] == {"@type": "Organization", "name": "Example Fact Desk"}
    assert full["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Pants on Fire",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    }
    item = full["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Jane Roe"}
    assert item["datePublished"] == "2021-01-02"
    # Only one appearance is dated: nothing says which came first, so neither is "first".
    assert "firstAppearance" not in item
    assert item["appearance"] == [
        {"@type": "CreativeWork", "url": "https://video.example.net/v",
         "datePublished": "2021-01-03"},
        {"@type": "CreativeWork", "url": "https://news.example.com/a", "headline": "The article"},
    ]
    assert full["reviewBody"] == "No."
    unverifiable = next(r for r in reviews if r["reviewRating"]["alternateName"] == "Unproven")
    assert "ratingValue" not in unverifiable["reviewRating"] and "url" not in unverifiable


def test_claimreview_round_trip_keeps_every_verdict(
    cli: Cli, other: Cli, reviewed: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "reviews.json"
    cli.ok("export", "--format", "claimreview", "-o", str(path))
    other.ok("import", str(path))
    assert verdict_set(other) == verdict_set(cli)
    again = other.ok("import", str(path))
    assert "added 0, updated 0" in again.stderr


def test_imported_claimreview_exports_with_its_original_properties(cli: Cli) -> None:
    cli.ok("import", str(CLAIMREVIEW / "schemaorg" / "eg-0324.jsonld"))
    (review,) = json.loads(cli.ok("export", "-f", "claimreview").stdout)
    original = json.loads((CLAIMREVIEW / "schemaorg" / "eg-0324.jsonld").read_text())
    assert review["author"]["image"] == original["author"]["image"]
    # The label did not change: the publisher's rating, with schema.org's default worstRating
    # written out.
    assert review["reviewRating"] == {**original["reviewRating"], "worstRating": 1}
    assert review["author"]["name"] == "politifact.com"


def test_csv_export_neutralises_formulas_and_round_trips(
    cli: Cli, other: Cli, reviewed: dict[str, str], tmp_path: Path
) -> None:
    text = cli.ok("export", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    mine = [r for r in rows if r["id"] == reviewed["first"]]
    assert {r["claim"] for r in mine} == {"'=SUM(A1) is what she said"}
    assert any(r["quote"] == "'-5% as quoted" for r in rows)
    assert len(mine) == 2  # 2 sources and 2 verdicts: two rows
    other.ok("import", write(tmp_path / "out.csv", text))
    assert verdict_set(other) == verdict_set(cli)

    # A spreadsheet carries no timestamps; everything else survives.
    def fields(c: Cli) -> dict[str, Any]:
        return {
            text: {k: v for k, v in claim.items() if not k.endswith("_at")}
            for text, claim in claims(c).items()
        }

    assert fields(other) == fields(cli)


def test_jsonl_round_trip_is_lossless(
    cli: Cli, other: Cli, reviewed: dict[str, str], tmp_path: Path
) -> None:
    cli.ok("import", str(FIXTURES / "seed.json"))
    lines = cli.ok("export", "--format", "jsonl").stdout
    assert all(json.loads(line)["type"] for line in lines.splitlines())
    other.ok("import", write(tmp_path / "all.jsonl", lines))

    def native(c: Cli) -> dict[str, Any]:
        document = json.loads(c.ok("export").stdout)
        del document["exported_at"]
        return document

    assert native(other) == native(cli)


def test_filters_select_claims_and_what_they_need(cli: Cli, reviewed: dict[str, str]) -> None:
    lines = [
        json.loads(line)
        for line in cli.ok("export", "-f", "jsonl", "--speaker", "Jane Roe").stdout.splitlines()
    ]
    kinds = sorted(
        {(line["type"], line.get("name") or line.get("id") or line.get("url")) for line in lines}
    )
    assert ("claim", reviewed["first"]) in kinds and ("claim", reviewed["second"]) not in kinds
    assert ("actor", "John Doe") not in kinds and ("actor", "Verificador Ejemplo") in kinds
    reviews = json.loads(cli.ok("export", "-f", "claimreview", "--since", "2021-01-01").stdout)
    assert {r["claimReviewed"] for r in reviews} == {"=SUM(A1) is what she said"}
    native = json.loads(cli.ok("export", "--tag", "economy").stdout)
    assert [c["id"] for c in native["claims"]] == [reviewed["first"]]
    assert len(native["verdicts"]) == 2


def test_export_to_file_says_how_many(cli: Cli, reviewed: dict[str, str], tmp_path: Path) -> None:
    result = cli.ok("export", "-f", "claimreview", "-o", str(tmp_path / "r.json"))
    assert "Exported 3 reviews" in result.stderr and result.stdout == ""
    cli.fails("export", "-o", str(tmp_path / "missing" / "x.json"))
