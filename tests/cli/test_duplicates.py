"""A claim or verdict sent twice (a double-click, a resent form, a command run again) is
refused, naming what is stored; --allow-duplicate records a distinct one all the same."""

from __future__ import annotations

import json

from tests.helpers import Cli, snapshot


def claim_ids(cli: Cli) -> list[str]:
    return [c["id"] for c in json.loads(cli.ok("claim", "list", "-f", "json").stdout)]


def verdict_ids(cli: Cli, claim: str) -> list[str]:
    return [v["id"] for v in json.loads(cli.ok("verdict", "list", claim, "-f", "json").stdout)]


def test_the_same_claim_twice_is_refused_naming_the_stored_one(cli: Cli) -> None:
    stored = cli.add("Vaccine X contains “microchips”", "--speaker", "Jane Roe",
                     "--date", "2024-03-01", "--source", "https://example.com/a")
    cli.ok("actor", "edit", "Jane Roe", "--alias", "J. Roe")
    before = snapshot(cli.url)
    # Another spelling of the same words, by an alias, on the same day: the import's match.
    error = cli.fails("claim", "add", "--speaker", "J. Roe", "--date", "2024-03-01",
                      "--tag", "health", "--", 'vaccine x  contains "microchips".').stderr
    assert error == (
        f"Error: The same claim (same text, speaker and date) is recorded already as {stored}. "
        f"To note where else it appeared use `claimtrack appearance add {stored} URL`; if it is "
        "a distinct claim, add it with --allow-duplicate.\n"
    )
    assert snapshot(cli.url) == before


def test_a_claim_differing_in_speaker_or_date_is_another_claim(cli: Cli) -> None:
    first = cli.add("Prices fell", "--speaker", "Jane Roe", "--date", "2024-03-01")
    others = [cli.add("Prices fell", "--speaker", "Jane Roe", "--date", "2024-03-02"),
              cli.add("Prices fell", "--speaker", "John Doe", "--date", "2024-03-01"),
              cli.add("Prices fell", "--date", "2024-03-01"),
              cli.add("Prices fell")]
    assert sorted(claim_ids(cli)) == sorted([first, *others])
    cli.fails("claim", "add", "Prices fell")  # undated, no speaker: stored just above


def test_allow_duplicate_records_a_distinct_claim_with_the_same_words(cli: Cli) -> None:
    first = cli.add("We will win", "--speaker", "Jane Roe", "--date", "2024-03-01")
    second = cli.add("We will win", "--speaker", "Jane Roe", "--date", "2024-03-01",
                     "--allow-duplicate")
    assert second != first and sorted(claim_ids(cli)) == sorted([first, second])


def test_the_same_review_url_twice_is_refused_naming_the_stored_verdict(cli: Cli) -> None:
    claim, other = cli.add("Prices fell"), cli.add("Prices rose")
    stored = cli.ok("verdict", "add", claim, "--rating", "False", "--by", "PolitiFact",
                    "--url", "https://Example.org/check/?utm_source=x").stdout.strip()
    before = snapshot(cli.url)
    # Another spelling of the url (as an import matches it), even with another label.
    error = cli.fails("verdict", "add", claim, "--rating", "Mostly false", "--by", "PolitiFact",
                      "--url", "https://example.org/check").stderr
    assert error == (
        f"Error: Claim {claim} has this verdict already as {stored} (the same review url). "
        f"List its verdicts with `claimtrack verdict list {claim}`; if it is a distinct "
        "verdict, add it with --allow-duplicate.\n"
    )
    assert snapshot(cli.url) == before
    # The same review of another claim (a page reviewing several claims) is another verdict.
    cli.ok("verdict", "add", other, "--rating", "False", "--by", "PolitiFact",
           "--url", "https://example.org/check")


def test_without_url_the_same_reviewer_rating_and_date_is_refused(cli: Cli) -> None:
    claim = cli.add("Prices fell")
    stored = cli.ok("verdict", "add", claim, "--rating", "Pants on Fire", "--by", "PolitiFact",
                    "--date", "2024-03-01").stdout.strip()
    error = cli.fails("verdict", "add", claim, "--rating", "pants on fire", "--by", "PolitiFact",
                      "--date", "2024-03-01").stderr
    assert f"has this verdict already as {stored} (the same reviewer, rating and date)" in error
    kept = [cli.ok("verdict", "add", claim, *change).stdout.strip() for change in (
        ["--rating", "Pants on Fire", "--by", "PolitiFact", "--date", "2024-03-02"],
        ["--rating", "False", "--by", "PolitiFact", "--date", "2024-03-01"],
        ["--rating", "Pants on Fire", "--by", "Snopes", "--date", "2024-03-01"],
        ["--rating", "Pants on Fire", "--by", "PolitiFact"],
    )]
    assert sorted(verdict_ids(cli, claim)) == sorted([stored, *kept])


def test_allow_duplicate_records_a_distinct_verdict(cli: Cli) -> None:
    claim = cli.add("Prices fell")
    same = ["verdict", "add", claim, "--rating", "False", "--by", "Desk", "--date", "2024-03-01"]
    first = cli.ok(*same).stdout.strip()
    second = cli.ok(*same, "--allow-duplicate").stdout.strip()
    assert sorted(verdict_ids(cli, claim)) == sorted([first, second])
