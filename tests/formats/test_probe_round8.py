"""Probe round 8, sheets and pages: CSV dates as leniently read as ClaimReview's, ClaimsKG's
column names, the message for a sheet without a claim column, Snopes' one-point "not rated"
scale, empty JSON-LD blocks, and microdata items named so a user can find them. Made-up
documents of the shapes the probe found (ClaimsKG samples, Snopes 2018, The Quint)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import Cli, claims, summary, verdicts, write

CLAIMSKG_HEADER = (
    ",rating_ratingValue,rating_worstRating,rating_bestRating,rating_alternateName,"
    "creativeWork_author_name,creativeWork_datePublished,creativeWork_author_sameAs,"
    "claimReview_author_name,claimReview_author_url,claimReview_url,claimReview_claimReviewed,"
    "claimReview_datePublished,claimReview_source,claimReview_author,extra_body,"
    "extra_refered_links,extra_title,extra_tags,extra_entities_claimReview_claimReviewed,"
    "extra_entities_body,extra_entities_keywords,extra_entities_author,related_links"
)


def test_csv_dates_without_leading_zeros_are_read(cli: Cli, tmp_path: Path) -> None:
    sheet = write(tmp_path / "vishvas.csv",
                  "claim,speaker,date,verdict,reviewer,review_url,review_date\n"
                  "Newspaper clip is real,Social media users,2021-7-9,Misleading,Vishvas News,"
                  "https://news.example.org/1,2021-7-16\n")
    result = cli.ok("import", sheet)
    assert "left out" not in result.stderr and "rejected 0" in summary(result)
    (claim,) = claims(cli).values()
    (verdict,) = verdicts(cli).values()
    assert (claim["date"], verdict["date"]) == ("2021-07-09", "2021-07-16")


def test_a_csv_date_that_is_no_date_is_still_left_out_and_the_cli_stays_strict(
    cli: Cli, tmp_path: Path
) -> None:
    sheet = write(tmp_path / "bad.csv", "claim,verdict,reviewer,review_date\nA,False,Desk,soon\n")
    assert "'soon' is not a date claimtrack can read" in cli.ok("import", sheet).stderr
    refused = cli.fails("claim", "add", "--date", "2022-1-7", "--", "B", code=1)
    assert "YYYY-MM-DD" in refused.stderr


def test_a_sheet_without_a_claim_column_names_what_it_has_and_what_is_accepted(
    cli: Cli, tmp_path: Path
) -> None:
    sheet = write(tmp_path / "odd.csv", "what,who said\nTaxes rose,Someone\n")
    line = cli.fails("import", sheet).stderr
    assert "'what', 'who said'" in line
    for accepted in ("claim", "text", "statement", "claim_reviewed", "claimreviewed",
                     "claimReview_claimReviewed"):
        assert accepted in line


def test_a_claimskg_export_imports_as_it_is(cli: Cli, tmp_path: Path) -> None:
    row = ("0,3,1,5,Misleading,Multiple Sources,2021-07-28,,factcheck_afp,,"
           "https://factcheck.example.org/throat-spray,Propolis throat spray treats coronavirus,"
           "2021-07-16,factcheck_afp,,Long body,,Misleading claim about a spray,,,,,,")
    result = cli.ok("import", write(tmp_path / "claimskg.csv", f"{CLAIMSKG_HEADER}\n{row}\n"))
    assert "rating_ratingValue" in result.stderr  # ignored, and said so
    assert "columns: (one without a heading), rating_ratingValue" in result.stderr
    (claim,) = claims(cli).values()
    assert (claim["text"], claim["speaker"], claim["date"]) == (
        "Propolis throat spray treats coronavirus", "Multiple Sources", "2021-07-28")
    (verdict,) = verdicts(cli).values()
    assert (verdict["rating"], verdict["normalized"], verdict["by"], verdict["date"],
            verdict["url"]) == ("Misleading", "mostly-false", "factcheck_afp", "2021-07-16",
                                "https://factcheck.example.org/throat-spray")


def microdata(claim: str, label: str, worst: str, best: str = "-1") -> str:
    """A Snopes-2018-style microdata review; Snopes writes -1, -1, -1: not rated."""
    return (
        '<article itemscope itemtype="http://schema.org/ClaimReview">\n'
        '<meta itemprop="url" content="https://www.snopes.example/fact-check/'
        f'{len(claim)}/"/>\n<span itemprop="claimReviewed">{claim}</span>\n'
        '<span itemprop="author" itemscope itemtype="http://schema.org/Organization">'
        '<meta itemprop="name" content="Snopes"/></span>\n'
        '<span itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating">'
        f'<meta itemprop="ratingValue" content="-1"/><meta itemprop="worstRating" '
        f'content="{worst}"/><meta itemprop="bestRating" content="{best}"/>'
        f'<meta itemprop="alternateName" content="{label}"/></span>\n</article>\n'
    )


def test_a_one_point_scale_is_no_rating_and_not_warned_about(cli: Cli, tmp_path: Path) -> None:
    news = '<article itemscope itemtype="http://schema.org/NewsArticle">News</article>\n'
    page = ("<html>\n" + microdata("Pamela Anderson died", "False", "-1") + news
            + microdata("They were school friends", "Miscaptioned", "1", "5") + "</html>")
    result = cli.ok("import", write(tmp_path / "snopes.html", page))
    warnings = result.stderr.strip().splitlines()[:-1]
    # The second review's -1 on 1 to 5 is still worth a warning, naming where it starts.
    assert warnings == [
        f"{tmp_path / 'snopes.html'}, microdata item 3 (line 9): ratingValue -1 is not on "
        "its scale (worstRating 1 to bestRating 5); the numbers were left out and the label "
        "decides."
    ]
    assert {v["rating"]: v["normalized"] for v in verdicts(cli).values()} == {
        "False": "false", "Miscaptioned": "false"}


def test_an_empty_json_ld_block_is_skipped_without_a_word(cli: Cli, tmp_path: Path) -> None:
    review = ('<script type="application/ld+json">{"@type": "ClaimReview", "claimReviewed": '
              '"A claim", "url": "https://check.example.org/1", "author": {"name": "Desk"}}'
              "</script>")
    empty = '<script type="application/ld+json"></script>'
    result = cli.ok("import", write(tmp_path / "page.html", f"<html>{empty}{review}</html>"))
    assert result.stderr.strip().splitlines() == [summary(result)]
    other = '<script type="application/ld+json">{"@type": "WebSite"}</script>'
    line = cli.fails("import", write(tmp_path / "quint.html", f"<html>{empty}{other}</html>"))
    assert "no ClaimReview JSON-LD or microdata could be read from the page." in line.stderr
    assert "not valid JSON" not in line.stderr
