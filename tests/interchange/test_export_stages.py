"""Review stages in exports: `export --published-only` in every format, the ClaimReview warning
about reviews that are not published, and CSV round trips that keep stages, speaker kinds and
sources' dates."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Cli, write


@pytest.fixture
def staged(cli: Cli) -> dict[str, str]:
    """A published claim with a published and an in-review verdict, and a draft claim whose
    verdict is published; the first claim's speaker is a person, its page has a date."""
    cli.ok("actor", "add", "Jane Roe", "--kind", "person")
    out = cli.add("Taxes rose by half", "--speaker", "Jane Roe",
                  "--source", "https://news.example.com/a")
    cli.ok("source", "edit", "https://news.example.com/a", "--published", "2021-01-02")
    draft = cli.add("Nobody has reviewed this claim yet")

    def verdict(claim: str, url: str) -> str:
        return str(cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Example Desk",
                          "--url", url).stdout.strip())

    published, in_review = verdict(out, "https://desk.example.org/1"), verdict(
        out, "https://desk.example.org/2")
    published_on_draft = verdict(draft, "https://desk.example.org/3")
    cli.ok("claim", "status", "in-review", out)
    cli.ok("claim", "status", "published", out)
    cli.ok("verdict", "status", "in-review", published, in_review, published_on_draft)
    cli.ok("verdict", "status", "published", published, published_on_draft)
    return {"out": out, "draft": draft, "published": published, "in_review": in_review}


def stages(cli: Cli) -> dict[str, str]:
    """Every claim's and verdict's review status, by id."""
    listed = json.loads(cli.ok("claim", "list", "--limit", "0", "-f", "json").stdout)
    listed += json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    return {record["id"]: record["status"] for record in listed}


def test_claimreview_export_warns_about_reviews_not_published(
    cli: Cli, staged: dict[str, str]
) -> None:
    result = cli.ok("export", "-f", "claimreview")
    assert len(json.loads(result.stdout)) == 3
    assert result.stderr.strip() == (
        "Exported 3 reviews, 2 of them not published (drafts or in review); give "
        "--published-only to leave those out.")
    published = cli.ok("export", "-f", "claimreview", "--published-only")
    (review,) = json.loads(published.stdout)
    assert review["url"] == "https://desk.example.org/1" and published.stderr == ""


@pytest.mark.parametrize("fmt", ["native", "jsonl", "csv"])
def test_published_only_keeps_published_claims_and_verdicts(
    cli: Cli, staged: dict[str, str], fmt: str
) -> None:
    text = cli.ok("export", "-f", fmt, "--published-only").stdout
    assert staged["out"] in text and staged["published"] in text
    for left_out in ("draft", "in_review"):
        assert staged[left_out] not in text
    assert "Example Desk" in text
    with_warning = cli.ok("export", "-f", "claimreview")
    assert "not published (drafts or in review)" in with_warning.stderr
    assert "not published" not in cli.ok("export", "-f", "claimreview",
                                          "--published-only").stderr


def test_csv_round_trip_keeps_stages_kinds_and_dates(
    cli: Cli, second_database_url: str, staged: dict[str, str], tmp_path: Path
) -> None:
    text = cli.ok("export", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    first = next(row for row in rows if row["verdict_id"] == staged["published"])
    assert (first["claim_status"], first["verdict_status"], first["speaker_kind"]) == (
        "published", "published", "person")
    assert [row["source_published"] for row in rows if row["source_url"]] == ["2021-01-02"]
    other = Cli(second_database_url)
    other.ok("import", write(tmp_path / "sheet.csv", text))
    assert stages(other) == stages(cli)
    assert {v for k, v in stages(other).items() if k.startswith("v-")} == {
        "published", "in-review"}
    actor: dict[str, Any] = json.loads(other.ok("actor", "show", "Jane Roe", "-f", "json").stdout)
    assert actor["kind"] == "person"
    source = json.loads(other.ok("source", "show", "https://news.example.com/a", "-f",
                                 "json").stdout)
    assert source["source"]["published"] == "2021-01-02"


def test_csv_stage_cells_are_checked(cli: Cli, tmp_path: Path) -> None:
    sheet = write(tmp_path / "s.csv", "claim,claim_status,speaker,speaker_kind\n"
                  "Taxes rose,Published,Jane Roe,Person\nTaxes fell,done,,\n")
    result = cli.fails("import", sheet, code=3)
    assert "Column 'claim_status': 'done' is not a review status" in result.stderr
    assert set(stages(cli).values()) == {"published"}
    assert json.loads(cli.ok("actor", "show", "Jane Roe", "-f", "json").stdout)["kind"] == "person"


def test_a_status_column_of_someone_elses_sheet_is_not_a_review_stage(
    cli: Cli, tmp_path: Path
) -> None:
    """Fact-check sheets use "status" for the rating: it is ignored, as it always was."""
    sheet = write(tmp_path / "theirs.csv", "claim,speaker,status\nTaxes rose,Jane Roe,false\n")
    result = cli.ok("import", sheet)
    assert "ignored" in result.stderr and "status" in result.stderr
    assert set(stages(cli).values()) == {"draft"}


def test_published_only_leaves_out_merged_drafts_and_suggested_links(cli: Cli) -> None:
    keep = cli.add("Taxes on fuel rose by a tenth in the last year", "--speaker", "Jane Roe")
    twin = cli.add("Taxes on fuel rose by a tenth in the last year!", "--speaker", "Jane Roe",
                   "--allow-duplicate")
    draft = cli.add("Internal draft wording, do not publish", "--speaker", "Anonymous X")
    for claim in (keep, twin):
        cli.ok("claim", "status", "in-review", claim)
        cli.ok("claim", "status", "published", claim)
    cli.ok("claim", "merge", keep, draft)
    cli.ok("dedupe")  # suggests keep same_as twin, with the desk's own note
    assert "suggested" in cli.ok("export", "-f", "native").stdout
    text = cli.ok("export", "-f", "native", "--published-only").stdout
    assert keep in text and twin in text
    for secret in ("Internal draft wording", "Anonymous X", "suggested", "dedupe"):
        assert secret not in text


def test_an_import_never_moves_a_stored_review_stage(cli: Cli, tmp_path: Path) -> None:
    """An older export must not publish again what was taken back since; stages move by
    `claim status` and `verdict status`, whose rules an import would skip."""
    claim = cli.add("Taxes on fuel rose by a tenth", "--speaker", "Jane Roe")
    verdict = cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Desk").stdout.strip()
    cli.ok("claim", "status", "in-review", claim)
    cli.ok("verdict", "status", "in-review", verdict)
    for fmt in ("native", "csv"):
        old = write(tmp_path / f"old.{'json' if fmt == 'native' else fmt}",
                    cli.ok("export", "-f", fmt).stdout)
        cli.ok("claim", "status", "draft", claim)
        cli.ok("verdict", "status", "draft", verdict)
        result = cli.ok("import", old)
        assert "stored review stages kept 2 (claims 1, verdicts 1)" in result.stderr
        assert stages(cli) == {claim: "draft", verdict: "draft"}
        cli.ok("claim", "status", "in-review", claim)
        cli.ok("verdict", "status", "in-review", verdict)


def test_a_reimport_that_keeps_every_stage_says_nothing_about_stages(
    cli: Cli, tmp_path: Path
) -> None:
    """A file that gives no stage (ClaimReview) or the stored ones: no "stages kept 0" line."""
    page = write(tmp_path / "page.json", json.dumps({
        "@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "Taxes rose.",
        "url": "https://desk.example.org/taxes", "author": {"name": "Example Desk"},
        "reviewRating": {"alternateName": "False"}}))
    cli.ok("import", page)
    again = cli.ok("import", page)
    assert "unchanged 2 (claims 1, verdicts 1)" in again.stderr
    assert "stages kept" not in again.stderr and "`verdict status`" not in again.stderr
    native = write(tmp_path / "all.json", cli.ok("export").stdout)
    assert "stages kept" not in cli.ok("import", native).stderr


def test_the_web_import_page_words_kept_stages_without_commands(
    cli: Cli, tmp_path: Path
) -> None:
    """docs/web.md: the web never shows a command to type; the claim's page moves a stage."""
    from tests.helpers.web import web_client

    claim = cli.add("Taxes on fuel rose by a tenth", "--speaker", "Jane Roe")
    verdict = cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Desk").stdout.strip()
    cli.ok("verdict", "status", "in-review", verdict)
    older = cli.ok("export").stdout.encode()  # says in-review
    cli.ok("verdict", "status", "draft", verdict)
    with web_client(cli.url) as web:
        kept = web.submit("/import", {"format": "auto"}, page="/import",
                          files={"file": ("old.json", older, "application/json")})
        assert kept.status_code == 200
        assert "stored review stages kept 1 (verdicts 1): the file gives others; change a stage " \
            "under “Review status” on the claim&#39;s page." in kept.text
        assert "verdict status" not in kept.text and "`" not in kept.text
        cli.ok("verdict", "status", "in-review", verdict)
        same = web.submit("/import", {"format": "auto"}, page="/import",
                          files={"file": ("same.json", older, "application/json")})
        assert same.status_code == 200 and "unchanged" in same.text
        assert "stages kept" not in same.text
