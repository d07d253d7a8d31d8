"""Issue 12, held-out check: real publishers' ClaimReview the importer was not written against.

The samples are in fixtures/claimreview/heldout (see SOURCES.md there): other publishers and
other page templates or years than fixtures/claimreview/real, plus hand-made excerpts in the
shapes of those samples with labels in languages no licensed sample covers. Every sample goes
through the checks of tests/helpers/claimreview.py; the tests after them pin, on the smallest
excerpt that shows it, each problem the held-out samples found.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Cli, claims, summary, verdicts
from tests.helpers.claimreview import (
    ImportedSample,
    claim_problems,
    cli_runner,
    export_problems,
    first,
    import_samples,
    missing_reviews,
    published_reviews,
    reviewer_problems,
    url_problems,
)

pytestmark = pytest.mark.db  # every test here runs on PostgreSQL too

HELDOUT = Path(__file__).resolve().parent.parent.parent / "fixtures" / "claimreview" / "heldout"
HANDMADE = HELDOUT / "handmade"
MANIFEST: list[dict[str, Any]] = json.loads((HELDOUT / "manifest.json").read_text("utf-8"))
SAMPLES = {sample["file"]: sample for sample in MANIFEST}
LABELS = [
    pytest.param(sample["file"], index, id=f"{sample['file']}:{review['rating'][:20]}")
    for sample in MANIFEST
    for index, review in enumerate(sample["reviews"])
]


@pytest.fixture(scope="module")
def imported(
    tmp_path_factory: pytest.TempPathFactory,
    new_database: Callable[[Path], AbstractContextManager[str]],
) -> Iterator[Callable[[str], ImportedSample]]:
    """Every held-out sample imported, each by its own command, into one database; read back
    once, with the export and what importing that export gives."""
    with new_database(tmp_path_factory.mktemp("heldout")) as url:
        found = import_samples(MANIFEST, cli_runner(url), HELDOUT)
    yield found.__getitem__


# ---- every sample: the checks of tests/helpers/claimreview.py ----------------------------


@pytest.mark.parametrize("file", SAMPLES)
def test_sample_is_imported_fully(imported: Callable[[str], ImportedSample], file: str) -> None:
    sample = imported(file)
    assert missing_reviews(sample) == []
    assert sample.exit_code == 0, sample.stderr
    assert "rejected 0" in sample.stderr.strip().splitlines()[-1], sample.stderr


@pytest.mark.parametrize("file", SAMPLES)
def test_sample_urls_are_kept_as_published(
    imported: Callable[[str], ImportedSample], file: str
) -> None:
    sample = imported(file)
    assert missing_reviews(sample) == []
    assert url_problems(sample) == []


@pytest.mark.parametrize(("file", "index"), LABELS)
def test_sample_label_is_kept_and_read(
    imported: Callable[[str], ImportedSample], file: str, index: int
) -> None:
    sample = imported(file)
    review = SAMPLES[file]["reviews"][index]
    (verdict,) = sample.verdicts_for(review) or [None]
    assert verdict is not None, f"review lost: {sample.stderr}"
    assert (verdict["rating"].strip(), verdict["normalized"]) == (
        review["rating"],
        review["normalized"],
    )


@pytest.mark.parametrize("file", SAMPLES)
def test_sample_reviewer_and_date(imported: Callable[[str], ImportedSample], file: str) -> None:
    sample = imported(file)
    assert missing_reviews(sample) == []
    assert reviewer_problems(sample) == []


@pytest.mark.parametrize("file", SAMPLES)
def test_sample_claim_text_claimant_and_language(
    imported: Callable[[str], ImportedSample], file: str
) -> None:
    sample = imported(file)
    assert missing_reviews(sample) == []
    assert claim_problems(sample) == []


@pytest.mark.parametrize("file", SAMPLES)
def test_sample_export_passes_consumer_checks(
    imported: Callable[[str], ImportedSample], file: str
) -> None:
    sample = imported(file)
    assert missing_reviews(sample) == []
    assert export_problems(sample) == []


def test_the_export_of_every_sample_imports_back(
    imported: Callable[[str], ImportedSample], tmp_path: Path, cli: Cli
) -> None:
    """What claimtrack writes, claimtrack (and any consumer) reads: every verdict comes back
    with its label, reading, reviewer, URL and date."""
    sample = imported(next(iter(SAMPLES)))
    exported = tmp_path / "export.json"
    exported.write_text(json.dumps(sample.exported), "utf-8")
    result = cli.ok("import", str(exported))
    assert "rejected 0" in summary(result), result.stderr
    again = sorted(
        (v["url"] or "", v["rating"], v["normalized"], v["by"], v["date"] or "")
        for v in json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    )
    before = sorted(
        (v["url"] or "", v["rating"], v["normalized"], v["by"], v["date"] or "")
        for v in sample.verdicts
    )
    assert again == before


# ---- a label contradicted by its number ----------------------------------------------------


def test_label_is_read_before_a_scale_where_five_is_the_worst(cli: Cli) -> None:
    """CORRECTIV rates "Völlig falsch." (completely false) 5 of bestRating 5."""
    cli.ok("import", str(HELDOUT / "correctiv-2018-de.html"))
    (verdict,) = verdicts(cli).values()
    assert (verdict["rating"], verdict["normalized"]) == ("Völlig falsch.", "false")


# ---- a label longer than claimtrack keeps ---------------------------------------------------


def full_fact_long_review(tmp_path: Path) -> tuple[Path, str]:
    """Full Fact's second review (its label is a 205-character sentence), alone in a file."""
    (_first, second) = published_reviews(HELDOUT / "fullfact-2018-en.html")
    path = tmp_path / "fullfact-long-label.json"
    path.write_text(json.dumps(second, ensure_ascii=False), "utf-8")
    label: str = second["reviewRating"]["alternateName"]
    assert len(label) > 200
    return path, label


def test_review_with_a_sentence_for_a_label_is_not_lost(cli: Cli, tmp_path: Path) -> None:
    path, label = full_fact_long_review(tmp_path)
    result = cli.ok("import", str(path))
    assert "rejected 0" in summary(result), result.stderr
    (verdict,) = verdicts(cli).values()
    assert verdict["normalized"] == "true"  # "Correct. The Prime Minister announced…"
    assert verdict["rating"].startswith("Correct. The Prime Minister announced more money")
    assert len(verdict["rating"]) <= 200 and verdict["rating"] != label
    assert "rating label" in result.stderr  # the shortening is said


def test_a_shortened_label_is_exported_as_the_publisher_wrote_it(
    cli: Cli, tmp_path: Path
) -> None:
    path, label = full_fact_long_review(tmp_path)
    cli.ok("import", str(path))
    (exported,) = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    assert first(exported["reviewRating"])["alternateName"] == label
    again = tmp_path / "again.json"
    again.write_text(json.dumps([exported]), "utf-8")
    assert summary(cli.ok("import", str(again))).split(": ", 1)[1].startswith("added 0")


# ---- microdata reviews in an export -------------------------------------------------------


@pytest.mark.parametrize("file", ["unfake-2018-en.html", "snopes-2016-en.html"])
def test_a_microdata_review_is_exported_as_json_ld(cli: Cli, file: str) -> None:
    """Kept originals of microdata reviews are merged as JSON-LD: no microdata `properties`
    tree (a property no consumer knows) in the export."""
    cli.ok("import", str(HELDOUT / file))
    (exported,) = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    assert "properties" not in exported and "type" not in exported
    assert exported["@type"] == "ClaimReview"
    assert exported["itemReviewed"]["@type"] == "Claim"


def test_the_export_of_a_microdata_review_imports_back(cli: Cli, tmp_path: Path) -> None:
    cli.ok("import", str(HELDOUT / "snopes-2016-en.html"))
    exported = tmp_path / "export.json"
    exported.write_text(cli.ok("export", "--format", "claimreview").stdout, "utf-8")
    result = cli.ok("import", str(exported))
    assert summary(result).split(": ", 1)[1].startswith("added 0"), result.stderr
    assert "rejected 0" in summary(result)


def test_a_json_ld_review_with_a_properties_key_is_read_as_json_ld(
    cli: Cli, tmp_path: Path
) -> None:
    """What earlier exports wrote for microdata reviews: a ClaimReview with a `properties`."""
    (review,) = published_reviews(HELDOUT / "correctiv-2018-de.html")
    path = tmp_path / "with-properties.json"
    path.write_text(json.dumps([review | {"properties": {"name": ["x"]}}]), "utf-8")
    assert "rejected 0" in summary(cli.ok("import", str(path)))
    assert len(verdicts(cli)) == 1


# ---- the reviewer's type --------------------------------------------------------------------


def test_a_person_reviewer_stays_a_person_in_the_export(cli: Cli) -> None:
    """UnFake.us: a reader's annotation, its author a Person and no publisher."""
    cli.ok("import", str(HELDOUT / "unfake-2018-en.html"))
    (exported,) = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    assert exported["author"] == {"@type": "Person", "name": "UnFake.us user vinay"}


# ---- WordPress locales as inLanguage ----------------------------------------------------------


def test_a_wordpress_locale_is_read_as_a_language(cli: Cli) -> None:
    """"tr_TR" (WordPress's get_locale()) in a JSON file, where no page gives a language."""
    cli.ok("import", str(HANDMADE / "turkish-tr.json"))
    assert {c["language"] for c in claims(cli).values()} == {"tr-TR"}
    exported = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    assert {r["inLanguage"] for r in exported} == {"tr-TR"}


# ---- labels in more languages ------------------------------------------------------------------


@pytest.mark.parametrize(
    "language", ["id", "tr", "pl", "cs", "sk", "ko", "ja", "bn", "ur", "sw", "el", "nl"]
)
def test_ratings_table_has_labels_in(cli: Cli, language: str) -> None:
    table = json.loads(cli.ok("ratings", "-f", "json").stdout)
    assert any(row["language"] == language for row in table)


# ---- a rating given only as numbers -------------------------------------------------------------


def test_a_rating_given_only_as_numbers_is_exported_with_those_numbers(
    cli: Cli, tmp_path: Path
) -> None:
    """The label claimtrack makes from the numbers ("-2 on a scale of -2 to 2") goes out with
    the publisher's numbers, not with claimtrack's 1-to-5 ones that say something else."""
    (review,) = published_reviews(HELDOUT / "correctiv-2018-de.html")
    review["reviewRating"] = {
        "@type": "Rating", "ratingValue": "-2", "worstRating": "-2", "bestRating": "2"
    }
    path = tmp_path / "numbers-only.json"
    path.write_text(json.dumps(review), "utf-8")
    cli.ok("import", str(path))
    (exported,) = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    rating = first(exported["reviewRating"])
    assert rating["alternateName"] == "-2 on a scale of -2 to 2"
    assert (rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (-2, -2, 2)
